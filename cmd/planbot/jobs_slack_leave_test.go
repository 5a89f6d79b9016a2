package main

import (
	"fmt"
	"strings"
	"testing"

	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// addLeave stores a leave (请假) of userID in team T1 from start to end.
func (j *jobs) addLeave(t *testing.T, userID, start, end string) planner.Item {
	t.Helper()
	it := planner.Item{TeamID: "T1", UserID: userID, Start: plannertest.Day(t, start), End: plannertest.Day(t, end), Kind: planner.KindLeave,
		Count: 1, Title: "年假", Status: planner.StatusPlanned, CreatedAt: j.Service.Clock()}
	added, err := j.db().AddItems(t.Context(), []planner.Item{it}, userID)
	if err != nil {
		t.Fatal(err)
	}
	return added[0]
}

// A member on leave on a reminder's day gets no reminder, and the ledger says
// why; on the first day back they get the next one. A leave that ended
// before, or starts after, the day changes nothing; a cancelled one neither.
// The "log your results" reminder does not list a leave as work left open.
func TestSchedulerSkipsMembersOnLeave(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-24 09:00")} // Monday of week 48: "plan your week"
	s := newJobs(t, f, c, 5, "")
	w48 := planner.Week{Year: 2025, Num: 48}
	s.addLeave(t, "U1", "2025-11-24", "2025-11-25") // Monday and Tuesday
	s.addLeave(t, "U2", "2025-11-20", "2025-11-21") // ended last Friday
	tuesday := s.addLeave(t, "U3", "2025-11-25", "2025-11-25")
	s.addLeave(t, "U4", "2025-10-27", "2025-12-31") // a long leave, begun a month ago
	cancelled := s.addLeave(t, "U5", "2025-11-24", "2025-11-24")
	cancelled.Status = planner.StatusCancelled
	if _, err := s.db().UpdateItem(t.Context(), cancelled, planner.Change{By: "U5", Action: "cancel", At: c.Now()}); err != nil {
		t.Fatal(err)
	}

	s.Tick(t.Context())
	s.Tick(t.Context()) // a second tick sends nothing more, and does not undo a skip
	if got, want := fmt.Sprint(f.Channels()), "[DU2 DU3 DU5]"; got != want {
		t.Fatalf("Monday's reminders went to %s, want %s: U1 and U4 are on leave", got, want)
	}
	for _, userID := range []string{"U1", "U4"} {
		if send, existed := s.ledgerRow(t, planner.JobPlan, w48, userID); !existed || send.State != planner.RunSkipped || send.Detail != "on leave" {
			t.Errorf("%s's reminder in the ledger: %+v (existed %t), want skipped, on leave", userID, send, existed)
		}
	}

	c.set(at("2025-11-28 17:00")) // Friday: "log your results"
	s.Tick(t.Context())
	got := map[string]string{}
	for _, p := range f.Posts()[3:] {
		got[p.Channel] = p.Text + p.Blocks
	}
	if len(got) != 4 || got["DU4"] != "" {
		t.Fatalf("Friday's reminders went to %v, want U1, U2, U3 and U5 (U4 is still on leave)", got)
	}
	if text := got["DU3"]; strings.Contains(text, fmt.Sprintf("#%d", tuesday.ID)) {
		t.Errorf("U3's reminder lists the leave as work left open: %s", text)
	}
}
