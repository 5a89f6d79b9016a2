package feishu

import (
	"context"
	"errors"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// SendPeriodReport makes the Excel report of period p and sends it to the
// member as a file, once the answer is sent.
func (r *request) SendPeriodReport(_ context.Context, w bot.Work, p planner.Period) error {
	r.app.after("report", replyTimeout, func(ctx context.Context) error {
		if err := r.afterAnswer(ctx); err != nil {
			return err
		}
		err := r.app.sendPeriodReport(ctx, w.Actor, p)
		if err != nil {
			notice := bot.Notice{Text: bot.Say(w.Lang, bot.MsgReportFileFailedFeishu, bot.PeriodName(w.Lang, p), errorCode(err))}
			return errors.Join(err, r.tell(ctx, w.Lang, notice))
		}
		return nil
	})
	return nil
}

// sendPeriodReport makes the report of period p and sends it to the actor's direct chat.
func (a *App) sendPeriodReport(ctx context.Context, actor planner.Actor, p planner.Period) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	f, err := report.PeriodFile(ctx, t.Service, t.Team, p, "")
	if err != nil {
		return err
	}
	return a.sendFile(ctx, actor.UserID, f)
}
