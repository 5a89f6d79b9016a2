package planner_test

import (
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// coveredThrough is a Monday-to-Friday calendar that lists holidays up to
// and including its year, as a lunar-go release does.
type coveredThrough int

func (coveredThrough) Day(d planner.Date) (working, holiday bool) {
	return planner.WeekdayCalendar{}.Day(d)
}

func (c coveredThrough) Covers(year int) bool { return year <= int(c) }

// The notice of a year without holidays is due from 09:00 on the first
// working day of the December before it (or at once when found later), its
// identity the year however late it is found; a calendar that lists the
// year, or none at all, gives none.
func TestHorizonRun(t *testing.T) {
	sh := plannertest.Shanghai
	at := func(s string) time.Time {
		v, err := time.ParseInLocation("2006-01-02 15:04", s, sh)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	tests := []struct {
		name     string
		cal      planner.Calendar
		now      string
		wantYear int    // 0: no run
		wantAt   string // "" : now
	}{
		{"November: too early to expect next year", coveredThrough(2026), "2026-11-30 12:00", 0, ""},
		{"December's first working day, before 09:00", coveredThrough(2026), "2026-12-01 08:59", 0, ""},
		{"December's first working day, 09:00", coveredThrough(2026), "2026-12-01 09:00", 2027, "2026-12-01 09:00"},
		{"within MaxLate it keeps its hour", coveredThrough(2026), "2026-12-02 20:00", 2027, "2026-12-01 09:00"},
		{"found days later: due at once", coveredThrough(2026), "2026-12-06 10:00", 2027, ""},
		{"the year itself without holidays", coveredThrough(2026), "2027-03-02 10:00", 2027, ""},
		{"next year listed", coveredThrough(2027), "2026-12-06 10:00", 0, ""},
		{"a Sunday the 1st: from Monday the 2nd", coveredThrough(2030), "2030-12-01 10:00", 0, ""},
		{"a Sunday the 1st: Monday the 2nd", coveredThrough(2030), "2030-12-02 09:00", 2031, "2030-12-02 09:00"},
		{"no calendar", nil, "2099-12-06 10:00", 0, ""},
		{"Monday to Friday lists every year", planner.WeekdayCalendar{}, "2099-12-06 10:00", 0, ""},
		{"China's calendar past its data", planner.ChinaCalendar{}, "2099-12-06 10:00", 2099, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			now := at(tc.now)
			run, year, ok := planner.HorizonRun(tc.cal, now, sh)
			if tc.wantYear == 0 {
				if ok {
					t.Fatalf("HorizonRun = %+v for %d, want none", run, year)
				}
				return
			}
			wantAt := now
			if tc.wantAt != "" {
				wantAt = at(tc.wantAt)
			}
			if !ok || year != tc.wantYear || !run.At.Equal(wantAt) || run.Job != planner.JobHorizon {
				t.Fatalf("HorizonRun = %+v, %d, %t; want %d due %s", run, year, ok, tc.wantYear, wantAt)
			}
		})
	}
	// One identity a year: told in December, the same year's notice in March is the same send.
	dec, _, _ := planner.HorizonRun(coveredThrough(2026), at("2026-12-01 09:00"), sh)
	mar, _, _ := planner.HorizonRun(coveredThrough(2026), at("2027-03-02 10:00"), sh)
	if dec.Week != mar.Week || dec.Subject != mar.Subject || dec.Subject == "" {
		t.Errorf("December's run %+v and March's %+v are not one send", dec, mar)
	}
}
