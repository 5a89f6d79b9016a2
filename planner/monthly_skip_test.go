package planner_test

import (
	"testing"
	"time"

	"planbot/planner"
)

// A channel set up after a month's first working day does not get the month
// before's report: SkipPastRetro records it skipped, and the next month's
// run is untouched. Set up before that day, the report is left to be sent.
func TestSkipPastRetroSkipsThePastMonth(t *testing.T) {
	tests := []struct {
		name string
		now  string // Shanghai
		skip bool
	}{
		{"set up on the first working day, after its time", "2025-12-01 10:00", true},
		{"set up the day before", "2025-11-30 10:00", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			svc, db, clock := ledgerOnDisk(t)
			now, err := time.ParseInLocation("2006-01-02 15:04", tc.now, svc.Loc)
			if err != nil {
				t.Fatal(err)
			}
			clock.at = now
			if err := svc.SkipPastRetro(t.Context(), "T1"); err != nil {
				t.Fatal(err)
			}
			december := clock.at.AddDate(0, 0, 2) // past December's first working day in either case
			run, _ := planner.MonthlyRun(december, planner.DefaultSchedule(planner.JobMonth), svc.Loc, planner.ChinaCalendar{})
			send, created, err := db.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: run.Job, Week: run.Week,
				State: planner.RunPending, Attempts: 1, DueAt: run.At, UpdatedAt: december})
			if err != nil {
				t.Fatal(err)
			}
			if tc.skip && (created || send.State != planner.RunSkipped || send.Detail == "") {
				t.Errorf("November's report: %+v (created now %v), want skipped with why", send, created)
			}
			if !tc.skip && !created {
				t.Errorf("November's report was claimed at set-up, before its day: %+v", send)
			}
		})
	}
}
