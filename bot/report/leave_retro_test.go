package report

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// Through the service and a real database: a member on a leave that began
// five weeks before is on leave in the week's retrospective, not silent, and
// on the Excel report's board although the leave began before the board's
// lookback; a member on leave four days of five is still silent.
func TestRetroLeaveThroughTheStore(t *testing.T) {
	h := newHandler(t)
	ctx := t.Context()
	for _, a := range []planner.Actor{plannertest.Ann, plannertest.Bob, plannertest.Carol} {
		if _, err := h.Begin(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	store := dbOf(h)
	add := func(userID, start, end string, kind planner.Kind, title string) planner.Item {
		t.Helper()
		it := planner.Item{TeamID: "T1", UserID: userID, Start: plannertest.Day(t, start), End: plannertest.Day(t, end), Kind: kind,
			Count: 1, Title: title, Status: planner.StatusPlanned, CreatedAt: h.Service.Clock()}
		added, err := store.AddItems(ctx, []planner.Item{it}, userID)
		if err != nil {
			t.Fatal(err)
		}
		return added[0]
	}
	// Both logged something in the four weeks before week 47: both are active.
	add(plannertest.Bob.UserID, "2025-11-03", "2025-11-03", planner.KindVisit, "visit 2 companies")
	add(plannertest.Carol.UserID, "2025-11-04", "2025-11-04", planner.KindVisit, "visit 3 companies")
	long := add(plannertest.Bob.UserID, "2025-10-13", "2025-11-28", planner.KindLeave, "产假")
	add(plannertest.Carol.UserID, "2025-11-13", "2025-11-20", planner.KindLeave, "年假") // into week 47 until Thursday only
	add(plannertest.Ann.UserID, "2025-11-18", "2025-11-18", planner.KindVisit, "visit 4 enterprises")

	r, err := h.Service.Retro(ctx, "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(r.OnLeave, ","); got != plannertest.Bob.UserID {
		t.Errorf("on leave %q, want Bob's %s", got, plannertest.Bob.UserID)
	}
	if got := strings.Join(r.Silent, ","); got != plannertest.Carol.UserID {
		t.Errorf("silent %q, want Carol's %s only: Bob is on leave all week", got, plannertest.Carol.UserID)
	}
	if text := bot.RetroText(planner.Chinese, r); !strings.Contains(text, "本周请假：Bob") {
		t.Errorf("the retrospective does not say Bob is on leave:\n%s", text)
	}

	team, err := store.Team(ctx, "T1")
	if err != nil {
		t.Fatal(err)
	}
	report, err := BuildWeekReport(ctx, h.Service, team, plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	onBoard := false
	for _, it := range report.Items {
		onBoard = onBoard || it.ID == long.ID
	}
	if !onBoard {
		t.Errorf("the board lacks Bob's leave, begun %d days before the week", long.Start.DaysUntil(plannertest.W47.Start()))
	}
}
