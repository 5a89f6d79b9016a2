package storage

import (
	"database/sql"
	"path/filepath"
	"reflect"
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// schemaNames returns the names of the indexes and triggers on table.
func schemaNames(tb testing.TB, sqlDB *sql.DB, table string) []string {
	tb.Helper()
	rows, err := sqlDB.QueryContext(tb.Context(),
		`SELECT name FROM sqlite_schema WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY name`, table)
	if err != nil {
		tb.Fatal(err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			tb.Fatal(err)
		}
		names = append(names, name)
	}
	if err := rows.Err(); err != nil {
		tb.Fatal(err)
	}
	return names
}

// foreignKeyFaults counts the rows whose foreign keys name nothing.
func foreignKeyFaults(tb testing.TB, sqlDB *sql.DB) int {
	tb.Helper()
	var n int
	if err := sqlDB.QueryRowContext(tb.Context(), `SELECT COUNT(*) FROM pragma_foreign_key_check`).Scan(&n); err != nil {
		tb.Fatal(err)
	}
	return n
}

// The indexes and triggers of items at version 9, and what version 10 adds.
var (
	itemsIndexesAndTriggers9 = []string{
		"items_delete_revision", "items_insert_revision", "items_team_start_user", "items_team_user_start", "items_update_revision",
	}
	itemsIndexesAndTriggers = []string{
		"items_delete_revision", "items_insert_revision", "items_team_leave_end", "items_team_start_user", "items_team_user_start", "items_update_revision",
	}
)

// TestMigrateToVisits opens a database that version 9 left, with an item, its
// history and a company link, and checks that migration 10 keeps all of it:
// the item as it was (visits 0), its history, its link, its id, the team's
// revision, the indexes and triggers; and that the new kinds and visits can
// then be stored.
func TestMigrateToVisits(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "planbot.db")
	old, err := sql.Open("sqlite3", dsn(path, settings))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gooseProvider(t, old).UpTo(ctx, 9); err != nil {
		t.Fatalf("migrating to version 9: %v", err)
	}
	for _, stmt := range []string{
		`INSERT INTO teams (id, name, last_item_id) VALUES ('T1', '招商一局', 7)`,
		`INSERT INTO members (team_id, user_id, name) VALUES ('T1', 'U1', '王芳')`,
		`INSERT INTO items (team_id, id, user_id, start_date, end_date, kind, count, place, title, status, outcome, created_at, updated_at)
		 VALUES ('T1', 7, 'U1', '2025-11-20', '2025-11-21', 'trip', 1, '上海', '出差上海 拜访常诚车业', 'done', '有意向', '2025-11-17T09:00:00Z', '2025-11-21T18:00:00Z')`,
		`INSERT INTO item_history (team_id, item_id, at, by_user, action, detail) VALUES ('T1', 7, '2025-11-17T09:00:00Z', 'U1', 'add', '出差上海 拜访常诚车业')`,
		`INSERT INTO companies (team_id, id, name, key, stage, created_at, updated_at) VALUES ('T1', 1, '常诚车业', '常诚车业', 'contacted', '2025-11-17T09:00:00Z', '2025-11-17T09:00:00Z')`,
		`INSERT INTO item_companies (team_id, item_id, company_id) VALUES ('T1', 7, 1)`,
	} {
		if _, err := old.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	var revisionBefore int64
	if err := old.QueryRowContext(ctx, `SELECT revision FROM teams WHERE id = 'T1'`).Scan(&revisionBefore); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a version 9 database: %v", err)
	}
	defer db.Close()
	var version int64
	if err := db.sql.QueryRowContext(ctx, `SELECT MAX(version_id) FROM goose_db_version`).Scan(&version); err != nil {
		t.Fatal(err)
	}
	if want := latestVersion(t); version != want {
		t.Errorf("version %d, want %d", version, want)
	}
	want := planner.Item{
		ID: 7, TeamID: "T1", UserID: "U1", UserName: "王芳",
		Start: day(t, "2025-11-20"), End: day(t, "2025-11-21"), Kind: planner.KindTrip, Count: 1, Visits: 0,
		Place: "上海", Title: "出差上海 拜访常诚车业", Status: planner.StatusDone, Outcome: "有意向",
		CreatedAt: t0, UpdatedAt: time.Date(2025, 11, 21, 18, 0, 0, 0, time.UTC),
	}
	if got, err := db.Item(ctx, "T1", 7); err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("Item(7) after migration = %+v, %v; want %+v", got, err, want)
	}
	if changes, err := db.History(ctx, "T1", 7); err != nil || len(changes) != 1 || changes[0].Detail != "出差上海 拜访常诚车业" {
		t.Errorf("History(7) after migration = %+v, %v; want its add", changes, err)
	}
	links, err := db.CompanyLinks(ctx, "T1", day(t, "2025-11-17"), day(t, "2025-11-23"))
	if err != nil || len(links[7]) != 1 || links[7][0].Name != "常诚车业" {
		t.Errorf("CompanyLinks after migration = %+v, %v; want item 7 linked to 常诚车业", links, err)
	}
	if got := revision(t, db, "T1"); got != revisionBefore {
		t.Errorf("revision %d after migration, want %d as before", got, revisionBefore)
	}
	if got := schemaNames(t, db.sql, "items"); !slices.Equal(got, itemsIndexesAndTriggers) {
		t.Errorf("items' indexes and triggers %v, want %v", got, itemsIndexesAndTriggers)
	}
	if n := foreignKeyFaults(t, db.sql); n != 0 {
		t.Errorf("%d foreign key faults after migration", n)
	}

	leave := newItem(t, "T1", "U1", "2025-11-24", "请假")
	leave.Kind = planner.KindLeave
	trip := newItem(t, "T1", "U1", "2025-11-25", "出差苏州 拜访3家企业")
	trip.Kind, trip.Place, trip.Visits = planner.KindTrip, "苏州", 3
	added := mustAdd(t, db, "U1", leave, trip)
	if got := ids(added); !slices.Equal(got, []int64{8, 9}) {
		t.Errorf("ids after migration %v, want 8 and 9", got)
	}
	if added[0].Kind != planner.KindLeave || added[1].Visits != 3 {
		t.Errorf("stored %+v, want a leave and a trip with 3 visits", added)
	}
	if got := revision(t, db, "T1"); got <= revisionBefore {
		t.Errorf("revision %d after two adds, want more than %d: the triggers are gone", got, revisionBefore)
	}
}

// TestNewKindsAndVisits stores an item of every kind, and a trip's visits
// through an add and an edit; a negative count of visits is refused and
// changes nothing.
func TestNewKindsAndVisits(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	for _, k := range planner.Kinds {
		it := newItem(t, "T1", "U1", "2025-11-18", string(k))
		it.Kind = k
		stored := mustAdd(t, db, "U1", it)
		got, err := db.Item(ctx, "T1", stored[0].ID)
		if err != nil || got.Kind != k || got.Visits != 0 {
			t.Errorf("kind %s: Item = %+v, %v", k, got, err)
		}
	}

	trip := newItem(t, "T1", "U1", "2025-11-19", "出差上海 拜访3家企业")
	trip.Kind, trip.Place, trip.Visits = planner.KindTrip, "上海", 3
	stored := mustAdd(t, db, "U1", trip)[0]
	if got, err := db.Item(ctx, "T1", stored.ID); err != nil || got.Visits != 3 {
		t.Errorf("Item = %+v, %v; want 3 visits", got, err)
	}
	stored.Visits, stored.Status = 5, planner.StatusDone
	if got, err := db.UpdateItem(ctx, stored, planner.Change{By: "U1", Action: "done", At: t0.Add(time.Hour)}); err != nil || got.Visits != 5 {
		t.Errorf("UpdateItem = %+v, %v; want 5 visits", got, err)
	}

	stored.Visits = -1
	_, err := db.UpdateItem(ctx, stored, planner.Change{By: "U1", Action: "edit", At: t0.Add(2 * time.Hour)})
	wantCode(t, err, planner.Internal)
	if got, err := db.Item(ctx, "T1", stored.ID); err != nil || got.Visits != 5 {
		t.Errorf("after a refused update: Item = %+v, %v; want 5 visits still", got, err)
	}
	bad := trip
	bad.Visits = -2
	_, err = db.AddItems(ctx, []planner.Item{bad}, "U1")
	wantCode(t, err, planner.Internal)
}

// TestMigrateVisitsDownAndUp goes back to version 9, where the new kinds
// become other and visits go, and up again.
func TestMigrateVisitsDownAndUp(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	leave := newItem(t, "T1", "U1", "2025-11-24", "年假")
	leave.Kind = planner.KindLeave
	trip := newItem(t, "T1", "U1", "2025-11-25", "出差苏州 拜访3家企业")
	trip.Kind, trip.Visits = planner.KindTrip, 3
	mustAdd(t, db, "U1", leave, trip)
	provider := gooseProvider(t, db.sql)

	if _, err := provider.DownTo(ctx, 9); err != nil {
		t.Fatalf("down to version 9: %v", err)
	}
	if got := columns(t, db.sql, "items"); slices.Contains(got, "visits") {
		t.Errorf("items at version 9: columns %v", got)
	}
	var kind string
	if err := db.sql.QueryRowContext(ctx, `SELECT kind FROM items WHERE id = 1`).Scan(&kind); err != nil || kind != "other" {
		t.Errorf("a leave at version 9: kind %q, %v; want other", kind, err)
	}
	if got := schemaNames(t, db.sql, "items"); !slices.Equal(got, itemsIndexesAndTriggers9) {
		t.Errorf("items' indexes and triggers at version 9 %v, want %v", got, itemsIndexesAndTriggers9)
	}

	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got, err := db.Item(ctx, "T1", 2); err != nil || got.Kind != planner.KindTrip || got.Visits != 0 {
		t.Errorf("after down and up: Item(2) = %+v, %v; want a trip with no visits", got, err)
	}
	if n := foreignKeyFaults(t, db.sql); n != 0 {
		t.Errorf("%d foreign key faults after down and up", n)
	}
}
