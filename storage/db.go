// Package storage keeps planbot's teams, members, items, item history and notes
// in a SQLite file. It implements planner.Store.
//
// Every method of DB runs in one transaction and is scoped by team (a method
// that writes may share its transaction with other writes, in a savepoint of
// its own: it still commits or fails alone). Reads run on a pool of their own,
// beside the writer. Errors are
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
	"runtime"
	"sync"
	"time"

	"github.com/mattn/go-sqlite3"
	"github.com/pressly/goose/v3"

	"planbot/planner"
)

var _ planner.Store = (*DB)(nil)

//go:embed migrations/*.sql
var migrations embed.FS

// settings are applied by the driver to every connection of the write pool, so
// that each enforces foreign keys, waits for locks, takes the write lock when a
// transaction begins and syncs each commit to disk.
const settings = "_foreign_keys=on&_busy_timeout=5000&_journal_mode=WAL&_txlock=immediate&_synchronous=FULL&" + stmtCache

// readSettings are applied to every connection of the read pool: the same
// foreign keys and busy timeout, but deferred transactions (a read transaction
// takes no write lock, and in WAL mode runs beside the writer on a snapshot)
// and query_only, so that a write sent there by mistake fails instead of
// competing with the writer. The file is in WAL mode already: the write pool,
// opened first, set it (it persists in the file).
const readSettings = "_foreign_keys=on&_busy_timeout=5000&_txlock=deferred&_query_only=on&" + stmtCache

// stmtCache has the driver keep each connection's last 64 statements prepared:
// every command runs the same few queries, and preparing one (compiling the
// tables' CHECK constraints into each INSERT) costs more than running it.
const stmtCache = "_stmt_cache_size=64"

// backupSettings are those of the connection Backup opens: a reader's, but
// free to write the copy.
const backupSettings = "_foreign_keys=on&_busy_timeout=5000&_txlock=deferred"

// DB is planbot's SQLite database. It is safe for concurrent use.
//
// It holds two pools on the same file. The write pool (sql) has a single
// connection, so that writers queue in Go rather than spin on SQLITE_BUSY; every
// method that writes uses it. The read pool (read) has several connections, for
// the methods that only read. Every write goes through one writer goroutine,
// which commits the writes queued at once in one transaction (see group.go).
type DB struct {
	path string
	id   fileID // the identity of the file opened at path
	sql  *sql.DB
	read *sql.DB

	writes chan *writeRequest // to the writer goroutine; unbuffered
	quit   chan struct{}      // closed by Close: the writer goroutine stops
	done   chan struct{}      // closed by the writer goroutine when it has stopped

	closeOnce sync.Once
	closeErr  error

	stats batchStats

	keys sync.Map // team id → *teamKeys: the company keys MatchCompanies compares
}

// readConns is the size of the read pool.
func readConns() int { return max(4, 2*runtime.GOMAXPROCS(0)) }

// Open opens the SQLite database at path, creating the file if needed (but not
// its directory), and brings its schema up to date.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, errors.New("storage: open: empty database path")
	}
	if err := createPrivate(path); err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	id, err := identify(path)
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	writeDB, err := sql.Open("sqlite3", dsn(path, settings))
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	writeDB.SetMaxOpenConns(1)
	writeDB.SetMaxIdleConns(1)
	if err := writeDB.PingContext(ctx); err != nil {
		writeDB.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	if err := migrate(ctx, writeDB); err != nil {
		writeDB.Close()
		return nil, fmt.Errorf("storage: migrate %s: %w", path, err)
	}
	if err := rekeyCompanies(ctx, writeDB); err != nil {
		writeDB.Close()
		return nil, fmt.Errorf("storage: %s: %w", path, err)
	}
	// The read pool opens only once the schema is up to date (and the file is
	// in WAL mode).
	readDB, err := sql.Open("sqlite3", dsn(path, readSettings))
	if err != nil {
		writeDB.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	readDB.SetMaxOpenConns(readConns())
	readDB.SetMaxIdleConns(readConns())
	if err := readDB.PingContext(ctx); err != nil {
		readDB.Close()
		writeDB.Close()
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	db := &DB{
		path:   path,
		id:     id,
		sql:    writeDB,
		read:   readDB,
		writes: make(chan *writeRequest),
		quit:   make(chan struct{}),
		done:   make(chan struct{}),
	}
	go db.writer()
	return db, nil
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

// dsn returns the driver's name for the file at path with settings: a file:
// URI, with the path escaped so that spaces, '?', '#' and '%' in it are taken
// literally.
func dsn(path, settings string) string {
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

// Close stops the writer goroutine, once it has answered every write it took
// (a write that it did not take fails), then closes both pools. Calls after
// the first return the first's result.
func (db *DB) Close() error {
	db.closeOnce.Do(func() {
		close(db.quit)
		<-db.done
		db.closeErr = errors.Join(db.read.Close(), db.sql.Close())
	})
	return db.closeErr
}

// Ping checks that the database can still be reached, by both pools, and
// that its file is still the one opened, writable (see stillOpen).
func (db *DB) Ping(ctx context.Context) error {
	return errors.Join(db.stillOpen(), db.sql.PingContext(ctx), db.read.PingContext(ctx))
}

// begin starts a transaction on the write pool, unless the database's file is
// no longer the one opened (see stillOpen). The DSN's _txlock makes it BEGIN
// IMMEDIATE, so that a transaction that reads and then writes never fails to
// upgrade its lock. The pool's one connection makes writers queue in Go.
func (db *DB) begin(ctx context.Context) (*sql.Tx, error) {
	if err := db.stillOpen(); err != nil {
		return nil, err
	}
	return db.sql.BeginTx(ctx, nil)
}

// beginRead starts a read transaction on the read pool: a deferred BEGIN, so
// its statements see one snapshot of the database, taken without the write
// lock, while the writer goes on.
func (db *DB) beginRead(ctx context.Context) (*sql.Tx, error) {
	return db.read.BeginTx(ctx, nil)
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
	// A connection of the path's own would copy whatever file is there now.
	if err := db.stillOpen(); err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	// The copy is private from its first byte: VACUUM INTO fills an empty file.
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	// A connection of its own: the write pool's one connection would hold up
	// the writers for the whole copy, and the read pool's are query_only,
	// which VACUUM INTO's writes to the copy trip over.
	conn, err := sql.Open("sqlite3", dsn(db.path, backupSettings))
	if err != nil {
		os.Remove(path)
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `VACUUM INTO ?`, path); err != nil {
		os.Remove(path)
		return fmt.Errorf("storage: backup to %s: %w", path, err)
	}
	return nil
}

// read runs f in a read transaction on the read pool, so that all it reads
// comes from one snapshot, and returns f's result once the transaction ends.
// f's statements run under the context it is given: ctx.
func read[T any](ctx context.Context, db *DB, f func(ctx context.Context, tx *sql.Tx) (T, error)) (T, error) {
	var zero T
	tx, err := db.beginRead(ctx)
	if err != nil {
		return zero, err
	}
	defer tx.Rollback()
	v, err := f(ctx, tx)
	if err != nil {
		return zero, err
	}
	return v, tx.Commit()
}

// queryAll runs query in tx and reads every row with scan.
func queryAll[T any](ctx context.Context, tx *sql.Tx, scan func(scanner) (T, error), query string, args ...any) ([]T, error) {
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []T
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		all = append(all, v)
	}
	return all, rows.Err()
}
