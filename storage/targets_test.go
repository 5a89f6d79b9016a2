package storage

import (
	"reflect"
	"testing"

	"planbot/planner"
)

// Targets are stored by team, period, member and metric: setting one again
// replaces its goal (and who set it, when), a goal of 0 removes it, every
// metric planner knows is stored, and teams never see each other's.
func TestSetTargets(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	for _, team := range []string{"T1", "T2"} {
		if _, _, err := db.EnsureMember(ctx, planner.Team{ID: team}, planner.Member{UserID: "U1", Name: "Ann"}); err != nil {
			t.Fatal(err)
		}
	}
	y2026, q1 := planner.TargetPeriod{Year: 2026}, planner.TargetPeriod{Year: 2026, Quarter: 1}
	target := func(p planner.TargetPeriod, user string, m planner.Metric, goal int64) planner.Target {
		return planner.Target{TeamID: "T1", Period: p, UserID: user, Metric: m, Goal: goal, SetBy: "U9", SetAt: t0}
	}
	var all []planner.Target
	for i, m := range planner.Metrics {
		all = append(all, target(y2026, "", m, int64(i+1)))
	}
	if err := db.SetTargets(ctx, "T1", all); err != nil {
		t.Fatalf("every metric: %v", err)
	}
	if err := db.SetTargets(ctx, "T2", []planner.Target{target(y2026, "", planner.MetricSigned, 99)}); err != nil {
		t.Fatal(err)
	}
	later := t0.AddDate(0, 1, 0)
	again := target(y2026, "", planner.MetricSigned, 20)
	again.SetBy, again.SetAt = "U8", later
	if err := db.SetTargets(ctx, "T1", []planner.Target{
		again,
		target(y2026, "", planner.MetricAmount, 0), // removed
		target(q1, "U1", planner.MetricVisits, 40),
		target(q1, "", planner.MetricVisits, 0), // nothing to remove
	}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Targets(ctx, "T1")
	if err != nil {
		t.Fatal(err)
	}
	want := append([]planner.Target{again}, all[2:]...) // signed replaced, amount removed
	want = append(want, target(q1, "U1", planner.MetricVisits, 40))
	byKey := func(ts []planner.Target) map[string]planner.Target {
		m := map[string]planner.Target{}
		for _, tt := range ts {
			m[tt.Period.String()+"/"+tt.UserID+"/"+string(tt.Metric)] = tt
		}
		return m
	}
	if !reflect.DeepEqual(byKey(got), byKey(want)) || len(got) != len(want) {
		t.Errorf("stored\n%+v\nwant\n%+v", got, want)
	}
	for i := 1; i < len(got); i++ {
		a, b := got[i-1], got[i]
		if a.Period.String() > b.Period.String() || a.Period == b.Period && a.UserID > b.UserID ||
			a.Period == b.Period && a.UserID == b.UserID && a.Metric > b.Metric {
			t.Errorf("not by period, member and metric: %+v before %+v", a, b)
		}
	}
	other, err := db.Targets(ctx, "T2")
	if err != nil || len(other) != 1 || other[0].Goal != 99 || other[0].TeamID != "T2" {
		t.Errorf("team T2's targets: %+v, %v", other, err)
	}
}

// A write with one target the schema refuses stores none of it.
func TestSetTargetsAllOrNothing(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{UserID: "U1", Name: "Ann"}); err != nil {
		t.Fatal(err)
	}
	y2026 := planner.TargetPeriod{Year: 2026}
	for _, bad := range []planner.Target{
		{Period: y2026, Metric: "leave", Goal: 3, SetAt: t0},                                                     // no metric
		{Period: y2026, Metric: planner.MetricSigned, Goal: -1, SetAt: t0},                                       // a goal below 1
		{Period: planner.TargetPeriod{Year: 2026, Quarter: 5}, Metric: planner.MetricSigned, Goal: 3, SetAt: t0}, // no quarter
	} {
		err := db.SetTargets(ctx, "T1", []planner.Target{{Period: y2026, Metric: planner.MetricVisits, Goal: 10, SetAt: t0}, bad})
		wantCode(t, err, planner.Internal)
		if got, err := db.Targets(ctx, "T1"); err != nil || len(got) != 0 {
			t.Errorf("after refusing %+v: %+v, %v", bad, got, err)
		}
	}
	if err := db.SetTargets(ctx, "T9", []planner.Target{{Period: y2026, Metric: planner.MetricVisits, Goal: 10, SetAt: t0}}); err == nil {
		t.Error("targets of a team that does not exist were stored")
	}
}

// Forgetting a member erases their targets, and only theirs.
func TestForgetMemberTargets(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	for _, u := range []string{"U1", "U2"} {
		if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{UserID: u, Name: u}); err != nil {
			t.Fatal(err)
		}
	}
	y2026 := planner.TargetPeriod{Year: 2026}
	if err := db.SetTargets(ctx, "T1", []planner.Target{
		{Period: y2026, Metric: planner.MetricVisits, Goal: 100, SetAt: t0},
		{Period: y2026, UserID: "U1", Metric: planner.MetricVisits, Goal: 40, SetAt: t0},
		{Period: y2026, UserID: "U2", Metric: planner.MetricVisits, Goal: 60, SetAt: t0},
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ForgetMember(ctx, "T1", "U1"); err != nil {
		t.Fatal(err)
	}
	got, err := db.Targets(ctx, "T1")
	if err != nil || len(got) != 2 || got[0].UserID != "" || got[1].UserID != "U2" {
		t.Errorf("after forgetting U1: %+v, %v; want the team's and U2's", got, err)
	}
}
