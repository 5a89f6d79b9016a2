package bot

import (
	"context"

	"planbot/planner"
)

// report answers /plan report (报表, 月报, 季报, 年报): the team's report over
// the period named, or, with xlsx, has the platform send it as an Excel
// workbook. A bad period is refused before anything is read.
func (t *Turn) report(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	if cmd.Format == "csv" { // a week's export has a CSV form; a report has none
		return nil, "", planner.Errorf(planner.Invalid, planner.ReasonBadPeriod, cmd.Args)
	}
	p, err := t.Service.Period(cmd.Period)
	if err != nil {
		return nil, "", err
	}
	if cmd.Format == "xlsx" {
		return PeriodReportSending{Period: p}, "", nil // the platform makes and sends the file after the answer
	}
	r, err := t.Service.Report(ctx, t.Actor.TeamID, p.From, p.To, "")
	return ReportView{Report: r, Period: p, Made: t.Service.Today()}, "", err
}
