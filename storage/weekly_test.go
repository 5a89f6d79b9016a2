package storage

import (
	"fmt"
	"testing"

	"planbot/planner"
)

func TestWeeklyTotals(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "王芳")
	mustMember(t, db, "A", "U2", "Bob")
	mustMember(t, db, "B", "U9", "Other team")

	item := func(team, user, start string, kind planner.Kind, count int, status planner.Status) planner.Item {
		it := newItem(t, team, user, start, "x")
		it.Kind, it.Count, it.Status = kind, count, status
		return it
	}
	mustAdd(t, db, "U1",
		item("A", "U1", "2025-11-09", planner.KindVisit, 7, planner.StatusDone),      // Sunday of W45: out of range
		item("A", "U1", "2025-11-10", planner.KindVisit, 4, planner.StatusDone),      // Monday of W46
		item("A", "U2", "2025-11-16", planner.KindVisit, 2, planner.StatusPlanned),   // Sunday of W46
		item("A", "U2", "2025-11-16", planner.KindVisit, 3, planner.StatusDone),      // same day, another member
		item("A", "U1", "2025-11-16", planner.KindVisit, 9, planner.StatusCancelled), // counts nowhere
		item("A", "U1", "2025-11-16", planner.KindFund, 5, planner.StatusDone),       // another kind
		item("A", "U1", "2025-11-23", planner.KindVisit, 1, planner.StatusDone),      // Sunday of W47
		item("A", "U1", "2025-11-24", planner.KindVisit, 8, planner.StatusDone),      // W48: out of range
	)
	mustAdd(t, db, "U9", item("B", "U9", "2025-11-18", planner.KindVisit, 50, planner.StatusDone))
	// An item that starts in W47 and ends in W48 belongs to W47.
	long := item("A", "U2", "2025-11-22", planner.KindVisit, 6, planner.StatusPlanned)
	long.End = day(t, "2025-11-25")
	mustAdd(t, db, "U2", long)

	got, err := db.WeeklyTotals(t.Context(), "A", planner.KindVisit, day(t, "2025-11-10"), day(t, "2025-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[planner.Week]planner.Totals{
		{Year: 2025, Num: 46}: {Items: 3, DoneItems: 2, Count: 9, DoneCount: 7},
		{Year: 2025, Num: 47}: {Items: 2, DoneItems: 1, Count: 7, DoneCount: 1},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("WeeklyTotals = %v, want %v", got, want)
	}

	// Trips count the enterprises they visited, done and planned.
	trip := func(start string, visits int, status planner.Status) planner.Item {
		it := item("A", "U1", start, planner.KindTrip, 1, status)
		it.Visits = visits
		return it
	}
	mustAdd(t, db, "U1", trip("2025-11-11", 3, planner.StatusDone), trip("2025-11-12", 2, planner.StatusPlanned),
		trip("2025-11-13", 9, planner.StatusCancelled), trip("2025-11-18", 0, planner.StatusDone))
	got, err = db.WeeklyTotals(t.Context(), "A", planner.KindTrip, day(t, "2025-11-10"), day(t, "2025-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	want = map[planner.Week]planner.Totals{
		{Year: 2025, Num: 46}: {Items: 2, DoneItems: 1, Count: 2, DoneCount: 1, Visits: 5, DoneVisits: 3},
		{Year: 2025, Num: 47}: {Items: 1, DoneItems: 1, Count: 1, DoneCount: 1},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("WeeklyTotals of trips = %v, want %v", got, want)
	}

	got, err = db.WeeklyTotals(t.Context(), "A", planner.KindSigning, day(t, "2025-11-10"), day(t, "2025-11-23"))
	if err != nil || len(got) != 0 {
		t.Fatalf("no signings: got %v, %v; want an empty map", got, err)
	}
	got, err = db.WeeklyTotals(t.Context(), "nobody", planner.KindVisit, day(t, "2025-11-10"), day(t, "2025-11-23"))
	if err != nil || len(got) != 0 {
		t.Fatalf("unknown team: got %v, %v; want an empty map", got, err)
	}
}
