package benchdb

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"

	"planbot/storage"
)

// Cached returns the path of a database of spec in os.TempDir(), generating it
// only if it is not there yet: planbot-bench-<size>-<hash>.db, where the hash
// covers the spec, the generator's version and the schema that storage's
// migrations make, so a new migration or a change to the generated data
// gives a new file. The file is generated under a temporary name and renamed
// into place, so that an interrupted run never leaves a half-written file
// under the final name. Callers must not write to the file: open it with
// storage.Open and only read, or copy it first.
func Cached(ctx context.Context, spec Spec) (string, error) {
	if err := spec.Validate(); err != nil {
		return "", err
	}
	schema, err := schemaFingerprint(ctx)
	if err != nil {
		return "", err
	}
	key := spec.key()
	sum := sha256.Sum256(append(key[:], schema...))
	name := fmt.Sprintf("planbot-bench-%dx%dx%dx%d-%s.db",
		spec.Teams, spec.MembersPerTeam, spec.Weeks, spec.ItemsPerWeek, hex.EncodeToString(sum[:6]))
	path := filepath.Join(os.TempDir(), name)
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Size() > 0 {
		return path, nil
	}
	f, err := os.CreateTemp(os.TempDir(), name+".tmp-*")
	if err != nil {
		return "", fmt.Errorf("benchdb: %w", err)
	}
	tmp := f.Name()
	f.Close()
	if err := Generate(ctx, tmp, spec); err != nil {
		os.Remove(tmp) // Generate removes what it made; the empty file is Cached's
		return "", err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return "", fmt.Errorf("benchdb: %w", err)
	}
	return path, nil
}

// schemaFingerprint is the schema storage.Open makes in a new database: every
// table's and index's SQL and the migration versions applied, as one string.
func schemaFingerprint(ctx context.Context) (string, error) {
	dir, err := os.MkdirTemp("", "planbot-bench-schema-")
	if err != nil {
		return "", fmt.Errorf("benchdb: %w", err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "schema.db")
	db, err := storage.Open(ctx, path)
	if err != nil {
		return "", fmt.Errorf("benchdb: %w", err)
	}
	if err := db.Close(); err != nil {
		return "", fmt.Errorf("benchdb: %w", err)
	}
	sqlDB, err := sql.Open("sqlite3", "file:"+path+"?mode=ro")
	if err != nil {
		return "", fmt.Errorf("benchdb: %w", err)
	}
	defer sqlDB.Close()
	var schema, versions string
	err = sqlDB.QueryRowContext(ctx, `
		SELECT (SELECT group_concat(type || ' ' || name || ': ' || COALESCE(sql, ''), char(10))
		        FROM (SELECT * FROM sqlite_schema ORDER BY type, name)),
		       (SELECT group_concat(version_id, ',')
		        FROM (SELECT version_id FROM goose_db_version WHERE is_applied ORDER BY id))`).Scan(&schema, &versions)
	if err != nil {
		return "", fmt.Errorf("benchdb: read schema: %w", err)
	}
	return schema + "\nversions " + versions, nil
}
