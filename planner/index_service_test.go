package planner_test

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage/storagetest"
)

// The activity index through the Service on a real database: off until an
// admin turns it on, and then in the week's retrospective; only admins
// change it, and weights refused change nothing.
func TestServiceActivityIndex(t *testing.T) {
	svc, _ := storagetest.Service(t)
	ctx := t.Context()
	ann, bob, boss := plannertest.Ann, plannertest.Bob, plannertest.Boss
	for _, a := range []planner.Actor{ann, bob, boss} {
		if _, _, err := svc.Join(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	add := func(a planner.Actor, line string, done bool) {
		t.Helper()
		items, _, err := svc.Add(ctx, a, line)
		if err != nil {
			t.Fatalf("Add(%q): %v", line, err)
		}
		if !done {
			return
		}
		for _, it := range items {
			if _, err := svc.Done(ctx, a, it.ID, ""); err != nil {
				t.Fatal(err)
			}
		}
	}
	add(ann, "tue visit 4 enterprises", true)
	add(ann, "wed 签约 常诚车业项目", true)
	add(ann, "thu visit 2 enterprises", false) // planned: no count
	for _, line := range []string{"常诚车业 在谈", "常诚车业 开工"} {
		if _, err := svc.Lead(ctx, bob, line); err != nil {
			t.Fatal(err)
		}
	}
	settings := func() planner.IndexSettings {
		t.Helper()
		s, err := svc.IndexSettings(ctx, "T1")
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	retroJSON := func() string {
		t.Helper()
		r, err := svc.Retro(ctx, "T1", plannertest.W47)
		if err != nil {
			t.Fatal(err)
		}
		data, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}

	if s := settings(); s.On || !maps.Equal(s.Weights, planner.DefaultIndexWeights()) {
		t.Fatalf("a new team's index settings %+v, want off with the default weights", s)
	}
	if ix, err := svc.ActivityIndex(ctx, "T1", plannertest.W47.Start(), plannertest.W47.End()); ix != nil || err != nil {
		t.Fatalf("ActivityIndex while off = %+v, %v; want nil", ix, err)
	}
	if j := retroJSON(); strings.Contains(j, `"index"`) {
		t.Errorf("retrospective JSON while off has an index: %s", j)
	}

	if _, err := svc.SetIndexOn(ctx, ann, true); planner.ErrorOf(err).Reason != planner.ReasonNotAdmin {
		t.Errorf("a member turning the index on: %v, want not_admin", err)
	}
	if _, err := svc.SetIndexWeights(ctx, ann, "签约=40"); planner.ErrorOf(err).Reason != planner.ReasonNotAdmin {
		t.Errorf("a member setting weights: %v, want not_admin", err)
	}
	if s := settings(); s.On || !maps.Equal(s.Weights, planner.DefaultIndexWeights()) {
		t.Fatalf("after a member's tries the settings are %+v, want them unchanged", s)
	}

	if s, err := svc.SetIndexOn(ctx, boss, true); err != nil || !s.On {
		t.Fatalf("SetIndexOn = %+v, %v", s, err)
	}
	want := planner.DefaultIndexWeights()
	want[planner.MeasureSigning], want[planner.MeasureLead] = 40, 1
	if s, err := svc.SetIndexWeights(ctx, boss, "签约=40 lead=1"); err != nil || !maps.Equal(s.Weights, want) {
		t.Fatalf("SetIndexWeights = %+v, %v; want weights %v", s, err, want)
	}
	if _, err := svc.SetIndexWeights(ctx, boss, "签约=10 开工=-1"); planner.ErrorOf(err).Reason != planner.ReasonBadIndex {
		t.Errorf("a negative weight: %v, want bad_index", err)
	}
	if s := settings(); !s.On || !maps.Equal(s.Weights, want) {
		t.Fatalf("after refused weights the settings are %+v, want on with %v", s, want)
	}

	ix, err := svc.ActivityIndex(ctx, "T1", plannertest.W47.Start(), plannertest.W47.End())
	if err != nil || ix == nil {
		t.Fatalf("ActivityIndex = %v, %v", ix, err)
	}
	type ranked struct {
		user        string
		counts      map[planner.Measure]int
		index, rank int
	}
	counts := func(pairs map[planner.Measure]int) map[planner.Measure]int {
		all := map[planner.Measure]int{}
		for _, m := range planner.Measures {
			all[m] = pairs[m]
		}
		return all
	}
	wantRanks := []ranked{
		{"U1", counts(map[planner.Measure]int{planner.MeasureSigning: 1, planner.MeasureVisit: 4}), 40 + 4*5, 1},
		{"U2", counts(map[planner.Measure]int{planner.MeasureLead: 1, planner.MeasureConstruction: 1}), 1 + 20, 2},
		{"U9", counts(nil), 0, 3},
	}
	if len(ix.Members) != len(wantRanks) {
		t.Fatalf("index members %+v, want %+v", ix.Members, wantRanks)
	}
	for i, m := range ix.Members {
		w := wantRanks[i]
		if m.UserID != w.user || !maps.Equal(m.Counts, w.counts) || m.Index != w.index || m.Rank != w.rank {
			t.Errorf("place %d: %+v, want %+v", i+1, m, w)
		}
	}
	if j := retroJSON(); !strings.Contains(j, `"index":{"from":"2025-11-17","to":"2025-11-23"`) {
		t.Errorf("retrospective JSON while on has no index of the week: %s", j)
	}
	before, err := svc.ActivityIndex(ctx, "T1", plannertest.W47.Prev().Start(), plannertest.W47.Prev().End())
	if err != nil || before == nil || before.Members[0].Index != 0 {
		t.Errorf("the week before: %+v, %v; want every index 0", before, err)
	}

	if s, err := svc.SetIndexOn(ctx, boss, false); err != nil || s.On || !maps.Equal(s.Weights, want) {
		t.Fatalf("SetIndexOn(false) = %+v, %v; want off, weights kept", s, err)
	}
	if j := retroJSON(); strings.Contains(j, `"index"`) {
		t.Errorf("retrospective JSON once off again has an index: %s", j)
	}
}
