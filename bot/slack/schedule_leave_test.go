package slack

import (
	"fmt"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// addLeave stores a leave (请假) of userID in team T1 from start to end.
func addLeave(t *testing.T, s *testScheduler, userID, start, end string) planner.Item {
	t.Helper()
	it := planner.Item{TeamID: "T1", UserID: userID, Start: plannertest.Day(t, start), End: plannertest.Day(t, end), Kind: planner.KindLeave,
		Count: 1, Title: "年假", Status: planner.StatusPlanned, CreatedAt: s.Service.Clock()}
	added, err := dbOf(s.Handler).AddItems(t.Context(), []planner.Item{it}, userID)
	if err != nil {
		t.Fatal(err)
	}
	return added[0]
}

// sendOf returns the ledger's send of job in week w to recipient.
func sendOf(t *testing.T, s *testScheduler, job planner.Job, w planner.Week, recipient string) planner.Send {
	t.Helper()
	now := s.Service.Clock()
	send, created, err := dbOf(s.Handler).ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: job, Week: w, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: now, UpdatedAt: now})
	if err != nil || created {
		t.Fatalf("the ledger has no send of %s %s to %s (%v)", job, w, recipient, err)
	}
	return send
}

// A member on leave on a reminder's day gets no reminder, and the ledger says
// why; on the first day back they get the next one. A leave that ended
// before, or starts after, the day changes nothing; a cancelled one neither.
// The "log your results" reminder does not list a leave as work left open.
func TestSchedulerSkipsMembersOnLeave(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-24 09:00")} // Monday of week 48: "plan your week"
	s := newScheduler(t, f, c, 5, "")
	w48 := planner.Week{Year: 2025, Num: 48}
	addLeave(t, s, "U1", "2025-11-24", "2025-11-25") // Monday and Tuesday
	addLeave(t, s, "U2", "2025-11-20", "2025-11-21") // ended last Friday
	tuesday := addLeave(t, s, "U3", "2025-11-25", "2025-11-25")
	addLeave(t, s, "U4", "2025-10-27", "2025-12-31") // a long leave, begun a month ago
	cancelled := addLeave(t, s, "U5", "2025-11-24", "2025-11-24")
	cancelled.Status = planner.StatusCancelled
	if _, err := dbOf(s.Handler).UpdateItem(t.Context(), cancelled, planner.Change{By: "U5", Action: "cancel", At: c.now}); err != nil {
		t.Fatal(err)
	}

	s.Tick(t.Context())
	s.Tick(t.Context()) // a second tick sends nothing more, and does not undo a skip
	if got, want := fmt.Sprint(f.sent()), "[DU2 DU3 DU5]"; got != want {
		t.Fatalf("Monday's reminders went to %s, want %s: U1 and U4 are on leave", got, want)
	}
	for _, userID := range []string{"U1", "U4"} {
		if send := sendOf(t, s, planner.JobPlan, w48, userID); send.State != planner.RunSkipped || send.Detail != "on leave" {
			t.Errorf("%s's reminder in the ledger: %+v, want skipped, on leave", userID, send)
		}
	}

	c.now = at("2025-11-28 17:00") // Friday: "log your results"
	s.Tick(t.Context())
	got := map[string]string{}
	for _, p := range f.posts[3:] {
		got[p.Get("channel")] = p.Get("text") + p.Get("blocks")
	}
	if len(got) != 4 || got["DU4"] != "" {
		t.Fatalf("Friday's reminders went to %v, want U1, U2, U3 and U5 (U4 is still on leave)", got)
	}
	if text := got["DU3"]; strings.Contains(text, fmt.Sprintf("#%d", tuesday.ID)) {
		t.Errorf("U3's reminder lists the leave as work left open: %s", text)
	}
}
