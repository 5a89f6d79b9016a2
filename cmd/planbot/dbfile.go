package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"planbot/storage"
)

// openDB opens the database at path. console and serve (create) make it when
// it is missing, in a directory that must exist; the operator commands never
// do: a mistyped PLANBOT_DB must not give an empty database that looks fine.
func openDB(ctx context.Context, path string, create bool) (*storage.DB, error) {
	if err := checkDBPath(path, create); err != nil {
		return nil, err
	}
	db, err := storage.Open(ctx, path)
	if err != nil {
		return nil, usagef("PLANBOT_DB/--db: cannot open %s: %v", path, openCause(err))
	}
	return db, nil
}

// checkDBPath says what is wrong with a database path before storage.Open
// tries it: no file where one must exist, or no directory to create it in.
func checkDBPath(path string, create bool) error {
	if exists(path) {
		return nil // or storage.Open says what else is wrong
	}
	if !create {
		return usagef("no database at %s; set PLANBOT_DB or --db", path)
	}
	if dir := filepath.Dir(path); !exists(dir) {
		return usagef("PLANBOT_DB/--db: directory %s does not exist: mkdir -p %s", dir, shellQuote(dir))
	}
	return nil
}

// exists reports whether path is not missing: when it cannot tell (no
// permission to look), the error comes from what opens it next.
func exists(path string) bool {
	_, err := os.Stat(path)
	return !errors.Is(err, fs.ErrNotExist)
}

// openCause is what went wrong in storage.Open without the path that its
// wrapping repeats: "storage: open X: open X: permission denied" is
// "permission denied".
func openCause(err error) error {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err
	}
	if cause := errors.Unwrap(err); cause != nil {
		return cause
	}
	return err
}

// shellQuote quotes s for a shell command line when it needs it.
func shellQuote(s string) string {
	if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/._-+:@%,") == "" {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
