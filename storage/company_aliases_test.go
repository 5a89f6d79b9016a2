package storage

import (
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"

	"planbot/planner"
)

// An alias finds its company by key (CompanyByKey), is matched in an item's
// text (MatchCompanies, at once, though no company was added), and is refused
// when it is another company's name or alias.
func TestCompanyAliases(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	cc := mustAddCompany(t, db, "T1", "U1", "常诚车业", planner.StageLead)
	catl := mustAddCompany(t, db, "T1", "U1", "宁德时代", planner.StageLead)
	// Read the keys into memory before the alias, so that a stale cache shows.
	if got, err := db.MatchCompanies(ctx, "T1", planner.CompanyKey("visit changcheng auto")); err != nil || len(got) != 0 {
		t.Fatalf("MatchCompanies before the alias = %+v, %v", got, err)
	}

	got, err := db.AddCompanyAlias(ctx, "T1", cc.ID, "Changcheng Auto")
	if err != nil || !reflect.DeepEqual(got.Aliases, []string{"Changcheng Auto"}) || got.ID != cc.ID {
		t.Fatalf("AddCompanyAlias = %+v, %v", got, err)
	}
	for _, again := range []string{"ＣＨＡＮＧＣＨＥＮＧ auto", "常诚车业"} { // its own alias or name: nothing changes
		if got, err := db.AddCompanyAlias(ctx, "T1", cc.ID, again); err != nil || len(got.Aliases) != 1 {
			t.Errorf("AddCompanyAlias(%q) again = %+v, %v", again, got, err)
		}
	}
	byAlias, err := db.CompanyByKey(ctx, "T1", planner.CompanyKey("changcheng AUTO"))
	if err != nil || byAlias.ID != cc.ID || !reflect.DeepEqual(byAlias.Aliases, []string{"Changcheng Auto"}) {
		t.Errorf("CompanyByKey(alias) = %+v, %v; want company %d with its alias", byAlias, err, cc.ID)
	}
	matched, err := db.MatchCompanies(ctx, "T1", planner.CompanyKey("visit Changcheng Auto and 常诚车业 plant"))
	want := []planner.Company{{TeamID: "T1", ID: cc.ID, Name: "常诚车业", Aliases: []string{"Changcheng Auto"}}}
	if err != nil || !reflect.DeepEqual(matched, want) {
		t.Errorf("MatchCompanies = %+v, %v; want %+v", matched, err, want)
	}

	for _, taken := range []struct{ alias, holder string }{{"常诚车业", "常诚车业"}, {"changcheng auto", "常诚车业"}} {
		_, err := db.AddCompanyAlias(ctx, "T1", catl.ID, taken.alias)
		if e := wantCode(t, err, planner.Conflict); e != nil && (e.Reason != planner.ReasonAliasTaken || e.Detail != taken.holder) {
			t.Errorf("AddCompanyAlias(%q) = %+v; want alias_taken by %s", taken.alias, e, taken.holder)
		}
	}
	_, err = db.AddCompanyAlias(ctx, "T1", 99, "Ghost")
	wantCode(t, err, planner.NotFound)
	// A new company may not take another's alias as its name.
	_, err = db.AddCompany(ctx, planner.Company{TeamID: "T1", Name: "Changcheng Auto", Stage: planner.StageLead, CreatedAt: t0},
		planner.StageChange{To: planner.StageLead, By: "U1", At: t0})
	if e := wantCode(t, err, planner.Conflict); e != nil && e.Detail != "常诚车业" {
		t.Errorf("AddCompany(an alias) = %+v", e)
	}
}

// Keys stored before CompanyKey made traditional characters simplified are
// made again on open, so that 京東方 finds the company stored as 京東方;
// two companies whose names are now one key stay two.
func TestRekeyOnOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planbot.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustMember(t, db, "T1", "U1", "王芳")
	boe := mustAddCompany(t, db, "T1", "U1", "京東方", planner.StageLead)
	mustAddCompany(t, db, "T1", "U1", "長城汽車", planner.StageLead)
	twin := mustAddCompany(t, db, "T1", "U1", "長城", planner.StageLead)
	if _, err := db.AddCompanyAlias(t.Context(), "T1", boe.ID, "臺灣京東方"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	raw, err := sql.Open("sqlite3", path)
	if err != nil {
		t.Fatal(err)
	}
	for _, stmt := range []string{ // as an older planbot wrote them: traditional keys
		`UPDATE companies SET key = name`,
		`UPDATE company_aliases SET key = name`,
		`UPDATE companies SET name = '长城' WHERE id = 2`, // 长城 now, and 長城 (id 3) keeps its old key
	} {
		if _, err := raw.Exec(stmt); err != nil {
			t.Fatal(err)
		}
	}
	raw.Close()

	db, err = Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, c := range []struct {
		name string
		id   int64
	}{{"京东方", boe.ID}, {"京東方", boe.ID}, {"台湾京东方", boe.ID}, {"长城", 2}} {
		if got, err := db.CompanyByKey(t.Context(), "T1", planner.CompanyKey(c.name)); err != nil || got.ID != c.id {
			t.Errorf("CompanyByKey(%s) = %+v, %v; want company %d", c.name, got, err, c.id)
		}
	}
	var key string
	if err := db.read.QueryRow(`SELECT key FROM companies WHERE team_id = 'T1' AND id = ?`, twin.ID).Scan(&key); err != nil || key != "長城" {
		t.Errorf("the twin's key = %q, %v; want it kept", key, err)
	}
}
