package schedule

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// retroCalls is what posting week's retrospective anew calls, the summary ref
// being ref: the summary (a preview or the week's run), then its replies in
// its thread.
func retroCalls(week planner.Week, ref string, preview bool) []string {
	out := []string{fmt.Sprintf("summary T1 CRETRO %s preview=%t: %s part 1", week, preview, week)}
	for i := 2; i <= retroParts; i++ {
		out = append(out, fmt.Sprintf("reply CRETRO in %s: %s part %d", ref, week, i))
	}
	return out
}

// The week's retrospective is posted once when due — the summary, then each
// part in its thread, each part claimed — and said to be late when it is
// caught up after a downtime; a second Tick posts nothing more.
func TestRetrospectiveSummaryThenThread(t *testing.T) {
	tests := []struct {
		name string
		at   string
		late bool
	}{
		{"on time", "2025-11-23 18:00", false},
		{"caught up the morning after", "2025-11-24 08:00", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := newFixture(t, &clock{now: at(tc.at)}, 2, "CRETRO")
			x.s.Tick(t.Context())
			x.s.Tick(t.Context())
			if got, want := strings.Join(x.m.Calls(), "\n"), strings.Join(retroCalls(plannertest.W47, "ts1", false), "\n"); got != want {
				t.Fatalf("calls:\n%s\nwant:\n%s", got, want)
			}
			if len(x.m.retros) != 1 || x.m.retros[0].Week != plannertest.W47 || x.m.retros[0].Late != tc.late {
				t.Errorf("rendered %+v, want %s's retrospective once, late %t", x.m.retros, plannertest.W47, tc.late)
			}
			for i := 2; i <= retroParts; i++ {
				if !x.claimed(t, "ts1", fmt.Sprintf("reply %d", i)) {
					t.Errorf("part %d is not claimed in the ledger", i)
				}
			}
			send, ok := x.ledger(t, planner.JobRetro, plannertest.W47, "")
			if !ok || send.State != planner.RunSent || send.MessageRef != "ts1" || send.Attempts != 1 {
				t.Errorf("the ledger has %+v (found %t), want sent as ts1 at the first attempt", send, ok)
			}
			if sent := x.Sent(); len(sent) != 1 || sent[0].Job != planner.JobRetro || sent[0].State != planner.RunSent {
				t.Errorf("Sent told %+v, want the retrospective once, sent", sent)
			}
		})
	}
}

// A retry after an attempt that crashed first looks in the channel for the
// summary that attempt may have posted: found, only the parts still missing
// are posted in its thread; not found, the whole retrospective is; when the
// channel cannot be read, nothing is, and the send waits for its next try.
func TestRetrospectiveRetryAfterACrash(t *testing.T) {
	const crashed = "ts-crashed" // the summary the crashed attempt posted
	tests := []struct {
		name  string
		found string
		err   error
		calls []string
		state planner.RunState
		ref   string
	}{
		{"the summary was posted: only the missing parts", crashed, nil,
			[]string{fmt.Sprintf("reply CRETRO in %s: %s part 3", crashed, plannertest.W47)}, planner.RunSent, crashed},
		{"nothing was posted: all of it", "", nil, retroCalls(plannertest.W47, "ts1", false), planner.RunSent, "ts1"},
		{"the channel cannot be read: nothing yet", "", errSlackDown, nil, planner.RunPending, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2025-11-23 18:00")}
			x := newFixture(t, c, 1, "CRETRO")
			x.claim(t, planner.JobRetro, plannertest.W47, "", c.now)
			x.claimed(t, crashed, "reply 2") // the crashed attempt posted the first reply
			x.m.FindSummaryFunc = func(context.Context, planner.Team, planner.Week, time.Time) (string, error) {
				return tc.found, tc.err
			}
			c.now = c.now.Add(5 * time.Minute) // past the first attempt's back-off
			x.s.Tick(t.Context())
			x.s.Tick(t.Context()) // too soon for another try, and nothing is left
			find := fmt.Sprintf("find CRETRO %s since %s", plannertest.W47, at("2025-11-23 18:00").Add(-planner.LateAfter).Format("2006-01-02 15:04"))
			want := append([]string{find}, tc.calls...)
			if got := x.m.Calls(); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("calls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			send, ok := x.ledger(t, planner.JobRetro, plannertest.W47, "")
			if !ok || send.State != tc.state || send.MessageRef != tc.ref || send.Attempts != 2 {
				t.Errorf("the ledger has %+v (found %t), want %s %q at the 2nd attempt", send, ok, tc.state, tc.ref)
			}
			if sent := x.Sent(); len(sent) != 1 || sent[0].State != tc.state || sent[0].Attempts != 2 {
				t.Errorf("Sent told %+v, want the 2nd attempt once, %s", sent, tc.state)
			}
		})
	}
}

// A send still pending more than MaxLate after it was due — a crash, then a
// long downtime — is given up as failed, a retrospective as a reminder, and
// Sent hears of it once; nothing is posted.
func TestOverdueSendsGivenUp(t *testing.T) {
	for _, tc := range []struct {
		job       planner.Job
		week      planner.Week
		recipient string
		due       string
	}{
		{planner.JobRetro, plannertest.W47, "", "2025-11-23 18:00"},
		{planner.JobLog, plannertest.W47, "U1", "2025-11-21 17:00"},
	} {
		t.Run(string(tc.job), func(t *testing.T) {
			c := &clock{now: at(tc.due)}
			x := newFixture(t, c, 1, "CRETRO")
			if err := x.s.Service.SetRemindOff(t.Context(), planner.Actor{TeamID: "T1", UserID: "U1"}, true); err != nil {
				t.Fatal(err)
			}
			x.claim(t, tc.job, tc.week, tc.recipient, c.now)
			c.now = c.now.Add(planner.MaxLate + time.Minute)
			x.s.Tick(t.Context())
			x.s.Tick(t.Context())
			if calls := x.m.Calls(); len(calls) != 0 {
				t.Errorf("calls %q, want none", calls)
			}
			send, ok := x.ledger(t, tc.job, tc.week, tc.recipient)
			if !ok || send.State != planner.RunFailed || send.Detail == "" {
				t.Errorf("the ledger has %+v (found %t), want failed, and why", send, ok)
			}
			if sent := x.Sent(); len(sent) != 1 || sent[0].Job != tc.job || sent[0].State != planner.RunFailed {
				t.Errorf("Sent told %+v, want the %s send once, failed", sent, tc.job)
			}
			if !strings.Contains(x.log.String(), "gave up a send") {
				t.Errorf("the give-up is not logged:\n%s", x.log)
			}
		})
	}
}

// One team's panic — bad data, an odd answer from the platform — is logged
// and does not stop the other teams' retrospectives or reminders.
func TestOneTeamsPanicSparesTheOthers(t *testing.T) {
	tests := []struct {
		name string
		at   string
		job  planner.Job
		set  func(m *messenger)
	}{
		{"posting a retrospective", "2025-11-23 18:00", planner.JobRetro, func(m *messenger) {
			m.PostSummaryFunc = func(_ context.Context, team planner.Team, _ planner.Week, _ bool, _ any) (string, error) {
				if team.ID == "T1" {
					panic("an odd answer")
				}
				return "ts-" + team.ID, nil
			}
		}},
		{"rendering a retrospective", "2025-11-23 18:00", planner.JobRetro, func(m *messenger) {
			m.RetroMessagesFunc = func(_ planner.Lang, r planner.Retro) []any {
				if r.TeamName == "招商T1" {
					panic("an odd answer")
				}
				return []any{"summary"}
			}
		}},
		{"sending a reminder", "2025-11-24 09:00", planner.JobPlan, func(m *messenger) {
			m.RemindFunc = func(_ context.Context, team planner.Team, _ string, _ bot.Reply) (string, error) {
				if team.ID == "T1" {
					panic("an odd answer")
				}
				return "dm", nil
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := newFixture(t, &clock{now: at(tc.at)}, 1, "CRETRO")
			x.addTeam(t, "T2", 1, "CRETRO2")
			tc.set(x.m)
			x.s.Tick(t.Context())
			var sent []planner.Send
			for _, s := range x.Sent() {
				if s.Job == tc.job { // Monday morning catches up Sunday's retrospectives too
					sent = append(sent, s)
				}
			}
			if len(sent) != 1 || sent[0].TeamID != "T2" || sent[0].Job != tc.job || sent[0].State != planner.RunSent {
				t.Errorf("Sent told %+v, want T2's %s sent", sent, tc.job)
			}
			if log := x.log.String(); !strings.Contains(log, "panic: an odd answer") || !strings.Contains(log, "team=T1") {
				t.Errorf("T1's panic is not logged:\n%s", log)
			}
		})
	}
}
