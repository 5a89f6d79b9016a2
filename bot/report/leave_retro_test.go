package report

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
)

// Through the service and a real database: a member on a leave that began
// five weeks before is on leave in the week's retrospective, not silent, and
// on the Excel report's board although the leave began before the board's
// lookback; a member on leave four days of five is still silent.
func TestRetroLeaveThroughTheStore(t *testing.T) {
	h := newHandler(t)
	ctx := t.Context()
	for _, a := range []planner.Actor{ann, bob, carol} {
		if _, err := h.Begin(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	store := dbOf(h)
	add := func(userID, start, end string, kind planner.Kind, title string) planner.Item {
		t.Helper()
		it := planner.Item{TeamID: "T1", UserID: userID, Start: day(t, start), End: day(t, end), Kind: kind,
			Count: 1, Title: title, Status: planner.StatusPlanned, CreatedAt: h.Service.Clock()}
		added, err := store.AddItems(ctx, []planner.Item{it}, userID)
		if err != nil {
			t.Fatal(err)
		}
		return added[0]
	}
	// Both logged something in the four weeks before week 47: both are active.
	add(bob.UserID, "2025-11-03", "2025-11-03", planner.KindVisit, "visit 2 companies")
	add(carol.UserID, "2025-11-04", "2025-11-04", planner.KindVisit, "visit 3 companies")
	long := add(bob.UserID, "2025-10-13", "2025-11-28", planner.KindLeave, "产假")
	add(carol.UserID, "2025-11-13", "2025-11-20", planner.KindLeave, "年假") // into week 47 until Thursday only
	add(ann.UserID, "2025-11-18", "2025-11-18", planner.KindVisit, "visit 4 enterprises")

	r, err := h.Service.Retro(ctx, "T1", w47)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.OnLeave, ","); got != bob.UserID {
		t.Errorf("on leave %q, want Bob's %s", got, bob.UserID)
	}
	if got := strings.Join(r.Silent, ","); got != carol.UserID {
		t.Errorf("silent %q, want Carol's %s only: Bob is on leave all week", got, carol.UserID)
	}
	if text := bot.RetroText(planner.Chinese, r); !strings.Contains(text, "本周请假：Bob") {
		t.Errorf("the retrospective does not say Bob is on leave:\n%s", text)
	}

	team, err := store.Team(ctx, "T1")
	if err != nil {
		t.Fatal(err)
	}
	report, err := BuildWeekReport(ctx, h.Service, team, w47)
	if err != nil {
		t.Fatal(err)
	}
	onBoard := false
	for _, it := range report.Items {
		onBoard = onBoard || it.ID == long.ID
	}
	if !onBoard {
		t.Errorf("the board lacks Bob's leave, begun %d days before the week", long.Start.DaysUntil(w47.Start()))
	}
}
