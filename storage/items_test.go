package storage

import (
	"maps"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"planbot/planner"
)

func TestAddItemsNumbersEachTeamFromOne(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "B", "U2", "Bob")

	for _, tt := range []struct {
		team  string
		items int
		want  []int64
	}{
		{"A", 2, []int64{1, 2}},
		{"B", 1, []int64{1}},
		{"A", 1, []int64{3}},
		{"B", 2, []int64{2, 3}},
	} {
		var items []planner.Item
		for range tt.items {
			user := map[string]string{"A": "U1", "B": "U2"}[tt.team]
			items = append(items, newItem(t, tt.team, user, "2025-11-17", "sync"))
		}
		if got := ids(mustAdd(t, db, "U1", items...)); !slices.Equal(got, tt.want) {
			t.Errorf("team %s got ids %v, want %v", tt.team, got, tt.want)
		}
	}
}

func TestConcurrentAddItemsGetDistinctIDs(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	const n = 8
	it := newItem(t, "A", "U1", "2025-11-17", "sync")
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for range n {
		wg.Go(func() {
			_, err := db.AddItems(t.Context(), []planner.Item{it}, "U1")
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatalf("AddItems: %v", err)
		}
	}
	stored, err := db.ItemsStarting(t.Context(), "A", "", day(t, "2025-11-17"), day(t, "2025-11-17"))
	if err != nil {
		t.Fatalf("ItemsStarting: %v", err)
	}
	want := []int64{1, 2, 3, 4, 5, 6, 7, 8}
	if got := ids(stored); !slices.Equal(got, want) {
		t.Errorf("ids %v, want %v", got, want)
	}
}

func TestAddItemsIsAtomic(t *testing.T) {
	for _, tt := range []struct {
		name  string
		spoil func(*planner.Item)
	}{
		{"count 0", func(it *planner.Item) { it.Count = 0 }},
		{"count over max", func(it *planner.Item) { it.Count = planner.MaxCount + 1 }},
		{"unknown kind", func(it *planner.Item) { it.Kind = "party" }},
		{"unknown status", func(it *planner.Item) { it.Status = "maybe" }},
		{"end before start", func(it *planner.Item) { it.End = it.Start.AddDays(-1) }},
		{"not a member", func(it *planner.Item) { it.UserID = "U404" }},
		{"zero CreatedAt", func(it *planner.Item) { it.CreatedAt = time.Time{} }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			db := MustOpenDB(t)
			mustMember(t, db, "A", "U1", "Ann")
			good := newItem(t, "A", "U1", "2025-11-17", "good")
			bad := newItem(t, "A", "U1", "2025-11-18", "bad")
			tt.spoil(&bad)

			_, err := db.AddItems(t.Context(), []planner.Item{good, good, bad}, "U1")
			wantCode(t, err, planner.Internal)
			t.Log(err)

			stored, err := db.ItemsStarting(t.Context(), "A", "", day(t, "2025-01-01"), day(t, "2025-12-31"))
			if err != nil {
				t.Fatalf("ItemsStarting: %v", err)
			}
			if len(stored) != 0 {
				t.Errorf("failed AddItems stored %d items", len(stored))
			}
			if got := ids(mustAdd(t, db, "U1", good)); !slices.Equal(got, []int64{1}) {
				t.Errorf("next item got id %v, want [1]", got)
			}
		})
	}
}

func TestItemRoundTrip(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "张伟")
	created := t0.Add(123456789 * time.Nanosecond)
	in := planner.Item{
		TeamID:    "A",
		UserID:    "U1",
		Start:     day(t, "2025-11-20"),
		End:       day(t, "2025-11-21"),
		Kind:      planner.KindTrip,
		Count:     planner.MaxCount,
		Place:     "北京",
		Title:     "出差北京 \"签约\" it's\n第二行\r\n\ttab 🚀👩‍💻 -- ; DROP TABLE items; \\ %_",
		Status:    planner.StatusDone,
		Outcome:   "签了 3 份合同 ✅\n'ok'",
		CreatedAt: created,
	}
	want := in
	want.ID = 1
	want.UserName = "张伟"
	want.UpdatedAt = created

	stored := mustAdd(t, db, "U1", in)
	if len(stored) != 1 || !reflect.DeepEqual(stored[0], want) {
		t.Fatalf("AddItems returned\n%+v\nwant\n%+v", stored, want)
	}
	got, err := db.Item(t.Context(), "A", 1)
	if err != nil {
		t.Fatalf("Item: %v", err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Item returned\n%+v\nwant\n%+v", got, want)
	}
}

func TestInstantsComeBackInUTC(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	it := newItem(t, "A", "U1", "2025-11-17", "sync")
	it.CreatedAt = t0.In(time.FixedZone("CST", 8*60*60))
	got := mustAdd(t, db, "U1", it)[0]
	if got.CreatedAt != t0 || got.UpdatedAt != t0 {
		t.Errorf("CreatedAt %v, UpdatedAt %v, want %v", got.CreatedAt, got.UpdatedAt, t0)
	}
}

func TestItemsAreScopedByTeam(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "B", "U2", "Bob")
	original := mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-17", "A's secret"))[0]

	for _, tt := range []struct {
		name string
		call func() error
	}{
		{"Item of another team", func() error { _, err := db.Item(ctx, "B", 1); return err }},
		{"Item that does not exist", func() error { _, err := db.Item(ctx, "A", 2); return err }},
		{"History of another team", func() error { _, err := db.History(ctx, "B", 1); return err }},
		{"UpdateItem of another team", func() error {
			it := original
			it.TeamID, it.Title = "B", "hijacked"
			_, err := db.UpdateItem(ctx, it, planner.Change{At: t0.Add(time.Hour), By: "U2", Action: "edit"})
			return err
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pe := wantCode(t, tt.call(), planner.NotFound)
			if pe.Reason != planner.ReasonNoItem || pe.Detail != "1" && pe.Detail != "2" {
				t.Errorf("error %v, want reason %s with the id as detail", pe, planner.ReasonNoItem)
			}
		})
	}

	got, err := db.Item(ctx, "A", 1)
	if err != nil || !reflect.DeepEqual(got, original) {
		t.Errorf("A's item after B's attempts: %+v, %v; want %+v", got, err, original)
	}
	history, err := db.History(ctx, "A", 1)
	if err != nil || len(history) != 1 {
		t.Errorf("A's history after B's attempts: %+v, %v; want the add alone", history, err)
	}
}

func TestUpdateItemRecordsHistory(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "A", "U1", "Ann")
	it := mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-17", "client visit"))[0]

	changes := []planner.Change{
		{TeamID: "A", ItemID: 1, At: t0, By: "U1", Action: "add", Detail: "client visit"},
	}
	for i, tt := range []struct {
		edit   func(*planner.Item)
		change planner.Change
	}{
		{
			func(it *planner.Item) { it.Start, it.End = day(t, "2025-11-19"), day(t, "2025-11-20") },
			planner.Change{At: t0.Add(time.Hour), By: "U1", Action: "move", Detail: "→ 2025-11-19..20"},
		},
		{
			func(it *planner.Item) { it.Status, it.Outcome = planner.StatusDone, "签约了" },
			planner.Change{At: t0.Add(2 * time.Hour), By: "U2", Action: "done", Detail: "签约了"},
		},
	} {
		tt.edit(&it)
		want := it
		want.UpdatedAt = tt.change.At
		got, err := db.UpdateItem(ctx, it, tt.change)
		if err != nil {
			t.Fatalf("UpdateItem #%d: %v", i+1, err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("UpdateItem #%d returned\n%+v\nwant\n%+v", i+1, got, want)
		}
		it = got
		tt.change.TeamID, tt.change.ItemID = "A", 1
		changes = append(changes, tt.change)
	}

	history, err := db.History(ctx, "A", 1)
	if err != nil {
		t.Fatalf("History: %v", err)
	}
	if !slices.Equal(history, changes) {
		t.Errorf("History =\n%+v\nwant\n%+v", history, changes)
	}
}

func TestUpdateItemFailureChangesNothing(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "A", "U1", "Ann")
	original := mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-17", "sync"))[0]

	for _, tt := range []struct {
		name   string
		edit   func(*planner.Item)
		change planner.Change
	}{
		{"count 0", func(it *planner.Item) { it.Count = 0 }, planner.Change{At: t0, By: "U1", Action: "edit"}},
		{"zero At", func(it *planner.Item) { it.Title = "new" }, planner.Change{By: "U1", Action: "edit"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			it := original
			tt.edit(&it)
			_, err := db.UpdateItem(ctx, it, tt.change)
			wantCode(t, err, planner.Internal)
			got, err := db.Item(ctx, "A", 1)
			if err != nil || !reflect.DeepEqual(got, original) {
				t.Errorf("item after failed update: %+v, %v; want %+v", got, err, original)
			}
			history, err := db.History(ctx, "A", 1)
			if err != nil || len(history) != 1 {
				t.Errorf("history after failed update: %+v, %v; want the add alone", history, err)
			}
		})
	}
}

func TestItemsStarting(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "A", "U2", "Bob")
	mustMember(t, db, "B", "U1", "Ann in B")
	long := newItem(t, "A", "U2", "2025-11-16", "starts before the week")
	long.End = day(t, "2025-11-18")
	mustAdd(t, db, "U1",
		newItem(t, "A", "U1", "2025-11-19", "#1"),
		newItem(t, "A", "U2", "2025-11-17", "#2"),
		newItem(t, "A", "U1", "2025-11-17", "#3"),
		newItem(t, "A", "U1", "2025-11-23", "#4"),
		newItem(t, "A", "U1", "2025-11-24", "#5"),
		long, // #6
	)
	mustAdd(t, db, "U1", newItem(t, "B", "U1", "2025-11-18", "B #1"))

	for _, tt := range []struct {
		name         string
		team, user   string
		from, to     string
		want         []int64
		wantUserName string
	}{
		{name: "week, everyone", team: "A", from: "2025-11-17", to: "2025-11-23", want: []int64{2, 3, 1, 4}},
		{name: "week, one member", team: "A", user: "U1", from: "2025-11-17", to: "2025-11-23", want: []int64{3, 1, 4}, wantUserName: "Ann"},
		{name: "other member", team: "A", user: "U2", from: "2025-11-17", to: "2025-11-23", want: []int64{2}, wantUserName: "Bob"},
		{name: "one day", team: "A", from: "2025-11-24", to: "2025-11-24", want: []int64{5}},
		{name: "start before range", team: "A", from: "2025-11-16", to: "2025-11-16", want: []int64{6}},
		{name: "empty range", team: "A", from: "2025-11-20", to: "2025-11-22", want: nil},
		{name: "other team", team: "B", from: "2025-11-17", to: "2025-11-23", want: []int64{1}, wantUserName: "Ann in B"},
		{name: "unknown user", team: "A", user: "U9", from: "2025-01-01", to: "2025-12-31", want: nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := db.ItemsStarting(t.Context(), tt.team, tt.user, day(t, tt.from), day(t, tt.to))
			if err != nil {
				t.Fatalf("ItemsStarting: %v", err)
			}
			if !slices.Equal(ids(got), tt.want) {
				t.Errorf("ids %v, want %v", ids(got), tt.want)
			}
			for _, it := range got {
				if it.TeamID != tt.team || (tt.wantUserName != "" && it.UserName != tt.wantUserName) {
					t.Errorf("item %d: team %s, user name %q", it.ID, it.TeamID, it.UserName)
				}
			}
		})
	}
}

func TestCountItems(t *testing.T) {
	db := MustOpenDB(t)
	for _, m := range [][2]string{{"T1", "U1"}, {"T1", "U2"}, {"T1", "U3"}, {"T2", "U1"}} {
		mustMember(t, db, m[0], m[1], m[1])
	}
	cancelled := newItem(t, "T1", "U2", "2025-11-18", "cancelled")
	cancelled.Status = planner.StatusCancelled
	done := newItem(t, "T1", "U1", "2025-11-23", "done on Sunday")
	done.Status = planner.StatusDone
	mustAdd(t, db, "U1",
		newItem(t, "T1", "U1", "2025-11-17", "Monday"), done,
		newItem(t, "T1", "U1", "2025-11-24", "next week"), // after the span
		newItem(t, "T1", "U3", "2025-11-16", "the Sunday before"),
		newItem(t, "T2", "U1", "2025-11-18", "another team"),
	)
	mustAdd(t, db, "U2", cancelled)
	got, err := db.CountItems(t.Context(), "T1", day(t, "2025-11-17"), day(t, "2025-11-23"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]planner.ItemCounts{"U1": {All: 2, NotCancelled: 2}, "U2": {All: 1, NotCancelled: 0}}
	if !maps.Equal(got, want) {
		t.Errorf("CountItems = %v, want %v", got, want)
	}
	if got, err := db.CountItems(t.Context(), "T9", day(t, "2025-11-17"), day(t, "2025-11-23")); err != nil || len(got) != 0 {
		t.Errorf("CountItems of an unknown team = %v, %v; want none", got, err)
	}
}
