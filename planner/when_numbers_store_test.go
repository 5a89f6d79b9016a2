package planner_test

import (
	"errors"
	"testing"

	"planbot/planner"
)

// Through the Service and a real store: a time of day and an amount are
// filed on the day written, with the number in the title; a far bare 10.30 is
// refused and nothing is stored.
func TestServiceNumbersOnDisk(t *testing.T) {
	svc, db := serviceOnDisk(t)
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	for _, text := range []string{"上午10.30 拜访企业", "周三 9.30 开会", "签约 1.2 亿元 项目"} {
		if _, _, err := svc.Add(t.Context(), a, text); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
	}
	items, _, err := svc.Add(t.Context(), a, "10.30 开会")
	var e *planner.Error
	if !errors.As(err, &e) || e.Reason != planner.ReasonDateOrTime || len(items) != 0 {
		t.Errorf("10.30 开会: %v, %v; want date_or_time", items, err)
	}
	stored, err := db.ItemsStarting(t.Context(), "T1", "", planner.Date{Year: 2025, Month: 1, Day: 1}, planner.Date{Year: 2026, Month: 12, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]planner.Date{
		"上午10.30 拜访企业": {Year: 2025, Month: 11, Day: 17},
		"9.30 开会":      {Year: 2025, Month: 11, Day: 19},
		"签约 1.2 亿元 项目": {Year: 2025, Month: 11, Day: 17},
	}
	if len(stored) != len(want) {
		t.Fatalf("stored %d items, want %d: %+v", len(stored), len(want), stored)
	}
	for _, it := range stored {
		if d, ok := want[it.Title]; !ok || it.Start != d || it.End != d {
			t.Errorf("stored %q on %v..%v", it.Title, it.Start, it.End)
		}
	}
}
