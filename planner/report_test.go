package planner_test

import (
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// A month's report sums the items that start in it (not those of the days
// of its first and last weeks outside it), lists every member, counts the
// days of trips done inside the month once each (a trip that began in
// October too), and gives the done items by week; with a member, only
// theirs.
func TestBuildReport(t *testing.T) {
	item := func(id int64, user, start, end string, kind planner.Kind, count int, status planner.Status) planner.Item {
		return plannertest.RetroItem(t, id, user, start, end, kind, count, "t", status, "")
	}
	items := []planner.Item{
		item(1, "U1", "2025-10-31", "2025-10-31", planner.KindVisit, 3, planner.StatusDone), // before November
		item(2, "U1", "2025-11-03", "2025-11-03", planner.KindVisit, 4, planner.StatusDone),
		item(3, "U1", "2025-11-04", "2025-11-04", planner.KindVisit, 2, planner.StatusPlanned),
		item(4, "U2", "2025-11-05", "2025-11-05", planner.KindVisit, 5, planner.StatusCancelled),
		item(5, "U2", "2025-11-12", "2025-11-14", planner.KindTrip, 1, planner.StatusDone),
		item(6, "U2", "2025-11-13", "2025-11-13", planner.KindTrip, 1, planner.StatusDone), // overlaps: days once
		item(7, "U2", "2025-11-29", "2025-12-02", planner.KindTrip, 1, planner.StatusDone), // 2 days in November
		item(8, "U2", "2025-11-20", "2025-11-21", planner.KindTrip, 1, planner.StatusPlanned),
		item(9, "U1", "2025-11-24", "2025-11-24", planner.KindLeave, 1, planner.StatusPlanned),
		item(10, "U1", "2025-12-01", "2025-12-01", planner.KindVisit, 1, planner.StatusDone), // after November
		item(11, "U2", "2025-10-30", "2025-11-02", planner.KindTrip, 1, planner.StatusDone),  // October's item, 2 days away in November
	}
	members := []planner.Member{{UserID: "U1", Name: "Ann"}, {UserID: "U2", Name: "Bob"}, {UserID: "U3", Name: "Carol"}}
	from, to := plannertest.Day(t, "2025-11-01"), plannertest.Day(t, "2025-11-30")
	r := planner.BuildReport(planner.Team{Name: "武进区招商局"}, from, to, "", items, members, planner.Money{})
	if got, want := r.Totals[planner.KindVisit], (planner.Totals{Items: 2, DoneItems: 1, Count: 6, DoneCount: 4}); got != want {
		t.Errorf("visits %+v, want %+v", got, want)
	}
	if got := r.Totals[planner.KindTrip]; got.Items != 4 || got.DoneItems != 3 {
		t.Errorf("trips %+v, want 4 items, 3 done", got)
	}
	if len(r.Totals) != len(planner.Kinds) {
		t.Errorf("totals has %d kinds, want every one", len(r.Totals))
	}
	want := []planner.MemberReport{
		{UserID: "U1", UserName: "Ann", Items: 2, DoneItems: 1},
		{UserID: "U2", UserName: "Bob", Items: 4, DoneItems: 3, DaysOut: 7}, // 1–2, 12–14 and 29–30
		{UserID: "U3", UserName: "Carol"},
	}
	if len(r.Members) != len(want) {
		t.Fatalf("members %+v, want %+v", r.Members, want)
	}
	for i := range want {
		if r.Members[i] != want[i] {
			t.Errorf("member %d: %+v, want %+v", i, r.Members[i], want[i])
		}
	}
	var weeks []string
	var done int
	for _, w := range r.Weeks {
		weeks = append(weeks, w.Week.String())
		done += w.DoneItems
	}
	if len(weeks) != 5 || weeks[0] != "2025-W44" || weeks[4] != "2025-W48" || done != 4 {
		t.Errorf("weeks %v with %d done, want W44..W48 (Nov 1 is a Saturday) and 4 done", weeks, done)
	}
	bob := planner.BuildReport(planner.Team{}, from, to, "U2", items, members, planner.Money{})
	if len(bob.Members) != 1 || bob.Members[0].UserID != "U2" || bob.Totals[planner.KindVisit].Items != 0 {
		t.Errorf("Bob's report: members %+v, visits %+v", bob.Members, bob.Totals[planner.KindVisit])
	}
}
