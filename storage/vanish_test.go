package storage

import (
	"os"
	"path/filepath"
	"testing"

	"planbot/planner"
)

// While the database's file is not the one planbot opened — its directory
// removed, moved away, or the file replaced — writes are refused (nothing
// stored, an Internal error the bot answers with "nothing was changed") and
// Ping fails. The same file back at its path (same device and inode) is
// healthy again; a different file needs a restart, which opens it.
func TestWritesRefusedWhileTheFileIsNotTheOneOpened(t *testing.T) {
	ctx := t.Context()
	add := func(db *DB, user string) error {
		_, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1", Name: "Team T1"}, planner.Member{TeamID: "T1", UserID: user, Name: user})
		return err
	}
	open := func(t *testing.T) (*DB, string, string) {
		t.Helper()
		dir := filepath.Join(t.TempDir(), "data")
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, "planbot.db")
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { db.Close() })
		if err := add(db, "U1"); err != nil {
			t.Fatal(err)
		}
		return db, dir, path
	}
	refused := func(t *testing.T, db *DB, user string) {
		t.Helper()
		wantCode(t, add(db, user), planner.Internal)
		if err := db.Ping(ctx); err == nil {
			t.Error("Ping succeeds")
		}
	}
	healthy := func(t *testing.T, db *DB, user string) {
		t.Helper()
		if err := add(db, user); err != nil {
			t.Errorf("write refused: %v", err)
		}
		if err := db.Ping(ctx); err != nil {
			t.Errorf("Ping: %v", err)
		}
	}
	members := func(t *testing.T, path string) int {
		t.Helper()
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		return len(mustMembers(t, db, "T1"))
	}

	t.Run("directory removed, then made again", func(t *testing.T) {
		db, dir, path := open(t)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		refused(t, db, "U2")
		// A new directory, even a new file at the path, is not the file opened.
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		refused(t, db, "U3")
		if err := os.WriteFile(path, nil, 0o600); err != nil {
			t.Fatal(err)
		}
		refused(t, db, "U4")
		db.Close()
		if n := members(t, path); n != 0 {
			t.Errorf("the new file holds %d members, want none (the removed one's are gone, and nothing was written after)", n)
		}
	})
	t.Run("directory moved away and back", func(t *testing.T) {
		db, dir, path := open(t)
		if err := os.Rename(dir, dir+".away"); err != nil {
			t.Fatal(err)
		}
		refused(t, db, "U2")
		if err := os.Rename(dir+".away", dir); err != nil {
			t.Fatal(err)
		}
		healthy(t, db, "U3")
		db.Close()
		if n := members(t, path); n != 2 {
			t.Errorf("%d members after a restart, want U1 and U3", n)
		}
	})
	t.Run("file replaced by a copy", func(t *testing.T) {
		db, _, path := open(t)
		copyPath := path + ".copy"
		if err := db.Backup(ctx, copyPath); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(copyPath, path); err != nil {
			t.Fatal(err)
		}
		refused(t, db, "U2")
		if err := db.Backup(ctx, filepath.Join(t.TempDir(), "backup.db")); err == nil {
			t.Error("Backup copied a file that is not the one opened")
		}
		db.Close()
		if n := members(t, path); n != 1 {
			t.Errorf("%d members in the copy after a restart, want U1", n)
		}
	})
}
