package storage

import (
	"testing"

	"planbot/planner"
)

// The calendar's notice to an admin is a send whose subject names the year:
// claimed once, and another year is another send. Migrating down drops it
// and keeps the other jobs' rows; up again, it can be stored anew.
func TestHorizonSendStoredAndMigrated(t *testing.T) {
	ctx := t.Context()
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	december := planner.WeekOf(day(t, "2026-12-01"))
	notice := newSend("T1", planner.JobHorizon, december, "U1")
	notice.Subject = "calendar 2027"
	if _, created := mustClaim(t, db, notice); !created {
		t.Fatal("the notice's send was not created")
	}
	if got, created := mustClaim(t, db, notice); created || got.Job != planner.JobHorizon || got.Subject != notice.Subject {
		t.Fatalf("claimed again = %+v, created %v; want the stored send", got, created)
	}
	next := notice
	next.Subject = "calendar 2028"
	if _, created := mustClaim(t, db, next); !created {
		t.Fatal("another year's notice was not a send of its own")
	}
	mustClaim(t, db, newSend("T1", planner.JobPlan, december, "U1"))
	if got := mustPending(t, db); len(got) != 3 {
		t.Fatalf("pending %+v, want both notices and the reminder", got)
	}

	provider := gooseProvider(t, db.sql)
	if _, err := provider.DownTo(ctx, 16); err != nil {
		t.Fatalf("down to 16: %v", err)
	}
	if got := mustPending(t, db); len(got) != 1 || got[0].Job != planner.JobPlan {
		t.Errorf("pending after down %+v, want the reminder only", got)
	}
	if _, _, err := db.ClaimSend(ctx, notice); err == nil {
		t.Error("a notice was stored before its migration")
	}
	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if _, created := mustClaim(t, db, notice); !created {
		t.Error("after down and up, the notice is not stored anew")
	}
}
