package slack

import (
	"context"
	"errors"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// SendPeriodReport makes the Excel report of period p and uploads it to the
// member's direct messages, after the answer.
func (r *request) SendPeriodReport(_ context.Context, w bot.Work, p planner.Period) error {
	r.app.after("report", uploadTimeout, func(ctx context.Context) error {
		return r.app.uploadPeriodReport(ctx, w.Actor, p, r.responseURL, w.Lang)
	})
	return nil
}

// uploadPeriodReport makes the Excel report of period p for the actor's
// team and uploads it to the actor's direct messages. A failure is told to
// the actor through responseURL, in lang.
func (a *SlackApp) uploadPeriodReport(ctx context.Context, actor planner.Actor, p planner.Period, responseURL string, lang planner.Lang) error {
	err := a.sendPeriodReport(ctx, actor, p)
	if err == nil {
		return nil
	}
	notice := bot.Notice{Text: bot.Say(lang, bot.MsgReportFileFailed, bot.PeriodName(lang, p), uploadErrorCode(err))}
	if rerr := a.tell(responseURL, lang, notice); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

// sendPeriodReport makes the report and uploads it to the actor's direct messages.
func (a *SlackApp) sendPeriodReport(ctx context.Context, actor planner.Actor, p planner.Period) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	f, err := report.PeriodFile(ctx, t.Service, t.Team, p, "")
	if err != nil {
		return err
	}
	return a.uploadToDM(ctx, actor.UserID, f)
}
