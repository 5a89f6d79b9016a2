package feishu

import (
	"context"
	"fmt"
	"time"

	"planbot/bot"
	"planbot/planner"
)

// MonthMessages renders the monthly report v in lang as one text: the
// report's text (bot.ReportText), a group's message rather than /plan 月报's
// card.
func (Messenger) MonthMessages(_ planner.Team, lang planner.Lang, v bot.ReportView) []any {
	return []any{retroMessage{bot.ReportText(lang, v)}}
}

// PostMonth posts a monthly report's summary to the team's chat, at most
// once an hour for its team and the month that begins on month.
func (m Messenger) PostMonth(ctx context.Context, team planner.Team, month planner.Date, summary any) (string, error) {
	msg, ok := summary.(retroMessage)
	if !ok {
		return "", fmt.Errorf("post monthly report: %T is not a Feishu message", summary)
	}
	uuid := once("month", team.ID, month.String())
	id, err := m.API.Send(ctx, "chat_id", team.DigestChannel, "text", textContent(msg.text), uuid)
	if err != nil {
		return "", fmt.Errorf("post monthly report to %s: %w", team.DigestChannel, err)
	}
	return id, nil
}

// FindMonth finds no report, as FindSummary finds no summary: a retry posts
// it again with the same uuid, which Feishu sends at most once an hour.
func (Messenger) FindMonth(context.Context, planner.Team, planner.Date, time.Time) (string, error) {
	return "", nil
}
