package planner

import (
	"testing"
	"time"
)

func TestMonthlyRun(t *testing.T) {
	ny := mustZone("America/New_York")
	at := func(loc *time.Location, s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			panic(err)
		}
		return v
	}
	tests := []struct {
		name  string
		now   time.Time
		loc   *time.Location
		s     Schedule
		cal   Calendar
		want  string // "2006-01-02 15:04" in loc, or "" for none
		month string // the month reported on, its first day
	}{
		{"on a Monday the 1st at 09:00", at(shanghai, "2025-12-01 09:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-12-01 09:00", "2025-11-01"},
		{"a minute early: the month before's run", at(shanghai, "2025-12-01 08:59"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-11-03 09:00", "2025-10-01"},
		{"a 1st on Saturday: Monday the 3rd", at(shanghai, "2025-11-03 09:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-11-03 09:00", "2025-10-01"},
		{"not on the weekend before", at(shanghai, "2025-11-02 10:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-10-09 09:00", "2025-09-01"},
		// National Day 2025: October 1–8 are holidays; the 9th is the first working day.
		{"after National Day", at(shanghai, "2025-10-09 09:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-10-09 09:00", "2025-09-01"},
		{"not during National Day", at(shanghai, "2025-10-08 12:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-09-01 09:00", "2025-08-01"},
		{"without a calendar, on October 1st", at(shanghai, "2025-10-01 09:00"), shanghai, DefaultSchedule(JobMonth), nil, "2025-10-01 09:00", "2025-09-01"},
		// New Year 2026: January 1–3 are holidays; Sunday the 4th is worked (调休).
		{"not on New Year's Day", at(shanghai, "2026-01-01 12:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2025-12-01 09:00", "2025-11-01"},
		{"a worked Sunday is the first working day", at(shanghai, "2026-01-04 09:00"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2026-01-04 09:00", "2025-12-01"},
		{"Monday to Friday: New Year's Day", at(shanghai, "2026-01-01 09:00"), shanghai, DefaultSchedule(JobMonth), WeekdayCalendar{}, "2026-01-01 09:00", "2025-12-01"},
		{"National Day 2026: the 8th", at(shanghai, "2026-10-08 09:30"), shanghai, DefaultSchedule(JobMonth), ChinaCalendar{}, "2026-10-08 09:00", "2026-09-01"},
		{"the time an admin set", at(shanghai, "2025-12-01 08:45"), shanghai, Schedule{Job: JobMonth, Hour: 8, Minute: 30}, nil, "2025-12-01 08:30", "2025-11-01"},
		{"January reports on December", at(shanghai, "2027-01-04 10:00"), shanghai, DefaultSchedule(JobMonth), nil, "2027-01-01 09:00", "2026-12-01"},
		{"February reports on January", at(shanghai, "2027-02-01 09:00"), shanghai, DefaultSchedule(JobMonth), nil, "2027-02-01 09:00", "2027-01-01"},
		// New York falls back on Sunday 2026-11-01: the 2nd is the first weekday.
		{"New York, after the clocks go back", at(ny, "2026-11-02 09:00"), ny, DefaultSchedule(JobMonth), nil, "2026-11-02 09:00", "2026-10-01"},
		{"off", at(shanghai, "2025-12-01 09:00"), shanghai, Schedule{Job: JobMonth, Hour: 9, Off: true}, ChinaCalendar{}, "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			run, ok := MonthlyRun(tc.now, tc.s, tc.loc, tc.cal)
			if tc.want == "" {
				if ok {
					t.Fatalf("got run %+v, want none", run)
				}
				return
			}
			if !ok || run.Job != JobMonth || !run.At.Equal(at(tc.loc, tc.want)) {
				t.Fatalf("MonthlyRun = %+v (%s) %v, want due %s", run, run.At.In(tc.loc), ok, tc.want)
			}
			from, _, found := ReportedMonth(run.Week)
			if !found || from.String() != tc.month {
				t.Errorf("the run's key %s reports on %s (found %v), want the month of %s", run.Week, from, found, tc.month)
			}
		})
	}
}

func TestReportedMonth(t *testing.T) {
	tests := []struct {
		week     string
		from, to string // "" when no month begins in the week
	}{
		{"2025-W44", "2025-11-01", "2025-11-30"},
		{"2025-W49", "2025-12-01", "2025-12-31"},
		{"2026-W53", "2027-01-01", "2027-01-31"}, // the ISO year before the month's
		{"2024-W05", "2024-02-01", "2024-02-29"},
		{"2025-W47", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.week, func(t *testing.T) {
			w, err := ParseWeek(tc.week)
			if err != nil {
				t.Fatal(err)
			}
			from, to, ok := ReportedMonth(w)
			if tc.from == "" {
				if ok {
					t.Fatalf("ReportedMonth(%s) = %s..%s, want none", w, from, to)
				}
				return
			}
			if !ok || from.String() != tc.from || to.String() != tc.to {
				t.Errorf("ReportedMonth(%s) = %s..%s %v, want %s..%s", w, from, to, ok, tc.from, tc.to)
			}
		})
	}
}

// Every month has a key of its own, which reads back as that month, across
// years and whatever the calendar.
func TestMonthlyKeysAreOnePerMonth(t *testing.T) {
	seen := map[Week]string{}
	for _, cal := range []Calendar{nil, ChinaCalendar{}} {
		for m := firstOfMonth(2024, time.February); m.Year < 2031; m = firstOfMonth(m.Year, m.Month+1) {
			now := time.Date(m.Year, m.Month, 28, 23, 0, 0, 0, shanghai) // after any first working day
			run, ok := MonthlyRun(now, DefaultSchedule(JobMonth), shanghai, cal)
			reported := firstOfMonth(m.Year, m.Month-1)
			from, to, found := ReportedMonth(run.Week)
			if !ok || !found || from != reported || to.AddDays(1) != m {
				t.Fatalf("at %s: run %+v reads back as %s..%s (%v), want %s..the day before %s", now, run, from, to, found, reported, m)
			}
			if other, dup := seen[run.Week]; dup && other != reported.String() {
				t.Fatalf("%s and %s share the key %s", other, reported, run.Week)
			}
			seen[run.Week] = reported.String()
		}
	}
}
