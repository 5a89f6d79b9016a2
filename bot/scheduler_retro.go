package bot

import (
	"context"
	"fmt"
	"strconv"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// retro posts a week's retrospective to the team's channel: the summary, then
// any further parts as replies in its thread. On a retry it first looks for a
// summary a crashed attempt may have posted, so it is never posted twice, and
// posts the parts of it still missing.
func (s *Scheduler) retro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool, send planner.Send) (string, error) {
	if send.Attempts > 1 {
		ts, err := s.findPosted(ctx, team, week, send)
		if err != nil {
			return "", err
		}
		if ts != "" {
			s.completeRetro(ctx, svc, team, week, late, ts)
			return ts, nil
		}
	}
	return s.postRetro(ctx, svc, team, week, late, retroEvent)
}

// postRetro posts the retrospective of week, marked in its metadata with
// event (retroEvent, or previewEvent for a preview that is not the week's run).
func (s *Scheduler) postRetro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool, event string) (string, error) {
	r, msgs, err := retroOf(ctx, svc, team, week, late)
	if err != nil {
		return "", err
	}
	meta := slack.SlackMetadata{EventType: event, EventPayload: map[string]any{"team": team.ID, "week": week.String()}}
	_, ts, err := s.App.API.PostMessageContext(ctx, team.DigestChannel,
		slack.MsgOptionText(msgs[0].Text, false), slack.MsgOptionBlocks(msgs[0].Blocks...), slack.MsgOptionMetadata(meta))
	if err != nil {
		return "", fmt.Errorf("post retrospective to %s: %w", team.DigestChannel, err)
	}
	s.postParts(ctx, svc, team, r, msgs, ts)
	return ts, nil
}

// retroOf is the retrospective of week and its messages.
func retroOf(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool) (planner.Retro, []RetroMessage, error) {
	r, err := svc.Retro(ctx, team.ID, week)
	if err != nil {
		return r, nil, err
	}
	r.Late = late
	return r, RetroMessages(svc.Lang, r), nil
}

// completeRetro posts the parts still missing of week's retrospective, whose
// summary ts an attempt that crashed had posted.
func (s *Scheduler) completeRetro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool, ts string) {
	r, msgs, err := retroOf(ctx, svc, team, week, late)
	if err != nil {
		s.App.Log.Error("scheduler: retrospective found posted; its thread not completed", "team", team.ID, "week", week, "err", err)
		return
	}
	s.postParts(ctx, svc, team, r, msgs, ts)
}

// postParts posts, in the thread of the summary ts, the replies msgs[1:] and
// then the chart, each claimed in the ledger first: a part claimed already (by
// this summary's first attempt, before a crash) is not posted again. A part is
// posted at most once; one that fails is logged, and the send still counts as
// done, since its summary is out.
func (s *Scheduler) postParts(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, msgs []RetroMessage, ts string) {
	// The summary is out: its thread is finished even if shutdown begins
	// meanwhile, unless shutdown's time runs out (Abandon).
	ctx, cancel := s.lasting(ctx)
	defer cancel()
	for i, m := range msgs[1:] {
		part := fmt.Sprintf("reply %d", i+2)
		if !s.claimPart(ctx, svc, team, ts, part) {
			continue
		}
		if _, _, err := s.App.API.PostMessageContext(ctx, team.DigestChannel,
			slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionTS(ts)); err != nil {
			s.App.Log.Error("scheduler: retrospective thread part not posted", "team", team.ID, "week", r.Week, "part", i+2, "err", err)
		}
	}
	s.postChart(ctx, svc, team, r, ts) // logs its own failure: the retrospective is posted
}

// claimPart claims part of the retrospective whose summary is ts, and reports
// whether it is this call's to post.
func (s *Scheduler) claimPart(ctx context.Context, svc *planner.Service, team planner.Team, ts, part string) bool {
	created, err := svc.Store.ClaimRetroPart(ctx, planner.RetroPart{
		TeamID: team.ID, Channel: team.DigestChannel, SummaryTS: ts, Part: part, ClaimedAt: svc.Clock(),
	})
	if err != nil {
		s.App.Log.Error("scheduler: retrospective part not posted: cannot claim it", "team", team.ID, "part", part, "err", err)
	}
	return created
}

// findPosted looks in the channel's history since the run was due for a
// retrospective of week that planbot posted (by its message metadata).
func (s *Scheduler) findPosted(ctx context.Context, team planner.Team, week planner.Week, send planner.Send) (string, error) {
	params := &slack.GetConversationHistoryParameters{
		// IncludeAllMetadata goes out as 1; serve's TrueMetadata client sends it as true.
		ChannelID: team.DigestChannel, IncludeAllMetadata: true, Limit: 200,
		Oldest: strconv.FormatInt(send.DueAt.Add(-planner.LateAfter).Unix(), 10),
	}
	for {
		h, err := s.App.API.GetConversationHistoryContext(ctx, params)
		if err != nil {
			return "", fmt.Errorf("conversations.history %s: %w", team.DigestChannel, err)
		}
		for _, m := range h.Messages {
			p := m.Metadata.EventPayload
			if m.Metadata.EventType == retroEvent && p["team"] == team.ID && p["week"] == week.String() {
				return m.Timestamp, nil
			}
		}
		if !h.HasMore || h.ResponseMetaData.NextCursor == "" {
			return "", nil
		}
		params.Cursor = h.ResponseMetaData.NextCursor
	}
}

// previewEvent marks a retrospective posted ahead of its time, which is not the week's run.
const previewEvent = "planbot_retro_preview"

// PostNow posts a week's retrospective to the team's channel now (planbot
// digest --post, /plan digest post). Before the week's retrospective time it
// is a preview: it needs force and leaves the scheduled run alone. Otherwise
// it is the week's run: a week posted already — or being posted right now —
// needs force.
func (s *Scheduler) PostNow(ctx context.Context, teamID string, week planner.Week, force bool) (planner.Team, error) {
	store := s.App.Handler.Service.Store
	team, err := store.Team(ctx, teamID)
	if err != nil {
		return team, err
	}
	if team.DigestChannel == "" {
		return team, planner.Errorf(planner.Conflict, planner.ReasonNoDigestChan, "")
	}
	svc := s.App.Handler.Service.For(team, planner.Member{})
	schedules, err := svc.SchedulesOf(ctx, teamID)
	if err != nil {
		return team, err
	}
	due := schedules[planner.JobRetro].In(week, svc.Loc)
	if svc.Clock().Before(due) {
		if !force {
			return team, planner.Errorf(planner.Conflict, planner.ReasonPreview, week.String())
		}
		_, err := s.postRetro(ctx, svc, team, week, false, previewEvent)
		return team, err
	}
	send, created, err := store.ClaimSend(ctx, planner.Send{
		TeamID: teamID, Job: planner.JobRetro, Week: week, State: planner.RunPending,
		Attempts: 1, DueAt: due, UpdatedAt: svc.Clock(),
	})
	if err != nil {
		return team, err
	}
	if !created && !force && send.State == planner.RunPending {
		// Another attempt may be under way, or one was left in flight: look first.
		ts, err := s.findPosted(ctx, team, week, send)
		if err != nil {
			return team, err
		}
		if ts != "" {
			s.completeRetro(ctx, svc, team, week, false, ts)
			s.finish(ctx, svc, send, ts, nil)
		}
		return team, planner.Errorf(planner.Conflict, planner.ReasonPosted, week.String())
	}
	if !created && !force && send.State == planner.RunSent {
		return team, planner.Errorf(planner.Conflict, planner.ReasonPosted, week.String())
	}
	if !created { // skipped or failed before, or forced
		send.Attempts, send.UpdatedAt = 1, svc.Clock() // a forced post starts its own count
		if err := s.record(ctx, svc, send); err != nil {
			return team, err
		}
	}
	ts, err := s.postRetro(ctx, svc, team, week, false, retroEvent)
	s.finish(ctx, svc, send, ts, err)
	return team, err
}

// SkipPast records the team's latest retrospective, if already due, as
// skipped: a channel set up on Monday does not get last week's retrospective.
func (s *Scheduler) SkipPast(ctx context.Context, teamID string) error {
	svc := s.App.Handler.Service
	team, err := svc.Store.Team(ctx, teamID)
	if err != nil {
		return err
	}
	svc = svc.For(team, planner.Member{})
	schedules, err := svc.SchedulesOf(ctx, teamID)
	if err != nil {
		return err
	}
	run, ok := planner.LatestRun(svc.Clock(), schedules[planner.JobRetro], svc.Loc, nil)
	if !ok {
		return nil
	}
	send, created, err := svc.Store.ClaimSend(ctx, planner.Send{
		TeamID: teamID, Job: planner.JobRetro, Week: run.Week, State: planner.RunPending,
		Attempts: 1, DueAt: run.At, UpdatedAt: svc.Clock(),
	})
	if err != nil || !created {
		return err
	}
	send.State, send.Detail = planner.RunSkipped, "due before the team's channel was set up"
	return s.record(ctx, svc, send)
}
