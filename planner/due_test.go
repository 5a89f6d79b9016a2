package planner

import (
	"slices"
	"testing"
	"time"
)

// A lead line's deadline, in both languages and the forms people write, on
// the day it is typed: the step it names, the year a date without one takes,
// and what is left of the note.
func TestParseLeadDeadline(t *testing.T) {
	signed := Amount{Value: 120000, Currency: "CNY"}
	for _, c := range []struct {
		today, text string
		want        LeadLine
	}{
		// A stage word just before the deadline word is the step due, not a move.
		{"2025-11-17", "常诚车业 开工 截止 2026-03-31", LeadLine{Name: "常诚车业", Due: Deadline{d("2026-03-31"), StageConstruction}}},
		{"2025-11-17", `"Changcheng Auto" construction due 2026-03-31`, LeadLine{Name: "Changcheng Auto", Quoted: true, Due: Deadline{d("2026-03-31"), StageConstruction}}},
		// A stage, an amount and a deadline on one line: the first stage moves it.
		{"2025-11-17", "常诚车业 签约 总投资12亿元 开工 截止 2026-03-31", LeadLine{Name: "常诚车业", Stage: StageSigned, Note: "总投资12亿元", Amount: signed, Due: Deadline{d("2026-03-31"), StageConstruction}}},
		{"2025-11-17", "Acme signed construction due: Dec 1 groundbreaking", LeadLine{Name: "Acme", Stage: StageSigned, Note: "groundbreaking", Due: Deadline{d("2025-12-01"), StageConstruction}}},
		{"2025-11-17", "常诚车业 签约 年产150万套 截止12月31日", LeadLine{Name: "常诚车业", Stage: StageSigned, Note: "年产150万套", Due: Deadline{Date: d("2025-12-31")}}},
		// The step after the day, joined or not, and 前.
		{"2025-11-17", "常诚车业 截止12月31日前开工", LeadLine{Name: "常诚车业", Due: Deadline{d("2025-12-31"), StageConstruction}}},
		{"2025-11-17", "常诚车业 截止：3月31日 开工 需协调用地", LeadLine{Name: "常诚车业", Note: "需协调用地", Due: Deadline{d("2026-03-31"), StageConstruction}}},
		{"2025-11-17", "常诚车业 开工截止3月底", LeadLine{Name: "常诚车业", Due: Deadline{d("2026-03-31"), StageConstruction}}},
		// On hold is no step: it is the move, and the deadline names none.
		{"2025-11-17", "Acme on hold due Dec 1", LeadLine{Name: "Acme", Stage: StageOnHold, Due: Deadline{Date: d("2025-12-01")}}},
		// Days: dates with and without a year, relative days, ends of months and years.
		{"2025-11-17", "常诚车业 截止3月31日", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-03-31")}}},
		{"2025-11-17", "常诚车业截止年底", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2025-12-31")}}},
		{"2025-11-17", "常诚车业 截止日期 2026-01-10", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-01-10")}}},
		{"2025-11-17", "常诚车业 截止到3月31日", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-03-31")}}},
		{"2025-11-17", "常诚车业 截止 今天", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2025-11-17")}}},
		{"2025-11-17", "常诚车业 截止 下周五", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2025-11-28")}}},
		{"2025-11-17", "常诚车业 截止月底", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2025-11-30")}}},
		{"2025-11-17", "常诚车业 截止下月底", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2025-12-31")}}},
		{"2025-11-17", "常诚车业 截止2026年6月底", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-06-30")}}},
		{"2025-11-17", "常诚车业 截止明年底", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-12-31")}}},
		{"2025-11-17", "Changcheng Auto due Mar 31", LeadLine{Name: "Changcheng Auto", Due: Deadline{Date: d("2026-03-31")}}},
		{"2025-11-17", "Acme due fri", LeadLine{Name: "Acme", Due: Deadline{Date: d("2025-11-21")}}},
		{"2025-11-17", "Acme deadline: next fri", LeadLine{Name: "Acme", Due: Deadline{Date: d("2025-11-28")}}},
		// A date without a year is this year's until it has passed, next
		// year's once it passed more than dueSlipDays ago.
		{"2026-04-05", "常诚车业 截止12月31日", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-12-31")}}},
		{"2026-04-05", "常诚车业 截止1月1日", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2027-01-01")}}},
		{"2026-12-20", "Acme due Jan 15", LeadLine{Name: "Acme", Due: Deadline{Date: d("2027-01-15")}}},
		{"2026-01-10", "常诚车业 截止12月底", LeadLine{Name: "常诚车业", Due: Deadline{Date: d("2026-12-31")}}},
		// No deadline: "as of", a valve, due diligence.
		{"2025-11-17", "常诚车业 签约 截至目前已对接3次", LeadLine{Name: "常诚车业", Stage: StageSigned, Note: "截至目前已对接3次"}},
		{"2025-11-17", "常诚车业 在谈 截止目前进展顺利", LeadLine{Name: "常诚车业", Stage: StageNegotiating, Note: "截止目前进展顺利"}},
		{"2025-11-17", "北京截止阀厂 签约", LeadLine{Name: "北京截止阀厂", Stage: StageSigned}},
		{"2025-11-17", "Acme signed due diligence done", LeadLine{Name: "Acme", Stage: StageSigned, Note: "due diligence done"}},
	} {
		t.Run(c.text, func(t *testing.T) {
			got, err := ParseLead(c.text, d(c.today))
			if err != nil || got != c.want {
				t.Errorf("ParseLead(%q) on %s = %+v, %v; want %+v", c.text, c.today, got, err, c.want)
			}
		})
	}
}

// A deadline that is no one day, or a day gone by, is refused, saying which.
func TestParseLeadBadDeadline(t *testing.T) {
	for _, c := range []struct {
		today, text string
		reason      Reason
		detail      string
	}{
		{"2025-11-17", "常诚车业 截止 下周", ReasonBadDue, "下周"},
		{"2025-11-17", "常诚车业 截止 月中", ReasonBadDue, "月中"},
		{"2025-11-17", "常诚车业 截止 3月32日", ReasonBadDue, "3月32日"},
		{"2025-11-17", "常诚车业 截止 11/17-11/18", ReasonBadDue, "11/17-11/18"},
		{"2025-11-17", "Acme deadline soon", ReasonBadDue, "soon"},
		{"2025-11-17", "常诚车业 截止 2025-11-16", ReasonDuePast, "2025-11-16"},
		{"2025-11-17", "常诚车业 截止 昨天", ReasonDuePast, "2025-11-16"},
		{"2025-11-17", "Acme due Nov 10", ReasonDuePast, "2025-11-10"},
		{"2026-04-05", "常诚车业 截止3月31日", ReasonDuePast, "2026-03-31"},
		{"2026-04-05", "常诚车业 截止3月底", ReasonDuePast, "2026-03-31"},
		{"2025-11-17", "常诚车业 截止2025年6月底", ReasonDuePast, "2025-06-30"},
		{"2025-11-17", "截止 3月31日", ReasonBadCompany, ""},
	} {
		t.Run(c.text, func(t *testing.T) {
			_, err := ParseLead(c.text, d(c.today))
			if e := ErrorOf(err); err == nil || e.Code != Invalid || e.Reason != c.reason || e.Detail != c.detail {
				t.Errorf("ParseLead(%q) on %s: %v, want invalid %s %q", c.text, c.today, err, c.reason, c.detail)
			}
		})
	}
}

// A move clears a deadline when it makes the step: any move for an unnamed
// one; the step or later for a named one; leaving the pipeline always.
func TestDeadlineMetBy(t *testing.T) {
	due := d("2026-03-31")
	for _, c := range []struct {
		name     string
		d        Deadline
		from, to Stage
		want     bool
	}{
		{"unnamed, any move", Deadline{Date: due}, StageSigned, StageLanded, true},
		{"unnamed, moved back", Deadline{Date: due}, StageSigned, StageNegotiating, true},
		{"a note is no move", Deadline{Date: due}, StageSigned, StageSigned, false},
		{"the step", Deadline{due, StageConstruction}, StageSigned, StageConstruction, true},
		{"past the step", Deadline{due, StageConstruction}, StageLanded, StageProduction, true},
		{"short of the step", Deadline{due, StageConstruction}, StageSigned, StageLanded, false},
		{"back from the step's way", Deadline{due, StageConstruction}, StageLanded, StageSigned, false},
		{"on hold", Deadline{due, StageConstruction}, StageSigned, StageOnHold, true},
		{"lost", Deadline{due, StageConstruction}, StageSigned, StageLost, true},
		{"none", Deadline{}, StageSigned, StageProduction, false},
	} {
		if got := c.d.MetBy(c.from, c.to); got != c.want {
			t.Errorf("%s: %+v.MetBy(%s, %s) = %v, want %v", c.name, c.d, c.from, c.to, got, c.want)
		}
	}
	if got := (Deadline{due, StageConstruction}).forStage(StageConstruction); got != (Deadline{Date: due}) {
		t.Errorf("a step made already: %+v, want the next step's deadline, unnamed", got)
	}
	if got := (Deadline{due, StageConstruction}).forStage(StageSigned); got != (Deadline{due, StageConstruction}) {
		t.Errorf("a step to come: %+v", got)
	}
}

// Overdue from the day after the deadline, the longest overdue first.
func TestOverdueOf(t *testing.T) {
	companies := []Company{
		{ID: 1, Name: "常诚车业", OwnerID: "U1", OwnerName: "王芳", Stage: StageSigned, Due: Deadline{d("2025-11-20"), StageConstruction}},
		{ID: 2, Name: "CATL", OwnerID: "U2", Stage: StageNegotiating, Due: Deadline{Date: d("2025-11-18")}},
		{ID: 3, Name: "蓝天科技", Stage: StageLead, Due: Deadline{Date: d("2025-11-21")}},
		{ID: 4, Name: "No deadline", Stage: StageLead},
	}
	for _, c := range []struct {
		asOf string
		want []int64
	}{
		{"2025-11-18", nil},
		{"2025-11-19", []int64{2}},
		{"2025-11-21", []int64{2, 1}},
		{"2025-11-22", []int64{2, 1, 3}},
	} {
		got := overdueOf(companies, d(c.asOf))
		var ids []int64
		for _, o := range got {
			ids = append(ids, o.CompanyID)
		}
		if !slices.Equal(ids, c.want) {
			t.Errorf("as of %s: %v, want %v", c.asOf, ids, c.want)
		}
	}
	got := overdueOf(companies, d("2025-11-22"))[1]
	if want := (OverdueCompany{CompanyID: 1, Company: "常诚车业", Owner: "U1", OwnerName: "王芳", Stage: StageSigned, Due: d("2025-11-20"), Step: StageConstruction}); got != want {
		t.Errorf("overdue %+v, want %+v", got, want)
	}
}

// A deadline's reminder is due on the first working day after it, at
// dueHour in its owner's zone; its identity is the company and the day.
func TestDueRun(t *testing.T) {
	london := mustZone("Europe/London")
	for _, c := range []struct {
		name string
		due  string
		cal  Calendar
		loc  *time.Location
		want time.Time
	}{
		{"a plain Friday", "2025-11-21", ChinaCalendar{}, shanghai, time.Date(2025, 11, 24, 9, 0, 0, 0, shanghai)},
		{"a Friday before the Dragon Boat Monday", "2025-05-30", ChinaCalendar{}, shanghai, time.Date(2025, 6, 3, 9, 0, 0, 0, shanghai)},
		{"the eve of National Day", "2025-09-30", ChinaCalendar{}, shanghai, time.Date(2025, 10, 9, 9, 0, 0, 0, shanghai)},
		{"a Friday before a worked Sunday (调休)", "2025-09-26", ChinaCalendar{}, shanghai, time.Date(2025, 9, 28, 9, 0, 0, 0, shanghai)},
		{"no calendar: Monday to Friday", "2025-05-30", nil, shanghai, time.Date(2025, 6, 2, 9, 0, 0, 0, shanghai)},
		{"the owner's zone", "2025-11-21", WeekdayCalendar{}, london, time.Date(2025, 11, 24, 9, 0, 0, 0, london)},
	} {
		t.Run(c.name, func(t *testing.T) {
			company := Company{ID: 5, OwnerID: "U1", Due: Deadline{Date: d(c.due)}}
			run, ok := DueRun(company, c.cal, c.loc)
			if !ok || !run.At.Equal(c.want) || run.Job != JobDue || run.Subject != "company 5 due "+c.due || run.Week != WeekOf(d(c.due)) {
				t.Errorf("DueRun = %+v, %v; want at %s", run, ok, c.want)
			}
			if DueNow(run, c.want.Add(-time.Minute)) || !DueNow(run, c.want) || !DueNow(run, c.want.Add(dueWindow)) || DueNow(run, c.want.Add(dueWindow+time.Minute)) {
				t.Errorf("DueNow around %s is wrong", c.want)
			}
		})
	}
	if _, ok := DueRun(Company{ID: 5, Due: Deadline{Date: d("2025-11-21")}}, nil, shanghai); ok {
		t.Error("a company without an owner has a reminder")
	}
	if _, ok := DueRun(Company{ID: 5, OwnerID: "U1"}, nil, shanghai); ok {
		t.Error("a company without a deadline has a reminder")
	}
}
