package storagetest

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
)

// FuzzRotate is how many inputs run on one fuzz database before a fresh one,
// so that the weeks shown stay small and the inputs fast.
const FuzzRotate = 2000

// Fuzz gives a fuzz target's inputs a service at plannertest's fixed clock on
// a SQLite file in a directory of the process's own (f.Fuzz has no TempDir
// per input), started over every FuzzRotate inputs with the seed week of
// every plannertest.FuzzActors member. Safe for concurrent use.
type Fuzz struct {
	mu  sync.Mutex
	dir string
	db  *storage.DB
	svc *planner.Service
	n   int // inputs run on db
}

// NewFuzz makes the process's directory, removed when f ends.
func NewFuzz(f *testing.F) *Fuzz {
	dir, err := makeFuzzDir()
	if err != nil {
		f.Fatalf("fuzz database: %v", err)
	}
	z := &Fuzz{dir: dir}
	f.Cleanup(func() {
		if z.db != nil {
			z.db.Close()
		}
		os.RemoveAll(dir)
	})
	return z
}

// Next returns the service for the next input, on a fresh database when it
// is the first or the current one has had its share.
func (z *Fuzz) Next(t testing.TB) *planner.Service {
	z.mu.Lock()
	defer z.mu.Unlock()
	if z.svc != nil && z.n < FuzzRotate {
		z.n++
		return z.svc
	}
	path := filepath.Join(z.dir, "planbot.db")
	if z.db != nil {
		z.db.Close()
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(path + suffix)
		}
	}
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatalf("fuzz database: %v", err)
	}
	svc := planner.NewService(db, plannertest.Options())
	// Each team starts with the seed week, so that ids name real items.
	for _, a := range plannertest.FuzzActors {
		team, member, err := svc.Join(context.Background(), a)
		if err != nil {
			t.Fatalf("fuzz database: join %s: %v", a.UserName, err)
		}
		for _, line := range plannertest.WeekLines[:plannertest.SeedWeekLen] {
			if _, _, err := svc.For(team, member).Add(context.Background(), a, line); err != nil {
				t.Fatalf("seed %q failed: %v", line, err)
			}
		}
	}
	z.db, z.svc, z.n = db, svc, 1
	return svc
}

// makeFuzzDir makes the process's directory, in memory when it can, named
// after the process, so that the directories of fuzz workers stopped by a
// signal (which never clean up) are removed by later ones.
func makeFuzzDir() (string, error) {
	parent := os.TempDir()
	if st, err := os.Stat("/dev/shm"); err == nil && st.IsDir() {
		parent = "/dev/shm"
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		stale, _ := filepath.Glob(filepath.Join(parent, "planbot-fuzz-*-*"))
		for _, dir := range stale {
			pid := strings.Split(filepath.Base(dir), "-")[2]
			if _, err := os.Stat(filepath.Join("/proc", pid)); errors.Is(err, fs.ErrNotExist) {
				os.RemoveAll(dir)
			}
		}
	}
	return os.MkdirTemp(parent, fmt.Sprintf("planbot-fuzz-%d-", os.Getpid()))
}
