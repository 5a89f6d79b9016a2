package storage

import (
	"reflect"
	"testing"
	"time"

	"planbot/planner"
)

func TestCompanyLifecycle(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T2", "U1", "Ann")

	c := mustAddCompany(t, db, "T1", "U1", "常诚车业", planner.StageLead)
	want := planner.Company{TeamID: "T1", ID: 1, Name: "常诚车业", OwnerID: "U1", OwnerName: "王芳",
		Stage: planner.StageLead, CreatedAt: t0, UpdatedAt: t0}
	if !reflect.DeepEqual(c, want) {
		t.Fatalf("AddCompany = %+v, want %+v", c, want)
	}
	// Ids count per team; a name is unique in its team by its key.
	if other := mustAddCompany(t, db, "T2", "U1", "常诚车业", planner.StageLead); other.ID != 1 {
		t.Errorf("team T2's first company has id %d, want 1", other.ID)
	}
	if second := mustAddCompany(t, db, "T1", "U1", "Changcheng Auto", planner.StageContacted); second.ID != 2 {
		t.Errorf("team T1's second company has id %d, want 2", second.ID)
	}
	_, err := db.AddCompany(ctx, planner.Company{TeamID: "T1", Name: "ＣＨＡＮＧＣＨＥＮＧ  auto", Stage: planner.StageLead, CreatedAt: t0},
		planner.StageChange{To: planner.StageLead, By: "U1", At: t0})
	wantCode(t, err, planner.Conflict)

	got, err := db.CompanyByKey(ctx, "T1", planner.CompanyKey("changcheng AUTO"))
	if err != nil || got.ID != 2 {
		t.Errorf("CompanyByKey = %+v, %v; want company 2", got, err)
	}
	_, err = db.CompanyByKey(ctx, "T1", "nobody")
	wantCode(t, err, planner.NotFound)

	// A stage change is recorded with who, when and why; the lifecycle is kept.
	at := t0.Add(48 * time.Hour)
	stale := c
	stale.Stage = planner.StageOnHold // a copy read before someone else's move: From comes from the database
	moved, change, err := db.UpdateCompany(ctx, stale, planner.StageChange{From: planner.StageOnHold, To: planner.StageSigned, By: "U1", At: at, Note: "年产150万套车灯项目"})
	if err != nil || moved.Stage != planner.StageSigned || !moved.UpdatedAt.Equal(at) || change.From != planner.StageLead {
		t.Fatalf("UpdateCompany = %+v, %+v, %v", moved, change, err)
	}
	_, _, err = db.UpdateCompany(ctx, planner.Company{TeamID: "T1", ID: 99, Name: "ghost"}, planner.StageChange{To: planner.StageLost, By: "U1", At: at})
	wantCode(t, err, planner.NotFound)
	changes, items, err := db.CompanyHistory(ctx, "T1", c.ID)
	if err != nil || len(items) != 0 {
		t.Fatalf("CompanyHistory: %v, %d items", err, len(items))
	}
	wantChanges := []planner.StageChange{
		{TeamID: "T1", CompanyID: 1, Company: "常诚车业", To: planner.StageLead, By: "U1", At: t0, Note: "first contact"},
		{TeamID: "T1", CompanyID: 1, Company: "常诚车业", From: planner.StageLead, To: planner.StageSigned, By: "U1", At: at, Note: "年产150万套车灯项目"},
	}
	if !reflect.DeepEqual(changes, wantChanges) {
		t.Errorf("history\n got %+v\nwant %+v", changes, wantChanges)
	}
	week, err := db.StageChanges(ctx, "T1", t0.Add(time.Hour), at.Add(time.Second))
	if err != nil || len(week) != 1 || week[0].To != planner.StageSigned {
		t.Errorf("StageChanges after the first = %+v, %v; want the signing only", week, err)
	}
	// Instants compare as instants: 0.3 s after a boundary is after it.
	boundary := at.Add(time.Hour)
	if _, _, err := db.UpdateCompany(ctx, c, planner.StageChange{To: planner.StageLanded, By: "U1", At: boundary.Add(300 * time.Millisecond)}); err != nil {
		t.Fatal(err)
	}
	if before, err := db.StageChanges(ctx, "T1", at.Add(time.Second), boundary); err != nil || len(before) != 0 {
		t.Errorf("a change 0.3 s after the boundary counted before it: %+v, %v", before, err)
	}
	if after, err := db.StageChanges(ctx, "T1", boundary, boundary.Add(time.Hour)); err != nil || len(after) != 1 {
		t.Errorf("a change 0.3 s after the boundary is missing after it: %+v, %v", after, err)
	}
	_, _, err = db.CompanyHistory(ctx, "T1", 99)
	wantCode(t, err, planner.NotFound)
}

func TestCompanyLinksPipelineAndForget(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	mustMember(t, db, "T1", "U2", "Bo")
	cc := mustAddCompany(t, db, "T1", "U2", "常诚车业", planner.StageNegotiating)
	catl := mustAddCompany(t, db, "T1", "U1", "CATL", planner.StageLead)

	matched, err := db.MatchCompanies(ctx, "T1", planner.CompanyKey("周二 拜访常诚车业和catl的园区"))
	if err != nil || len(matched) != 2 || matched[0].ID != cc.ID || matched[1].ID != catl.ID {
		t.Fatalf("MatchCompanies = %+v, %v; want 常诚车业 (longer key) then CATL", matched, err)
	}
	if none, err := db.MatchCompanies(ctx, "T1", "team meeting"); err != nil || len(none) != 0 {
		t.Errorf("MatchCompanies without a name = %+v, %v", none, err)
	}

	visit := newItem(t, "T1", "U1", "2025-11-18", "拜访常诚车业")
	visit.Status = planner.StatusDone // only what was done counts as contact
	visit.Companies = []planner.Company{{TeamID: "T1", ID: cc.ID, Name: cc.Name}}
	next := newItem(t, "T1", "U2", "2025-11-25", "常诚车业签约")
	next.Companies = visit.Companies
	cancelled := newItem(t, "T1", "U1", "2025-11-20", "cancelled visit")
	cancelled.Companies = visit.Companies
	cancelled.Status = planner.StatusCancelled
	added := mustAdd(t, db, "U1", visit, next, cancelled)
	if !reflect.DeepEqual(added[0].Companies, visit.Companies) {
		t.Errorf("AddItems returned links %+v", added[0].Companies)
	}

	views, err := db.Pipeline(ctx, "T1", day(t, "2025-11-21"))
	if err != nil || len(views) != 2 {
		t.Fatalf("Pipeline: %+v, %v", views, err)
	}
	if v := views[0]; v.LastContact != day(t, "2025-11-18") || v.Next.ID != added[1].ID || v.OwnerName != "Bo" {
		t.Errorf("常诚车业 in the pipeline: last %s, next #%d, owner %q; want 2025-11-18, #%d, Bo", v.LastContact, v.Next.ID, v.OwnerName, added[1].ID)
	}
	if v := views[1]; v.LastContact != (planner.Date{}) || v.Next.ID != 0 {
		t.Errorf("CATL in the pipeline: last %s, next #%d; want none", v.LastContact, v.Next.ID)
	}
	_, items, err := db.CompanyHistory(ctx, "T1", cc.ID)
	if err != nil || len(items) != 3 || items[0].Title != "拜访常诚车业" || items[0].Companies[0].Name != "常诚车业" {
		t.Errorf("CompanyHistory items = %+v, %v", items, err)
	}

	// Forgetting Bo erases his item and its link; his company stays, unowned.
	if _, err := db.ForgetMember(ctx, "T1", "U2"); err != nil {
		t.Fatal(err)
	}
	views, err = db.Pipeline(ctx, "T1", day(t, "2025-11-21"))
	if err != nil || views[0].OwnerID != "" || views[0].Next.ID != 0 {
		t.Errorf("after forgetting the owner: %+v, %v", views[0], err)
	}
	if _, items, _ := db.CompanyHistory(ctx, "T1", cc.ID); len(items) != 2 {
		t.Errorf("after forget, %d linked items, want 2 (Ann's)", len(items))
	}
}

// MatchCompanies keeps a team's company keys in memory: a company added
// since, by this database or by another process on the same file, is found.
func TestMatchCompaniesSeesNewCompanies(t *testing.T) {
	path := t.TempDir() + "/planbot.db"
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	mustMember(t, db, "T1", "U1", "Ann")
	mustAddCompany(t, db, "T1", "U1", "常诚车业", planner.StageLead)
	text := planner.CompanyKey("拜访常诚车业和宁德时代")
	if got, err := db.MatchCompanies(t.Context(), "T1", text); err != nil || len(got) != 1 {
		t.Fatalf("MatchCompanies = %+v, %v; want 常诚车业", got, err)
	}
	other, err := Open(t.Context(), path) // another planbot process
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	mustAddCompany(t, other, "T1", "U1", "宁德时代", planner.StageLead)
	got, err := db.MatchCompanies(t.Context(), "T1", text)
	if err != nil || len(got) != 2 || got[1].Name != "宁德时代" && got[0].Name != "宁德时代" {
		t.Errorf("after another process added 宁德时代: %+v, %v", got, err)
	}
	if got, err := db.MatchCompanies(t.Context(), "T2", text); err != nil || len(got) != 0 {
		t.Errorf("a team without companies: %+v, %v", got, err)
	}
}
