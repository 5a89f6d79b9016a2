package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"planbot/bot"
	"planbot/bot/feishu"
	"planbot/bot/schedule"
	"planbot/planner"
)

// messengers sends each team's weekly messages on its own platform: a Feishu
// team's (its id starts with feishu.TeamPrefix) through Feishu, the others'
// through Slack. A platform serve was not given is nil: its teams' sends fail,
// and are retried until it is configured or they are given up.
type messengers struct {
	slack, feishu schedule.Messenger
}

var _ schedule.Messenger = messengers{}

// of is the messenger of team's platform.
func (m messengers) of(team planner.Team) (schedule.Messenger, error) {
	if strings.HasPrefix(team.ID, feishu.TeamPrefix) {
		if m.feishu == nil {
			return nil, fmt.Errorf("team %s is on Feishu, and FEISHU_APP_ID is not set", team.ID)
		}
		return m.feishu, nil
	}
	if m.slack == nil {
		return nil, fmt.Errorf("team %s is on Slack, and SLACK_BOT_TOKEN is not set", team.ID)
	}
	return m.slack, nil
}

// Remind sends a reminder on the team's platform.
func (m messengers) Remind(ctx context.Context, team planner.Team, userID string, r bot.Reply) (string, error) {
	p, err := m.of(team)
	if err != nil {
		return "", err
	}
	return p.Remind(ctx, team, userID, r)
}

// RetroMessages renders a retrospective for the team's platform; none when
// the platform is not configured (PostSummary then says why).
func (m messengers) RetroMessages(team planner.Team, lang planner.Lang, r planner.Retro) []any {
	p, err := m.of(team)
	if err != nil {
		return []any{nil}
	}
	return p.RetroMessages(team, lang, r)
}

// PostSummary posts a summary on the team's platform.
func (m messengers) PostSummary(ctx context.Context, team planner.Team, week planner.Week, preview bool, summary any) (string, error) {
	p, err := m.of(team)
	if err != nil {
		return "", err
	}
	return p.PostSummary(ctx, team, week, preview, summary)
}

// PostReply posts in a summary's thread on the team's platform.
func (m messengers) PostReply(ctx context.Context, team planner.Team, thread string, reply any) error {
	p, err := m.of(team)
	if err != nil {
		return err
	}
	return p.PostReply(ctx, team, thread, reply)
}

// FindSummary looks for a posted summary on the team's platform.
func (m messengers) FindSummary(ctx context.Context, team planner.Team, week planner.Week, since time.Time) (string, error) {
	p, err := m.of(team)
	if err != nil {
		return "", err
	}
	return p.FindSummary(ctx, team, week, since)
}

// SendFile sends a file into a summary's thread on the team's platform.
func (m messengers) SendFile(ctx context.Context, team planner.Team, thread string, f bot.File) error {
	p, err := m.of(team)
	if err != nil {
		return err
	}
	return p.SendFile(ctx, team, thread, f)
}
