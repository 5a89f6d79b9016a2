package planner_test

import (
	"errors"
	"testing"

	"planbot/planner"
)

// The re-test's day words through Service with a real store (Monday
// 2025-11-17): read ones are stored on their days, vague ones store nothing,
// and an edit with a day word moves the item rather than keeping the word.
func TestServiceDayWords(t *testing.T) {
	svc, db := serviceOnDisk(t)
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	for _, text := range []string{"Q1 roadshow", "清明 休假", "周中 走访企业", "下半周 出差", "sometime next week visit plant"} {
		items, _, err := svc.Add(t.Context(), a, text)
		var e *planner.Error
		if !errors.As(err, &e) || e.Reason != planner.ReasonVagueDate || len(items) != 0 {
			t.Errorf("%s: %v %v, want refused as vague with nothing stored", text, items, err)
		}
	}
	items, _, err := svc.Add(t.Context(), a, "明儿 拜访企业")
	if err != nil || len(items) != 1 || items[0].Start != (planner.Date{Year: 2025, Month: 11, Day: 18}) || items[0].Title != "拜访企业" {
		t.Fatalf("明儿: %+v %v, want 2025-11-18 拜访企业", items, err)
	}
	edited, err := svc.Edit(t.Context(), a, items[0].ID, "大大后天 拜访")
	if err != nil || edited.Start != (planner.Date{Year: 2025, Month: 11, Day: 21}) || edited.Title != "拜访" {
		t.Errorf("edit 大大后天: %+v %v, want 2025-11-21 拜访", edited, err)
	}
	if _, err := svc.Edit(t.Context(), a, items[0].ID, "Q1 拜访"); err == nil {
		t.Error("edit Q1 拜访: saved, want refused")
	}
	stored, err := db.ItemsStarting(t.Context(), "T1", "", planner.Date{Year: 2025, Month: 1, Day: 1}, planner.Date{Year: 2026, Month: 12, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 || stored[0].Start != (planner.Date{Year: 2025, Month: 11, Day: 21}) || stored[0].Title != "拜访" {
		t.Errorf("stored %+v, want only the edited item on 2025-11-21", stored)
	}
}
