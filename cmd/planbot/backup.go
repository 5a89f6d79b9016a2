package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// backup writes a consistent copy of the database to a new file, even while
// planbot serve is running and writing.
func (e *environment) backup(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("backup", &cfg, e.getenv, e.stderr)
	if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
		return cfg.parse(fs, args, e.now) // the flags' help
	}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		return usagef("backup: give the file to write: planbot backup planbot-backup.db")
	}
	target, args := args[0], args[1:]
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	if _, err := os.Stat(target); err == nil {
		return usagef("backup: %s exists already; choose a new file", target)
	}
	if dir := filepath.Dir(target); !exists(dir) {
		return usagef("backup: directory %s does not exist: mkdir -p %s", dir, shellQuote(dir))
	}
	db, err := openDB(ctx, cfg.db, false)
	if err != nil {
		return err
	}
	defer closeErr(db.Close, &err)
	if err := db.Backup(ctx, target); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "backed up %s to %s\n", cfg.db, target)
	return nil
}
