// Package storage keeps planbot's teams, members, items, item history and notes
// in a SQLite file. It implements planner.Store.
//
// Every method of DB runs in one transaction and is scoped by team. Errors are
// *planner.Error: NotFound for a missing item, team or member, Internal (Reason
// internal_fail, with the cause wrapped) for everything else. Nothing is ever
// deleted, except by ForgetMember.
package storage

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/pressly/goose/v3"

	"planbot/planner"
)

var _ planner.Store = (*DB)(nil)

//go:embed migrations/*.sql
var migrations embed.FS

// settings are applied by the driver to every connection it opens, so that each
// connection in the pool enforces foreign keys, waits for locks, and takes the
// write lock when a transaction begins.
const settings = "_foreign_keys=on&_busy_timeout=5000&_journal_mode=WAL&_txlock=immediate&_synchronous=FULL"

// DB is planbot's SQLite database. It is safe for concurrent use.
type DB struct {
	sql *sql.DB
}

// Open opens the SQLite database at path, creating the file if needed (but not
// its directory), and brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("storage: open: empty database path")
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	sqlDB, err := sql.Open("sqlite3", dsn(path))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if err := sqlDB.PingContext(ctx); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if err := migrate(ctx, sqlDB); err != nil {
		sqlDB.Close()
		return nil, fmt.Errorf("storage: migrate %s: %w", path, err)
	}
	return &DB{sql: sqlDB}, nil
}

// createPrivate creates the database file readable by its owner only (0600),
// if it does not exist yet; SQLite gives its -wal and -shm files the same mode.
func createPrivate(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		return nil
	}
	if err != nil {
		return err
	}
	return f.Close()
}

// dsn returns the driver's name for the file at path: a file: URI, with the
// path escaped so that spaces, '?', '#' and '%' in it are taken literally.
func dsn(path string) string {
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + settings
}

// migrate applies the embedded migrations that the database lacks, each in its
// own transaction.
func migrate(ctx context.Context, sqlDB *sql.DB) error {
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		return err
	}
	provider, err := goose.NewProvider(goose.DialectSQLite3, sqlDB, fsys)
	if err != nil {
		return err
	}
	_, err = provider.Up(ctx)
	return err
}

// Close closes the database.
func (db *DB) Close() error { return db.sql.Close() }

// Ping checks that the database can still be reached.
func (db *DB) Ping(ctx context.Context) error { return db.sql.PingContext(ctx) }

// begin starts a transaction. The DSN's _txlock makes it BEGIN IMMEDIATE, so
// that a transaction that reads and then writes never fails to upgrade its lock.
func (db *DB) begin(ctx context.Context) (*sql.Tx, error) {
	return db.sql.BeginTx(ctx, nil)
}

// wrapErr turns the error *errp into a *planner.Error for a Store method named
// op: a *planner.Error made by this package is kept, anything else becomes Internal.
func wrapErr(errp *error, op string) {
	err := *errp
	if err == nil {
		return
	}
	if _, ok := err.(*planner.Error); ok {
		return
	}
	*errp = &planner.Error{
		Code:   planner.Internal,
		Reason: planner.ReasonInternalFail,
		Err:    fmt.Errorf("storage: %s: %w", op, err),
	}
}

// noItem is the NotFound error for an item id that the team does not have.
func noItem(id int64) error {
	return planner.Errorf(planner.NotFound, planner.ReasonNoItem, fmt.Sprint(id))
}

// memberless explains a foreign key failure where a member was required: the
// caller did not call EnsureMember first.
func memberless(err error, teamID, userID string) error {
	var sqlErr sqlite3.Error
	if errors.As(err, &sqlErr) && sqlErr.ExtendedCode == sqlite3.ErrConstraintForeignKey {
		return fmt.Errorf("no member %q in team %q (EnsureMember first): %w", userID, teamID, err)
	}
	return err
}

// formatTime renders an instant for storage: UTC, RFC 3339 with nanoseconds.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// parseTime reads an instant written by formatTime.
func parseTime(s string) (time.Time, error) { return time.Parse(time.RFC3339Nano, s) }

// Backup writes a consistent snapshot of the database to a new file at path
// (mode 0600), while others go on reading and writing. It uses VACUUM INTO, one
// statement and one read transaction, which (unlike the incremental backup
// API) cannot be restarted forever by a busy writer.
func (db *DB) Backup(ctx context.Context, path string) error {
	// The copy is private from its first byte: VACUUM INTO fills an empty file.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	if _, err := db.sql.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	return nil
}
