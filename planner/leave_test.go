package planner

import (
	"reflect"
	"testing"
)

// leaveItem is userID's leave from start to end, planned.
func leaveItem(id int64, userID, start, end string) Item {
	return Item{ID: id, UserID: userID, Start: d(start), End: d(end), Kind: KindLeave, Count: 1, Title: "请假", Status: StatusPlanned}
}

func TestOnLeave(t *testing.T) {
	cancelled := leaveItem(3, "U1", "2025-11-20", "2025-11-20")
	cancelled.Status = StatusCancelled
	trip := leaveItem(4, "U1", "2025-11-21", "2025-11-21")
	trip.Kind = KindTrip
	leaves := []Item{leaveItem(1, "U1", "2025-11-17", "2025-11-18"), leaveItem(2, "U2", "2025-11-19", "2025-11-19"), cancelled, trip}
	for _, tt := range []struct {
		user, day string
		want      bool
	}{
		{"U1", "2025-11-16", false}, // the day before
		{"U1", "2025-11-17", true},  // its first day
		{"U1", "2025-11-18", true},  // its last day
		{"U1", "2025-11-19", false}, // U2's day
		{"U2", "2025-11-19", true},
		{"U1", "2025-11-20", false}, // cancelled
		{"U1", "2025-11-21", false}, // a trip is no leave
	} {
		if got := OnLeave(leaves, tt.user, d(tt.day)); got != tt.want {
			t.Errorf("OnLeave(%s, %s) = %v, want %v", tt.user, tt.day, got, tt.want)
		}
	}
}

// TestDigestLeave: a member on leave from Monday to Friday is not silent,
// whether one leave covers the week or several do, begun this week or long
// before; a member on leave four days of five is. A leave is no work: it
// counts in no completion, no member's items, and does not carry over.
func TestDigestLeave(t *testing.T) {
	w := Week{2025, 47}
	members := []Member{{UserID: "U1", Name: "Ann"}, {UserID: "U2", Name: "王芳"}, {UserID: "U3", Name: "Bo"}, {UserID: "U4", Name: "李雷"}, {UserID: "U5", Name: "Cy"}}
	thisWeek := leaveItem(9, "U4", "2025-11-17", "2025-11-21")
	items := []Item{
		{ID: 8, UserID: "U4", Start: d("2025-11-22"), End: d("2025-11-22"), Kind: KindVisit, Count: 2, Status: StatusDone},
		thisWeek,
	}
	leaves := []Item{
		leaveItem(1, "U1", "2025-10-01", "2025-12-31"), // 产假, from long before
		leaveItem(2, "U2", "2025-11-17", "2025-11-19"), // Mon–Wed …
		leaveItem(3, "U2", "2025-11-20", "2025-11-21"), // … and Thu–Fri
		leaveItem(4, "U3", "2025-11-17", "2025-11-20"), // Mon–Thu only
		thisWeek,
	}
	active := []string{"U1", "U2", "U3", "U4", "U5"}
	r := BuildRetro(Team{ID: "T1"}, w, items, nil, nil, active, nil, members)
	r.SetLeaves(leaves)
	if want := []string{"U1", "U2", "U4"}; !reflect.DeepEqual(r.OnLeave, want) {
		t.Errorf("on leave %v, want %v", r.OnLeave, want)
	}
	if want := []string{"U3", "U5"}; !reflect.DeepEqual(r.Silent, want) {
		t.Errorf("silent %v, want %v", r.Silent, want)
	}
	if r.Completion() != 1 {
		t.Errorf("completion %v, want 1: the leave is no work left undone", r.Completion())
	}
	if want := []MemberSummary{{UserID: "U4", UserName: "李雷", Items: 1, DoneItems: 1}}; !reflect.DeepEqual(r.Members, want) {
		t.Errorf("members %+v, want %+v", r.Members, want)
	}
	if len(r.CarriedOver) != 0 {
		t.Errorf("carried over %v, want nothing: a leave does not carry over", r.CarriedOver)
	}
	if got := r.Totals[KindLeave]; got.Items != 1 {
		t.Errorf("leave totals %+v, want its one item", got)
	}
}

// TestEnterprisesMet counts the visits' counts and the trips' visits, done
// and planned; a cancelled trip's count nowhere.
func TestEnterprisesMet(t *testing.T) {
	w := Week{2025, 47}
	item := func(id int64, kind Kind, count, visits int, status Status) Item {
		return Item{ID: id, UserID: "U1", Start: d("2025-11-18"), End: d("2025-11-18"), Kind: kind, Count: count, Visits: visits, Status: status}
	}
	items := []Item{
		item(1, KindVisit, 4, 0, StatusDone),
		item(2, KindVisit, 2, 0, StatusPlanned),
		item(3, KindTrip, 1, 3, StatusDone),
		item(4, KindTrip, 1, 2, StatusPlanned),
		item(5, KindTrip, 1, 5, StatusCancelled),
		item(6, KindReception, 1, 0, StatusDone),
	}
	dg := BuildDigest(w, items, nil, nil, nil)
	if want := (Tally{Planned: 11, Done: 7}); dg.Enterprises != want {
		t.Errorf("enterprises met %+v, want %+v", dg.Enterprises, want)
	}
	if want := (Totals{Items: 2, DoneItems: 1, Count: 2, DoneCount: 1, Visits: 5, DoneVisits: 3}); dg.Totals[KindTrip] != want {
		t.Errorf("trip totals %+v, want %+v", dg.Totals[KindTrip], want)
	}
	if len(dg.Trips) != 2 || dg.Trips[0].Visits != 3 {
		t.Errorf("trips %+v, want two, the first with 3 visits", dg.Trips)
	}
	for _, k := range Kinds {
		if _, ok := dg.Totals[k]; !ok {
			t.Errorf("no totals for kind %s", k)
		}
	}
}
