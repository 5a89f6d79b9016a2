package bot

import (
	"context"

	"planbot/planner"
)

// targets shows the team's targets with their 完成率 today (/plan target):
// those of this year and this quarter, or of the period named (a year with
// its quarters).
func (t *Turn) targets(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	view, err := t.targetView(ctx, cmd.Args)
	return view, "", err
}

// setupTarget sets targets from an admin's line (/plan setup target …) and
// shows the period's targets after; without a line it shows them as
// /plan target does.
func (t *Turn) setupTarget(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	if err := planner.CheckAdmin(t.Actor); err != nil {
		return nil, "", err
	}
	if cmd.Value == "" {
		return t.targets(ctx, Command{})
	}
	line, err := t.Service.SetTargets(ctx, t.Actor, cmd.Value)
	if err != nil {
		return nil, "", err
	}
	view, err := t.targetView(ctx, line.Period.String())
	if line.Sets() {
		view.Set = &line
	}
	return view, "", err
}

// targetView is the team's targets of period (ParseTargetPeriod's forms),
// or of this year and quarter when period is "", with their progress today.
func (t *Turn) targetView(ctx context.Context, period string) (TargetView, error) {
	today := t.Service.Today()
	year, quarter := planner.TargetPeriodsOf(today)
	periods, from, to := []planner.TargetPeriod{year, quarter}, today, today
	if p, ok := planner.ParseTargetPeriod(period); ok {
		periods, from, to = []planner.TargetPeriod{p}, p.Start(), p.End()
	}
	progress, err := t.Service.TargetProgress(ctx, t.Actor.TeamID, "", from, to, today)
	return TargetView{AsOf: today, Periods: periods, Progress: progress}, err
}
