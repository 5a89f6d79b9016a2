package schedule

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// monthOnly turns team T1's weekly jobs off, so that only its monthly report
// is posted.
func (x *fixture) monthOnly(t *testing.T) {
	t.Helper()
	for _, j := range []planner.Job{planner.JobRetro, planner.JobPlan, planner.JobLog} {
		s := planner.DefaultSchedule(j)
		s.Off = true
		if err := x.db.SetSchedule(t.Context(), "T1", s); err != nil {
			t.Fatal(err)
		}
	}
}

// monthKey is the ledger's key of the monthly report of the month that
// begins on first ("2025-10-01").
func monthKey(t *testing.T, first string) planner.Week {
	t.Helper()
	d, err := planner.ParseDate(first)
	if err != nil {
		t.Fatal(err)
	}
	return planner.WeekOf(d)
}

// monthCalls is what posting the report of month ("2025-10") anew calls,
// its summary being ref: the summary, then its reply in its thread.
func monthCalls(month, ref string) []string {
	out := []string{fmt.Sprintf("month T1 CRETRO %s-01: %s part 1", month, month)}
	for i := 2; i <= monthParts; i++ {
		out = append(out, fmt.Sprintf("reply CRETRO in %s: %s part %d", ref, month, i))
	}
	return out
}

// mustCalls fails the test unless the messenger was called as want, since
// the last look.
func (x *fixture) mustCalls(t *testing.T, when string, want []string) {
	t.Helper()
	if got := x.m.Calls(); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Fatalf("%s: calls:\n%s\nwant:\n%s", when, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// The month before's report is posted once, on the first working day of the
// month at 09:00 — not on the weekend or the holidays before it, not twice
// over more ticks or a restart — by China's calendar for a team in Shanghai
// (AutoCalendar), and on Monday to Friday without one.
func TestMonthlyReportOnTheFirstWorkingDay(t *testing.T) {
	tests := []struct {
		name   string
		china  bool
		before []string // instants (Shanghai) at which nothing is due yet
		due    string
		month  string // the month reported on
		to     string // its last day
	}{
		{"a 1st on Saturday: Monday the 3rd", true, []string{"2025-11-01 10:00", "2025-11-02 23:00", "2025-11-03 08:59"},
			"2025-11-03 09:00", "2025-10", "2025-10-31"},
		{"National Day: the 9th", true, []string{"2025-10-01 09:00", "2025-10-08 17:00"}, "2025-10-09 09:00", "2025-09", "2025-09-30"},
		{"New Year: a worked Sunday, the 4th", true, []string{"2026-01-01 09:00", "2026-01-02 09:00", "2026-01-03 12:00"},
			"2026-01-04 09:00", "2025-12", "2025-12-31"},
		{"without a holiday calendar: New Year's Day", false, []string{"2025-12-31 23:59"}, "2026-01-01 09:00", "2025-12", "2025-12-31"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at(tc.before[0])}
			x := newFixture(t, c, 2, "CRETRO")
			x.s.AutoCalendar = tc.china
			x.monthOnly(t)
			for _, b := range tc.before {
				c.now = at(b)
				x.s.Tick(t.Context())
				x.mustCalls(t, "at "+b, nil)
			}
			c.now = at(tc.due)
			x.s.Tick(t.Context())
			x.s.Tick(t.Context())
			c.now = c.now.Add(3 * time.Hour)
			x.s.Tick(t.Context())
			restarted := &Scheduler{Service: x.s.Service, Messenger: x.m, Log: x.s.Log, AutoCalendar: tc.china}
			restarted.Tick(t.Context())
			x.mustCalls(t, "on the day and after", monthCalls(tc.month, "ts1"))

			if len(x.m.months) != 1 || x.m.months[0].From.String() != tc.month+"-01" || x.m.months[0].To.String() != tc.to {
				t.Errorf("rendered %+v, want the report of %s to %s once", x.m.months, tc.month, tc.to)
			}
			send, ok := x.ledger(t, planner.JobMonth, monthKey(t, tc.month+"-01"), "")
			if !ok || send.State != planner.RunSent || send.MessageRef != "ts1" || !send.DueAt.Equal(at(tc.due)) {
				t.Errorf("the ledger has %+v (found %t), want sent as ts1, due %s", send, ok, tc.due)
			}
			if !x.claimed(t, "ts1", "reply 2") {
				t.Error("the reply in the thread is not claimed in the ledger")
			}
		})
	}
}

// Set off, no report is posted and none is claimed; set to another time, it
// is posted at that time, not before.
func TestMonthlyReportSchedule(t *testing.T) {
	tests := []struct {
		name   string
		sch    planner.Schedule
		before string // "" when there is no time before
		due    string // "" when never due
	}{
		{"off", planner.Schedule{Job: planner.JobMonth, Hour: 9, Off: true}, "", ""},
		{"at 08:30", planner.Schedule{Job: planner.JobMonth, Hour: 8, Minute: 30}, "2025-12-01 08:29", "2025-12-01 08:30"},
		{"at 14:00", planner.Schedule{Job: planner.JobMonth, Hour: 14}, "2025-12-01 13:59", "2025-12-01 14:00"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2025-12-01 07:00")}
			x := newFixture(t, c, 1, "CRETRO")
			x.monthOnly(t)
			if err := x.s.Service.SetSchedule(t.Context(), planner.Actor{TeamID: "T1", Admin: true}, tc.sch); err != nil {
				t.Fatal(err)
			}
			x.s.Tick(t.Context())
			x.m.Calls() // November's run is long past: skipped
			if tc.before != "" {
				c.now = at(tc.before)
				x.s.Tick(t.Context())
				x.mustCalls(t, "before its time", nil)
			}
			if tc.due == "" {
				c.now = at("2025-12-01 23:00")
				x.s.Tick(t.Context())
				x.mustCalls(t, "off", nil)
				if _, found := x.ledger(t, planner.JobMonth, monthKey(t, "2025-11-01"), ""); found {
					t.Error("November's report was claimed, while off")
				}
				return
			}
			c.now = at(tc.due)
			x.s.Tick(t.Context())
			x.mustCalls(t, "at its time", monthCalls("2025-11", "ts1"))
		})
	}
}

// A team with no channel gets no report.
func TestMonthlyReportNeedsAChannel(t *testing.T) {
	x := newFixture(t, &clock{now: at("2025-12-01 09:00")}, 1, "")
	x.monthOnly(t)
	x.s.Tick(t.Context())
	x.mustCalls(t, "without a channel", nil)
}

// A failed post is retried after its back-off and posted once; one caught up
// within 36 hours of its time is posted, and one later is skipped.
func TestMonthlyReportRetriedAndCaughtUp(t *testing.T) {
	t.Run("retried", func(t *testing.T) {
		c := &clock{now: at("2025-12-01 09:00")}
		x := newFixture(t, c, 1, "CRETRO")
		x.monthOnly(t)
		fail := true
		x.m.PostMonthFunc = func(context.Context, planner.Team, planner.Date, any) (string, error) {
			if fail {
				return "", errSlackDown
			}
			return "ts-late", nil
		}
		x.s.Tick(t.Context())
		fail = false
		x.s.Tick(t.Context()) // within the back-off: nothing
		c.now = c.now.Add(time.Minute)
		x.s.Tick(t.Context())
		x.s.Tick(t.Context())
		find := "find month CRETRO 2025-11-01 since " + at("2025-12-01 09:00").Add(-planner.LateAfter).Format("2006-01-02 15:04")
		want := append([]string{"month T1 CRETRO 2025-11-01: 2025-11 part 1", find}, monthCalls("2025-11", "ts-late")...)
		x.mustCalls(t, "a failure, then its retry", want)
		send, ok := x.ledger(t, planner.JobMonth, monthKey(t, "2025-11-01"), "")
		if !ok || send.State != planner.RunSent || send.MessageRef != "ts-late" || send.Attempts != 2 {
			t.Errorf("the ledger has %+v (found %t), want sent at the 2nd attempt", send, ok)
		}
	})
	tests := []struct {
		name   string
		now    string
		posted bool
	}{
		{"35 hours late: posted", "2025-12-02 20:00", true},
		{"37 hours late: skipped", "2025-12-02 22:00", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := newFixture(t, &clock{now: at(tc.now)}, 1, "CRETRO")
			x.monthOnly(t)
			x.s.Tick(t.Context())
			x.s.Tick(t.Context())
			var want []string
			state := planner.RunSkipped
			if tc.posted {
				want, state = monthCalls("2025-11", "ts1"), planner.RunSent
			}
			x.mustCalls(t, tc.now, want)
			if send, ok := x.ledger(t, planner.JobMonth, monthKey(t, "2025-11-01"), ""); !ok || send.State != state {
				t.Errorf("the ledger has %+v (found %t), want %s", send, ok, state)
			}
		})
	}
}

// A retry after an attempt that crashed first looks in the channel for the
// report that attempt may have posted: found, only the parts still missing
// are posted in its thread; not found, the whole report is; when the channel
// cannot be read, nothing is, and the send waits for its next try.
func TestMonthlyReportRetryAfterACrash(t *testing.T) {
	const crashed = "ts-crashed"
	due := at("2025-12-01 09:00")
	find := "find month CRETRO 2025-11-01 since " + due.Add(-planner.LateAfter).Format("2006-01-02 15:04")
	tests := []struct {
		name    string
		found   string
		err     error
		replied bool // whether the crashed attempt had posted the reply
		calls   []string
		state   planner.RunState
		ref     string
	}{
		{"the report was posted, its reply too: nothing more", crashed, nil, true, []string{find}, planner.RunSent, crashed},
		{"the report was posted: its reply", crashed, nil, false,
			[]string{find, "reply CRETRO in ts-crashed: 2025-11 part 2"}, planner.RunSent, crashed},
		{"nothing was posted: all of it", "", nil, false, append([]string{find}, monthCalls("2025-11", "ts1")...), planner.RunSent, "ts1"},
		{"the channel cannot be read: nothing yet", "", errSlackDown, false, []string{find}, planner.RunPending, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: due}
			x := newFixture(t, c, 1, "CRETRO")
			x.monthOnly(t)
			x.claim(t, planner.JobMonth, monthKey(t, "2025-11-01"), "", due)
			if tc.replied {
				x.claimed(t, crashed, "reply 2")
			}
			x.m.FindMonthFunc = func(context.Context, planner.Team, planner.Date, time.Time) (string, error) {
				return tc.found, tc.err
			}
			c.now = c.now.Add(5 * time.Minute) // past the first attempt's back-off
			x.s.Tick(t.Context())
			x.s.Tick(t.Context())
			x.mustCalls(t, "the retry", tc.calls)
			send, ok := x.ledger(t, planner.JobMonth, monthKey(t, "2025-11-01"), "")
			if !ok || send.State != tc.state || send.MessageRef != tc.ref || send.Attempts != 2 {
				t.Errorf("the ledger has %+v (found %t), want %s %q at the 2nd attempt", send, ok, tc.state, tc.ref)
			}
		})
	}
}

// The chart follows the report's reply in its thread, claimed as its part
// "chart" and sent once: each member's items planned and done, and the
// items done by week. A month with nothing to draw has none; a chart that
// fails is logged, the report staying posted once.
func TestMonthlyReportChart(t *testing.T) {
	font := chineseFont(t)
	tests := []struct {
		name    string
		items   bool
		send    func(bot.File) error
		charted bool
		logged  string
	}{
		{"posted in the thread", true, nil, true, ""},
		{"nothing to draw: no chart", false, nil, false, ""},
		{"the upload fails: logged, not retried", true, func(bot.File) error { return errSlackDown }, true, "monthly report chart not posted"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2025-12-01 09:00")}
			x := newFixture(t, c, 2, "CRETRO")
			x.monthOnly(t)
			x.s.ChartFont = font
			if tc.items {
				x.addItem(t, "U1", "2025-11-03", planner.KindVisit, planner.StatusDone)
				x.addItem(t, "U2", "2025-11-19", planner.KindVisit, planner.StatusPlanned)
				x.addItem(t, "U2", "2025-12-01", planner.KindVisit, planner.StatusDone) // December's: not November's
			}
			if tc.send != nil {
				x.m.SendFileFunc = func(_ context.Context, _ planner.Team, _ string, f bot.File) error { return tc.send(f) }
			}
			x.s.Tick(t.Context())
			c.now = c.now.Add(time.Hour)
			x.s.Tick(t.Context())

			want := monthCalls("2025-11", "ts1")
			if tc.charted {
				want = append(want, "file CRETRO in ts1: planbot-2025-11.png")
			}
			x.mustCalls(t, "the report", want)
			if log := x.log.String(); tc.logged != "" && !strings.Contains(log, tc.logged) {
				t.Errorf("the log does not say %q:\n%s", tc.logged, log)
			}
			if got := x.claimed(t, "ts1", "chart"); got != tc.charted {
				t.Errorf("the chart claimed %t, want %t", got, tc.charted)
			}
			if send, ok := x.ledger(t, planner.JobMonth, monthKey(t, "2025-11-01"), ""); !ok || send.State != planner.RunSent || send.Attempts != 1 {
				t.Errorf("the ledger has %+v (found %t), want sent at the first attempt", send, ok)
			}
			if !tc.charted {
				return
			}
			r := x.m.months[0]
			if r.Totals[planner.KindVisit].Items != 2 || r.Totals[planner.KindVisit].DoneItems != 1 {
				t.Errorf("the report's visits %+v, want November's 2 items, 1 done", r.Totals[planner.KindVisit])
			}
			f := x.m.files[0]
			if f.Title != "November 2025 at a glance" || !strings.Contains(f.AltText, "November 2025") {
				t.Errorf("file %q titled %q, alt %q", f.Name, f.Title, f.AltText)
			}
			img, err := png.Decode(bytes.NewReader(f.Data))
			if err != nil {
				t.Fatalf("the chart is not a PNG: %v", err)
			}
			if img.Bounds().Dx() != report.ChartWidth {
				t.Errorf("chart %v wide, want %d", img.Bounds(), report.ChartWidth)
			}
		})
	}
}
