package schedule

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// dueFixture is a scheduler on China's calendar whose team T1 has members
// U1..U3, none of whom takes the weekly reminders (a deadline's reminder is
// no weekly nudge: /plan remind off does not hold it back), at clock c.
func dueFixture(t *testing.T, c *clock) *fixture {
	t.Helper()
	x := newFixture(t, c, 3, "")
	x.s.Calendar = planner.ChinaCalendar{}
	for _, u := range []string{"U1", "U2", "U3"} {
		if err := x.s.Service.SetRemindOff(t.Context(), planner.Actor{TeamID: "T1", UserID: u}, true); err != nil {
			t.Fatal(err)
		}
	}
	return x
}

// lead carries out a lead line of userID in team T1.
func (x *fixture) lead(t *testing.T, userID, line string) {
	t.Helper()
	if _, err := x.s.Service.Lead(t.Context(), planner.Actor{TeamID: "T1", UserID: userID}, line); err != nil {
		t.Fatalf("Lead(%q): %v", line, err)
	}
}

// A deadline's owner gets one direct message on the first working day after
// it, at 09:00: not on the deadline, not over the weekend and the Dragon
// Boat Monday after a Friday deadline, once however many ticks and restarts
// follow; a deadline on Thursday is reminded of on Friday. A company whose
// owner was forgotten gets none.
func TestDueReminderOnce(t *testing.T) {
	c := &clock{now: at("2025-05-20 10:00")}
	x := dueFixture(t, c)
	ctx := t.Context()
	x.lead(t, "U1", "常诚车业 签约 开工 截止 2025-05-30") // Friday; Monday 2 June is the Dragon Boat Festival
	x.lead(t, "U2", "CATL 在谈 截止 2025-05-29")    // Thursday
	x.lead(t, "U3", "蓝天科技 截止 2025-05-29")
	if _, err := x.s.Service.Forget(ctx, planner.Actor{TeamID: "T1", UserID: "U9", Admin: true}, "U3"); err != nil {
		t.Fatal(err)
	}

	for _, step := range []struct {
		at   string
		want string
	}{
		{"2025-05-29 18:00", ""},
		{"2025-05-30 08:59", ""},
		{"2025-05-30 09:00", "remind T1/U2"},
		{"2025-05-30 09:10", ""},
		{"2025-05-30 20:00", ""},
		{"2025-05-31 09:00", ""},
		{"2025-06-01 09:00", ""},
		{"2025-06-02 09:00", ""},
		{"2025-06-03 08:59", ""},
		{"2025-06-03 09:00", "remind T1/U1"},
		{"2025-06-03 09:00", ""},
		{"2025-06-04 09:00", ""},
	} {
		c.now = at(step.at)
		x.s.Tick(ctx)
		if got := strings.Join(x.m.Calls(), "; "); got != step.want {
			t.Errorf("at %s: calls %q, want %q", step.at, got, step.want)
		}
	}
	// A restart: a new scheduler on the same database sends nothing again.
	restarted := &Scheduler{Service: planner.NewService(x.db, planner.Options{Now: c.Now, Loc: plannertest.Shanghai, Lang: planner.English}),
		Messenger: x.m, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Calendar: planner.ChinaCalendar{}}
	for _, day := range []string{"2025-06-03 09:30", "2025-06-04 09:00"} {
		c.now = at(day)
		restarted.Tick(ctx)
	}
	if calls := x.m.Calls(); len(calls) != 0 {
		t.Errorf("after a restart: calls %q, want none", calls)
	}

	if len(x.m.reminders) != 2 {
		t.Fatalf("%d direct messages, want 2", len(x.m.reminders))
	}
	body, ok := x.m.reminders[1].Body.(bot.DueReminder)
	if !ok || body.Company.Name != "常诚车业" || body.Company.Due != (planner.Deadline{Date: plannertest.Day(t, "2025-05-30"), Step: planner.StageConstruction}) {
		t.Errorf("the second message %T %+v, want 常诚车业's deadline", x.m.reminders[1].Body, x.m.reminders[1].Body)
	}
	if got := bot.RenderText(x.m.reminders[1]); !strings.Contains(got, "常诚车业 (signed), construction due 2025-05-30") {
		t.Errorf("the message says %q", got)
	}
	week := planner.WeekOf(plannertest.Day(t, "2025-05-30"))
	send, created, err := x.db.ClaimSend(ctx, planner.Send{TeamID: "T1", Job: planner.JobDue, Week: week, Recipient: "U1",
		Subject: "company 1 due 2025-05-30", DueAt: c.now, UpdatedAt: c.now})
	if err != nil || created || send.State != planner.RunSent || send.MessageRef != "dm-U1" || !send.DueAt.Equal(at("2025-06-03 09:00")) {
		t.Errorf("the ledger has %+v (created now: %t), %v; want it sent, due Tuesday 09:00", send, created, err)
	}
	var told []string
	for _, s := range x.Sent() {
		told = append(told, s.Recipient+" "+s.Subject+" "+string(s.State))
	}
	if want := "U2 company 2 due 2025-05-29 sent; U1 company 1 due 2025-05-30 sent"; strings.Join(told, "; ") != want {
		t.Errorf("Sent told %q, want %q", told, want)
	}
}

// A deadline's reminder that fails is tried again after its back-off and
// sent once; a deadline moved by a new one is reminded of anew; one whose
// step was made before its day is not reminded of.
func TestDueReminderRetriedAndRenewed(t *testing.T) {
	c := &clock{now: at("2025-11-17 10:00")}
	x := dueFixture(t, c)
	ctx := t.Context()
	x.lead(t, "U1", "常诚车业 签约 截止 2025-11-20")
	x.lead(t, "U2", "CATL 在谈 签约 截止 2025-11-20")
	failures := 1
	x.m.RemindFunc = func(_ context.Context, _ planner.Team, userID string, _ bot.Reply) (string, error) {
		if failures > 0 {
			failures--
			return "", errSlackDown
		}
		return "dm-" + userID, nil
	}
	c.now = at("2025-11-20 12:00")
	x.lead(t, "U2", "CATL 签约") // the step made on its day: nothing to remind of

	c.now = at("2025-11-21 09:00")
	x.s.Tick(ctx) // fails
	c.now = at("2025-11-21 09:00").Add(30 * time.Second)
	x.s.Tick(ctx) // within the back-off: not tried
	c.now = at("2025-11-21 09:05")
	x.s.Tick(ctx) // tried again, sent
	x.s.Tick(ctx)
	if got, want := strings.Join(x.m.Calls(), "; "), "remind T1/U1; remind T1/U1"; got != want {
		t.Errorf("calls %q, want %q: one failure, one send", got, want)
	}

	// A new deadline is another reminder, on its own first working day after.
	x.lead(t, "U1", "常诚车业 截止 2025-11-21")
	for _, day := range []string{"2025-11-22 09:00", "2025-11-23 09:00", "2025-11-24 09:00", "2025-11-24 10:00"} {
		c.now = at(day)
		x.s.Tick(ctx)
	}
	if got, want := strings.Join(x.m.Calls(), "; "), "remind T1/U1"; got != want {
		t.Errorf("after a new deadline: calls %q, want %q on Monday", got, want)
	}
}
