package planner

import (
	"reflect"
	"testing"
)

func TestBuildRetro(t *testing.T) {
	w := Week{2025, 47}
	item := func(id int64, user, start string, kind Kind, count int, status Status) Item {
		return Item{ID: id, UserID: user, Start: d(start), End: d(start), Kind: kind, Count: count, Status: status}
	}
	members := []Member{{UserID: "U1", Name: "Ann"}, {UserID: "U2", Name: "王芳"}, {UserID: "U3", Name: "Bo"}}
	items := []Item{
		item(5, "U1", "2025-11-18", KindVisit, 4, StatusDone),
		item(6, "U1", "2025-11-19", KindFund, 1, StatusPlanned),
		item(7, "U2", "2025-11-20", KindTrip, 1, StatusPlanned),
		item(8, "U2", "2025-11-21", KindSigning, 1, StatusCancelled),
	}
	previous := []Item{
		item(1, "U1", "2025-11-11", KindVisit, 2, StatusDone),
		item(2, "U3", "2025-11-12", KindVisit, 1, StatusPlanned),
	}
	next := map[string]ItemCounts{"U1": {All: 2, NotCancelled: 2}, "U2": {All: 1}} // U2's one item is cancelled
	active := []string{"U1", "U3"}                                                 // who logged anything in the weeks before
	r := BuildRetro(Team{ID: "T1", Name: "招商一组"}, w, items, previous, next, active, map[string]string{"U2": "出差顺利"}, members)
	if r.TeamName != "招商一组" || r.Week != w {
		t.Errorf("header %q %s", r.TeamName, r.Week)
	}
	if got := r.Previous[KindVisit]; got != (Totals{Items: 2, DoneItems: 1, Count: 3, DoneCount: 2}) {
		t.Errorf("previous visits %+v", got)
	}
	if !reflect.DeepEqual(r.CarriedOver, []int64{6, 7}) {
		t.Errorf("carried over %v, want [6 7] (cancelled #8 is not carried)", r.CarriedOver)
	}
	if !reflect.DeepEqual(r.NextWeekPlanned, map[string]int{"U1": 2}) {
		t.Errorf("next week %v", r.NextWeekPlanned)
	}
	if !reflect.DeepEqual(r.Silent, []string{"U3"}) {
		t.Errorf("silent %v", r.Silent)
	}
	if r.Completion() != 1.0/3 || r.PreviousCompletion() != 0.5 {
		t.Errorf("completion %v, previous %v", r.Completion(), r.PreviousCompletion())
	}
}
