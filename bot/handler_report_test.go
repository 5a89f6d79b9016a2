package bot

import (
	"slices"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// /plan report, 报表, 月报, 季报 and 年报 answer with the team's report of the
// period they name, read against the member's today (the fixed clock's
// Monday, November 17th), in the language of the words typed.
func TestHandleReport(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Bob, "thu-fri trip to Beijing")
	mustHandle(t, h, plannertest.Ann, "done 1")
	for _, tt := range []struct {
		line   string
		period planner.Period
		lang   planner.Lang
	}{
		{"report", planner.MonthPeriod(2025, time.November), planner.English},
		{"report last month", planner.MonthPeriod(2025, time.October), planner.English},
		{"report 上月", planner.MonthPeriod(2025, time.October), planner.Chinese},
		{"月报", planner.MonthPeriod(2025, time.November), planner.Chinese},
		{"季报", planner.QuarterPeriod(2025, 4), planner.Chinese},
		{"年报", planner.YearPeriod(2025), planner.Chinese},
		{"报表 2025-Q3", planner.QuarterPeriod(2025, 3), planner.Chinese},
	} {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Carol, tt.line)
			v, ok := r.Body.(ReportView)
			if !ok || v.Period != tt.period || r.Lang != tt.lang {
				t.Fatalf("reply %T %+v in %s, want the report of %s in %s", r.Body, r.Body, r.Lang, tt.period, tt.lang)
			}
			if v.Made != plannertest.Day(t, "2025-11-17") || v.Report.From != tt.period.From || v.Report.To != tt.period.To {
				t.Errorf("made %s, report of %s..%s", v.Made, v.Report.From, v.Report.To)
			}
			if v.Report.Team != "招商一组" || len(v.Report.Members) != 3 {
				t.Errorf("team %q, members %+v: want 招商一组 with Ann, Bob and Carol", v.Report.Team, v.Report.Members)
			}
			done := 0
			for _, w := range v.Report.Weeks {
				done += w.DoneItems
			}
			if inside := !tt.period.To.Before(plannertest.Day(t, "2025-11-18")); (done == 1) != inside {
				t.Errorf("%d done in the period's weeks; Ann's visit of Nov 18 is in it: %t", done, inside)
			}
		})
	}
}

// A period that is none is refused with an example in both languages, and
// nothing is read, stored or sent.
func TestHandleReportBadPeriod(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	for _, line := range []string{"report 2025-13", "报表 2025年第五季度", "月报 下个月 表格", "report last week", "report 2025-11 csv", "report 2025-11-30..2025-11-01 xlsx"} {
		t.Run(line, func(t *testing.T) {
			p := &recorder{}
			r := handleOn(t, h, p, plannertest.Ann, line)
			if e := failure(t, r); e.Reason != planner.ReasonBadPeriod {
				t.Errorf("failed with %v, want bad_period", e)
			}
			if len(p.work) > 0 {
				t.Errorf("the platform was asked for %q", p.work)
			}
			checkRendered(t, r)
		})
	}
	if items := teamItems(t, h, "T1"); len(items) != 1 {
		t.Errorf("%d items stored, want only the visit", len(items))
	}
}

// /plan report … xlsx has the platform send the workbook after the answer;
// where it cannot (the console), the answer says which command writes it.
func TestHandleReportXLSX(t *testing.T) {
	for _, tt := range []struct {
		line, work string
		period     planner.Period
		flags      string
	}{
		{"report 2025-11 xlsx", "period report 2025-11 by U1 in en", planner.MonthPeriod(2025, time.November), "--month 2025-11"},
		{"月报 表格", "period report 2025-11 by U1 in zh", planner.MonthPeriod(2025, time.November), "--month 2025-11"},
		{"报表 2025Q4 excel", "period report 2025-Q4 by U1 in zh", planner.QuarterPeriod(2025, 4), "--quarter 2025-Q4"},
		{"report 2025-11-03..2025-11-16 xlsx", "period report 2025-11-03..2025-11-16 by U1 in en",
			planner.Period{Kind: planner.PeriodDays, From: plannertest.Day(t, "2025-11-03"), To: plannertest.Day(t, "2025-11-16")}, "--from 2025-11-03 --to 2025-11-16"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			p := &recorder{}
			r := handleOn(t, newHandler(t), p, plannertest.Ann, tt.line)
			if r.Body != (PeriodReportSending{Period: tt.period}) || !slices.Equal(p.work, []string{tt.work}) {
				t.Errorf("reply %T %+v, work %q; want the report of %s on its way, work %q", r.Body, r.Body, p.work, tt.period, tt.work)
			}
			checkRendered(t, r)
			r = handleOn(t, newHandler(t), NoPlatform{}, plannertest.Ann, tt.line)
			if r.Body != (PeriodReportElsewhere{Period: tt.period}) {
				t.Errorf("on the console: %T %+v, want where to get it", r.Body, r.Body)
			}
			if text := RenderText(r); !strings.Contains(text, "planbot report "+tt.flags+" --format xlsx") {
				t.Errorf("console text %q, want the command with %s", text, tt.flags)
			}
		})
	}
}
