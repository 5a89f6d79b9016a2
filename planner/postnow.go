package planner

import "context"

// PostNow is what posting a week's retrospective now (digest --post, /plan
// digest post) calls for, as ClaimPostNow decides it.
type PostNow struct {
	Team Team
	// Preview is set before the week's retrospective time: the post is a
	// preview, and the scheduled run is left alone.
	Preview bool
	// Send is the week's run as claimed for this post (unless Preview).
	Send Send
	// LookFirst is set when the run is pending elsewhere — another attempt
	// under way, or one left in flight by a crash: look for a posted summary,
	// complete it if found, and refuse the post as done already.
	LookFirst bool
}

// ClaimPostNow decides how to post week's retrospective of team now. Before
// the week's retrospective time it is a preview and needs force. Otherwise it
// is the week's run: a week posted already — or being posted right now —
// needs force; a forced post starts its own count of attempts.
func (s *Service) ClaimPostNow(ctx context.Context, teamID string, week Week, force bool) (PostNow, error) {
	team, err := s.store.Team(ctx, teamID)
	if err != nil {
		return PostNow{Team: team}, err
	}
	p := PostNow{Team: team}
	if team.DigestChannel == "" {
		return p, Errorf(Conflict, ReasonNoDigestChan, "")
	}
	svc := s.For(team, Member{})
	schedules, err := svc.SchedulesOf(ctx, teamID)
	if err != nil {
		return p, err
	}
	due := schedules[JobRetro].In(week, svc.Loc)
	if svc.now().Before(due) {
		if !force {
			return p, Errorf(Conflict, ReasonPreview, week.String())
		}
		p.Preview = true
		return p, nil
	}
	send, created, err := s.store.ClaimSend(ctx, Send{
		TeamID: teamID, Job: JobRetro, Week: week, State: RunPending,
		Attempts: 1, DueAt: due, UpdatedAt: svc.now(),
	})
	p.Send = send
	switch {
	case err != nil:
		return p, err
	case !created && !force && send.State == RunPending:
		p.LookFirst = true
		return p, nil
	case !created && !force && send.State == RunSent:
		return p, Errorf(Conflict, ReasonPosted, week.String())
	case !created: // skipped or failed before, or forced: pending again, so
		// that how this post goes is recorded, and a crash during it is found
		p.Send.State, p.Send.Attempts, p.Send.Detail, p.Send.UpdatedAt = RunPending, 1, "", svc.now()
		return p, s.record(ctx, p.Send)
	}
	return p, nil
}

// SkipPastRetro records the team's latest retrospective, if already due, as
// skipped: a channel set up on Monday does not get last week's retrospective.
// So is the latest monthly report once due on a month's first working day
// (taken as Monday to Friday, whatever the team's holiday calendar): a
// channel set up after that does not get the month before's report.
func (s *Service) SkipPastRetro(ctx context.Context, teamID string) error {
	team, err := s.store.Team(ctx, teamID)
	if err != nil {
		return err
	}
	svc := s.For(team, Member{})
	schedules, err := svc.SchedulesOf(ctx, teamID)
	if err != nil {
		return err
	}
	if run, ok := LatestRun(svc.now(), schedules[JobRetro], svc.Loc, nil); ok {
		if err := s.skipPast(ctx, teamID, run); err != nil {
			return err
		}
	}
	if run, ok := MonthlyRun(svc.now(), schedules[JobMonth], svc.Loc, nil); ok {
		return s.skipPast(ctx, teamID, run)
	}
	return nil
}

// skipPast records run of the team's channel as skipped, unless the ledger
// has it already.
func (s *Service) skipPast(ctx context.Context, teamID string, run Run) error {
	send, created, err := s.store.ClaimSend(ctx, Send{
		TeamID: teamID, Job: run.Job, Week: run.Week, State: RunPending,
		Attempts: 1, DueAt: run.At, UpdatedAt: s.now(),
	})
	if err != nil || !created {
		return err
	}
	send.State, send.Detail = RunSkipped, "due before the team's channel was set up"
	return s.record(ctx, send)
}
