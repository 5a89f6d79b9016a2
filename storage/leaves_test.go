package storage

import (
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// TestLeaves finds the leaves that cover a range of days: a long one that
// started months before, one inside; not a cancelled one, not one that ends
// before or starts after, not another kind, not another team's.
func TestLeaves(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T1", "U2", "Li Lei")
	mustMember(t, db, "T2", "U1", "Zoe")
	leave := func(team, user, start, end, title string) planner.Item {
		it := newItem(t, team, user, start, title)
		it.Kind, it.End = planner.KindLeave, day(t, end)
		return it
	}
	stored := mustAdd(t, db, "U1",
		leave("T1", "U1", "2025-09-01", "2025-12-31", "产假"),           // 1: covers every day asked
		leave("T1", "U2", "2025-11-18", "2025-11-19", "年假"),           // 2: cancelled below
		leave("T1", "U2", "2025-11-20", "2025-11-21", "调休"),           // 3
		leave("T1", "U2", "2025-11-10", "2025-11-16", "休假"),           // 4: ends the day before
		leave("T1", "U2", "2025-11-24", "2025-11-24", "请假"),           // 5: starts the day after
		newItem(t, "T1", "U2", "2025-11-18", "out of office meeting"), // 6: a meeting
	)
	mustAdd(t, db, "U1", leave("T2", "U1", "2025-11-17", "2025-11-21", "vacation"))
	cancelled := stored[1]
	cancelled.Status = planner.StatusCancelled
	if _, err := db.UpdateItem(ctx, cancelled, planner.Change{By: "U2", Action: "cancel", At: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}

	for _, tt := range []struct {
		name     string
		from, to string
		want     []int64
	}{
		{"the week", "2025-11-17", "2025-11-23", []int64{1, 3}},
		{"one day", "2025-11-21", "2025-11-21", []int64{1, 3}},
		{"the day of the cancelled one", "2025-11-18", "2025-11-18", []int64{1}},
		{"after the long one", "2026-01-05", "2026-01-11", nil},
		{"the first day of one", "2025-11-24", "2025-11-30", []int64{1, 5}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.Leaves(ctx, "T1", day(t, tt.from), day(t, tt.to))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("Leaves(%s..%s) = %v, want %v", tt.from, tt.to, ids(got), tt.want)
			}
			for _, it := range got {
				if it.Kind != planner.KindLeave || it.UserName == "" {
					t.Errorf("Leaves returned %+v, want a leave with its owner's name", it)
				}
			}
		})
	}
}
