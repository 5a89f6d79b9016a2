package main

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	slackbot "planbot/bot/slack"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// inFlight is a team whose week's retrospective (a summary and, in its
// thread, several replies and a chart) an attempt that crashed had left: the
// send claimed (attempt 1), the summary (crashedSummary, in CRETRO's
// history) and its first reply posted and the reply claimed, nothing
// recorded after.
type inFlight struct {
	f       *slacktest.Server
	c       *clock
	s       *jobs
	replies int // the retrospective's replies, the first posted already
}

func newInFlight(t *testing.T) *inFlight {
	t.Helper()
	x := &inFlight{f: slacktest.New(t), c: &clock{now: at("2025-11-23 18:00")}}
	x.s = newJobs(t, x.f, x.c, 40, "CRETRO")
	for i := 1; i <= 40; i++ {
		u := fmt.Sprintf("U%d", i)
		x.s.mustType(t, u, "tue visit 4 enterprises in the new energy vehicle industrial park of the eastern district")
		x.s.mustType(t, u, "wed meet a fund company about the second phase of the semiconductor materials project")
		x.s.mustType(t, u, fmt.Sprintf("done %d", 2*i-1))
	}
	svc, db := x.s.Service, x.s.db()
	team, err := svc.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.Retro(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	if x.replies = len(slackbot.RetroMessages(svc.For(team, planner.Member{}).Lang, r)) - 1; x.replies < 2 {
		t.Fatalf("the retrospective has %d replies, want at least 2 for this test", x.replies)
	}
	if _, _, err := db.ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: planner.JobRetro, Week: plannertest.W47,
		State: planner.RunPending, Attempts: 1, DueAt: x.c.Now(), UpdatedAt: x.c.Now(),
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ClaimRetroPart(t.Context(), planner.RetroPart{TeamID: "T1", Channel: "CRETRO", SummaryRef: foundTS, Part: "reply 2", ClaimedAt: x.c.Now()}); err != nil {
		t.Fatal(err)
	}
	x.f.AddHistory(crashedSummary)
	x.restart(t)
	return x
}

// restart is a new planbot process on the same database and Slack, with a font.
func (x *inFlight) restart(t *testing.T) {
	x.s = x.s.restart(t, x.f)
	x.s.Calendar = nil
	x.s.withFont(t)
}

// completed checks that the replies still missing and the chart were posted
// in the summary's thread, once each, and no summary.
func (x *inFlight) completed(t *testing.T) {
	t.Helper()
	var threads []string
	for _, m := range x.f.PostsTo("CRETRO") {
		threads = append(threads, m.ThreadTS)
	}
	want := strings.Repeat(foundTS+" ", x.replies-1)
	if got := strings.Join(threads, " ") + " "; got != want {
		t.Errorf("posts to CRETRO (their thread_ts) %q, want %d replies in %s's thread and no summary", got, x.replies-1, foundTS)
	}
	if got := uploadSteps(x.f); got != uploadFlow {
		t.Errorf("chart upload steps %q, want %q once; log:\n%s", got, uploadFlow, x.s.log)
	} else if done := x.f.Calls("files.completeUploadExternal")[0].Form; done.Get("thread_ts") != foundTS {
		t.Errorf("chart posted in thread %q, want %s", done.Get("thread_ts"), foundTS)
	}
}

// A summary posted by an attempt that crashed before recording it — after
// posting the first reply of its thread — is found (include_all_metadata=true)
// and completed: the other replies and the chart are posted in its thread,
// once. A crash again before the send is recorded, and a restart, post nothing more.
func TestSchedulerCompletesARetrospectiveLeftInFlight(t *testing.T) {
	x := newInFlight(t)
	x.c.add(5 * time.Minute) // past the first attempt's back-off
	x.s.Tick(t.Context())
	x.completed(t)
	if h := x.f.Calls("conversations.history"); len(h) != 1 || h[0].Form.Get("include_all_metadata") != "true" {
		t.Errorf("conversations.history calls %v, want one with include_all_metadata=true", h)
	}

	// A crash again before the send was recorded; then restarts: nothing more.
	send, _ := x.s.ledgerRow(t, planner.JobRetro, plannertest.W47, "")
	if send.State != planner.RunSent || send.MessageRef != foundTS {
		t.Fatalf("send %+v: want sent with the found ts", send)
	}
	send.State, send.UpdatedAt = planner.RunPending, x.c.Now()
	if err := x.s.db().UpdateSend(t.Context(), send); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		x.c.add(time.Hour)
		x.restart(t)
		x.s.Tick(t.Context())
	}
	x.completed(t)
}

// /plan digest post (PostNow) on a week whose run was left in flight finds the
// summary, says it is posted, and completes its thread, once.
func TestPostNowCompletesARetrospectiveLeftInFlight(t *testing.T) {
	x := newInFlight(t)
	for range 2 {
		_, err := x.s.PostNow(t.Context(), "T1", plannertest.W47, false)
		var pe *planner.Error
		if !errors.As(err, &pe) || pe.Reason != planner.ReasonPosted {
			t.Fatalf("PostNow = %v, want posted already", err)
		}
	}
	x.completed(t)
	if send, _ := x.s.ledgerRow(t, planner.JobRetro, plannertest.W47, ""); send.State != planner.RunSent || send.MessageRef != foundTS {
		t.Errorf("send %+v: want sent with the found ts", send)
	}
}

// A stop lets the retrospective's thread finish once its summary is out, but
// when the chart's upload waits on Slack's 429 (Retry-After 30, retried by
// slack-go as serve has it), Abandon — shutdown's time running out — cuts
// it: the Tick returns at once, and the retrospective stays recorded as sent.
func TestSchedulerAbandonCutsAThreadWaitingOnSlack(t *testing.T) {
	f := slacktest.New(t)
	asked := make(chan struct{}, 4)
	f.Set("files.getUploadURLExternal", slacktest.Behaviour{RetryAfter: "30"})
	f.OnCall(func(c slacktest.Call) {
		if c.Method == "files.getUploadURLExternal" {
			asked <- struct{}{}
		}
	})
	s := newJobs(t, f, &clock{now: at("2025-11-23 18:00")}, 2, "CRETRO")
	s.Calendar = nil
	s.withFont(t)
	s.mustType(t, "U1", "tue visit 4 enterprises")
	s.mustType(t, "U1", "done 1")

	ctx, stop := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Tick(ctx)
	}()
	select {
	case <-asked: // the summary is out; the chart's upload waits out Retry-After
	case <-time.After(jobsGuard):
		t.Fatal("the chart's upload never asked Slack")
	}
	stop()
	s.Abandon()
	select {
	case <-done:
	case <-time.After(jobsGuard):
		t.Fatal("the Tick still waits on Slack after Abandon")
	}
	send, ok := s.ledgerRow(t, planner.JobRetro, planner.Week{Year: 2025, Num: 47}, "")
	if !ok || send.State != planner.RunSent {
		t.Errorf("the retrospective's send is %+v (found %v), want sent", send, ok)
	}
	if n := len(summaries(f)); n != 1 {
		t.Errorf("%d summaries posted, want 1", n)
	}
}
