package storage

import (
	"maps"
	"path/filepath"
	"testing"

	"planbot/planner"
)

// indexOf returns team teamID's activity index settings, failing the test on an error.
func indexOf(tb testing.TB, db *DB, teamID string) planner.IndexSettings {
	tb.Helper()
	s, err := db.IndexSettings(tb.Context(), teamID)
	if err != nil {
		tb.Fatalf("IndexSettings(%s): %v", teamID, err)
	}
	return s
}

func sameIndexSettings(a, b planner.IndexSettings) bool {
	return a.On == b.On && maps.Equal(a.Weights, b.Weights)
}

// A team's activity index settings: off with the default weights until set,
// then as stored, for that team only, across a reopen; each write replaces
// the one before.
func TestIndexSettings(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "planbot.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() }) // closed once: a later Close returns the first's result
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T2", "U1", "Zoe")
	unset := planner.IndexSettings{Weights: planner.DefaultIndexWeights()}
	if got := indexOf(t, db, "T1"); !sameIndexSettings(got, unset) {
		t.Fatalf("a new team's settings %+v, want %+v", got, unset)
	}

	on := planner.IndexSettings{On: true, Weights: map[planner.Measure]int{
		planner.MeasureSigning: 40, planner.MeasureConstruction: 0, planner.MeasureVisit: 1000,
		planner.MeasureReception: 3, planner.MeasureEvent: 4, planner.MeasureLead: 1,
	}}
	if err := db.SetIndexSettings(ctx, "T1", on); err != nil {
		t.Fatalf("SetIndexSettings: %v", err)
	}
	off := planner.IndexSettings{Weights: maps.Clone(on.Weights)}
	off.Weights[planner.MeasureVisit] = 2
	if err := db.SetIndexSettings(ctx, "T1", off); err != nil {
		t.Fatalf("SetIndexSettings again: %v", err)
	}
	if got := indexOf(t, db, "T1"); !sameIndexSettings(got, off) {
		t.Errorf("T1's settings %+v, want the last stored %+v", got, off)
	}
	if got := indexOf(t, db, "T2"); !sameIndexSettings(got, unset) {
		t.Errorf("T2's settings %+v, want them unset: %+v", got, unset)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	reopened, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	if got := indexOf(t, reopened, "T1"); !sameIndexSettings(got, off) {
		t.Errorf("after a reopen T1's settings %+v, want %+v", got, off)
	}
}

// A weight out of range, or a team that does not exist, is refused and
// changes nothing.
func TestSetIndexSettingsRefused(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "王芳")
	stored := planner.IndexSettings{On: true, Weights: planner.DefaultIndexWeights()}
	if err := db.SetIndexSettings(t.Context(), "T1", stored); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		teamID string
		weight int
	}{
		{"negative", "T1", -1},
		{"too large", "T1", 1001},
		{"no such team", "T9", 5},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := planner.IndexSettings{Weights: planner.DefaultIndexWeights()}
			s.Weights[planner.MeasureEvent] = tt.weight
			wantCode(t, db.SetIndexSettings(t.Context(), tt.teamID, s), planner.Internal)
			if got := indexOf(t, db, "T1"); !sameIndexSettings(got, stored) {
				t.Errorf("T1's settings %+v, want them unchanged: %+v", got, stored)
			}
			if got := indexOf(t, db, "T9"); got.On {
				t.Errorf("T9 has settings %+v, want none", got)
			}
		})
	}
}
