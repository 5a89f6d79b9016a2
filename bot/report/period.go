package report

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"planbot/bot"
	"planbot/planner"
)

// PeriodFile is the Excel report of period p of team (one member's with
// member set), read through svc, as the file a platform sends: named, titled
// in the team's language, made today in svc's zone.
func PeriodFile(ctx context.Context, svc *planner.Service, team planner.Team, p planner.Period, member string) (bot.File, error) {
	r, err := svc.Report(ctx, team.ID, p.From, p.To, member)
	if err != nil {
		return bot.File{}, err
	}
	pipeline, err := svc.PipelineAt(ctx, team.ID, p.To)
	if err != nil {
		return bot.File{}, err
	}
	lang := reportLang(svc.For(team, planner.Member{}).Lang)
	var file bytes.Buffer
	if err := writePeriodXLSX(&file, bot.ReportView{Report: r, Period: p, Made: svc.Today()}, lang, pipeline); err != nil {
		return bot.File{}, fmt.Errorf("the Excel report of %s: %w", p, err)
	}
	return bot.File{Name: periodFilename(p), Title: bot.Say(lang, bot.MsgReportXlsxFileTitle, bot.PeriodReportTitle(lang, p)), Data: file.Bytes()}, nil
}

// periodFilename is the file name of the Excel report of period p:
// planbot-2025-11.xlsx, planbot-2025-Q4.xlsx, planbot-2025-11-03_2025-11-16.xlsx.
func periodFilename(p planner.Period) string {
	return "planbot-" + strings.ReplaceAll(p.String(), "..", "_") + ".xlsx"
}

// writePeriodXLSX writes report v as an Excel workbook in lang: a summary
// (the title block with the reporting unit, the period and the day it was
// made; the totals by kind; the signings and their amounts by size), each
// member's numbers, the projects signed with their amounts, the trend of
// items done by week with its chart, and the pipeline as it stood on the
// period's last day (each company with its amount). Every sheet prints on
// A4, fitted to the page's width; text is always written as a string cell,
// never a formula.
func writePeriodXLSX(w io.Writer, v bot.ReportView, lang planner.Lang, pipeline []planner.CompanyView) error {
	f := excelize.NewFile()
	defer f.Close()
	lang = reportLang(lang)
	x := &periodWriter{sheetWriter: sheetWriter{f: f, lang: lang, l: labelsFor(lang)}, v: v, ly: bot.NewReportLayout(lang, v), names: reportNames(lang, v.Report)}
	x.newStyles()
	x.newAmountStyles()
	x.summarySheet()
	x.membersSheet()
	x.projectsSheet()
	x.trendSheet()
	x.pipelineSheet(pipeline)
	x.check(f.SetDocProps(&excelize.DocProperties{Title: x.title(), Creator: "planbot"}))
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// reportNames returns how the workbook names a member in lang: as
// bot.PeopleNames names them among the report's members, made safe for a
// cell, never by their user id.
func reportNames(lang planner.Lang, r planner.Report) func(userID string) string {
	byID := map[string]string{}
	for _, m := range r.Members {
		byID[m.UserID] = m.UserName
	}
	who := bot.PeopleNames(lang, byID)
	return func(userID string) string { return cellText(who(userID)) }
}

// wanPerYi is 1亿 in 万: every workbook writes amounts in 亿元 (CNY 100 m),
// in both languages, as 招商 reports count them.
const wanPerYi = 10000
