package storagetest

import (
	"path/filepath"
	"sync"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
)

// Open opens a fresh database in t's TempDir, closed when t ends.
func Open(t testing.TB) *storage.DB {
	t.Helper()
	return OpenAt(t, filepath.Join(t.TempDir(), "planbot.db"))
}

// OpenAt opens (creating) the database at path, closed when t ends.
func OpenAt(t testing.TB, path string) *storage.DB {
	t.Helper()
	db, err := storage.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("storage.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("close database: %v", err)
		}
	})
	return db
}

// Service returns a service on a fresh database (Open) at plannertest's
// fixed clock, zone and language (plannertest.Options), and the database,
// for the tests that look at what was stored.
func Service(t testing.TB) (*planner.Service, *storage.DB) {
	t.Helper()
	db := Open(t)
	svc := planner.NewService(db, plannertest.Options())
	databases.Store(svc, db)
	t.Cleanup(func() { databases.Delete(svc) })
	return svc, db
}

// databases holds the database of each service Service made.
var databases sync.Map // *planner.Service → *storage.DB

// DB returns the database of a service Service made, for the tests that
// hold the service only, as a handler does. It panics for any other service.
func DB(svc *planner.Service) *storage.DB {
	db, _ := databases.Load(svc)
	return db.(*storage.DB)
}
