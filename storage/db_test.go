package storage

import (
	"os"
	"path/filepath"
	"testing"
)

func TestOpenMigratesOnceAndReopens(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planbot.db")
	for i := range 2 {
		db, err := Open(t.Context(), path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		var version, applied int64
		err = db.sql.QueryRowContext(t.Context(),
			`SELECT MAX(version_id), COUNT(*) FROM goose_db_version WHERE version_id > 0`).Scan(&version, &applied)
		if err != nil {
			t.Fatalf("Open #%d: reading goose_db_version: %v", i+1, err)
		}
		if want, files := latestVersion(t), int64(len(migrationFiles(t))); version != want || applied != files {
			t.Errorf("Open #%d: version %d with %d migrations applied, want %d and %d", i+1, version, applied, want, files)
		}
		for _, table := range []string{"teams", "members", "items", "item_history", "notes", "sends", "schedules"} {
			var n int
			err := db.sql.QueryRowContext(t.Context(),
				`SELECT COUNT(*) FROM sqlite_schema WHERE type = 'table' AND name = ?`, table).Scan(&n)
			if err != nil || n != 1 {
				t.Errorf("Open #%d: table %s: count %d, err %v", i+1, table, n, err)
			}
		}
		if err := db.Ping(t.Context()); err != nil {
			t.Errorf("Ping: %v", err)
		}
		if err := db.Close(); err != nil {
			t.Fatalf("Close #%d: %v", i+1, err)
		}
	}
}

func TestEveryPooledConnectionHasTheSettings(t *testing.T) {
	db := MustOpenDB(t)
	const n = 3
	db.sql.SetMaxOpenConns(n)
	// Holding n connections at once makes them n distinct connections.
	for i := range n {
		conn, err := db.sql.Conn(t.Context())
		if err != nil {
			t.Fatalf("conn %d: %v", i, err)
		}
		defer conn.Close()
		for _, tt := range []struct {
			pragma string
			want   string
		}{
			{"foreign_keys", "1"},
			{"journal_mode", "wal"},
			{"busy_timeout", "5000"},
			{"synchronous", "2"}, // FULL
		} {
			var got string
			if err := conn.QueryRowContext(t.Context(), "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatalf("conn %d: PRAGMA %s: %v", i, tt.pragma, err)
			}
			if got != tt.want {
				t.Errorf("conn %d: PRAGMA %s = %s, want %s", i, tt.pragma, got, tt.want)
			}
		}
	}
	if got := db.sql.Stats().OpenConnections; got != n {
		t.Errorf("%d open connections, want %d", got, n)
	}
}

func TestOpenPathWithOddCharacters(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "odd dir #1 ?x=y&z %20 计划")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "plan?bot#.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if err := db.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if _, err := os.Stat(path); err != nil {
		t.Errorf("database not created at the path given: %v", err)
	}
}

func TestOpenFails(t *testing.T) {
	for _, tt := range []struct {
		name string
		path string
	}{
		{"missing directory", filepath.Join(t.TempDir(), "missing", "planbot.db")},
		{"empty path", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db, err := Open(t.Context(), tt.path)
			if err == nil {
				db.Close()
				t.Fatal("Open succeeded, want an error")
			}
			t.Log(err)
		})
	}
}

// The database holds people's plans: only its owner may read it.
func TestOpenCreatesAPrivateFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planbot.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, p := range []string{path, path + "-wal", path + "-shm"} {
		info, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		if mode := info.Mode().Perm(); mode != 0o600 {
			t.Errorf("%s has mode %o, want 600", filepath.Base(p), mode)
		}
	}
}

// Backup writes a copy that opens and holds the same rows.
func TestBackup(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	copyPath := filepath.Join(t.TempDir(), "copy.db")
	if err := db.Backup(ctx, copyPath); err != nil {
		t.Fatal(err)
	}
	if err := db.Backup(ctx, copyPath); err == nil {
		t.Error("Backup overwrote an existing file")
	}
	backup, err := Open(ctx, copyPath)
	if err != nil {
		t.Fatal(err)
	}
	defer backup.Close()
	members, err := backup.Members(ctx, "T1")
	if err != nil || len(members) != 1 || members[0].Name != "王芳" {
		t.Fatalf("backup holds %+v, %v", members, err)
	}
}
