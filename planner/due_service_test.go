package planner_test

import (
	"errors"
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// Deadlines through the Service on a real database, at a clock moved by the
// test: a deadline set alone records no stage change; a past one is refused
// and changes nothing; a company is overdue from the day after its deadline
// (Overdue, the retrospective) until a move makes the step, while a move
// short of it keeps it; a step the company has made already is no step.
func TestServiceDeadlines(t *testing.T) {
	svc, db := serviceOnDisk(t)
	ctx := t.Context()
	shanghai := svc.Loc
	now := time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai) // Monday of 2025-W47
	svc.Now = func() time.Time { return now }
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	day := func(s string) planner.Date {
		d, err := planner.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	lead := func(line string) planner.LeadResult {
		t.Helper()
		res, err := svc.Lead(ctx, a, line)
		if err != nil {
			t.Fatalf("Lead(%q): %v", line, err)
		}
		return res
	}
	overdue := func(asOf string) []string {
		t.Helper()
		list, err := svc.Overdue(ctx, "T1", day(asOf))
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, o := range list {
			names = append(names, o.Company)
		}
		return names
	}

	lead("常诚车业 签约 总投资12亿元")
	res := lead("常诚车业 开工 截止 11月21日")
	construction := planner.Deadline{Date: day("2025-11-21"), Step: planner.StageConstruction}
	if !res.DueSet || res.Company.Due != construction || res.Company.Stage != planner.StageSigned || res.Company.Amount.IsZero() {
		t.Fatalf("a deadline alone: %+v", res)
	}
	if res := lead("常诚车业"); len(res.History) != 1 {
		t.Errorf("a deadline alone recorded a stage change: %+v", res.History)
	}
	_, err := svc.Lead(ctx, a, "常诚车业 截止 2025-11-10")
	var e *planner.Error
	if !errors.As(err, &e) || e.Reason != planner.ReasonDuePast {
		t.Errorf("a past deadline: %v, want due_past", err)
	}
	if c, _ := db.CompanyByKey(ctx, "T1", "常诚车业"); c.Due != construction {
		t.Errorf("a refused deadline changed the stored one: %+v", c.Due)
	}
	if res := lead("CATL 开工 截止 2025-11-19"); !res.Created || res.Company.Due.Step != planner.StageConstruction || res.Company.Stage != planner.StageLead {
		t.Errorf("a new company with a deadline: %+v", res.Company)
	}

	for _, c := range []struct {
		asOf string
		want []string
	}{
		{"2025-11-19", nil},
		{"2025-11-20", []string{"CATL"}},
		{"2025-11-21", []string{"CATL"}},
		{"2025-11-22", []string{"CATL", "常诚车业"}},
	} {
		if got := overdue(c.asOf); !slices.Equal(got, c.want) {
			t.Errorf("overdue as of %s: %v, want %v", c.asOf, got, c.want)
		}
	}

	// The retrospective lists them as of its week's last day, or today while
	// the week is not over.
	now = time.Date(2025, 11, 21, 18, 0, 0, 0, shanghai) // Friday
	r, err := svc.Retro(ctx, "T1", planner.Week{Year: 2025, Num: 47})
	if err != nil || len(r.Pipeline.Overdue) != 1 || r.Pipeline.Overdue[0].Company != "CATL" || r.Pipeline.Overdue[0].Owner != "U1" {
		t.Errorf("Friday's retrospective: overdue %+v, %v; want CATL alone", r.Pipeline.Overdue, err)
	}
	now = time.Date(2025, 11, 24, 9, 0, 0, 0, shanghai) // the Monday after
	r, err = svc.Retro(ctx, "T1", planner.Week{Year: 2025, Num: 47})
	if err != nil || len(r.Pipeline.Overdue) != 2 {
		t.Errorf("the week's retrospective read later: overdue %+v, %v; want both", r.Pipeline.Overdue, err)
	}

	// A move short of the step keeps the deadline; the step clears it.
	if res := lead("常诚车业 落地"); res.Company.Due != construction || !res.DueMet.IsZero() {
		t.Errorf("a move short of the step: %+v", res)
	}
	if res := lead("常诚车业 开工 打桩"); !res.Company.Due.IsZero() || res.DueMet != construction {
		t.Errorf("the step made: %+v, want the deadline met and cleared", res)
	}
	if got := overdue("2025-11-24"); !slices.Equal(got, []string{"CATL"}) {
		t.Errorf("overdue after the step: %v, want CATL alone", got)
	}
	// A new deadline replaces the old; a step made already is no step.
	if res := lead("CATL 截止 12月5日"); res.Company.Due != (planner.Deadline{Date: day("2025-12-05")}) {
		t.Errorf("a new deadline: %+v", res.Company.Due)
	}
	if res := lead("常诚车业 开工 截止 12月31日"); res.Company.Due != (planner.Deadline{Date: day("2025-12-31")}) || res.Company.Stage != planner.StageConstruction {
		t.Errorf("a deadline for a step made: %+v, want the next step's, unnamed", res.Company)
	}
	if got := overdue("2025-11-24"); len(got) != 0 {
		t.Errorf("overdue after new deadlines: %v", got)
	}
	// A stage typed against the name reads as with a space: the step due.
	if res := lead("CATL签约 截止 12月20日"); res.Company.Due != (planner.Deadline{Date: day("2025-12-20"), Step: planner.StageSigned}) || res.Company.Stage != planner.StageLead {
		t.Errorf("a step typed against the name: %+v", res.Company)
	}
}
