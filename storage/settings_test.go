package storage

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// mustTeam returns team id as stored, unrevised.
func mustTeam(tb testing.TB, db *DB, id string) planner.Team {
	tb.Helper()
	team, err := db.Team(tb.Context(), id)
	if err != nil {
		tb.Fatalf("Team(%s): %v", id, err)
	}
	return unrevised(team)
}

func TestMigrateFromVersion1(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "planbot.db")

	// A database as planbot left it before team settings: version 1, with a
	// team, a member with a language, and an item.
	old, err := sql.Open("sqlite3", dsn(path, settings))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gooseProvider(t, old).UpTo(ctx, 1); err != nil {
		t.Fatalf("migrating to version 1: %v", err)
	}
	for _, stmt := range []string{
		`INSERT INTO teams (id, name) VALUES ('T1', '销售一部')`,
		`INSERT INTO members (team_id, user_id, name, lang) VALUES ('T1', 'U1', '王芳', 'zh')`,
		`INSERT INTO items (team_id, id, user_id, start_date, end_date, kind, count, title, status, created_at, updated_at)
		 VALUES ('T1', 1, 'U1', '2025-11-20', '2025-11-21', 'trip', 1, '出差北京', 'planned', '2025-11-17T09:00:00Z', '2025-11-17T09:00:00Z')`,
	} {
		if _, err := old.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	for i := range 2 {
		db, err := Open(ctx, path)
		if err != nil {
			t.Fatalf("Open #%d: %v", i+1, err)
		}
		var version int64
		if err := db.sql.QueryRowContext(ctx, `SELECT MAX(version_id) FROM goose_db_version`).Scan(&version); err != nil {
			t.Fatal(err)
		}
		if want := latestVersion(t); version != want {
			t.Errorf("Open #%d: version %d, want %d", i+1, version, want)
		}
		if got, want := mustTeam(t, db, "T1"), (planner.Team{ID: "T1", Name: "销售一部"}); got != want {
			t.Errorf("Open #%d: Team = %+v, want %+v", i+1, got, want)
		}
		wantMembers := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "王芳", Lang: planner.Chinese}}
		if got := mustMembers(t, db, "T1"); !slices.Equal(got, wantMembers) {
			t.Errorf("Open #%d: Members = %+v, want %+v", i+1, got, wantMembers)
		}
		if it, err := db.Item(ctx, "T1", 1); err != nil || it.Title != "出差北京" || it.UserName != "王芳" {
			t.Errorf("Open #%d: Item = %+v, %v", i+1, it, err)
		}
		// The item counter (00005) starts after the item stored before it existed.
		added, err := db.AddItems(ctx, []planner.Item{newItem(t, "T1", "U1", "2025-11-24", "拜访企业")}, "U1")
		if err != nil || added[0].ID != int64(2+i) {
			t.Errorf("Open #%d: AddItems = %+v, %v; want id %d", i+1, added, err, 2+i)
		}
		if err := db.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

func TestMigrateDownAndUp(t *testing.T) {
	ctx := t.Context()
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	if err := db.UpdateTeam(ctx, planner.Team{ID: "T1", Name: "Sales", TZ: "Asia/Shanghai", Lang: planner.Chinese}); err != nil {
		t.Fatal(err)
	}
	provider := gooseProvider(t, db.sql)

	if _, err := provider.DownTo(ctx, 1); err != nil {
		t.Fatalf("down to version 1: %v", err)
	}
	if got, want := columns(t, db.sql, "teams"), []string{"id", "name", "created_at"}; !slices.Equal(got, want) {
		t.Errorf("teams at version 1: columns %v, want %v", got, want)
	}
	if got, want := columns(t, db.sql, "members"), []string{"team_id", "user_id", "name", "lang", "created_at"}; !slices.Equal(got, want) {
		t.Errorf("members at version 1: columns %v, want %v", got, want)
	}

	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got, want := mustTeam(t, db, "T1"), (planner.Team{ID: "T1", Name: "Sales"}); got != want {
		t.Errorf("after down and up: Team = %+v, want %+v", got, want)
	}
}

func TestTeamNotFound(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")

	_, err := db.Team(ctx, "T9")
	if pe := wantCode(t, err, planner.NotFound); pe.Reason != planner.ReasonUnknownTeam || pe.Detail != "T9" {
		t.Errorf("Team(T9): %v, want reason %s with detail T9", pe, planner.ReasonUnknownTeam)
	}

	err = db.UpdateTeam(ctx, planner.Team{ID: "T9", Name: "Ghosts", Lang: planner.English})
	if pe := wantCode(t, err, planner.NotFound); pe.Reason != planner.ReasonUnknownTeam || pe.Detail != "T9" {
		t.Errorf("UpdateTeam(T9): %v, want reason %s with detail T9", pe, planner.ReasonUnknownTeam)
	}
	teams, err := db.Teams(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if want := []planner.Team{{ID: "T1", Name: "Team T1"}}; !slices.Equal(unrevisedTeams(teams), want) {
		t.Errorf("UpdateTeam of a missing team created it: Teams = %+v", teams)
	}
}

func TestUpdateTeam(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T2", "U1", "Zoe")
	before := mustTeam(t, db, "T2")
	if want := (planner.Team{ID: "T2", Name: "Team T2"}); before != want {
		t.Fatalf("new team = %+v, want %+v (settings unset)", before, want)
	}

	want := planner.Team{ID: "T1", Name: "华东销售部", TZ: "Asia/Shanghai", Lang: planner.Chinese, DigestChannel: "C0123ABC"}
	if err := db.UpdateTeam(ctx, want); err != nil {
		t.Fatalf("UpdateTeam: %v", err)
	}
	if got := mustTeam(t, db, "T1"); got != want {
		t.Errorf("Team = %+v, want %+v", got, want)
	}
	if got := mustTeam(t, db, "T2"); got != before {
		t.Errorf("UpdateTeam(T1) changed T2: %+v, want %+v", got, before)
	}
	teams, err := db.Teams(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if wantTeams := []planner.Team{want, before}; !slices.Equal(unrevisedTeams(teams), wantTeams) {
		t.Errorf("Teams = %+v, want %+v", teams, wantTeams)
	}

	// EnsureMember renames the team (unless the name is empty) and keeps its settings.
	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{UserID: "U2"}); err != nil {
		t.Fatal(err)
	}
	if got := mustTeam(t, db, "T1"); got != want {
		t.Errorf("after EnsureMember without a team name: Team = %+v, want %+v", got, want)
	}
	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1", Name: "East Sales"}, planner.Member{UserID: "U2"}); err != nil {
		t.Fatal(err)
	}
	renamed := want
	renamed.Name = "East Sales"
	if got := mustTeam(t, db, "T1"); got != renamed {
		t.Errorf("after EnsureMember with a team name: Team = %+v, want %+v", got, renamed)
	}

	// Settings can be cleared again.
	cleared := planner.Team{ID: "T1", Name: "East Sales"}
	if err := db.UpdateTeam(ctx, cleared); err != nil {
		t.Fatal(err)
	}
	if got := mustTeam(t, db, "T1"); got != cleared {
		t.Errorf("after clearing: Team = %+v, want %+v", got, cleared)
	}
}

func TestUpdateTeamBadLang(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	want := planner.Team{ID: "T1", Name: "Sales", TZ: "Europe/London", Lang: planner.English, DigestChannel: "C1"}
	if err := db.UpdateTeam(ctx, want); err != nil {
		t.Fatal(err)
	}

	err := db.UpdateTeam(ctx, planner.Team{ID: "T1", Name: "Ventes", TZ: "Europe/Paris", Lang: "fr", DigestChannel: "C2"})
	t.Log(wantCode(t, err, planner.Internal))
	if got := mustTeam(t, db, "T1"); got != want {
		t.Errorf("a refused UpdateTeam changed the team: %+v, want %+v", got, want)
	}
}

func TestSetProfile(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Wang")
	mustMember(t, db, "T2", "U1", "Other Wang")
	if err := db.SetMemberLang(ctx, "T1", "U1", planner.Chinese); err != nil {
		t.Fatal(err)
	}
	otherBefore := mustMembers(t, db, "T2")

	shanghai := time.FixedZone("CST", 8*60*60)
	fetched := time.Date(2025, 11, 17, 17, 30, 0, 123456789, shanghai)
	err := db.SetProfile(ctx, planner.Member{
		TeamID: "T1", UserID: "U1", Name: "王芳", TZ: "Asia/Shanghai", IsAdmin: true, ProfileAt: fetched,
		Lang: planner.English, // not SetProfile's to change
	})
	if err != nil {
		t.Fatalf("SetProfile: %v", err)
	}
	want := planner.Member{
		TeamID: "T1", UserID: "U1", Name: "王芳", Lang: planner.Chinese,
		TZ: "Asia/Shanghai", IsAdmin: true, ProfileAt: fetched.UTC(),
	}
	got := mustMembers(t, db, "T1")
	if len(got) != 1 || got[0] != want {
		t.Fatalf("Members = %+v, want [%+v]", got, want)
	}
	if at := got[0].ProfileAt; !at.Equal(fetched) || at.Location() != time.UTC {
		t.Errorf("ProfileAt = %v, want %v in UTC", at, fetched)
	}
	var stored string
	if err := db.sql.QueryRowContext(ctx, `SELECT profile_at FROM members WHERE team_id = 'T1' AND user_id = 'U1'`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if want := "2025-11-17T09:30:00.123456789Z"; stored != want {
		t.Errorf("profile_at stored as %q, want %q", stored, want)
	}

	// EnsureMember returns the profile as stored; another name does not rename.
	ensured := mustMember(t, db, "T1", "U1", "Fang Wang")
	if ensured != want {
		t.Errorf("EnsureMember = %+v, want %+v", ensured, want)
	}

	// The same user id in another team is another member.
	if got := mustMembers(t, db, "T2"); !slices.Equal(got, otherBefore) {
		t.Errorf("SetProfile in T1 changed T2: %+v, want %+v", got, otherBefore)
	}

	// A profile can be reset: not an admin, no zone, never fetched.
	if err := db.SetProfile(ctx, planner.Member{TeamID: "T1", UserID: "U1", Name: "Fang"}); err != nil {
		t.Fatal(err)
	}
	reset := planner.Member{TeamID: "T1", UserID: "U1", Name: "Fang", Lang: planner.Chinese}
	if got := mustMembers(t, db, "T1"); len(got) != 1 || got[0] != reset || !got[0].ProfileAt.IsZero() {
		t.Errorf("after reset: Members = %+v, want [%+v]", got, reset)
	}
}

func TestSetProfileWithoutName(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "王芳")
	err := db.SetProfile(t.Context(), planner.Member{TeamID: "T1", UserID: "U1", TZ: "Asia/Shanghai", ProfileAt: t0})
	if err != nil {
		t.Fatalf("SetProfile: %v", err)
	}
	want := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "王芳", TZ: "Asia/Shanghai", ProfileAt: t0}}
	if got := mustMembers(t, db, "T1"); !slices.Equal(got, want) {
		t.Errorf("Members = %+v, want %+v", got, want)
	}
}

func TestSetProfileWithoutMember(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	before := mustMembers(t, db, "T1")

	for _, m := range []planner.Member{
		{TeamID: "T1", UserID: "U2", Name: "Bob", IsAdmin: true, ProfileAt: t0}, // no such user
		{TeamID: "T2", UserID: "U1", Name: "Ann", IsAdmin: true, ProfileAt: t0}, // U1 is in T1, not T2
	} {
		err := db.SetProfile(ctx, m)
		t.Log(wantCode(t, err, planner.Internal))
	}
	if got := mustMembers(t, db, "T1"); !slices.Equal(got, before) {
		t.Errorf("a failed SetProfile changed T1: %+v, want %+v", got, before)
	}
	if got := mustMembers(t, db, "T2"); got != nil {
		t.Errorf("a failed SetProfile created members in T2: %+v", got)
	}
	if _, err := db.Team(ctx, "T2"); err == nil {
		t.Error("a failed SetProfile created team T2")
	}
}
