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
// summary a crashed attempt may have posted, so it is never posted twice.
func (s *Scheduler) retro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool, send planner.Send) (string, error) {
	if send.Attempts > 1 {
		if ts, err := s.findPosted(ctx, team, week, send); err != nil || ts != "" {
			return ts, err
		}
	}
	return s.postRetro(ctx, svc, team, week, late)
}

func (s *Scheduler) postRetro(ctx context.Context, svc *planner.Service, team planner.Team, week planner.Week, late bool) (string, error) {
	r, err := svc.Retro(ctx, team.ID, week)
	if err != nil {
		return "", err
	}
	r.Late = late
	msgs := RetroMessages(svc.Lang, r)
	meta := slack.SlackMetadata{EventType: retroEvent, EventPayload: map[string]any{"team": team.ID, "week": week.String()}}
	_, ts, err := s.App.API.PostMessageContext(ctx, team.DigestChannel,
		slack.MsgOptionText(msgs[0].Text, false), slack.MsgOptionBlocks(msgs[0].Blocks...), slack.MsgOptionMetadata(meta))
	if err != nil {
		return "", fmt.Errorf("post retrospective to %s: %w", team.DigestChannel, err)
	}
	for i, m := range msgs[1:] {
		if _, _, err := s.App.API.PostMessageContext(ctx, team.DigestChannel,
			slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionTS(ts)); err != nil {
			// The summary is out: the send counts as done; the lost part is logged.
			s.App.Log.Error("scheduler: retrospective thread part not posted", "team", team.ID, "week", week, "part", i+2, "err", err)
		}
	}
	return ts, nil
}

// findPosted looks in the channel's history since the run was due for a
// retrospective of week that planbot posted (by its message metadata).
func (s *Scheduler) findPosted(ctx context.Context, team planner.Team, week planner.Week, send planner.Send) (string, error) {
	params := &slack.GetConversationHistoryParameters{
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

// PostNow posts a week's retrospective to the team's channel now (planbot
// digest --post, /plan digest post). Before the week's retrospective time it
// is a preview: it needs force and leaves the scheduled run alone. Otherwise
// it is the week's run: a week posted already needs force.
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
		_, err := s.postRetro(ctx, svc, team, week, false)
		return team, err
	}
	send, created, err := store.ClaimSend(ctx, planner.Send{
		TeamID: teamID, Job: planner.JobRetro, Week: week, State: planner.RunPending,
		Attempts: 1, DueAt: due, UpdatedAt: svc.Clock(),
	})
	if err != nil {
		return team, err
	}
	if !created {
		if send.State == planner.RunSent && !force {
			return team, planner.Errorf(planner.Conflict, planner.ReasonPosted, week.String())
		}
		send.Attempts++
	}
	ts, err := s.postRetro(ctx, svc, team, week, false)
	s.finish(ctx, svc, send, ts, err)
	return team, err
}
