package slack

import (
	"context"
	"fmt"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// monthEvent is the message metadata type that marks a posted monthly
// report, with the team and the month ("2025-11"), so that a post left in
// flight by a crash can be found in the channel.
const monthEvent = "planbot_month"

// MonthMessages renders the monthly report r as Slack messages, laid out as
// bot.NewMonthPostView has it, the summary first.
func (Messenger) MonthMessages(_ planner.Team, lang planner.Lang, v bot.ReportView) []any {
	msgs := viewMessages(lang, bot.NewMonthPostView(lang, v), bot.MsgMonthThread)
	out := make([]any, len(msgs))
	for i, m := range msgs {
		out[i] = m
	}
	return out
}

// PostMonth posts a monthly report's summary to the team's channel, marked
// in its metadata with the team and the month that begins on month.
func (m Messenger) PostMonth(ctx context.Context, team planner.Team, month planner.Date, summary any) (string, error) {
	msg, ok := summary.(RetroMessage)
	if !ok {
		return "", fmt.Errorf("post monthly report: %T is not a Slack message", summary)
	}
	meta := slack.SlackMetadata{EventType: monthEvent, EventPayload: map[string]any{"team": team.ID, "month": monthKey(month)}}
	_, ts, err := m.API.PostMessageContext(ctx, team.DigestChannel,
		slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...), slack.MsgOptionMetadata(meta))
	if err != nil {
		return "", fmt.Errorf("post monthly report to %s: %w", team.DigestChannel, err)
	}
	return ts, nil
}

// FindMonth looks in the channel's history since since for the report of the
// month that begins on month that planbot posted (by its message metadata).
func (m Messenger) FindMonth(ctx context.Context, team planner.Team, month planner.Date, since time.Time) (string, error) {
	return m.findMarked(ctx, team, since, monthEvent, "month", monthKey(month))
}

// monthKey names a month in a monthly report's metadata: "2025-11".
func monthKey(d planner.Date) string { return fmt.Sprintf("%04d-%02d", d.Year, d.Month) }
