package planner_test

import (
	"encoding/json"
	"maps"
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// A past week's retrospective and week report, and a past period's workbook,
// show the pipeline as it stood when the week ended, from the stage history: moving a company, touching an
// untouched one, adding a company and relinking the week's items to it
// after the week change neither the week's counts, its untouched
// companies, its 撞单 nor the JSON, and the added company is in none of them.
func TestPastWeekPipelineAsItWas(t *testing.T) {
	svc, db := serviceOnDisk(t)
	ctx := t.Context()
	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{TeamID: "T1", UserID: "U2", Name: "王芳"}); err != nil {
		t.Fatal(err)
	}
	clock := &handClock{at: time.Date(2025, 10, 1, 10, 0, 0, 0, svc.Loc)}
	svc.Now = clock.now
	ann := planner.Actor{TeamID: "T1", UserID: "U1", UserName: "Ann"}
	wang := planner.Actor{TeamID: "T1", UserID: "U2", UserName: "王芳"}
	lead := func(a planner.Actor, line string) {
		t.Helper()
		if _, err := svc.Lead(ctx, a, line); err != nil {
			t.Fatalf("Lead(%q): %v", line, err)
		}
	}
	add := func(a planner.Actor, line string) planner.Item {
		t.Helper()
		items, _, err := svc.Add(ctx, a, line)
		if err != nil || len(items) != 1 {
			t.Fatalf("Add(%q) = %+v, %v", line, items, err)
		}
		return items[0]
	}
	lead(ann, "OldCo 已对接") // untouched by the end of week 46
	clock.at = time.Date(2025, 11, 12, 10, 0, 0, 0, svc.Loc)
	lead(wang, "常诚车业 在谈")
	call := add(ann, "周三 拜访【常诚车业】")
	visit := add(wang, "周四 拜访常诚车业")
	w46 := planner.Week{Year: 2025, Num: 46}
	retro := func() planner.Retro {
		t.Helper()
		r, err := svc.Retro(ctx, "T1", w46)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	board := func() []planner.CompanyView {
		t.Helper()
		b, err := svc.Board(ctx, planner.Team{ID: "T1"}, w46)
		if err != nil {
			t.Fatal(err)
		}
		return b.Pipeline
	}
	before, beforeBoard := retro(), board()

	clock.at = time.Date(2025, 11, 18, 10, 0, 0, 0, svc.Loc) // week 47
	lead(wang, "常诚车业 签约")
	lead(ann, "OldCo 在谈")
	lead(ann, "蓝天科技 在谈")
	for a, it := range map[planner.Actor]planner.Item{ann: call, wang: visit} {
		line := it.Start.String() + " 拜访【常诚车业】【蓝天科技】"
		if edited, err := svc.Edit(ctx, a, it.ID, line); err != nil || len(edited.Companies) != 2 {
			t.Fatalf("Edit(%q) = %+v, %v; want two companies", line, edited, err)
		}
	}
	after := retro()

	p := after.Pipeline
	if want := map[planner.Stage]int{planner.StageNegotiating: 1, planner.StageContacted: 1}; !maps.Equal(p.Counts, want) {
		t.Errorf("counts %v, want %v as the week ended", p.Counts, want)
	}
	if !slices.Equal(p.Untouched, []string{"OldCo"}) {
		t.Errorf("untouched %v, want [OldCo] as the week ended", p.Untouched)
	}
	if len(p.Collisions) != 1 || p.Collisions[0].Company != "常诚车业" {
		t.Errorf("collisions %+v, want 常诚车业 alone", p.Collisions)
	}
	if len(p.Moves) != 1 || p.Moves[0].Company != "常诚车业" || p.Moves[0].To != planner.StageNegotiating {
		t.Errorf("moves %+v, want 常诚车业 to negotiating alone", p.Moves)
	}
	was, _ := json.Marshal(before.Pipeline)
	is, _ := json.Marshal(after.Pipeline)
	if string(was) != string(is) {
		t.Errorf("the week's pipeline changed after it:\nbefore %s\nafter  %s", was, is)
	}

	stages := func(views []planner.CompanyView) map[string]planner.Stage {
		m := map[string]planner.Stage{}
		for _, v := range views {
			m[v.Name] = v.Stage
		}
		return m
	}
	want := map[string]planner.Stage{"OldCo": planner.StageContacted, "常诚车业": planner.StageNegotiating}
	if got := stages(beforeBoard); !maps.Equal(got, want) {
		t.Errorf("the week report's pipeline during the week %v, want %v", got, want)
	}
	if got := stages(board()); !maps.Equal(got, want) {
		t.Errorf("the week report's pipeline after the week %v, want %v as the week ended", got, want)
	}
	period, err := svc.PipelineAt(ctx, "T1", w46.End()) // a period's workbook ending that Sunday
	if err != nil {
		t.Fatal(err)
	}
	if got := stages(period); !maps.Equal(got, want) {
		t.Errorf("the pipeline at the period's end %v, want %v", got, want)
	}
}
