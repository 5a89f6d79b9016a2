package main

import (
	"context"
	"flag"
	"fmt"
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

// digestChartFont returns the font for digest --chart FILE, or nil without
// it. --chart writes only the chart, so it takes no --format (formatGiven:
// the flag was on the command line).
func (e *environment) digestChartFont(file string, post, formatGiven bool) (*report.Font, error) {
	switch {
	case file == "":
		return nil, nil
	case post:
		return nil, usagef("digest: --chart writes the chart here; with --post it goes to the retrospective's thread in Slack")
	case formatGiven:
		return nil, usagef("digest: --chart writes only the chart; for the digest (--format text, json or blocks), run digest without --chart")
	}
	return e.chartFont(true)
}

// given reports whether flag name was set on fs's command line.
func given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// writeChart writes the chart of retrospective r of team t, in lang, to
// file, readable by its owner only (it names the team's members), and says
// so in one line on stderr: the digest itself is not printed.
func (e *environment) writeChart(ctx context.Context, svc *planner.Service, t planner.Team, r planner.Retro, lang planner.Lang, font *report.Font, file string) error {
	d, err := report.LoadChart(ctx, svc, t.ID, r)
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
	empty := ""
	if len(r.Members) == 0 {
		empty = fmt.Sprintf("; team %s has nothing in %s", teamLabel(t), r.Week)
	}
	fmt.Fprintf(e.stderr, "planbot: wrote the chart of %s (team %s) to %s%s\n", r.Week, teamLabel(t), planner.OneLine(file), empty)
	return nil
}
