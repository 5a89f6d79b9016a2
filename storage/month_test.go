package storage

import (
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// The monthly report's sends and schedule are stored beside the weekly
// jobs': its send keyed by the week its month begins in, once; its schedule
// a row of its own. Migrating down drops them and keeps the weekly jobs'
// rows; up again, the month's can be stored anew.
func TestMonthJobStoredAndMigrated(t *testing.T) {
	ctx := t.Context()
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	november := planner.WeekOf(day(t, "2025-11-01")) // 2025-W44
	month := newSend("T1", planner.JobMonth, november, "")
	if _, created := mustClaim(t, db, month); !created {
		t.Fatal("the month's send was not created")
	}
	if got, created := mustClaim(t, db, month); created || got.Job != planner.JobMonth || got.Week != november {
		t.Fatalf("claimed again = %+v, created %v; want the stored send", got, created)
	}
	mustClaim(t, db, newSend("T1", planner.JobRetro, november, "")) // the week's own retrospective: another send
	if got := mustPending(t, db); len(got) != 2 {
		t.Fatalf("pending %+v, want the month's and the week's", got)
	}
	monthly := planner.Schedule{Job: planner.JobMonth, Hour: 8, Minute: 30, Off: true}
	retro := planner.Schedule{Job: planner.JobRetro, Weekday: time.Friday, Hour: 17}
	for _, s := range []planner.Schedule{monthly, retro} {
		if err := db.SetSchedule(ctx, "T1", s); err != nil {
			t.Fatalf("SetSchedule(%+v): %v", s, err)
		}
	}
	if got, err := db.Schedules(ctx, "T1"); err != nil || !slices.Equal(got, []planner.Schedule{monthly, retro}) {
		t.Fatalf("Schedules = %+v, %v; want %+v", got, err, []planner.Schedule{monthly, retro})
	}

	provider := gooseProvider(t, db.sql)
	if _, err := provider.DownTo(ctx, 14); err != nil {
		t.Fatalf("down to 14: %v", err)
	}
	if got, err := db.Schedules(ctx, "T1"); err != nil || !slices.Equal(got, []planner.Schedule{retro}) {
		t.Errorf("Schedules after down = %+v, %v; want the retrospective's only", got, err)
	}
	if got := mustPending(t, db); len(got) != 1 || got[0].Job != planner.JobRetro {
		t.Errorf("pending after down %+v, want the week's only", got)
	}
	if err := db.SetSchedule(ctx, "T1", monthly); err == nil {
		t.Error("a month's schedule was stored before its migration")
	}
	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if _, created := mustClaim(t, db, month); !created {
		t.Error("after down and up, the month's send is not stored anew")
	}
	if err := db.SetSchedule(ctx, "T1", monthly); err != nil {
		t.Errorf("SetSchedule after down and up: %v", err)
	}
}
