package schedule

import (
	"context"
	"fmt"
	"log/slog"

	"planbot/planner"
)

// retro posts a week's retrospective to the team's channel: the summary, then
// any further parts as replies in its thread. On a retry it first looks for a
// summary a crashed attempt may have posted, so it is never posted twice, and
// posts the parts of it still missing.
func (s *Scheduler) retro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool, send planner.Send) (string, error) {
	if send.Attempts > 1 {
		ref, err := s.findPosted(ctx, team, week, send)
		if err != nil {
			return "", err
		}
		if ref != "" {
			s.completeRetro(ctx, svc, team, week, late, ref)
			return ref, nil
		}
	}
	return s.postRetro(ctx, svc, team, week, late, false)
}

// findPosted looks in the team's channel, since shortly before the run was
// due, for week's summary that planbot posted.
func (s *Scheduler) findPosted(ctx context.Context, team planner.Team, week planner.Week, send planner.Send) (string, error) {
	return s.Messenger.FindSummary(ctx, team, week, send.DueAt.Add(-planner.LateAfter))
}

// postRetro posts the retrospective of week: its summary (marked as a
// preview, which is not the week's run, when preview is set), then its thread.
func (s *Scheduler) postRetro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late, preview bool) (string, error) {
	r, msgs, err := s.retroOf(ctx, svc, team, week, late)
	if err != nil {
		return "", err
	}
	ref, err := s.Messenger.PostSummary(ctx, team, week, preview, msgs[0])
	if err != nil {
		return "", err
	}
	s.postParts(ctx, svc, team, r, msgs, ref)
	return ref, nil
}

// retroOf is the retrospective of week and its messages.
func (s *Scheduler) retroOf(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool) (planner.Retro, []any, error) {
	r, err := svc.Retro(ctx, team.ID, week)
	if err != nil {
		return r, nil, err
	}
	r.Late = late
	return r, s.Messenger.RetroMessages(team, svc.Lang, r), nil
}

// completeRetro posts the parts still missing of week's retrospective, whose
// summary ref an attempt that crashed had posted.
func (s *Scheduler) completeRetro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool, ref string) {
	r, msgs, err := s.retroOf(ctx, svc, team, week, late)
	if err != nil {
		s.Log.Error("scheduler: retrospective found posted; its thread not completed", "team", team.ID, "week", week, "err", err)
		return
	}
	s.postParts(ctx, svc, team, r, msgs, ref)
}

// postParts posts, in the thread of the summary ref, the replies msgs[1:] and
// then the chart, each claimed in the ledger first: a part claimed already (by
// this summary's first attempt, before a crash) is not posted again. A part is
// posted at most once; one that fails is logged, and the send still counts as
// done, since its summary is out.
func (s *Scheduler) postParts(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, msgs []any, ref string) {
	// The summary is out: its thread is finished even if shutdown begins
	// meanwhile, unless shutdown's time runs out (Abandon).
	ctx, cancel := s.lasting(ctx)
	defer cancel()
	s.postReplies(ctx, svc, team, msgs, ref, "retrospective", s.Log.With("team", team.ID, "week", r.Week))
	s.postChart(ctx, svc, team, r, ref) // logs its own failure: the retrospective is posted
}

// postReplies posts msgs[1:] in the thread of the summary ref, each claimed
// first, logging a failure to log as a part of what.
func (s *Scheduler) postReplies(ctx context.Context, svc *planner.Service, team planner.Team, msgs []any, ref, what string, log *slog.Logger) {
	for i, m := range msgs[1:] {
		if !s.claimPart(ctx, svc, team, ref, fmt.Sprintf("reply %d", i+2)) {
			continue
		}
		if err := s.Messenger.PostReply(ctx, team, ref, m); err != nil {
			log.Error("scheduler: "+what+" thread part not posted", "part", i+2, "err", err)
		}
	}
}

// claimPart claims part of the retrospective (or monthly report) whose
// summary is ref, and reports whether it is this call's to post.
func (s *Scheduler) claimPart(ctx context.Context, svc *planner.Service, team planner.Team, ref, part string) bool {
	created, err := svc.ClaimRetroPart(ctx, team, ref, part)
	if err != nil {
		s.Log.Error("scheduler: retrospective part not posted: cannot claim it", "team", team.ID, "part", part, "err", err)
	}
	return created
}

// PostNow posts a week's retrospective to the team's channel now (planbot
// digest --post, /plan digest post), as planner.ClaimPostNow decides: a
// preview before the week's retrospective time (with force), else the week's
// run, claimed in the ledger like a scheduled one.
func (s *Scheduler) PostNow(ctx context.Context, teamID string, week planner.Week, force bool) (planner.Team, error) {
	p, err := s.Service.ClaimPostNow(ctx, teamID, week, force)
	if err != nil {
		return p.Team, err
	}
	team := p.Team
	svc := s.Service.For(team, planner.Member{})
	if p.Preview {
		_, err := s.postRetro(ctx, svc, team, week, false, true)
		return team, err
	}
	if p.LookFirst {
		// Another attempt may be under way, or one was left in flight: look first.
		ref, err := s.findPosted(ctx, team, week, p.Send)
		if err != nil {
			return team, err
		}
		if ref != "" {
			s.completeRetro(ctx, svc, team, week, false, ref)
			s.finish(ctx, svc, p.Send, ref, nil)
		}
		return team, planner.Errorf(planner.Conflict, planner.ReasonPosted, week.String())
	}
	ref, err := s.postRetro(ctx, svc, team, week, false, false)
	s.finish(ctx, svc, p.Send, ref, err)
	return team, err
}

// finish records how a send that PostNow made went.
func (s *Scheduler) finish(ctx context.Context, svc *planner.Service, send planner.Send, ref string, err error) {
	recorded, rerr := svc.FinishSend(ctx, send, ref, err)
	if rerr != nil {
		s.Log.Error("scheduler: record send", "team", send.TeamID, "job", send.Job, "err", rerr)
	}
	s.finished(recorded, err)
}
