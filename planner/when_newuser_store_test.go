package planner_test

import (
	"errors"
	"testing"

	"planbot/planner"
)

// The new-user lines through Service with a real store: what is refused
// stores nothing, add and edit read the same days, and a past day of the
// month is stored as written with next month's day offered.
func TestServiceNewUserLines(t *testing.T) {
	svc, db := serviceOnDisk(t)
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	refuse := func(what string, err error, reason planner.Reason) {
		t.Helper()
		var e *planner.Error
		if !errors.As(err, &e) || e.Code != planner.Invalid || e.Reason != reason {
			t.Errorf("%s: %v, want invalid %s", what, err, reason)
		}
	}
	for text, reason := range map[string]planner.Reason{
		"下个月 出差北京":             planner.ReasonVagueDate,
		"过两天 回访企业":             planner.ReasonVagueDate,
		"二、三 走访企业":             planner.ReasonUnreadDate,
		"Fri 22nd visit plant": planner.ReasonDateMismatch,
		"周二至周四（2天）出差北京":        planner.ReasonDurationMismatch,
	} {
		items, _, err := svc.Add(t.Context(), a, text)
		refuse(text, err, reason)
		if len(items) != 0 {
			t.Errorf("%s: stored %v", text, items)
		}
	}
	items, it, err := svc.Add(t.Context(), a, "3-5日 赴苏州、无锡精准招商")
	if err != nil || len(items) != 1 {
		t.Fatalf("3-5日: %v, %v", items, err)
	}
	if got := items[0]; got.Start != (planner.Date{Year: 2025, Month: 11, Day: 3}) || got.End != (planner.Date{Year: 2025, Month: 11, Day: 5}) {
		t.Errorf("3-5日 stored %s..%s, want 2025-11-03..05 as written", got.Start, got.End)
	}
	if !it.Past || it.Drafts[0].Later != (planner.Date{Year: 2025, Month: 12, Day: 3}) {
		t.Errorf("3-5日: Past %v Later %v, want next month's 2025-12-03 offered", it.Past, it.Drafts[0].Later)
	}
	id := items[0].ID
	edited, err := svc.Edit(t.Context(), a, id, "11月20 拜访")
	if err != nil {
		t.Fatal(err)
	}
	if edited.Start != (planner.Date{Year: 2025, Month: 11, Day: 20}) || edited.Title != "拜访" {
		t.Errorf("edit 11月20: %s %q, want 2025-11-20 拜访", edited.Start, edited.Title)
	}
	_, err = svc.Edit(t.Context(), a, id, "下个月 出差北京")
	refuse("edit 下个月", err, planner.ReasonVagueDate)
	stored, err := db.ItemsStarting(t.Context(), "T1", "", planner.Date{Year: 2025, Month: 1, Day: 1}, planner.Date{Year: 2026, Month: 12, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 || stored[0].Start != (planner.Date{Year: 2025, Month: 11, Day: 20}) || stored[0].Title != "拜访" {
		t.Errorf("stored %+v, want only the edited item on 2025-11-20", stored)
	}
}
