package storage

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"planbot/planner"
)

// dumpQueries select every row of each table planbot keeps, one text line per row.
var dumpQueries = map[string]string{
	"teams":        `SELECT id || '|' || name || '|' || last_item_id FROM teams ORDER BY id`,
	"members":      `SELECT team_id || '|' || user_id || '|' || name FROM members ORDER BY team_id, user_id`,
	"items":        `SELECT team_id || '|' || id || '|' || user_id || '|' || title || '|' || status FROM items ORDER BY team_id, id`,
	"item_history": `SELECT team_id || '|' || item_id || '|' || by_user || '|' || action || '|' || detail FROM item_history ORDER BY seq`,
	"notes":        `SELECT team_id || '|' || user_id || '|' || week || '|' || text FROM notes ORDER BY team_id, user_id, week`,
	"sends":        `SELECT team_id || '|' || job || '|' || week || '|' || recipient FROM sends ORDER BY team_id, job, week, recipient`,
	"schedules":    `SELECT team_id || '|' || job FROM schedules ORDER BY team_id, job`,
}

// dump returns every row of every table, by table.
func dump(tb testing.TB, db *DB) map[string][]string {
	tb.Helper()
	out := map[string][]string{}
	for table, q := range dumpQueries {
		rows, err := db.sql.QueryContext(tb.Context(), q)
		if err != nil {
			tb.Fatalf("%s: %v", table, err)
		}
		for rows.Next() {
			var s string
			if err := rows.Scan(&s); err != nil {
				tb.Fatal(err)
			}
			out[table] = append(out[table], s)
		}
		if err := rows.Close(); err != nil {
			tb.Fatal(err)
		}
	}
	return out
}

// seedForget stores two teams. In team A, Ann (U1) has item #1, Bob (U2) has
// #2 and #3 (the highest), and Carol (U3) has #4, which Bob cancelled; each
// has a note and reminder sends, and the team has a posted retrospective.
// In team B, a member with Bob's user id has item #1, a note and a send.
func seedForget(t *testing.T) *DB {
	t.Helper()
	ctx := t.Context()
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "A", "U2", "Bob")
	mustMember(t, db, "A", "U3", "Carol")
	mustMember(t, db, "B", "U2", "Bob in B")
	mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-17", "ann's visit"))
	mustAdd(t, db, "U2", newItem(t, "A", "U2", "2025-11-18", "bob's trip"), newItem(t, "A", "U2", "2025-11-19", "bob's fund"))
	carol := mustAdd(t, db, "U3", newItem(t, "A", "U3", "2025-11-20", "carol's sync"))[0]
	mustAdd(t, db, "U2", newItem(t, "B", "U2", "2025-11-18", "bob in B"))
	bobs, err := db.Item(ctx, "A", 2)
	if err != nil {
		t.Fatal(err)
	}
	bobs.Status, bobs.Outcome = planner.StatusDone, "signed"
	if _, err := db.UpdateItem(ctx, bobs, planner.Change{At: t0, By: "U1", Action: "done", Detail: "signed"}); err != nil {
		t.Fatal(err)
	}
	carol.Status = planner.StatusCancelled
	if _, err := db.UpdateItem(ctx, carol, planner.Change{At: t0, By: "U2", Action: "cancel"}); err != nil {
		t.Fatal(err)
	}
	for _, n := range []struct{ team, user, text string }{
		{"A", "U1", "ann's note"}, {"A", "U2", "bob's note"}, {"A", "U3", "carol's note"}, {"B", "U2", "bob's note in B"},
	} {
		if err := db.SetNote(ctx, n.team, n.user, w47, n.text); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []planner.Send{
		newSend("A", planner.JobRetro, w47, ""),
		newSend("A", planner.JobPlan, w47, "U1"), newSend("A", planner.JobPlan, w47, "U2"),
		newSend("A", planner.JobLog, w47, "U2"), newSend("A", planner.JobLog, w47, "U3"),
		newSend("B", planner.JobPlan, w47, "U2"),
	} {
		mustClaim(t, db, s)
	}
	if err := db.SetSchedule(ctx, "A", planner.DefaultSchedule(planner.JobRetro)); err != nil {
		t.Fatal(err)
	}
	return db
}

func TestForgetMemberErasesExactlyTheirRows(t *testing.T) {
	db := seedForget(t)
	ctx := t.Context()
	before := dump(t, db)

	items, err := db.ForgetMember(ctx, "A", "U2")
	if err != nil {
		t.Fatalf("ForgetMember: %v", err)
	}
	if items != 2 {
		t.Errorf("ForgetMember erased %d items, want 2", items)
	}

	// What goes: Bob's rows in team A, and the history of his items (whoever
	// made it). What stays: everything else, including Bob's cancel of Carol's
	// item and Bob's rows in team B.
	gone := map[string][]string{
		"members":      {"A|U2|Bob"},
		"items":        {"A|2|U2|bob's trip|done", "A|3|U2|bob's fund|planned"},
		"item_history": {"A|2|U2|add|bob's trip", "A|3|U2|add|bob's fund", "A|2|U1|done|signed"},
		"notes":        {"A|U2|2025-W47|bob's note"},
		"sends":        {"A|log|2025-W47|U2", "A|plan|2025-W47|U2"},
	}
	after := dump(t, db)
	for table, rows := range before {
		var want []string
		for _, row := range rows {
			if !slices.Contains(gone[table], row) {
				want = append(want, row)
			}
		}
		if table == "teams" {
			want = []string{"A|Team A|4", "B|Team B|1"} // each team's item counter: A's survives the forget
		}
		if got := after[table]; !slices.Equal(got, want) {
			t.Errorf("%s after forget:\n got %q\nwant %q", table, got, want)
		}
		for _, row := range gone[table] {
			if !slices.Contains(rows, row) {
				t.Errorf("%s: the seed lacks %q (the test is wrong)", table, row)
			}
		}
	}

	// Forgetting again finds no one.
	if _, err := db.ForgetMember(ctx, "A", "U2"); wantCode(t, err, planner.NotFound).Reason != planner.ReasonNoMember {
		t.Errorf("second ForgetMember: %v, want no_member", err)
	}
}

// Ids of other members stay, and an erased id is never given again, even the
// highest.
func TestForgetMemberKeepsIDs(t *testing.T) {
	db := seedForget(t)
	ctx := t.Context()
	if _, err := db.ForgetMember(ctx, "A", "U3"); err != nil { // Carol held #4, the highest
		t.Fatal(err)
	}
	if it, err := db.Item(ctx, "A", 1); err != nil || it.Title != "ann's visit" {
		t.Errorf("Item #1 = %+v, %v; want Ann's visit", it, err)
	}
	if _, err := db.Item(ctx, "A", 4); wantCode(t, err, planner.NotFound).Reason != planner.ReasonNoItem {
		t.Errorf("Item #4: %v, want no_item", err)
	}
	for _, want := range []int64{5, 6} {
		if got := ids(mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-21", "new"))); !slices.Equal(got, []int64{want}) {
			t.Errorf("new item got id %v, want %d", got, want)
		}
	}
	// Bob held #2 and #3 below the highest; forgetting him changes no numbering.
	if _, err := db.ForgetMember(ctx, "A", "U2"); err != nil {
		t.Fatal(err)
	}
	if got := ids(mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-21", "new"))); !slices.Equal(got, []int64{7}) {
		t.Errorf("new item got id %v, want 7", got)
	}
	// Team B numbers on from its own items.
	if got := ids(mustAdd(t, db, "U2", newItem(t, "B", "U2", "2025-11-21", "new"))); !slices.Equal(got, []int64{2}) {
		t.Errorf("team B's new item got id %v, want 2", got)
	}
	// A forgotten member who comes back starts afresh.
	mustMember(t, db, "A", "U3", "Carol")
	if got := ids(mustAdd(t, db, "U3", newItem(t, "A", "U3", "2025-11-21", "back"))); !slices.Equal(got, []int64{8}) {
		t.Errorf("returning member's item got id %v, want 8", got)
	}
}

func TestForgetMemberNotFound(t *testing.T) {
	db := seedForget(t)
	before := dump(t, db)
	for _, tt := range []struct{ name, team, user string }{
		{"unknown user", "A", "U7"},
		{"member of another team", "B", "U1"},
		{"unknown team", "Z", "U1"},
		{"empty user id", "A", ""},
		{"case matters", "A", "u2"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			n, err := db.ForgetMember(t.Context(), tt.team, tt.user)
			pe := wantCode(t, err, planner.NotFound)
			if pe.Reason != planner.ReasonNoMember || pe.Detail != tt.user || n != 0 {
				t.Errorf("ForgetMember = %d, %v; want 0 and no_member %q", n, err, tt.user)
			}
		})
	}
	if after := dump(t, db); !maps.EqualFunc(before, after, slices.Equal[[]string]) {
		t.Errorf("a failed forget changed the database:\nbefore %q\nafter  %q", before, after)
	}
}

// A failure at any step of a forget leaves everything as it was.
func TestForgetMemberIsAtomic(t *testing.T) {
	for _, table := range []string{"item_history", "items", "notes", "sends", "members"} {
		t.Run(table, func(t *testing.T) {
			db := seedForget(t)
			ctx := t.Context()
			if _, err := db.sql.ExecContext(ctx, `CREATE TRIGGER fail_forget BEFORE DELETE ON `+table+
				` BEGIN SELECT RAISE(ABORT, 'injected failure'); END`); err != nil {
				t.Fatal(err)
			}
			before := dump(t, db)
			n, err := db.ForgetMember(ctx, "A", "U2")
			pe := wantCode(t, err, planner.Internal)
			if !strings.Contains(pe.Error(), "injected failure") || n != 0 {
				t.Errorf("ForgetMember = %d, %v; want the injected failure", n, err)
			}
			if after := dump(t, db); !maps.EqualFunc(before, after, slices.Equal[[]string]) {
				t.Errorf("a failed forget changed the database:\nbefore %q\nafter  %q", before, after)
			}
		})
	}
}
