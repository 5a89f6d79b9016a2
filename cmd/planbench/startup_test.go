package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"planbot/cmd/planbench/internal/benchdb"
	"planbot/planner"
	"planbot/storage"
)

// gendb writes a small generated database that storage reads back.
func TestGendb(t *testing.T) {
	path := filepath.Join(t.TempDir(), "small.db")
	var out, errs bytes.Buffer
	args := []string{"gendb", "--out", path, "--teams", "2", "--members", "3", "--weeks", "2", "--items", "2", "--current", "1"}
	if err := run(t.Context(), args, &out, &errs); err != nil {
		t.Fatalf("gendb: %v\n%s", err, errs.String())
	}
	if !strings.Contains(out.String(), "= 24 items") {
		t.Errorf("gendb said %q, want 24 items", out.String())
	}
	db, err := storage.Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	w := planner.Week{Year: 2025, Num: 1}
	items, err := db.ItemsStarting(t.Context(), benchdb.TeamID(1), "", w.Start(), w.End())
	if err != nil || len(items) != 3*2 {
		t.Errorf("ItemsStarting = %d items, %v; want 6", len(items), err)
	}
	if err := run(t.Context(), args, &out, &errs); err == nil {
		t.Error("gendb over an existing file: no error")
	}
}

// startup starts planbot on a generated database, reports each run and the
// min, median and max, and leaves the given file alone (it serves a copy).
func TestStartup(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and starts planbot")
	}
	path := filepath.Join(t.TempDir(), "small.db")
	spec := benchdb.Spec{Teams: 2, MembersPerTeam: 3, Weeks: 2, ItemsPerWeek: 2, Year: 2025, Current: 1}
	if err := benchdb.Generate(t.Context(), path, spec); err != nil {
		t.Fatal(err)
	}
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out, errs bytes.Buffer
	args := []string{"startup", "--db", path, "--runs", "3", "--planbot", planbotBinary(t), "--now", "2025-01-05T18:00:00+08:00"}
	if err := run(t.Context(), args, &out, &errs); err != nil {
		t.Fatalf("startup: %v\n%s", err, errs.String())
	}
	t.Logf("\n%s", out.String())
	runs := regexp.MustCompile(`(?m)^run \d: /healthz 200 after \d+\.\d+ms \(listening after \d+\.\d+ms\), stopped in \d+\.\d+ms$`)
	if n := len(runs.FindAllString(out.String(), -1)); n != 3 {
		t.Errorf("%d run lines, want 3:\n%s", n, out.String())
	}
	if !regexp.MustCompile(`over 3 runs: min \d+\.\d+ms, median \d+\.\d+ms, max \d+\.\d+ms`).MatchString(out.String()) {
		t.Errorf("no summary line:\n%s", out.String())
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the given database changed (%v)", err)
	}
	if err := run(t.Context(), []string{"startup", "--runs", "2"}, &out, &errs); err == nil {
		t.Error("startup without --db: no error")
	}
}
