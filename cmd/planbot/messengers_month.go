package main

import (
	"context"
	"time"

	"planbot/bot"
	"planbot/planner"
)

// MonthMessages renders a monthly report for the team's platform; none when
// the platform is not configured (PostMonth then says why).
func (m messengers) MonthMessages(team planner.Team, lang planner.Lang, v bot.ReportView) []any {
	p, err := m.of(team)
	if err != nil {
		return []any{nil}
	}
	return p.MonthMessages(team, lang, v)
}

// PostMonth posts a monthly report's summary on the team's platform.
func (m messengers) PostMonth(ctx context.Context, team planner.Team, month planner.Date, summary any) (string, error) {
	p, err := m.of(team)
	if err != nil {
		return "", err
	}
	return p.PostMonth(ctx, team, month, summary)
}

// FindMonth looks for a posted monthly report on the team's platform.
func (m messengers) FindMonth(ctx context.Context, team planner.Team, month planner.Date, since time.Time) (string, error) {
	p, err := m.of(team)
	if err != nil {
		return "", err
	}
	return p.FindMonth(ctx, team, month, since)
}
