package planner_test

import (
	"slices"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// BuildMoney counts each project once, the first time it reaches 签约 or a
// later stage, in the period that happened in (in the team's zone), with its
// company's amount: CNY summed and banded (a band includes its lower bound),
// other currencies and none counted as unpriced, credited to the owner (or
// to who moved it); a project entered straight at 投产 is a record, no signing.
func TestBuildMoney(t *testing.T) {
	sh := plannertest.Shanghai
	at := func(day string, hour int) time.Time {
		d := plannertest.Day(t, day)
		return time.Date(d.Year, d.Month, d.Day, hour, 0, 0, 0, sh)
	}
	cny := func(wan int64) planner.Amount { return planner.Amount{Value: wan, Currency: "CNY"} }
	companies := []planner.Company{
		{ID: 1, Name: "常诚车业", OwnerID: "U1", Amount: cny(120000)},                    // 12亿: 10to20
		{ID: 2, Name: "蓝天科技", OwnerID: "U2", Amount: cny(30000)},                     // exactly 3亿: 3to10
		{ID: 3, Name: "Acme", Amount: planner.Amount{Value: 12000, Currency: "USD"}}, // no owner, in USD
		{ID: 4, Name: "无额公司", OwnerID: "U2"},                                         // no amount
		{ID: 5, Name: "早签公司", OwnerID: "U1", Amount: cny(200000)},                    // signed before the week
		{ID: 6, Name: "大项目", OwnerID: "U1", Amount: cny(200000)},                     // 20亿: ge20
		{ID: 7, Name: "小项目", OwnerID: "U2", Amount: cny(29999)},                      // just under 3亿
		{ID: 8, Name: "周日夜", OwnerID: "U2", Amount: cny(50000)},                      // Sunday 23:00 in Shanghai
		{ID: 9, Name: "下周一", OwnerID: "U2", Amount: cny(50000)},                      // after the week
		{ID: 10, Name: "老项目", OwnerID: "U1", Amount: cny(80000)},                     // an old project, entered as it stands
	}
	changes := []planner.StageChange{
		{CompanyID: 5, To: planner.StageSigned, By: "U1", At: at("2025-11-10", 10)},
		{CompanyID: 5, From: planner.StageSigned, To: planner.StageNegotiating, By: "U1", At: at("2025-11-11", 10)},
		{CompanyID: 1, To: planner.StageNegotiating, By: "U1", At: at("2025-11-12", 10)},
		{CompanyID: 5, From: planner.StageNegotiating, To: planner.StageSigned, By: "U1", At: at("2025-11-18", 10)}, // again: not new
		{CompanyID: 1, From: planner.StageNegotiating, To: planner.StageSigned, By: "U1", At: at("2025-11-18", 11)},
		{CompanyID: 1, From: planner.StageSigned, To: planner.StageLanded, By: "U1", At: at("2025-11-19", 11)}, // later: once
		{CompanyID: 2, To: planner.StageLead, By: "U3", At: at("2025-11-01", 12)},
		{CompanyID: 2, From: planner.StageLead, To: planner.StageLanded, By: "U3", At: at("2025-11-19", 12)}, // on to 落地
		{CompanyID: 10, To: planner.StageProduction, By: "U1", At: at("2025-11-19", 13)},                     // entered at 投产: a record, no signing
		{CompanyID: 3, To: planner.StageSigned, By: "U3", At: at("2025-11-20", 12)},
		{CompanyID: 4, To: planner.StageSigned, By: "U2", At: at("2025-11-20", 13)},
		{CompanyID: 6, To: planner.StageNegotiating, By: "U1", At: at("2025-10-21", 13)},
		{CompanyID: 6, From: planner.StageNegotiating, To: planner.StageProduction, By: "U1", At: at("2025-11-21", 13)},
		{CompanyID: 7, To: planner.StageSigned, By: "U2", At: at("2025-11-21", 14)},
		{CompanyID: 8, To: planner.StageSigned, By: "U2", At: at("2025-11-23", 23)},
		{CompanyID: 9, To: planner.StageSigned, By: "U2", At: at("2025-11-24", 0)},
	}
	m := planner.BuildMoney(plannertest.W47.Start(), plannertest.W47.End(), changes, companies, sh)
	if m.SignedProjects != 7 || m.Unpriced != 2 {
		t.Errorf("signed %d, unpriced %d; want 7 and 2 (%+v)", m.SignedProjects, m.Unpriced, m.Projects)
	}
	if want := int64(120000 + 30000 + 200000 + 29999 + 50000); m.SignedWan != want {
		t.Errorf("signed_wan %d, want %d", m.SignedWan, want)
	}
	if want := (planner.Bands{Lt3: 1, From3: 2, From10: 1, Ge20: 1}); m.Bands != want {
		t.Errorf("bands %+v, want %+v", m.Bands, want)
	}
	wantMembers := map[string]planner.MemberMoney{
		"U1": {SignedProjects: 2, SignedWan: 320000},
		"U2": {SignedProjects: 4, SignedWan: 30000 + 29999 + 50000},
		"U3": {SignedProjects: 1}, // Acme has no owner: who moved it
	}
	if len(m.ByMember) != len(wantMembers) {
		t.Errorf("by member %+v, want %+v", m.ByMember, wantMembers)
	}
	for id, want := range wantMembers {
		if m.ByMember[id] != want {
			t.Errorf("member %s: %+v, want %+v", id, m.ByMember[id], want)
		}
	}
	var names []string
	for _, p := range m.Projects {
		names = append(names, p.Company)
	}
	if want := []string{"常诚车业", "蓝天科技", "Acme", "无额公司", "大项目", "小项目", "周日夜"}; !slices.Equal(names, want) {
		t.Errorf("projects %v, want %v", names, want)
	}
	empty := planner.BuildMoney(plannertest.W47.Start(), plannertest.W47.End(), nil, nil, sh)
	if empty.SignedProjects != 0 || empty.ByMember == nil || empty.Projects == nil {
		t.Errorf("no changes: %+v; want zero, with empty (not null) maps and lists for the JSON", empty)
	}
}

// Service.Money on a real database, from lead lines and a signing item: a
// project signed in week 47 counts in week 47 and in a month that holds it,
// not in the week after, and the retrospective of week 47 carries it.
func TestServiceMoney(t *testing.T) {
	svc, _ := serviceOnDisk(t) // Monday 2025-11-17 09:00, Shanghai
	ctx := t.Context()
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	for _, line := range []string{"常诚车业 签约 总投资12亿元", "蓝天科技 在谈 计划投资3.5亿", "远航物流 签约", "Acme 签约 USD 200M"} {
		if _, err := svc.Lead(ctx, a, line); err != nil {
			t.Fatalf("Lead(%q): %v", line, err)
		}
	}
	if _, err := svc.Lead(ctx, a, "蓝天科技 落地"); err != nil {
		t.Fatal(err)
	}
	w := plannertest.W47
	m, err := svc.Money(ctx, "T1", w.Start(), w.End())
	if err != nil {
		t.Fatal(err)
	}
	if m.SignedProjects != 4 || m.SignedWan != 155000 || m.Unpriced != 2 || m.ByMember["U1"].SignedWan != 155000 {
		t.Errorf("week 47: %+v; want 4 projects, 155000万, 2 unpriced, all U1's", m)
	}
	month, err := svc.Money(ctx, "T1", plannertest.Day(t, "2025-11-01"), plannertest.Day(t, "2025-11-30"))
	if err != nil || month.SignedWan != m.SignedWan || month.SignedProjects != m.SignedProjects {
		t.Errorf("November = %+v, %v; want the week's", month, err)
	}
	next, err := svc.Money(ctx, "T1", w.Next().Start(), w.Next().End())
	if err != nil || next.SignedProjects != 0 {
		t.Errorf("week 48 = %+v, %v; want nothing signed", next, err)
	}
	r, err := svc.Retro(ctx, "T1", w)
	if err != nil || r.Money.SignedWan != 155000 {
		t.Errorf("Retro's money = %+v, %v", r.Money, err)
	}
}

// A project of a member since forgotten stays in the team's money and is
// credited to no one: no member's money, no user id kept anywhere.
func TestMoneyOfAForgottenMember(t *testing.T) {
	svc, db := serviceOnDisk(t) // Monday 2025-11-17 09:00, Shanghai
	ctx := t.Context()
	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{TeamID: "T1", UserID: "bob_U123", Name: "Bob"}); err != nil {
		t.Fatal(err)
	}
	bob, ann := planner.Actor{TeamID: "T1", UserID: "bob_U123"}, planner.Actor{TeamID: "T1", UserID: "U1", Admin: true}
	if _, err := svc.Lead(ctx, bob, "常诚车业 签约 总投资12亿元"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Lead(ctx, ann, "蓝天 签约 总投资2亿元"); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Forget(ctx, ann, "bob_U123"); err != nil {
		t.Fatal(err)
	}
	w := plannertest.W47
	m, err := svc.Money(ctx, "T1", w.Start(), w.End())
	if err != nil {
		t.Fatal(err)
	}
	if m.SignedProjects != 2 || m.SignedWan != 140000 || len(m.ByMember) != 1 || m.ByMember["U1"].SignedWan != 20000 {
		t.Errorf("money %+v; want both projects in the team's total, only U1's in by_member", m)
	}
	for _, p := range m.Projects {
		if p.UserID == "bob_U123" {
			t.Errorf("project %+v keeps the forgotten member's id", p)
		}
	}
}
