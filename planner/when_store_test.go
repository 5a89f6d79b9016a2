package planner_test

import (
	"errors"
	"testing"

	"planbot/planner"
)

// A line whose what names a day its when did not read is refused through
// Service.Add with a real store, and nothing of it is stored.
func TestServiceAddStoresNoUnreadDay(t *testing.T) {
	svc, db := serviceOnDisk(t)
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	if _, _, err := svc.Add(t.Context(), a, "周二 对接4家企业"); err != nil {
		t.Fatalf("a valid line: %v", err)
	}
	for _, tc := range []struct {
		text   string
		reason planner.Reason
	}{
		{"周二 拜访企业 12.3", planner.ReasonSeveralDays},
		{"tue visit, thrusday follow-up", planner.ReasonSeveralDays},
		{"月底 项目集中签约", planner.ReasonVagueDate},
		{"拜访企业 下下周", planner.ReasonVagueWeek},
		{"周三（12月4日）拜访企业", planner.ReasonDateMismatch},
	} {
		items, _, err := svc.Add(t.Context(), a, tc.text)
		var e *planner.Error
		if !errors.As(err, &e) || e.Code != planner.Invalid || e.Reason != tc.reason || len(items) != 0 {
			t.Errorf("%q: %v, %v; want invalid %s", tc.text, items, err, tc.reason)
		}
	}
	stored, err := db.ItemsStarting(t.Context(), "T1", "", planner.Date{Year: 2025, Month: 1, Day: 1}, planner.Date{Year: 2026, Month: 12, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	if len(stored) != 1 || stored[0].Title != "对接4家企业" {
		t.Errorf("stored %+v, want only the valid line", stored)
	}
}
