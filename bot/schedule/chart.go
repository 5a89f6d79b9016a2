package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// chartTimeout bounds drawing and uploading a chart.
const chartTimeout = time.Minute

// postChart draws the chart of retrospective r and sends it into the thread
// of its summary, ref, once (attach).
func (s *Scheduler) postChart(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, ref string) {
	log := s.Log.With("team", team.ID, "week", r.Week)
	s.attach(ctx, svc, team, ref, "retrospective", log, func(ctx context.Context) (bot.File, bool, error) {
		d, err := report.LoadChart(ctx, svc, team.ID, r)
		if err != nil || d.Empty() {
			return bot.File{}, false, err
		}
		png, err := report.RenderChart(d, svc.Lang, s.ChartFont)
		if err != nil {
			return bot.File{}, false, err
		}
		return bot.File{Name: report.ChartFilename(r.Week), Title: report.ChartTitle(svc.Lang, r.Week),
			AltText: report.ChartAltText(svc.Lang, r.Week), Data: png}, true, nil
	})
}

// attach draws a chart of what with draw and sends it into the thread of
// what's summary, ref, once: it is claimed in the ledger as part "chart" of
// the summary before it is sent. The chart is an extra: what is posted, and
// stays posted once, so a failure here — even a panic — is only logged to
// log, never retried. Without a font (ChartFont nil) or with nothing to draw
// (draw reports false), there is no chart.
func (s *Scheduler) attach(ctx context.Context, svc *planner.Service, team planner.Team, ref, what string, log *slog.Logger,
	draw func(context.Context) (bot.File, bool, error)) {
	if s.ChartFont == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			log.Error("scheduler: "+what+" chart failed", "err", fmt.Sprintf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, chartTimeout)
	defer cancel()
	if err := s.sendChart(ctx, svc, team, ref, draw); err != nil {
		log.Error("scheduler: "+what+" chart not posted", "err", err)
	}
}

func (s *Scheduler) sendChart(ctx context.Context, svc *planner.Service, team planner.Team, ref string,
	draw func(context.Context) (bot.File, bool, error)) error {
	f, ok, err := draw(ctx)
	if err != nil || !ok {
		return err
	}
	if !s.claimPart(ctx, svc, team, ref, "chart") {
		return nil
	}
	if err := s.Messenger.SendFile(ctx, team, ref, f); err != nil {
		return fmt.Errorf("upload %s to %s: %w", f.Name, team.DigestChannel, err)
	}
	return nil
}
