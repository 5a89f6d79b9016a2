package planner_test

import (
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// Every way a report's period is written, in English and Chinese, read
// against a fixed today: the period's days, its kind, and whether a report
// asked for without a period took the one just ended.
func TestParsePeriod(t *testing.T) {
	for _, tt := range []struct {
		spec, today string
		kind        planner.PeriodKind
		from, to    string
		justEnded   bool
	}{
		// Relative, in English.
		{"month", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"this month", "2025-12-03", planner.PeriodMonth, "2025-12-01", "2025-12-31", false},
		{"Last Month", "2025-11-17", planner.PeriodMonth, "2025-10-01", "2025-10-31", false},
		{"last month", "2026-01-05", planner.PeriodMonth, "2025-12-01", "2025-12-31", false},
		{"quarter", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"last quarter", "2025-11-17", planner.PeriodQuarter, "2025-07-01", "2025-09-30", false},
		{"last quarter", "2026-02-10", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"year", "2025-11-17", planner.PeriodYear, "2025-01-01", "2025-12-31", false},
		{"last  year", "2025-11-17", planner.PeriodYear, "2024-01-01", "2024-12-31", false},
		// Relative, in Chinese.
		{"本月", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"本月", "2025-12-02", planner.PeriodMonth, "2025-12-01", "2025-12-31", false}, // named: never last month's
		{"上月", "2025-11-17", planner.PeriodMonth, "2025-10-01", "2025-10-31", false},
		{"上个月", "2025-03-31", planner.PeriodMonth, "2025-02-01", "2025-02-28", false},
		{"本季度", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"上季度", "2025-02-01", planner.PeriodQuarter, "2024-10-01", "2024-12-31", false},
		{"今年", "2025-11-17", planner.PeriodYear, "2025-01-01", "2025-12-31", false},
		{"去年", "2025-11-17", planner.PeriodYear, "2024-01-01", "2024-12-31", false},
		// Written with numbers.
		{"2025-11", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"2024-2", "2025-11-17", planner.PeriodMonth, "2024-02-01", "2024-02-29", false},
		{"2025/09", "2025-11-17", planner.PeriodMonth, "2025-09-01", "2025-09-30", false},
		{"2025年11月", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"２０２５年１１月份", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"10月", "2025-11-17", planner.PeriodMonth, "2025-10-01", "2025-10-31", false},
		{"12月", "2025-11-17", planner.PeriodMonth, "2024-12-01", "2024-12-31", false}, // no month to come
		{"Nov 2025", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"september, 2024", "2025-11-17", planner.PeriodMonth, "2024-09-01", "2024-09-30", false},
		{"Sept.", "2025-11-17", planner.PeriodMonth, "2025-09-01", "2025-09-30", false},
		{"december", "2025-11-17", planner.PeriodMonth, "2024-12-01", "2024-12-31", false},
		{"2025-Q4", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"2025q1", "2025-11-17", planner.PeriodQuarter, "2025-01-01", "2025-03-31", false},
		{"Q3 2025", "2025-11-17", planner.PeriodQuarter, "2025-07-01", "2025-09-30", false},
		{"2025Q4", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"2025年第四季度", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"2025年四季度", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"2025年第2季度", "2025-11-17", planner.PeriodQuarter, "2025-04-01", "2025-06-30", false},
		{"2025", "2025-11-17", planner.PeriodYear, "2025-01-01", "2025-12-31", false},
		{"2024年", "2025-11-17", planner.PeriodYear, "2024-01-01", "2024-12-31", false},
		{"2025-11-01..2025-11-30", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false}, // a whole month is one
		{"2025-10-01..2025-12-31", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"2025-01-01..2025-12-31", "2025-11-17", planner.PeriodYear, "2025-01-01", "2025-12-31", false},
		{"2025-10-01..2025-11-30", "2025-11-17", planner.PeriodDays, "2025-10-01", "2025-11-30", false},
		{"2025-11-03..2025-11-16", "2025-11-17", planner.PeriodDays, "2025-11-03", "2025-11-16", false},
		{"2025-12-15 至 2026-01-15", "2025-11-17", planner.PeriodDays, "2025-12-15", "2026-01-15", false},
		{"2025-11-05..2025-11-05", "2025-11-17", planner.PeriodDays, "2025-11-05", "2025-11-05", false},
		// Asked for without a period: the current one, or the one just ended
		// in the first seven days of the next.
		{"", "2025-11-17", planner.PeriodMonth, "2025-11-01", "2025-11-30", false},
		{"", "2025-12-03", planner.PeriodMonth, "2025-11-01", "2025-11-30", true},
		{"月报", "2025-12-07", planner.PeriodMonth, "2025-11-01", "2025-11-30", true},
		{"月报", "2025-12-08", planner.PeriodMonth, "2025-12-01", "2025-12-31", false},
		{"monthly", "2026-01-01", planner.PeriodMonth, "2025-12-01", "2025-12-31", true},
		{"季报", "2025-11-17", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false},
		{"季报", "2025-10-02", planner.PeriodQuarter, "2025-07-01", "2025-09-30", true},
		{"季报", "2025-11-02", planner.PeriodQuarter, "2025-10-01", "2025-12-31", false}, // the quarter's second month
		{"年报", "2025-11-17", planner.PeriodYear, "2025-01-01", "2025-12-31", false},
		{"年报", "2026-01-06", planner.PeriodYear, "2025-01-01", "2025-12-31", true},
		{"annual", "2026-02-01", planner.PeriodYear, "2026-01-01", "2026-12-31", false},
	} {
		t.Run(tt.spec+"@"+tt.today, func(t *testing.T) {
			p, err := planner.ParsePeriod(tt.spec, plannertest.Day(t, tt.today))
			if err != nil {
				t.Fatalf("ParsePeriod(%q): %v", tt.spec, err)
			}
			want := planner.Period{Kind: tt.kind, From: plannertest.Day(t, tt.from), To: plannertest.Day(t, tt.to), JustEnded: tt.justEnded}
			if p != want {
				t.Errorf("got %+v, want %+v", p, want)
			}
			// What String writes, ParsePeriod reads back as the same days.
			again, err := planner.ParsePeriod(p.String(), plannertest.Day(t, tt.today))
			if err != nil || again.From != p.From || again.To != p.To || again.Kind != p.Kind {
				t.Errorf("%q read back as %+v (%v)", p.String(), again, err)
			}
		})
	}
}

// What is no period is refused with ReasonBadPeriod, its text as typed.
func TestParsePeriodRefuses(t *testing.T) {
	today := plannertest.Day(t, "2025-11-17")
	for _, spec := range []string{
		"2025-13", "2025-00", "13月", "2025年13月", "2025-Q5", "Q0 2025", "2025年第五季度", "20255", "0205", "1999",
		"2025-11-30..2025-11-01", "2025-02-30..2025-03-05", "2020-01-01..2025-01-01", "2025-11-01", "2025-W47",
		"next month", "下个月", "marching", "novembre 2025", "nov 1999", "week", "本周", "monthly report", "xlsx", "last",
	} {
		t.Run(spec, func(t *testing.T) {
			p, err := planner.ParsePeriod(spec, today)
			if e := planner.ErrorOf(err); err == nil || e.Reason != planner.ReasonBadPeriod || e.Detail != spec {
				t.Errorf("ParsePeriod(%q) = %+v, %v; want bad_period with %q", spec, p, err, spec)
			}
		})
	}
}

// Whatever is typed, a period read is a run of days of at most
// MaxPeriodDays that its String reads back as, and anything else is
// ReasonBadPeriod.
func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"", "月报", "季报", "上个月", "2025-11", "２０２５年１１月", "2025年第四季度", "Q3 2025", "2025",
		"2025-11-01..2025-11-30", "Nov 2025", "12月", "2025-13", "next month"} {
		f.Add(s, uint16(0))
	}
	f.Fuzz(func(t *testing.T, spec string, days uint16) {
		today := plannertest.Day(t, "2020-01-01").AddDays(int(days) % 5000)
		p, err := planner.ParsePeriod(spec, today)
		if err != nil {
			if e := planner.ErrorOf(err); e.Reason != planner.ReasonBadPeriod {
				t.Fatalf("ParsePeriod(%q): %v, want bad_period", spec, err)
			}
			return
		}
		if p.To.Before(p.From) || p.From.DaysUntil(p.To)+1 > planner.MaxPeriodDays {
			t.Fatalf("ParsePeriod(%q) = %+v", spec, p)
		}
		again, err := planner.ParsePeriod(p.String(), today)
		if err != nil || again.From != p.From || again.To != p.To || again.Kind != p.Kind {
			t.Fatalf("%q read back as %+v (%v), want %+v", p.String(), again, err, p)
		}
	})
}
