package schedule

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// chartTimeout bounds drawing and uploading a retrospective's chart.
const chartTimeout = time.Minute

// postChart draws the chart of retrospective r and sends it into the thread
// of its summary, ref, once: it is claimed in the ledger as part "chart" of
// the summary before it is sent. The chart is an extra: the retrospective is
// posted, and stays posted once, so a failure here — even a panic — is only
// logged, never retried. Without a font (ChartFont nil) or with nothing to
// draw, there is no chart.
func (s *Scheduler) postChart(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, ref string) {
	if s.ChartFont == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.Log.Error("scheduler: retrospective chart failed", "team", team.ID, "week", r.Week, "err", fmt.Sprintf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, chartTimeout)
	defer cancel()
	if err := s.sendChart(ctx, svc, team, r, ref); err != nil {
		s.Log.Error("scheduler: retrospective chart not posted", "team", team.ID, "week", r.Week, "err", err)
	}
}

func (s *Scheduler) sendChart(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, ref string) error {
	d, err := report.LoadChart(ctx, svc, team.ID, r)
	if err != nil {
		return err
	}
	if d.Empty() {
		return nil
	}
	png, err := report.RenderChart(d, svc.Lang, s.ChartFont)
	if err != nil {
		return err
	}
	if !s.claimPart(ctx, svc, team, ref, "chart") {
		return nil
	}
	f := bot.File{Name: report.ChartFilename(r.Week), Title: report.ChartTitle(svc.Lang, r.Week), AltText: report.ChartAltText(svc.Lang, r.Week), Data: png}
	if err := s.Messenger.SendFile(ctx, team, ref, f); err != nil {
		return fmt.Errorf("upload %s to %s: %w", f.Name, team.DigestChannel, err)
	}
	return nil
}
