package schedule

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
)

// Monday's "plan your week" goes to each member due, once, in their language,
// listing last week's work left open; a member on leave that day gets none
// (recorded skipped, why in the ledger) and one who turned reminders off is
// not asked at all.
func TestRemindersGoToEachMemberDue(t *testing.T) {
	c := &clock{now: at("2025-11-24 09:00")} // Monday of w48
	x := newFixture(t, c, 4, "")
	ctx := t.Context()
	open := x.addItem(t, "U1", "2025-11-18", planner.KindVisit, planner.StatusPlanned)
	x.addItem(t, "U1", "2025-11-19", planner.KindVisit, planner.StatusDone)
	x.addItem(t, "U1", "2025-11-20", planner.KindLeave, planner.StatusPlanned) // a leave is nothing to get done
	x.addItem(t, "U2", "2025-11-24", planner.KindLeave, planner.StatusPlanned)
	if err := x.s.Service.SetRemindOff(ctx, planner.Actor{TeamID: "T1", UserID: "U3"}, true); err != nil {
		t.Fatal(err)
	}
	if err := x.s.Service.SetLang(ctx, planner.Actor{TeamID: "T1", UserID: "U4"}, planner.Chinese); err != nil {
		t.Fatal(err)
	}

	x.s.Tick(ctx)
	x.s.Tick(ctx) // nothing more, and a skip stays a skip
	if got, want := strings.Join(x.m.Calls(), "; "), "remind T1/U1; remind T1/U4"; got != want {
		t.Fatalf("calls %q, want %q", got, want)
	}
	wants := []struct {
		lang planner.Lang
		ids  []int64
	}{{planner.English, []int64{open.ID}}, {planner.Chinese, nil}}
	for i, want := range wants {
		r := x.m.reminders[i]
		body, ok := r.Body.(bot.Reminder)
		if !ok || r.Lang != want.lang || body.Job != planner.JobPlan || body.Week != w48 {
			t.Fatalf("reminder %d: %s %T %+v, want a %s plan reminder of %s", i, r.Lang, r.Body, r.Body, want.lang, w48)
		}
		var ids []int64
		for _, it := range body.Items {
			ids = append(ids, it.ID)
		}
		if !slices.Equal(ids, want.ids) {
			t.Errorf("reminder %d lists items %v, want last week's open work %v", i, ids, want.ids)
		}
	}

	for _, tc := range []struct {
		userID string
		state  planner.RunState
		ref    string
		detail string
	}{
		{"U1", planner.RunSent, "dm-U1", ""},
		{"U2", planner.RunSkipped, "", "on leave"},
		{"U4", planner.RunSent, "dm-U4", ""},
	} {
		send, ok := x.ledger(t, planner.JobPlan, w48, tc.userID)
		if !ok || send.State != tc.state || send.MessageRef != tc.ref || send.Detail != tc.detail {
			t.Errorf("%s's reminder in the ledger: %+v (found %t), want %s %q %q", tc.userID, send, ok, tc.state, tc.ref, tc.detail)
		}
	}
	if _, ok := x.ledger(t, planner.JobPlan, w48, "U3"); ok {
		t.Errorf("U3 turned reminders off, yet the ledger has a send to them")
	}
	var told []string
	for _, s := range x.Sent() {
		told = append(told, fmt.Sprintf("%s %s %s", s.Job, s.Recipient, s.State))
	}
	if got, want := strings.Join(told, "; "), "plan U1 sent; plan U4 sent"; got != want {
		t.Errorf("Sent told %q, want %q: once per finished send, none for a skip", got, want)
	}
}

// A reminder that keeps failing is retried after each back-off, then given up
// as failed at the last attempt; Sent hears of every attempt with its state.
func TestReminderGivenUpAfterMaxAttempts(t *testing.T) {
	c := &clock{now: at("2025-11-24 09:00")}
	x := newFixture(t, c, 1, "")
	x.m.RemindFunc = func(context.Context, planner.Team, string, bot.Reply) (string, error) { return "", errSlackDown }
	for range 2 * planner.MaxAttempts {
		x.s.Tick(t.Context())
		c.now = c.now.Add(40 * time.Minute) // past the longest back-off
	}
	if n := len(x.m.Calls()); n != planner.MaxAttempts {
		t.Fatalf("%d reminders tried, want %d", n, planner.MaxAttempts)
	}
	var states []string
	for _, s := range x.Sent() {
		states = append(states, fmt.Sprintf("%d %s", s.Attempts, s.State))
	}
	var want []string
	for n := 1; n < planner.MaxAttempts; n++ {
		want = append(want, fmt.Sprintf("%d pending", n))
	}
	want = append(want, fmt.Sprintf("%d failed", planner.MaxAttempts))
	if !slices.Equal(states, want) {
		t.Errorf("Sent told %v, want %v", states, want)
	}
	send, ok := x.ledger(t, planner.JobPlan, w48, "U1")
	if !ok || send.State != planner.RunFailed || send.Detail != errSlackDown.Error() {
		t.Errorf("the ledger has %+v (found %t), want failed with the error", send, ok)
	}
	if !strings.Contains(x.log.String(), "gave up a send") {
		t.Errorf("the give-up is not logged:\n%s", x.log)
	}
}

var errSlackDown = errors.New("the platform is down")
