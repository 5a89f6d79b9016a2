package planner

import (
	"context"
	"errors"
	"fmt"
	"time"
)

// The delivery policy of the weekly jobs, the same for reminders and
// retrospectives: every send is claimed in the ledger before anything is sent
// (claim → send → record), a failed one is retried after a back-off, a run
// missed for longer than MaxLate is skipped, and a send left pending longer
// than that is given up and reported — never repeated, never dropped in silence.

// MaxAttempts is how often a send is tried before it is given up as failed.
const MaxAttempts = 5

// backoff is how long a send waits after its n-th attempt before the next.
func backoff(attempts int) time.Duration { return time.Duration(1<<min(attempts, 6)) * time.Minute / 2 }

// Delivery is how one Deliver went.
type Delivery struct {
	Send  Send  // the send as the ledger has it after the call
	Tried bool  // whether the message was sent (or tried) by this call
	Err   error // the sending's error, when it failed
	// Missed is set when this call found the run more than MaxLate late and
	// recorded it skipped, never sent.
	Missed bool
}

// Deliver claims the send of run to recipient ("" for the team's channel)
// and, when it is due now, calls send with it and records how that went.
// The error is the ledger's; the sending's is in the Delivery.
func (s *Service) Deliver(ctx context.Context, run Run, teamID, recipient string, send func(context.Context, Send) (string, error)) (Delivery, error) {
	claimed, now, missed, err := s.beginSend(ctx, run, teamID, recipient)
	if err != nil || !now {
		return Delivery{Send: claimed, Missed: missed}, err
	}
	ref, sendErr := send(ctx, claimed)
	recorded, err := s.FinishSend(ctx, claimed, ref, sendErr)
	return Delivery{Send: recorded, Tried: true, Err: sendErr}, err
}

// beginSend claims the send of run to recipient and says whether to send it
// now: a new claim (unless too late: then it is recorded as skipped, and
// missed is set), or a pending send whose back-off has passed (a failure, or
// a crash while sending).
func (s *Service) beginSend(ctx context.Context, run Run, teamID, recipient string) (send Send, now, missed bool, err error) {
	at := s.now()
	send, created, err := s.store.ClaimSend(ctx, Send{
		TeamID: teamID, Job: run.Job, Week: run.Week, Recipient: recipient, Subject: run.Subject,
		State: RunPending, Attempts: 1, DueAt: run.At, UpdatedAt: at,
	})
	switch {
	case err != nil:
		return send, false, false, err
	case created && at.Sub(send.DueAt) > MaxLate:
		send.State, send.Detail, send.UpdatedAt = RunSkipped, fmt.Sprintf("more than %d h late", int(MaxLate.Hours())), at
		return send, false, true, s.record(ctx, send)
	case created:
		return send, true, false, nil
	case send.State != RunPending || at.Sub(send.UpdatedAt) < backoff(send.Attempts):
		return send, false, false, nil
	}
	send.Attempts++
	send.UpdatedAt = at
	err = s.record(ctx, send) // the attempt is on record before it is made
	return send, err == nil, false, err
}

// SkipSend records the send of run to recipient as skipped, for why, unless
// the ledger has it sent (or failed, or skipped) already.
func (s *Service) SkipSend(ctx context.Context, run Run, teamID, recipient, why string) error {
	now := s.now()
	send, created, err := s.store.ClaimSend(ctx, Send{
		TeamID: teamID, Job: run.Job, Week: run.Week, Recipient: recipient, Subject: run.Subject,
		State: RunPending, Attempts: 0, DueAt: run.At, UpdatedAt: now,
	})
	if err != nil {
		return err
	}
	if created || send.State == RunPending { // a failed try is not tried again
		send.State, send.Detail, send.UpdatedAt = RunSkipped, why, now
		return s.record(ctx, send)
	}
	return nil
}

// FinishSend records how a send went: sent (ref is the message's id on the
// platform), or failed for now (retried after a back-off), or — a reminder,
// after MaxAttempts — given up as failed. A retrospective keeps trying until
// GiveUpOverdue gives it up, MaxLate after it was due. It returns the send as
// recorded.
func (s *Service) FinishSend(ctx context.Context, send Send, ref string, sendErr error) (Send, error) {
	send.UpdatedAt = s.now()
	switch {
	case sendErr == nil:
		send.State, send.MessageRef, send.Detail = RunSent, ref, ""
	case send.Attempts >= MaxAttempts && send.Recipient != "":
		send.State, send.Detail = RunFailed, sendErr.Error()
	default:
		send.Detail = sendErr.Error()
	}
	return send, s.record(ctx, send)
}

// GiveUpOverdue records as failed the sends still pending more than MaxLate
// after they were due (a crash, then a long downtime), and returns them.
func (s *Service) GiveUpOverdue(ctx context.Context) ([]Send, error) {
	pending, err := s.store.PendingSends(ctx)
	if err != nil {
		return nil, err
	}
	var given []Send
	var errs []error
	for _, send := range pending {
		if s.now().Sub(send.DueAt) <= MaxLate {
			continue
		}
		send.State, send.Detail, send.UpdatedAt = RunFailed, "still pending long after it was due", s.now()
		errs = append(errs, s.record(ctx, send))
		given = append(given, send)
	}
	return given, errors.Join(errs...)
}

// record stores a send's state. The record outlives a cancelled ctx: the send happened.
func (s *Service) record(ctx context.Context, send Send) error {
	return s.store.UpdateSend(context.WithoutCancel(ctx), send)
}

// ClaimRetroPart claims part ("reply 2", "chart") of the retrospective whose
// summary is summaryRef in the team's channel, and reports whether it is this
// call's to post: a part is posted at most once, even across a crash.
func (s *Service) ClaimRetroPart(ctx context.Context, team Team, summaryRef, part string) (bool, error) {
	return s.store.ClaimRetroPart(ctx, RetroPart{
		TeamID: team.ID, Channel: team.DigestChannel, SummaryRef: summaryRef, Part: part, ClaimedAt: s.now(),
	})
}
