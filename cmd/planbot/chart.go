package main

import (
	"context"
	"os"

	"planbot/bot/report"
	"planbot/planner"
)

// chartFont finds the font the retrospective's chart is drawn with:
// PLANBOT_FONT, else a Chinese font installed on the system. A PLANBOT_FONT
// that cannot be used is a usage error. When none is found, required makes
// that an error too; else it is logged, once, and there is no chart.
func (e *environment) chartFont(required bool) (*report.Font, error) {
	candidates := e.fonts
	if candidates == nil {
		candidates = report.FontCandidates
	}
	path := e.getenv("PLANBOT_FONT")
	f, err := report.FindFont(path, candidates)
	switch {
	case err == nil:
		e.log.Info("chart font", "path", f.Path)
		return f, nil
	case path != "":
		return nil, usagef("PLANBOT_FONT: %v", err)
	case required:
		return nil, usagef("%v", err)
	}
	e.log.Warn("the retrospective is posted without its chart: no font with Chinese glyphs (set PLANBOT_FONT)", "err", err)
	return nil, nil
}

// digestChartFont returns the font for digest --chart FILE, or nil without it.
func (e *environment) digestChartFont(file string, post bool) (*report.Font, error) {
	switch {
	case file == "":
		return nil, nil
	case post:
		return nil, usagef("digest: --chart writes the chart here; with --post it goes to the retrospective's thread in Slack")
	}
	return e.chartFont(true)
}

// writeChart writes the chart of retrospective r of team teamID, in lang, to
// file, readable by its owner only (it names the team's members).
func writeChart(ctx context.Context, svc *planner.Service, teamID string, r planner.Retro, lang planner.Lang, font *report.Font, file string) error {
	d, err := report.LoadChart(ctx, svc, teamID, r)
	if err != nil {
		return err
	}
	png, err := report.RenderChart(d, lang, font)
	if err != nil {
		return err
	}
	if err := os.WriteFile(file, png, 0o600); err != nil {
		return usagef("digest: --chart: %v", err)
	}
	return nil
}
