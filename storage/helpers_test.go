package storage

import (
	"database/sql"
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pressly/goose/v3"

	"planbot/planner"
)

// The helpers that more than one test file of package storage uses; a
// helper only one file uses stays in that file, beside its tests.

// t0 is the fixed instant the tests' clock reads.
var t0 = time.Date(2025, 11, 17, 9, 0, 0, 0, time.UTC)

// MustOpenDB opens a fresh database file in a temporary directory and closes it
// when the test ends.
func MustOpenDB(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(tb.Context(), filepath.Join(tb.TempDir(), "planbot.db"))
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Errorf("Close: %v", err)
		}
	})
	return db
}

// wantCode fails the test unless err is a *planner.Error with the given code,
// and returns it.
func wantCode(tb testing.TB, err error, code planner.Code) *planner.Error {
	tb.Helper()
	var pe *planner.Error
	if !errors.As(err, &pe) {
		tb.Fatalf("error = %v (%T), want a *planner.Error with code %s", err, err, code)
	}
	if pe.Code != code {
		tb.Fatalf("error = %v, want code %s", err, code)
	}
	return pe
}

// latestVersion is the number of the last embedded migration. Numbers are
// reserved per feature of issue 16, so a branch may lack some before its own.
func latestVersion(tb testing.TB) int64 {
	tb.Helper()
	var latest int64
	for _, f := range migrationFiles(tb) {
		n, err := strconv.ParseInt(strings.SplitN(path.Base(f), "_", 2)[0], 10, 64)
		if err != nil {
			tb.Fatalf("migration %s is not numbered: %v", f, err)
		}
		latest = max(latest, n)
	}
	return latest
}

// migrationFiles are the embedded migrations' files.
func migrationFiles(tb testing.TB) []string {
	tb.Helper()
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil || len(files) == 0 {
		tb.Fatalf("no migrations: %v", err)
	}
	return files
}

// mustMember calls EnsureMember for user userID named name in team teamID.
func mustMember(tb testing.TB, db *DB, teamID, userID, name string) planner.Member {
	tb.Helper()
	_, m, err := db.EnsureMember(tb.Context(), planner.Team{ID: teamID, Name: "Team " + teamID},
		planner.Member{UserID: userID, Name: name})
	if err != nil {
		tb.Fatalf("EnsureMember(%s, %s): %v", teamID, userID, err)
	}
	return m
}

// day returns the day written YYYY-MM-DD.
func day(tb testing.TB, s string) planner.Date {
	tb.Helper()
	d, err := planner.ParseDate(s)
	if err != nil {
		tb.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// newItem returns a planned one-day meeting created at t0.
func newItem(tb testing.TB, teamID, userID, start, title string) planner.Item {
	tb.Helper()
	d := day(tb, start)
	return planner.Item{
		TeamID: teamID, UserID: userID, Start: d, End: d,
		Kind: planner.KindMeeting, Count: 1, Title: title,
		Status: planner.StatusPlanned, CreatedAt: t0,
	}
}

// mustAdd calls AddItems and returns the items as stored.
func mustAdd(tb testing.TB, db *DB, by string, items ...planner.Item) []planner.Item {
	tb.Helper()
	stored, err := db.AddItems(tb.Context(), items, by)
	if err != nil {
		tb.Fatalf("AddItems: %v", err)
	}
	return stored
}

// ids returns the ids of items.
func ids(items []planner.Item) []int64 {
	var ids []int64
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	return ids
}

// mustAddCompany stores a company of team teamID owned by owner at stage.
func mustAddCompany(tb testing.TB, db *DB, teamID, owner, name string, stage planner.Stage) planner.Company {
	tb.Helper()
	c, err := db.AddCompany(tb.Context(),
		planner.Company{TeamID: teamID, Name: name, OwnerID: owner, Stage: stage, CreatedAt: t0},
		planner.StageChange{To: stage, By: owner, At: t0, Note: "first contact"})
	if err != nil {
		tb.Fatalf("AddCompany(%s): %v", name, err)
	}
	return c
}

// w47 is the week of t0.
var w47 = planner.Week{Year: 2025, Num: 47}

// newSend returns a send of team teamID's job for week w to recipient, due at t0.
func newSend(teamID string, job planner.Job, w planner.Week, recipient string) planner.Send {
	return planner.Send{
		TeamID: teamID, Job: job, Week: w, Recipient: recipient,
		DueAt: t0, UpdatedAt: t0.Add(time.Second),
	}
}

// mustClaim calls ClaimSend and fails the test on an error.
func mustClaim(tb testing.TB, db *DB, s planner.Send) (planner.Send, bool) {
	tb.Helper()
	stored, created, err := db.ClaimSend(tb.Context(), s)
	if err != nil {
		tb.Fatalf("ClaimSend%s: %v", sendKey(s), err)
	}
	return stored, created
}

// revision returns team teamID's revision.
func revision(tb testing.TB, db *DB, teamID string) int64 {
	tb.Helper()
	team, err := db.Team(tb.Context(), teamID)
	if err != nil {
		tb.Fatalf("Team(%s): %v", teamID, err)
	}
	return team.Revision
}

// gooseProvider returns a goose provider of the embedded migrations for sqlDB.
func gooseProvider(tb testing.TB, sqlDB *sql.DB) *goose.Provider {
	tb.Helper()
	fsys, err := fs.Sub(migrations, "migrations")
	if err != nil {
		tb.Fatal(err)
	}
	provider, err := goose.NewProvider(goose.DialectSQLite3, sqlDB, fsys)
	if err != nil {
		tb.Fatal(err)
	}
	return provider
}

// columns returns the names of table's columns.
func columns(tb testing.TB, sqlDB *sql.DB, table string) []string {
	tb.Helper()
	rows, err := sqlDB.QueryContext(tb.Context(), `SELECT name FROM pragma_table_info(?) ORDER BY cid`, table)
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

// unrevised returns team with its Revision cleared, for tests of everything
// else about it (revision_test.go tests revisions).
func unrevised(team planner.Team) planner.Team {
	team.Revision = 0
	return team
}

// unrevisedTeams returns teams, each unrevised.
func unrevisedTeams(teams []planner.Team) []planner.Team {
	for i := range teams {
		teams[i] = unrevised(teams[i])
	}
	return teams
}

// mustMembers returns the members of team teamID as stored.
func mustMembers(tb testing.TB, db *DB, teamID string) []planner.Member {
	tb.Helper()
	members, err := db.Members(tb.Context(), teamID)
	if err != nil {
		tb.Fatalf("Members(%s): %v", teamID, err)
	}
	return members
}
