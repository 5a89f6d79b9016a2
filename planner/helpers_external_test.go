package planner_test

import (
	"path/filepath"
	"testing"
	"time"

	"planbot/planner"
	"planbot/storage"
)

// The helpers that more than one test file of package planner_test uses; a
// helper only one file uses stays in that file, beside its tests.

// serviceOnDisk is a Service on a real SQLite file in a temporary directory,
// in Chinese, its clock at Monday 2025-11-17 09:00 in Shanghai, with team T1
// and its member U1.
func serviceOnDisk(t *testing.T) (*planner.Service, *storage.DB) {
	t.Helper()
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	db, err := storage.Open(t.Context(), filepath.Join(t.TempDir(), "planbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	svc := planner.NewService(db, planner.Options{Loc: shanghai, Lang: planner.Chinese,
		Now: func() time.Time { return time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai) }})
	team := planner.Team{ID: "T1", Name: "Team T1"}
	if _, _, err := db.EnsureMember(t.Context(), team, planner.Member{TeamID: "T1", UserID: "U1", Name: "U1"}); err != nil {
		t.Fatal(err)
	}
	return svc, db
}
