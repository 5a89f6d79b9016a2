package planner_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"planbot/planner"
	"planbot/storage"
)

// The delivery policy of the weekly jobs (delivery.go, postnow.go) through
// the Service and a real SQLite ledger, on a clock each test moves by hand.

// handClock is a fixed clock that a test moves forward itself.
type handClock struct{ at time.Time }

func (c *handClock) now() time.Time          { return c.at }
func (c *handClock) advance(d time.Duration) { c.at = c.at.Add(d) }

// ledgerOnDisk is serviceOnDisk (team T1, member U1, Monday 2025-11-17 09:00
// in Shanghai) with a clock the test moves, and the team's digest channel set.
func ledgerOnDisk(t *testing.T) (*planner.Service, *storage.DB, *handClock) {
	t.Helper()
	svc, db := serviceOnDisk(t)
	clock := &handClock{at: svc.Clock()}
	svc.Now = clock.now
	if _, err := svc.SetDigestChannel(t.Context(), planner.Actor{TeamID: "T1", UserID: "U1", Admin: true}, "C1"); err != nil {
		t.Fatal(err)
	}
	return svc, db, clock
}

// latestRun is the job's latest run due at the clock's time, on the default schedule.
func latestRun(t *testing.T, svc *planner.Service, job planner.Job) planner.Run {
	t.Helper()
	run, ok := planner.LatestRun(svc.Clock(), planner.DefaultSchedule(job), svc.Loc, nil)
	if !ok {
		t.Fatalf("no %s run due at %s", job, svc.Clock())
	}
	return run
}

// outbox records every send it is asked to make and answers each with err
// (nil: sent, as message "ts-<n>").
type outbox struct {
	calls []planner.Send
	err   error
}

func (o *outbox) send(_ context.Context, s planner.Send) (string, error) {
	o.calls = append(o.calls, s)
	if o.err != nil {
		return "", o.err
	}
	return fmt.Sprint("ts-", len(o.calls)), nil
}

// storedSend reads the ledger's send of run to recipient, which must exist.
func storedSend(t *testing.T, db *storage.DB, run planner.Run, recipient string) planner.Send {
	t.Helper()
	s, created, err := db.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: run.Job, Week: run.Week,
		Recipient: recipient, DueAt: run.At, UpdatedAt: run.At})
	if err != nil {
		t.Fatal(err)
	}
	if created {
		t.Fatalf("send of %s %s to %q was not in the ledger", run.Job, run.Week, recipient)
	}
	return s
}

// mustDeliver delivers run to recipient with out, which must be called.
func mustDeliver(t *testing.T, svc *planner.Service, run planner.Run, recipient string, out *outbox) planner.Delivery {
	t.Helper()
	d, err := svc.Deliver(t.Context(), run, "T1", recipient, out.send)
	if err != nil || !d.Tried {
		t.Fatalf("delivering %s %s to %q: tried %v, %v", run.Job, run.Week, recipient, d.Tried, err)
	}
	return d
}

// A new claim is sent once: a second Deliver of the same run and recipient
// sends nothing.
func TestDeliverSendsOnce(t *testing.T) {
	svc, db, clock := ledgerOnDisk(t)
	run := latestRun(t, svc, planner.JobPlan)
	out := &outbox{}
	first, err := svc.Deliver(t.Context(), run, "T1", "U1", out.send)
	if err != nil {
		t.Fatal(err)
	}
	clock.advance(time.Hour)
	second, err := svc.Deliver(t.Context(), run, "T1", "U1", out.send)
	if err != nil {
		t.Fatal(err)
	}
	if len(out.calls) != 1 || !first.Tried || second.Tried {
		t.Fatalf("%d calls (tried %v, %v), want one, by the first Deliver", len(out.calls), first.Tried, second.Tried)
	}
	if c := out.calls[0]; c.Recipient != "U1" || c.Attempts != 1 || c.Week != run.Week || !c.DueAt.Equal(run.At) {
		t.Errorf("sent %+v, want U1's first attempt of %s due %s", c, run.Week, run.At)
	}
	got := storedSend(t, db, run, "U1")
	if got.State != planner.RunSent || got.MessageRef != "ts-1" || second.Send.State != planner.RunSent {
		t.Errorf("ledger %+v, second Deliver saw %s; want sent as ts-1", got, second.Send.State)
	}
}

// A failed send is recorded pending with why, and retried only once its
// back-off has passed, with the next attempt's number; each wait is longer
// than the one before.
func TestDeliverRetriesAfterBackoff(t *testing.T) {
	svc, db, clock := ledgerOnDisk(t)
	run := latestRun(t, svc, planner.JobPlan)
	out := &outbox{err: errors.New("slack: rate limited")}
	d, err := svc.Deliver(t.Context(), run, "T1", "U1", out.send)
	if err != nil {
		t.Fatal(err)
	}
	if !d.Tried || !errors.Is(d.Err, out.err) {
		t.Fatalf("first Deliver: tried %v, err %v; want tried, failed with %v", d.Tried, d.Err, out.err)
	}
	got := storedSend(t, db, run, "U1")
	if got.State != planner.RunPending || got.Attempts != 1 || got.Detail != out.err.Error() {
		t.Fatalf("after a failure the ledger has %+v, want pending, attempt 1, detail %q", got, out.err)
	}
	const step = 15 * time.Second
	var lastWait time.Duration
	for attempt := 2; attempt <= 3; attempt++ {
		wait := time.Duration(0)
		for len(out.calls) < attempt && wait <= planner.MaxLate {
			if _, err := svc.Deliver(t.Context(), run, "T1", "U1", out.send); err != nil {
				t.Fatal(err)
			}
			if len(out.calls) < attempt {
				clock.advance(step)
				wait += step
			}
		}
		switch {
		case len(out.calls) < attempt:
			t.Fatalf("attempt %d never made within MaxLate", attempt)
		case wait == 0:
			t.Fatalf("attempt %d made at once after a failure, with no back-off", attempt)
		case wait <= lastWait:
			t.Errorf("attempt %d after %s, attempt %d after %s: the back-off does not grow", attempt, wait, attempt-1, lastWait)
		}
		if c := out.calls[attempt-1]; c.Attempts != attempt {
			t.Errorf("retry made with Attempts %d, want %d", c.Attempts, attempt)
		}
		lastWait = wait
	}
}

// deliverUntilSettled delivers run to recipient with out, moving the clock
// past each back-off, until the send is no longer pending or tries calls
// were made.
func deliverUntilSettled(t *testing.T, svc *planner.Service, clock *handClock, run planner.Run, recipient string, out *outbox, tries int) planner.Send {
	t.Helper()
	var last planner.Send
	for start := clock.at; clock.at.Sub(start) <= planner.MaxLate; clock.advance(time.Minute) {
		d, err := svc.Deliver(t.Context(), run, "T1", recipient, out.send)
		if err != nil {
			t.Fatal(err)
		}
		last = d.Send
		if last.State != planner.RunPending || len(out.calls) >= tries {
			break
		}
	}
	return last
}

// A reminder is given up as failed after MaxAttempts; the retrospective, to
// the team's channel, keeps trying (GiveUpOverdue ends it).
func TestDeliverGivesUp(t *testing.T) {
	for _, tc := range []struct {
		name      string
		job       planner.Job
		recipient string
		wantState planner.RunState
		wantCalls int
	}{
		{"a reminder fails after MaxAttempts", planner.JobPlan, "U1", planner.RunFailed, planner.MaxAttempts},
		{"a retrospective keeps trying", planner.JobRetro, "", planner.RunPending, planner.MaxAttempts + 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, db, clock := ledgerOnDisk(t)
			run := latestRun(t, svc, tc.job)
			out := &outbox{err: errors.New("channel_not_found")}
			got := deliverUntilSettled(t, svc, clock, run, tc.recipient, out, planner.MaxAttempts+2)
			if len(out.calls) != tc.wantCalls || got.State != tc.wantState || got.Attempts != tc.wantCalls {
				t.Fatalf("%d calls, ledger %s after %d attempts; want %d calls, %s", len(out.calls), got.State, got.Attempts, tc.wantCalls, tc.wantState)
			}
			stored := storedSend(t, db, run, tc.recipient)
			if stored.State != tc.wantState || stored.Detail != out.err.Error() {
				t.Errorf("ledger %+v, want %s with detail %q", stored, tc.wantState, out.err)
			}
			if tc.wantState == planner.RunFailed {
				clock.advance(planner.MaxLate)
				if d, _ := svc.Deliver(t.Context(), run, "T1", tc.recipient, out.send); d.Tried || len(out.calls) != tc.wantCalls {
					t.Errorf("a send given up was tried again")
				}
			}
		})
	}
}

// A run found more than MaxLate after it was due is recorded skipped and not
// sent; one found just at MaxLate is still sent.
func TestDeliverTooLate(t *testing.T) {
	for _, tc := range []struct {
		name      string
		late      time.Duration
		wantState planner.RunState
		wantCalls int
	}{
		{"at MaxLate it is caught up", planner.MaxLate, planner.RunSent, 1},
		{"past MaxLate it is skipped", planner.MaxLate + time.Second, planner.RunSkipped, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, db, clock := ledgerOnDisk(t)
			run := latestRun(t, svc, planner.JobPlan)
			clock.at = run.At.Add(tc.late)
			out := &outbox{}
			d, err := svc.Deliver(t.Context(), run, "T1", "U1", out.send)
			if err != nil {
				t.Fatal(err)
			}
			if len(out.calls) != tc.wantCalls || d.Tried != (tc.wantCalls == 1) || d.Send.State != tc.wantState {
				t.Errorf("%d calls, tried %v, state %s; want %d calls, %s", len(out.calls), d.Tried, d.Send.State, tc.wantCalls, tc.wantState)
			}
			if d.Missed != (tc.wantState == planner.RunSkipped) {
				t.Errorf("missed %v, want %v", d.Missed, tc.wantState == planner.RunSkipped)
			}
			// Found skipped again, it is no new miss to report.
			if again, err := svc.Deliver(t.Context(), run, "T1", "U1", out.send); err != nil || again.Missed {
				t.Errorf("the second look: missed %v, %v", again.Missed, err)
			}
			if got := storedSend(t, db, run, "U1"); got.State != tc.wantState {
				t.Errorf("ledger has %s, want %s", got.State, tc.wantState)
			}
		})
	}
}

// SkipSend records a new or pending send as skipped, with why, and leaves a
// send that the ledger has sent, failed or skipped as it is.
func TestSkipSend(t *testing.T) {
	boom := errors.New("boom")
	for _, tc := range []struct {
		name      string
		before    func(*testing.T, *planner.Service, *handClock, planner.Run) // what the ledger has first
		wantState planner.RunState
		skipped   bool // whether SkipSend's why is recorded
	}{
		{"a new send", func(*testing.T, *planner.Service, *handClock, planner.Run) {}, planner.RunSkipped, true},
		{"a pending send", func(t *testing.T, svc *planner.Service, _ *handClock, run planner.Run) {
			mustDeliver(t, svc, run, "U1", &outbox{err: boom})
		}, planner.RunSkipped, true},
		{"a sent send", func(t *testing.T, svc *planner.Service, _ *handClock, run planner.Run) {
			mustDeliver(t, svc, run, "U1", &outbox{})
		}, planner.RunSent, false},
		{"a failed send", func(t *testing.T, svc *planner.Service, clock *handClock, run planner.Run) {
			deliverUntilSettled(t, svc, clock, run, "U1", &outbox{err: boom}, planner.MaxAttempts)
		}, planner.RunFailed, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, db, clock := ledgerOnDisk(t)
			run := latestRun(t, svc, planner.JobPlan)
			tc.before(t, svc, clock, run)
			var before planner.Send
			if !tc.skipped {
				before = storedSend(t, db, run, "U1")
			}
			if err := svc.SkipSend(t.Context(), run, "T1", "U1", "member on leave"); err != nil {
				t.Fatal(err)
			}
			got := storedSend(t, db, run, "U1")
			if got.State != tc.wantState || (got.Detail == "member on leave") != tc.skipped {
				t.Errorf("ledger %+v, want %s (skipped for why: %v)", got, tc.wantState, tc.skipped)
			}
			if !tc.skipped && (got.MessageRef != before.MessageRef || got.Attempts != before.Attempts || got.Detail != before.Detail) {
				t.Errorf("SkipSend changed a settled send: %+v, was %+v", got, before)
			}
		})
	}
}

// GiveUpOverdue records as failed, and returns, the sends still pending more
// than MaxLate after they were due — a reminder and a retrospective alike —
// and leaves a newer pending send alone.
func TestGiveUpOverdue(t *testing.T) {
	svc, db, clock := ledgerOnDisk(t)
	reminder, retro := latestRun(t, svc, planner.JobPlan), latestRun(t, svc, planner.JobRetro)
	failing := &outbox{err: errors.New("timeout")}
	mustDeliver(t, svc, reminder, "U1", failing)
	mustDeliver(t, svc, retro, "", failing)
	clock.at = reminder.At.Add(planner.MaxLate + time.Minute)
	newer := planner.Run{Job: planner.JobLog, Week: reminder.Week, At: clock.at.Add(-time.Hour)}
	mustDeliver(t, svc, newer, "U1", failing)
	given, err := svc.GiveUpOverdue(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	gave := map[planner.Job]planner.Send{}
	for _, s := range given {
		gave[s.Job] = s
	}
	if len(given) != 2 || gave[planner.JobPlan].Recipient != "U1" || gave[planner.JobRetro].Recipient != "" {
		t.Fatalf("gave up %+v, want the reminder to U1 and the retrospective", given)
	}
	for _, s := range given {
		if s.State != planner.RunFailed || s.Detail == "" {
			t.Errorf("returned %+v, want failed with why", s)
		}
	}
	for _, r := range []struct {
		run       planner.Run
		recipient string
		want      planner.RunState
	}{{reminder, "U1", planner.RunFailed}, {retro, "", planner.RunFailed}, {newer, "U1", planner.RunPending}} {
		if got := storedSend(t, db, r.run, r.recipient); got.State != r.want {
			t.Errorf("%s to %q: ledger has %s, want %s", r.run.Job, r.recipient, got.State, r.want)
		}
	}
	if again, err := svc.GiveUpOverdue(t.Context()); err != nil || len(again) != 0 {
		t.Errorf("second GiveUpOverdue: %+v, %v; want nothing more", again, err)
	}
}

// ClaimRetroPart is true once per summary and part.
func TestClaimRetroPart(t *testing.T) {
	svc, _, _ := ledgerOnDisk(t)
	team, err := svc.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		summary, part string
		want          bool
	}{
		{"1700000000.000100", "reply 2", true},
		{"1700000000.000100", "reply 2", false},
		{"1700000000.000100", "chart", true},
		{"1700000000.000200", "reply 2", true},
		{"1700000000.000100", "chart", false},
	} {
		got, err := svc.ClaimRetroPart(t.Context(), team, tc.summary, tc.part)
		if err != nil {
			t.Fatal(err)
		}
		if got != tc.want {
			t.Errorf("claim %q of %s: %v, want %v", tc.part, tc.summary, got, tc.want)
		}
	}
}

// ClaimPostNow: before the week's retrospective time a post is a preview and
// needs force; after it, it is the week's run, claimed once — pending
// elsewhere it is looked for first, posted it needs force — and a forced post
// starts its attempts again at 1.
func TestClaimPostNow(t *testing.T) {
	thisWeek := planner.Week{Year: 2025, Num: 47} // its retrospective is due Sunday 2025-11-23 18:00, after the clock
	lastWeek := thisWeek.Prev()                   // due Sunday 2025-11-16 18:00, before it
	claim := func(t *testing.T, svc *planner.Service) planner.Send {
		t.Helper()
		p, err := svc.ClaimPostNow(t.Context(), "T1", lastWeek, false)
		if err != nil {
			t.Fatal(err)
		}
		return p.Send
	}
	for _, tc := range []struct {
		name          string
		before        func(*testing.T, *planner.Service)
		week          planner.Week
		force         bool
		wantReason    planner.Reason // a Conflict with this reason, or "" for none
		wantPreview   bool
		wantLookFirst bool
		wantAttempts  int // of the claimed send, 0 when none is claimed
	}{
		{"before its time", nil, thisWeek, false, planner.ReasonPreview, false, false, 0},
		{"before its time, forced", nil, thisWeek, true, "", true, false, 0},
		{"after its time", nil, lastWeek, false, "", false, false, 1},
		{"pending elsewhere", func(t *testing.T, svc *planner.Service) { claim(t, svc) }, lastWeek, false, "", false, true, 1},
		{"posted", func(t *testing.T, svc *planner.Service) {
			if _, err := svc.FinishSend(t.Context(), claim(t, svc), "1700000000.000100", nil); err != nil {
				t.Fatal(err)
			}
		}, lastWeek, false, planner.ReasonPosted, false, false, 0},
		{"posted, forced", func(t *testing.T, svc *planner.Service) {
			if _, err := svc.FinishSend(t.Context(), claim(t, svc), "1700000000.000100", nil); err != nil {
				t.Fatal(err)
			}
		}, lastWeek, true, "", false, false, 1},
		{"pending after 3 attempts, forced", func(t *testing.T, svc *planner.Service) {
			s := claim(t, svc)
			s.Attempts = 3
			if _, err := svc.FinishSend(t.Context(), s, "", errors.New("timeout")); err != nil {
				t.Fatal(err)
			}
		}, lastWeek, true, "", false, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, db, _ := ledgerOnDisk(t)
			if tc.before != nil {
				tc.before(t, svc)
			}
			p, err := svc.ClaimPostNow(t.Context(), "T1", tc.week, tc.force)
			if tc.wantReason != "" {
				var e *planner.Error
				if !errors.As(err, &e) || e.Code != planner.Conflict || e.Reason != tc.wantReason {
					t.Fatalf("%v, want conflict %s", err, tc.wantReason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if p.Preview != tc.wantPreview || p.LookFirst != tc.wantLookFirst || p.Send.Attempts != tc.wantAttempts {
				t.Errorf("preview %v, look first %v, attempts %d; want %v, %v, %d",
					p.Preview, p.LookFirst, p.Send.Attempts, tc.wantPreview, tc.wantLookFirst, tc.wantAttempts)
			}
			if p.Team.DigestChannel != "C1" {
				t.Errorf("team %+v, want its digest channel C1", p.Team)
			}
			if tc.wantAttempts == 0 {
				return
			}
			due := planner.DefaultSchedule(planner.JobRetro).In(tc.week, svc.Loc)
			if p.Send.Job != planner.JobRetro || p.Send.Week != tc.week || p.Send.Recipient != "" || !p.Send.DueAt.Equal(due) {
				t.Errorf("claimed %+v, want the retrospective of %s due %s", p.Send, tc.week, due)
			}
			run := planner.Run{Job: planner.JobRetro, Week: tc.week, At: due}
			if got := storedSend(t, db, run, ""); got.Attempts != tc.wantAttempts || got.State != planner.RunPending {
				t.Errorf("ledger has attempts %d, %s; want %d, pending: this post's outcome is still to come", got.Attempts, got.State, tc.wantAttempts)
			}
			// A post that fails now is on record as failing, never as the send before it.
			failed, err := svc.FinishSend(t.Context(), p.Send, "", errors.New("channel_not_found"))
			if err != nil || failed.State == planner.RunSent || failed.Detail != "channel_not_found" {
				t.Errorf("a failed post is recorded %s (%q), %v; want not sent, with why", failed.State, failed.Detail, err)
			}
		})
	}
}

// ClaimPostNow refuses a team that has no digest channel yet, and claims nothing.
func TestClaimPostNowNoDigestChannel(t *testing.T) {
	svc, db := serviceOnDisk(t)
	_, err := svc.ClaimPostNow(t.Context(), "T1", planner.Week{Year: 2025, Num: 46}, true)
	var e *planner.Error
	if !errors.As(err, &e) || e.Code != planner.Conflict || e.Reason != planner.ReasonNoDigestChan {
		t.Fatalf("%v, want conflict %s", err, planner.ReasonNoDigestChan)
	}
	if pending, err := db.PendingSends(t.Context()); err != nil || len(pending) != 0 {
		t.Errorf("pending %+v, %v; want nothing claimed", pending, err)
	}
}

// SkipPastRetro records the team's latest due retrospective as skipped, so
// that a post of that week is no longer looked for as pending, and a later
// week's is untouched.
func TestSkipPastRetro(t *testing.T) {
	svc, db, _ := ledgerOnDisk(t)
	run := latestRun(t, svc, planner.JobRetro)
	if err := svc.SkipPastRetro(t.Context(), "T1"); err != nil {
		t.Fatal(err)
	}
	got := storedSend(t, db, run, "")
	if got.State != planner.RunSkipped || got.Detail == "" || !got.DueAt.Equal(run.At) {
		t.Errorf("ledger %+v, want the retrospective of %s due %s skipped with why", got, run.Week, run.At)
	}
	if pending, err := db.PendingSends(t.Context()); err != nil || len(pending) != 0 {
		t.Errorf("pending %+v, %v; want none", pending, err)
	}
	next := planner.Run{Job: planner.JobRetro, Week: run.Week.Next(), At: run.At.AddDate(0, 0, 7)}
	if _, created, err := db.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: next.Job, Week: next.Week,
		DueAt: next.At, UpdatedAt: next.At}); err != nil || !created {
		t.Errorf("the next week's retrospective was claimed too (created %v, %v)", created, err)
	}
}
