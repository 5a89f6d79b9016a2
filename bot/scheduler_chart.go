package bot

import (
	"bytes"
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/slack-go/slack"

	"planbot/chart"
	"planbot/planner"
)

// chartTimeout bounds drawing and uploading a retrospective's chart.
const chartTimeout = time.Minute

// postChart draws the chart of retrospective r and uploads it into the thread
// of its summary, ts, with Slack's external upload flow (files:write), once:
// it is claimed in the ledger as part "chart" of the summary before the
// upload. The chart is an extra: the retrospective is posted, and stays posted
// once, so a failure here — even a panic — is only logged, never retried.
// Without a font (ChartFont nil) or with nothing to draw, there is no chart.
func (s *Scheduler) postChart(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, ts string) {
	if s.ChartFont == nil {
		return
	}
	defer func() {
		if p := recover(); p != nil {
			s.App.Log.Error("scheduler: retrospective chart failed", "team", team.ID, "week", r.Week, "err", fmt.Sprintf("panic: %v\n%s", p, debug.Stack()))
		}
	}()
	ctx, cancel := context.WithTimeout(ctx, chartTimeout)
	defer cancel()
	err := s.uploadChart(ctx, svc, team, r, ts)
	if err != nil {
		s.App.Log.Error("scheduler: retrospective chart not posted", "team", team.ID, "week", r.Week, "err", err)
	}
}

func (s *Scheduler) uploadChart(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Retro, ts string) error {
	d, err := chart.Load(ctx, svc.Store, team.ID, r)
	if err != nil {
		return err
	}
	if d.Empty() {
		return nil
	}
	png, err := chart.Render(d, svc.Lang, s.ChartFont)
	if err != nil {
		return err
	}
	if !s.claimPart(ctx, svc, team, ts, "chart") {
		return nil
	}
	_, err = s.App.API.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: bytes.NewReader(png), FileSize: len(png), Filename: chart.Filename(r.Week),
		Title: chart.Title(svc.Lang, r.Week), AltTxt: chart.AltText(svc.Lang, r.Week),
		Channel: team.DigestChannel, ThreadTimestamp: ts,
	})
	if err != nil {
		return fmt.Errorf("upload %s to %s: %w", chart.Filename(r.Week), team.DigestChannel, err)
	}
	return nil
}
