package storage

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// fileID is a file's identity: its device and inode. A file moved away and
// back keeps it; a file removed, or replaced by another (a copy, a new empty
// one), does not.
type fileID struct{ dev, ino uint64 }

// identify returns the identity of the file at path.
func identify(path string) (fileID, error) {
	info, err := os.Stat(path)
	if err != nil {
		return fileID{}, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return fileID{}, errors.New("the system gives no device and inode")
	}
	return fileID{dev: uint64(st.Dev), ino: st.Ino}, nil
}

// wOK is access(2)'s mode for "may write".
const wOK = 2

// stillOpen checks that the file at the database's path is the one Open
// opened and that it, its directory and its -wal and -shm are writable. SQLite keeps writing to
// the file it has open even after it is removed, or its directory is: those
// writes would be lost at the next start, so they are refused instead, and
// Ping reports the database unhealthy, until the same file is back. A stat and
// an access call cost a few microseconds, nothing beside a commit's sync.
func (db *DB) stillOpen() error {
	id, err := identify(db.path)
	switch {
	case err != nil:
		return fmt.Errorf("the database file is gone: %w", err)
	case id != db.id:
		return fmt.Errorf("%s is no longer the file planbot opened (removed, moved or replaced): put it back, or restart planbot to open the new one", db.path)
	}
	for _, p := range []string{db.path, filepath.Dir(db.path)} {
		if err := syscall.Access(p, wOK); err != nil {
			return fmt.Errorf("%s is not writable: %w", p, err)
		}
	}
	// SQLite opens a -wal or -shm it cannot write read-only, and then every
	// write fails ("attempt to write a readonly database"): left so by
	// another user's process, say. Either may be absent between connections.
	for _, p := range []string{db.path + "-wal", db.path + "-shm"} {
		if err := syscall.Access(p, wOK); err != nil && !errors.Is(err, syscall.ENOENT) {
			return fmt.Errorf("%s is not writable: %w", p, err)
		}
	}
	return nil
}
