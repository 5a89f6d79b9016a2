package planner_test

import (
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// Service.Report measures the period on a real database: the year's target
// with what the month did, the companies overdue as of the month's last day
// (the team's, or the member's own), and the activity index when the team
// has it on (never in a member's report).
func TestServiceReportMeasures(t *testing.T) {
	svc, db := serviceOnDisk(t) // Monday 2025-11-17 09:00, Shanghai
	ctx := t.Context()
	boss := planner.Actor{TeamID: "T1", UserID: "U1", Admin: true}
	for _, line := range []string{"常诚车业 签约 总投资12亿元", "蓝天科技 在谈 截止 2025-11-20"} {
		if _, err := svc.Lead(ctx, boss, line); err != nil {
			t.Fatalf("Lead(%q): %v", line, err)
		}
	}
	if _, err := svc.SetTargets(ctx, boss, "2025 签约额 100 亿元"); err != nil {
		t.Fatal(err)
	}
	from, to := plannertest.Day(t, "2025-11-01"), plannertest.Day(t, "2025-11-30")
	later := planner.NewService(db, planner.Options{Loc: plannertest.Shanghai, Lang: planner.Chinese,
		Now: func() time.Time { return time.Date(2025, 12, 3, 9, 0, 0, 0, plannertest.Shanghai) }})
	r, err := later.Report(ctx, "T1", from, to, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Targets) != 1 || r.Targets[0].Goal != 1000000 || r.Targets[0].Done != 120000 {
		t.Errorf("targets %+v; want the year's 100亿 with 12亿 done", r.Targets)
	}
	if len(r.Overdue) != 1 || r.Overdue[0].Company != "蓝天科技" {
		t.Errorf("overdue %+v; want 蓝天科技, due Nov 20", r.Overdue)
	}
	if r.Index != nil {
		t.Errorf("index %+v with the index off", r.Index)
	}
	if _, err := svc.SetIndexOn(ctx, boss, true); err != nil {
		t.Fatal(err)
	}
	if r, err = later.Report(ctx, "T1", from, to, ""); err != nil || r.Index == nil {
		t.Errorf("index on: %+v, %v", r.Index, err)
	}
	if r, err = later.Report(ctx, "T1", from, to, "U9"); err != nil || r.Index != nil || len(r.Overdue) != 0 {
		t.Errorf("another member's report: index %+v, overdue %+v, %v; want neither", r.Index, r.Overdue, err)
	}
}
