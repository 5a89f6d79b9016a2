package benchdb

import (
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/storage"
)

// tiny is a database small enough for every go test run: 2 teams of 3, 2 weeks
// of 2 items each, the clock at the end of the first week.
var tiny = Spec{Teams: 2, MembersPerTeam: 3, Weeks: 2, ItemsPerWeek: 2, Year: 2025, Current: 1}

func generateTiny(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "tiny.db")
	if err := Generate(t.Context(), path, tiny); err != nil {
		t.Fatalf("Generate: %v", err)
	}
	return path
}

// rawDB opens a generated file with database/sql, to count its rows.
func rawDB(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite3", "file:"+path+"?_foreign_keys=on")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func count(t *testing.T, db *sql.DB, query string, args ...any) int {
	t.Helper()
	var n int
	if err := db.QueryRowContext(t.Context(), query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n
}

func TestGenerateRows(t *testing.T) {
	path := generateTiny(t)
	db := rawDB(t, path)
	perTeam := tiny.MembersPerTeam * tiny.Weeks * tiny.ItemsPerWeek
	for query, want := range map[string]int{
		`SELECT COUNT(*) FROM teams`:                             tiny.Teams,
		`SELECT COUNT(*) FROM members`:                           tiny.Teams * tiny.MembersPerTeam,
		`SELECT COUNT(*) FROM items`:                             tiny.Items(),
		`SELECT COUNT(*) FROM item_history WHERE action = 'add'`: tiny.Items(),
		`SELECT COUNT(*) FROM items WHERE status = 'done'` + ` AND start_date > '2025-01-05'`: 0, // week 2 is after the clock
		`SELECT COUNT(*) FROM (SELECT team_id FROM items GROUP BY team_id
		   HAVING MIN(id) = 1 AND MAX(id) = COUNT(*) AND COUNT(*) = ?)`: tiny.Teams,
		`SELECT COUNT(*) FROM sends WHERE job = 'retro'`: 0, // the current week's is due at the clock
		`SELECT COUNT(*) FROM item_history h JOIN items i ON i.team_id = h.team_id AND i.id = h.item_id
		   WHERE h.action IN ('done', 'cancel') AND h.at <> i.updated_at`: 0,
	} {
		var args []any
		if strings.Contains(query, "?") {
			args = append(args, perTeam)
		}
		if got := count(t, db, query, args...); got != want {
			t.Errorf("%s = %d, want %d", query, got, want)
		}
	}
	if n := count(t, db, `SELECT COUNT(*) FROM items WHERE created_at > ? OR updated_at > ?`,
		formatTime(tiny.Now()), formatTime(tiny.Now())); n != 0 {
		t.Errorf("%d items changed after the clock %v", n, tiny.Now())
	}
	var check string
	if err := db.QueryRowContext(t.Context(), `PRAGMA integrity_check`).Scan(&check); err != nil || check != "ok" {
		t.Errorf("integrity_check = %q, %v", check, err)
	}
	if n := count(t, db, `SELECT COUNT(*) FROM pragma_foreign_key_check`); n != 0 {
		t.Errorf("%d foreign key violations", n)
	}
	var mode string
	if err := db.QueryRowContext(t.Context(), `PRAGMA journal_mode`).Scan(&mode); err != nil || mode != "wal" {
		t.Errorf("journal_mode = %q, %v; want wal", mode, err)
	}
}

// storage reads the generated rows back, the planner builds a retrospective
// on them, and a new item gets the next id of its team.
func TestGenerateReadBack(t *testing.T) {
	path := generateTiny(t)
	db, err := storage.Open(t.Context(), path)
	if err != nil {
		t.Fatalf("storage.Open: %v", err)
	}
	defer db.Close()
	svc := planner.NewService(db, planner.Options{Now: tiny.Now, Loc: Shanghai, Lang: planner.Chinese})
	week := tiny.CurrentWeek()
	items, err := db.ItemsStarting(t.Context(), TeamID(0), "", week.Start(), week.End())
	if err != nil {
		t.Fatalf("ItemsStarting: %v", err)
	}
	if want := tiny.MembersPerTeam * tiny.ItemsPerWeek; len(items) != want {
		t.Fatalf("ItemsStarting: %d items, want %d", len(items), want)
	}
	for _, it := range items {
		if it.UserName == "" || it.Title == "" || !it.Kind.Valid() || it.End.Before(it.Start) {
			t.Errorf("item %+v: want a name, a title, a kind and end >= start", it)
		}
	}
	r, err := svc.Retro(t.Context(), TeamID(0), week)
	if err != nil {
		t.Fatalf("Retro: %v", err)
	}
	var counted int
	for _, tot := range r.Totals {
		counted += tot.Items
	}
	var cancelled int
	for _, it := range items {
		if it.Status == planner.StatusCancelled {
			cancelled++
		}
	}
	if counted != len(items)-cancelled {
		t.Errorf("Retro counts %d items, want %d (of %d, %d cancelled)", counted, len(items)-cancelled, len(items), cancelled)
	}
	if r.TeamName == "" {
		t.Error("Retro: no team name")
	}
	changes, err := db.History(t.Context(), TeamID(0), 1)
	if err != nil || len(changes) == 0 || changes[0].Action != "add" {
		t.Errorf("History(1) = %+v, %v; want an add first", changes, err)
	}
	added, err := db.AddItems(t.Context(), []planner.Item{{
		TeamID: TeamID(0), UserID: UserID(0, 1), Start: week.Start(), End: week.Start(), Kind: planner.KindVisit,
		Count: 1, Title: "visit 1 enterprise", Status: planner.StatusPlanned, CreatedAt: tiny.Now(),
	}}, UserID(0, 1))
	if err != nil {
		t.Fatalf("AddItems: %v", err)
	}
	if want := int64(tiny.MembersPerTeam * tiny.Weeks * tiny.ItemsPerWeek); added[0].ID != want+1 {
		t.Errorf("new item id %d, want %d", added[0].ID, want+1)
	}
}

// The same spec gives the same rows.
func TestGenerateDeterministic(t *testing.T) {
	dump := func(path string) string {
		rows, err := rawDB(t, path).QueryContext(t.Context(), `
			SELECT team_id, id, user_id, start_date, end_date, kind, count, place, title, status, outcome, created_at, updated_at
			FROM items ORDER BY team_id, id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var b strings.Builder
		for rows.Next() {
			var f [13]string
			ptrs := make([]any, len(f))
			for i := range f {
				ptrs[i] = &f[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			b.WriteString(strings.Join(f[:], "|") + "\n")
		}
		return b.String()
	}
	if a, b := dump(generateTiny(t)), dump(generateTiny(t)); a != b {
		t.Errorf("two runs differ:\n%s\n---\n%s", a, b)
	}
}

func TestGenerateRefusesExistingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "taken.db")
	if err := os.WriteFile(path, []byte("mine"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Generate(t.Context(), path, tiny); err == nil {
		t.Fatal("Generate over a non-empty file: no error")
	}
	if b, _ := os.ReadFile(path); string(b) != "mine" {
		t.Errorf("file now holds %q", b)
	}
}

// Cached generates once, then returns the same file untouched, and leaves
// no temporary file behind.
func TestCached(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("TMPDIR", dir)
	first, err := Cached(t.Context(), tiny)
	if err != nil {
		t.Fatalf("Cached: %v", err)
	}
	if filepath.Dir(first) != dir || !strings.HasPrefix(filepath.Base(first), "planbot-bench-2x3x2x2-") {
		t.Errorf("Cached = %s, want planbot-bench-2x3x2x2-… in %s", first, dir)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(first, old, old); err != nil {
		t.Fatal(err)
	}
	second, err := Cached(t.Context(), tiny)
	if err != nil || second != first {
		t.Fatalf("Cached again = %s, %v; want %s", second, err, first)
	}
	if fi, err := os.Stat(second); err != nil || !fi.ModTime().Equal(old) {
		t.Errorf("cached file was rewritten (%v, %v)", fi, err)
	}
	other, err := Cached(t.Context(), Spec{Teams: 1, MembersPerTeam: 1, Weeks: 1, ItemsPerWeek: 1, Year: 2025, Current: 1})
	if err != nil || other == first {
		t.Errorf("Cached(another spec) = %s, %v; want another file", other, err)
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), ".tmp-") || strings.HasSuffix(e.Name(), "-wal") {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

func TestSpecValidate(t *testing.T) {
	if err := Default520k.Validate(); err != nil {
		t.Errorf("Default520k: %v", err)
	}
	if n := Default520k.Items(); n != 520000 {
		t.Errorf("Default520k.Items() = %d", n)
	}
	if got := Default520k.Now().Format(time.RFC3339); got != "2025-10-05T18:00:00+08:00" {
		t.Errorf("Default520k.Now() = %s", got)
	}
	for _, s := range []Spec{
		{},
		{Teams: 1, MembersPerTeam: 1, Weeks: 53, ItemsPerWeek: 1, Year: 2025, Current: 1}, // 2025 has 52 ISO weeks
		{Teams: 1, MembersPerTeam: 1, Weeks: 2, ItemsPerWeek: 1, Year: 2025, Current: 3},
		{Teams: 1000, MembersPerTeam: 1, Weeks: 2, ItemsPerWeek: 1, Year: 2025, Current: 1},
	} {
		if err := s.Validate(); err == nil {
			t.Errorf("%+v: valid, want an error", s)
		}
	}
}
