package schedule

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// conflict fails t unless err is a Conflict for reason about week.
func conflict(t *testing.T, err error, reason planner.Reason, week planner.Week) {
	t.Helper()
	var e *planner.Error
	if !errors.As(err, &e) || e.Code != planner.Conflict || e.Reason != reason || e.Detail != week.String() {
		t.Fatalf("PostNow = %v, want a %s conflict about %s", err, reason, week)
	}
}

// Before the week's retrospective time, posting it now needs force and is a
// preview: marked apart, its thread posted, and the week's run left alone.
func TestPostNowPreview(t *testing.T) {
	x := newFixture(t, &clock{now: at("2025-11-23 17:00")}, 1, "CRETRO")
	_, err := x.s.PostNow(t.Context(), "T1", plannertest.W47, false)
	conflict(t, err, planner.ReasonPreview, plannertest.W47)
	if calls := x.m.Calls(); len(calls) != 0 {
		t.Fatalf("calls %q without force, want none", calls)
	}
	team, err := x.s.PostNow(t.Context(), "T1", plannertest.W47, true)
	if err != nil || team.DigestChannel != "CRETRO" {
		t.Fatalf("PostNow(force) = %+v, %v", team, err)
	}
	if got, want := strings.Join(x.m.Calls(), "\n"), strings.Join(retroCalls(plannertest.W47, "ts1", true), "\n"); got != want {
		t.Fatalf("calls:\n%s\nwant:\n%s", got, want)
	}
	if pending, err := x.db.PendingSends(t.Context()); err != nil || len(pending) != 0 {
		t.Errorf("pending sends %+v, %v: a preview claims no run", pending, err)
	}
	if _, ok := x.ledger(t, planner.JobRetro, plannertest.W47, ""); ok {
		t.Errorf("a preview left a ledger row for the week's run")
	}
	if sent := x.Sent(); len(sent) != 0 {
		t.Errorf("Sent told %+v of a preview, want nothing", sent)
	}
}

// After its time, posting the week's retrospective now is the week's run:
// posted and recorded once; again only with force, which posts it anew.
func TestPostNowTheWeeksRun(t *testing.T) {
	x := newFixture(t, &clock{now: at("2025-11-23 18:30")}, 1, "CRETRO")
	for i, step := range []struct {
		force bool
		ref   string // the week's summary after the step; "" when refused
	}{{false, "ts1"}, {false, ""}, {true, "ts2"}} {
		_, err := x.s.PostNow(t.Context(), "T1", plannertest.W47, step.force)
		calls := x.m.Calls()
		if step.ref == "" {
			conflict(t, err, planner.ReasonPosted, plannertest.W47)
			if len(calls) != 0 {
				t.Errorf("step %d: calls %q, want none", i, calls)
			}
			continue
		}
		if err != nil {
			t.Fatalf("step %d: PostNow(force %t): %v", i, step.force, err)
		}
		if got, want := strings.Join(calls, "\n"), strings.Join(retroCalls(plannertest.W47, step.ref, false), "\n"); got != want {
			t.Errorf("step %d: calls:\n%s\nwant:\n%s", i, got, want)
		}
		if send, ok := x.ledger(t, planner.JobRetro, plannertest.W47, ""); !ok || send.State != planner.RunSent || send.MessageRef != step.ref {
			t.Errorf("step %d: the ledger has %+v (found %t), want sent as %s", i, send, ok, step.ref)
		}
		if sent := x.Sent(); len(sent) != 1 || sent[0].State != planner.RunSent || sent[0].MessageRef != step.ref {
			t.Errorf("step %d: Sent told %+v, want the post once", i, sent)
		}
	}
	x.s.Tick(t.Context()) // the scheduled run finds the week posted
	if calls := x.m.Calls(); len(calls) != 0 {
		t.Errorf("the scheduled run posted again: %q", calls)
	}
}

// Posting now a week whose run is pending elsewhere (another attempt, or one
// a crash left in flight) looks first: a summary found is completed — only
// its missing parts posted — and recorded; either way the post is refused as
// done already.
func TestPostNowLooksFirst(t *testing.T) {
	const crashed = "ts-crashed"
	tests := []struct {
		name  string
		found string
		calls []string
		state planner.RunState
	}{
		{"the summary is out: its thread completed", crashed,
			[]string{fmt.Sprintf("reply CRETRO in %s: %s part 3", crashed, plannertest.W47)}, planner.RunSent},
		{"nothing is out yet: left to the attempt under way", "", nil, planner.RunPending},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2025-11-23 18:00")}
			x := newFixture(t, c, 1, "CRETRO")
			x.claim(t, planner.JobRetro, plannertest.W47, "", c.now)
			x.claimed(t, crashed, "reply 2")
			x.m.FindSummaryFunc = func(context.Context, planner.Team, planner.Week, time.Time) (string, error) { return tc.found, nil }
			c.now = c.now.Add(time.Minute)
			_, err := x.s.PostNow(t.Context(), "T1", plannertest.W47, false)
			conflict(t, err, planner.ReasonPosted, plannertest.W47)
			find := fmt.Sprintf("find CRETRO %s since %s", plannertest.W47, at("2025-11-23 18:00").Add(-planner.LateAfter).Format("2006-01-02 15:04"))
			want := append([]string{find}, tc.calls...)
			if got := x.m.Calls(); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("calls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			send, ok := x.ledger(t, planner.JobRetro, plannertest.W47, "")
			if !ok || send.State != tc.state || send.MessageRef != tc.found {
				t.Errorf("the ledger has %+v (found %t), want %s %q", send, ok, tc.state, tc.found)
			}
			told := 0 // Sent hears of a send this call finished, only
			if tc.found != "" {
				told = 1
			}
			if sent := x.Sent(); len(sent) != told || told == 1 && sent[0].State != planner.RunSent {
				t.Errorf("Sent told %+v, want %d sent", sent, told)
			}
			// Asked again, it is refused, and posts nothing more.
			_, err = x.s.PostNow(t.Context(), "T1", plannertest.W47, false)
			conflict(t, err, planner.ReasonPosted, plannertest.W47)
			if calls := x.m.Calls(); len(calls) > 1 || len(calls) == 1 && !strings.HasPrefix(calls[0], "find ") {
				t.Errorf("asked again: calls %q, want at most a look", calls)
			}
		})
	}
}
