package planner

import (
	"testing"
	"time"
)

func TestLatestRun(t *testing.T) {
	ny, berlin := mustZone("America/New_York"), mustZone("Europe/Berlin")
	at := func(loc *time.Location, s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, loc)
		if err != nil {
			panic(err)
		}
		return v
	}
	tests := []struct {
		name   string
		now    time.Time
		loc    *time.Location
		s      Schedule
		cal    Calendar
		want   string // "2006-01-02 15:04" in loc, or "" for none
		week   string
		before bool // the run is not yet due: the one returned is last week's
	}{
		{"retro on Sunday at 18:00", at(shanghai, "2025-11-23 18:00"), shanghai, DefaultSchedule(JobRetro), nil, "2025-11-23 18:00", "2025-W47", false},
		{"retro a minute early is last week's", at(shanghai, "2025-11-23 17:59"), shanghai, DefaultSchedule(JobRetro), nil, "2025-11-16 18:00", "2025-W46", true},
		{"retro on Monday morning", at(shanghai, "2025-11-24 08:00"), shanghai, DefaultSchedule(JobRetro), nil, "2025-11-23 18:00", "2025-W47", true},
		{"plan reminder Monday 09:00", at(shanghai, "2025-11-24 09:00"), shanghai, DefaultSchedule(JobPlan), nil, "2025-11-24 09:00", "2025-W48", false},
		{"log reminder Friday 17:00", at(shanghai, "2025-11-28 17:30"), shanghai, DefaultSchedule(JobLog), nil, "2025-11-28 17:00", "2025-W48", false},
		// New York springs forward on Sunday 2026-03-08 and falls back on Sunday 2026-11-01.
		{"NY: Monday 09:00 after spring forward", at(ny, "2026-03-09 09:00"), ny, DefaultSchedule(JobPlan), nil, "2026-03-09 09:00", "2026-W11", false},
		{"NY: Sunday 18:00 on the spring-forward day", at(ny, "2026-03-08 18:00"), ny, DefaultSchedule(JobRetro), nil, "2026-03-08 18:00", "2026-W10", false},
		{"NY: Sunday 18:00 on the fall-back day", at(ny, "2026-11-01 18:30"), ny, DefaultSchedule(JobRetro), nil, "2026-11-01 18:00", "2026-W44", false},
		// A 02:30 run on the spring-forward day: that minute does not exist; Go moves it to 03:30.
		{"NY: a time skipped by DST", at(ny, "2026-03-08 04:00"), ny, Schedule{Job: JobRetro, Weekday: time.Sunday, Hour: 2, Minute: 30}, nil, "2026-03-08 03:30", "2026-W10", false},
		// Berlin: summer time starts Sunday 2026-03-29 and ends Sunday 2026-10-25.
		{"Berlin: Friday 17:00 before summer time", at(berlin, "2026-03-27 17:00"), berlin, DefaultSchedule(JobLog), nil, "2026-03-27 17:00", "2026-W13", false},
		{"Berlin: Monday 09:00 after summer time", at(berlin, "2026-03-30 09:00"), berlin, DefaultSchedule(JobPlan), nil, "2026-03-30 09:00", "2026-W14", false},
		{"Berlin: Sunday 18:00 on the last day of summer time", at(berlin, "2026-10-25 18:00"), berlin, DefaultSchedule(JobRetro), nil, "2026-10-25 18:00", "2026-W43", false},
		// China: Spring Festival 2026 runs Feb 15–23; Sat Feb 14 and Sat Feb 28 are worked (调休).
		{"holiday Monday moves to the next working day", at(shanghai, "2026-02-24 09:00"), shanghai, DefaultSchedule(JobPlan), ChinaCalendar{}, "2026-02-24 09:00", "2026-W09", false},
		// National Day 2025: Friday Oct 3 is a holiday; its "log your results" moves to Thursday Oct 9
		// and stays the reminder of week 40; week 41's own comes on Friday Oct 10.
		{"a moved reminder keeps its week", at(shanghai, "2025-10-09 17:30"), shanghai, DefaultSchedule(JobLog), ChinaCalendar{}, "2025-10-09 17:00", "2025-W40", true},
		{"the next week's reminder is its own", at(shanghai, "2025-10-10 17:30"), shanghai, DefaultSchedule(JobLog), ChinaCalendar{}, "2025-10-10 17:00", "2025-W41", false},
		{"a Monday retrospective reviews the week before", at(shanghai, "2025-11-24 09:30"), shanghai, Schedule{Job: JobRetro, Weekday: time.Monday, Hour: 9}, nil, "2025-11-24 09:00", "2025-W47", true},
		{"not on the holiday itself", at(shanghai, "2026-02-16 10:00"), shanghai, DefaultSchedule(JobPlan), ChinaCalendar{}, "2026-02-09 09:00", "2026-W07", true},
		{"without a calendar it fires on the holiday", at(shanghai, "2026-02-16 10:00"), shanghai, DefaultSchedule(JobPlan), WeekdayCalendar{}, "2026-02-16 09:00", "2026-W08", false},
		{"a worked Saturday keeps a Saturday reminder", at(shanghai, "2026-02-14 09:30"), shanghai, Schedule{Job: JobLog, Weekday: time.Saturday, Hour: 9}, ChinaCalendar{}, "2026-02-14 09:00", "2026-W07", false},
		{"a weekend holiday drops a weekend reminder", at(shanghai, "2026-02-21 12:00"), shanghai, Schedule{Job: JobLog, Weekday: time.Saturday, Hour: 9}, ChinaCalendar{}, "2026-02-14 09:00", "2026-W07", true},
		{"the retrospective is never moved", at(shanghai, "2026-02-22 18:00"), shanghai, DefaultSchedule(JobRetro), ChinaCalendar{}, "2026-02-22 18:00", "2026-W08", false},
		{"off", at(shanghai, "2025-11-24 09:00"), shanghai, Schedule{Job: JobPlan, Weekday: time.Monday, Hour: 9, Off: true}, nil, "", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			run, ok := LatestRun(tc.now, tc.s, tc.loc, tc.cal)
			if tc.want == "" {
				if ok {
					t.Fatalf("got run %+v, want none", run)
				}
				return
			}
			if !ok || !run.At.Equal(at(tc.loc, tc.want)) || run.Week.String() != tc.week || run.Job != tc.s.Job {
				t.Fatalf("LatestRun = %+v (%s) %v, want %s week %s", run, run.At.In(tc.loc), ok, tc.want, tc.week)
			}
			if run.At.After(tc.now) {
				t.Fatalf("run %s is after now %s", run.At, tc.now)
			}
			if gotBefore := run.Week != CurrentWeek(tc.now, tc.loc); tc.before != gotBefore {
				t.Errorf("run for week %s at %s: want an earlier week %v", run.Week, tc.now, tc.before)
			}
		})
	}
}

func TestRunLate(t *testing.T) {
	r := Run{At: time.Date(2025, 11, 23, 18, 0, 0, 0, shanghai)}
	if r.Late(r.At.Add(time.Minute)) || !r.Late(r.At.Add(14*time.Hour)) {
		t.Fatal("Late is wrong")
	}
}

func TestChinaCalendar(t *testing.T) {
	tests := []struct {
		day              string
		working, holiday bool
	}{
		{"2026-02-14", true, false},  // Saturday worked for Spring Festival
		{"2026-02-16", false, true},  // Spring Festival
		{"2026-02-28", true, false},  // Saturday worked
		{"2025-10-01", false, true},  // National Day
		{"2025-11-18", true, false},  // an ordinary Tuesday
		{"2025-11-22", false, false}, // an ordinary Saturday
	}
	for _, tc := range tests {
		if w, h := (ChinaCalendar{}).Day(d(tc.day)); w != tc.working || h != tc.holiday {
			t.Errorf("%s: working %v holiday %v, want %v %v", tc.day, w, h, tc.working, tc.holiday)
		}
	}
	if !(ChinaCalendar{}).Covers(2026) || (ChinaCalendar{}).Covers(2099) {
		t.Error("Covers is wrong")
	}
	if got := NextWorkingDay(ChinaCalendar{}, d("2026-02-16")); got != d("2026-02-24") {
		t.Errorf("NextWorkingDay = %s", got)
	}
}
