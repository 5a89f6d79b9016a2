package bot

import "planbot/planner"

// ReportView is a team's report over a period, as /plan report (报表, 月报,
// 季报, 年报) shows it: the report, the period it covers and the day it
// was made, in the team's zone.
type ReportView struct {
	Report planner.Report
	Period planner.Period
	Made   planner.Date
}

// PeriodReportSending says the Excel report of Period is on its way to the
// member's direct messages (/plan report 2025-11 xlsx).
type PeriodReportSending struct{ Period planner.Period }

// PeriodReportElsewhere says how to get the Excel report of Period where the
// platform cannot send it (the console).
type PeriodReportElsewhere struct{ Period planner.Period }

func (ReportView) isBody()            {}
func (PeriodReportSending) isBody()   {}
func (PeriodReportElsewhere) isBody() {}
