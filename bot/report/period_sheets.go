package report

import (
	"cmp"
	"fmt"

	"github.com/xuri/excelize/v2"

	"planbot/bot"
	"planbot/planner"
)

// periodWriter writes a report over a period sheet by sheet, with the
// weekly workbook's primitives (sheetWriter) and a few styles of its own:
// the title block's lines and the amounts.
type periodWriter struct {
	sheetWriter
	v     bot.ReportView
	ly    bot.ReportLayout
	names func(userID string) string

	plain, amount, totalAmount int
}

// The columns of each sheet, in Excel's width units; each fits A4.
var (
	periodSummaryWidths  = []float64{24, 13, 13, 13, 13, 13}
	periodMembersWidths  = []float64{18, 12, 12, 11, 11, 13, 16}
	periodProjectsWidths = []float64{30, 16, 14, 18, 22}
	periodTrendWidths    = []float64{12, 22, 12}
)

// The trend's chart: its size in pixels, beside the table from column E,
// which the title block spans too.
const (
	trendChartWidth  = 640
	trendChartHeight = 360
	trendTitleCols   = 13
)

// headRows are the rows above each sheet's table: the title, the reporting
// unit, the period and the day made, a blank row, and the header row.
const headRows = 5

// newAmountStyles adds the styles of the title block's lines and of amounts:
// right-aligned, in 亿元 with one decimal.
func (x *periodWriter) newAmountStyles() {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	format := "0.0" // 亿元 with one decimal, as the weekly workbook writes amounts
	right := &excelize.Alignment{Horizontal: "right", Vertical: "top"}
	style := func(s excelize.Style) int {
		id, err := x.f.NewStyle(&s)
		x.check(err)
		return id
	}
	charset := fontCharset // the weekly workbook's one font, on every style
	plain := &excelize.Font{Family: fontFamily, Charset: &charset, Size: textSize}
	bold := &excelize.Font{Family: fontFamily, Charset: &charset, Size: textSize, Bold: true}
	x.plain = style(excelize.Style{Font: plain, Alignment: &excelize.Alignment{Vertical: "center"}})
	x.amount = style(excelize.Style{Font: plain, Border: border, Alignment: right, CustomNumFmt: &format})
	x.totalAmount = style(excelize.Style{Font: bold, Border: border, Alignment: right, CustomNumFmt: &format,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}})
}

// title is the workbook's title: the period and the kind of report, with
// the member reported on.
func (x *periodWriter) title() string { return cellText(x.ly.Title) }

// start begins a sheet of columns of the given widths with the title block
// across cols columns: the title, the reporting unit (the team's name), the
// period and the day made.
func (x *periodWriter) start(sheet string, first bool, widths []float64, cols int, orientation string) {
	x.sheet(sheet, first, orientation, headRows)
	x.widths(sheet, widths...)
	x.line(sheet, 1, cols, x.title(), x.st.title)
	x.check(x.f.SetRowHeight(sheet, 1, 24))
	unit := x.ly.Team
	if unit == "" {
		unit = "—"
	}
	x.line(sheet, 2, cols, bot.Say(x.lang, bot.MsgReportXlsxUnit, cellText(unit)), x.plain)
	x.line(sheet, 3, cols, cellText(x.ly.Dates), x.plain)
}

// amountCell writes an amount in 万元 in the workbook's unit.
func (x *periodWriter) amountCell(sheet string, col, row int, wan int64, style int) {
	x.check(x.f.SetCellFloat(sheet, cell(col, row), float64(wan)/wanPerYi, -1, 64))
	x.check(x.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
}

// summarySheet writes the title block, the totals by kind as the weekly
// summary counts them, the enterprises met, and the signings: projects,
// investment and the projects by size.
func (x *periodWriter) summarySheet() {
	s, st, l, r := bot.Sentence(x.lang, bot.MsgReportXlsxSummarySheet), x.st, x.l, x.v.Report
	x.start(s, true, periodSummaryWidths, len(periodSummaryWidths), "portrait")
	x.headers(s, headRows, periodSummaryWidths, l.kind, l.plannedItems, l.doneItems, l.plannedCount, l.doneCount, l.completion)
	row := headRows + 1
	for _, k := range planner.Kinds {
		x.totalsRow(s, row, bot.KindName(x.lang, k), r.Totals[k], k != planner.KindLeave, st.text, st.number, st.percent)
		row++
	}
	all := sum(r.Totals)
	x.itemsRow(s, row, l.total, all.Items, all.DoneItems, st.totalText, st.totalNumber, st.totalPercent)
	row++
	met := planner.EnterprisesMet(r.Totals)
	x.text(s, 1, row, l.enterprises, st.text)
	x.text(s, 2, row, "", st.text)
	x.text(s, 3, row, "", st.text)
	x.number(s, 4, row, met.Planned, st.number)
	x.number(s, 5, row, met.Done, st.number)
	x.ratio(s, 6, row, met.Done, met.Planned, st.percent, st.number)
	row += 2

	m := r.Money
	x.headers(s, row, periodSummaryWidths, bot.Sentence(x.lang, bot.MsgReportXlsxMoney), "")
	x.text(s, 1, row+1, bot.Sentence(x.lang, bot.MsgReportXlsxSigned), st.text)
	x.number(s, 2, row+1, m.SignedProjects, st.number)
	x.text(s, 1, row+2, bot.Sentence(x.lang, bot.MsgReportXlsxInvestment), st.text)
	x.amountCell(s, 2, row+2, m.SignedWan, x.amount)
	row += 3
	if m.Unpriced > 0 {
		x.text(s, 1, row, bot.Sentence(x.lang, bot.MsgReportXlsxUnpriced), st.text)
		x.number(s, 2, row, m.Unpriced, st.number)
		row++
	}
	row++
	x.headers(s, row, periodSummaryWidths, bot.Sentence(x.lang, bot.MsgReportXlsxBand), bot.Sentence(x.lang, bot.MsgReportXlsxProjects))
	for i, b := range []struct {
		name bot.Msg
		n    int
	}{{bot.MsgMoneyBandLt3, m.Bands.Lt3}, {bot.MsgMoneyBand3to10, m.Bands.From3}, {bot.MsgMoneyBand10to20, m.Bands.From10}, {bot.MsgMoneyBandGe20, m.Bands.Ge20}} {
		x.text(s, 1, row+1+i, bot.Sentence(x.lang, b.name), st.text)
		x.number(s, 2, row+1+i, b.n, st.number)
	}
	x.measures(s, row+6, len(periodSummaryWidths), r.Targets, x.ly.Overdue)
	x.freeze(s, 0, headRows)
}

// membersSheet writes each member's items planned and done, completion,
// days away (外出天数) and the projects they signed with their investment,
// then the team's total.
func (x *periodWriter) membersSheet() {
	s, st, l, r := bot.Sentence(x.lang, bot.MsgReportXlsxMembersSheet), x.st, x.l, x.v.Report
	x.start(s, false, periodMembersWidths, len(periodMembersWidths), "portrait")
	x.headers(s, headRows, periodMembersWidths, l.member, l.plannedItems, l.doneItems, l.completion,
		bot.Sentence(x.lang, bot.MsgReportXlsxDaysOut), bot.Sentence(x.lang, bot.MsgReportXlsxSigned), bot.Sentence(x.lang, bot.MsgReportXlsxInvestment))
	row := headRows + 1
	var items, done, away int
	for _, m := range r.Members {
		signed := r.Money.ByMember[m.UserID]
		x.memberRow(s, row, x.names(m.UserID), m.Items, m.DoneItems, m.DaysOut, signed, st.bold, st.number, st.percent, x.amount)
		items, done, away = items+m.Items, done+m.DoneItems, away+m.DaysOut
		row++
	}
	all := planner.MemberMoney{SignedProjects: r.Money.SignedProjects, SignedWan: r.Money.SignedWan}
	x.memberRow(s, row, l.total, items, done, away, all, st.totalText, st.totalNumber, st.totalPercent, x.totalAmount)
	x.freeze(s, 1, headRows)
}

// memberRow writes one member's row (or the total's) in the given styles.
func (x *periodWriter) memberRow(s string, row int, name string, items, done, away int, signed planner.MemberMoney, text, number, percent, amount int) {
	x.text(s, 1, row, name, text)
	x.number(s, 2, row, items, number)
	x.number(s, 3, row, done, number)
	x.ratio(s, 4, row, done, items, percent, number)
	x.number(s, 5, row, away, number)
	x.number(s, 6, row, signed.SignedProjects, number)
	x.amountCell(s, 7, row, signed.SignedWan, amount)
}

// projectsSheet writes the projects signed in the period, in the order they
// were signed: the company, who is credited, the day, the investment in the
// workbook's unit (CNY only) and the amount as written; then the total.
func (x *periodWriter) projectsSheet() {
	s, st, l, m := bot.Sentence(x.lang, bot.MsgReportXlsxProjectsSheet), x.st, x.l, x.v.Report.Money
	x.start(s, false, periodProjectsWidths, len(periodProjectsWidths), "portrait")
	x.headers(s, headRows, periodProjectsWidths, bot.Sentence(x.lang, bot.MsgReportXlsxCompany), l.owner,
		bot.Sentence(x.lang, bot.MsgReportXlsxSignedOn), bot.Sentence(x.lang, bot.MsgReportXlsxInvestment), bot.Sentence(x.lang, bot.MsgReportXlsxAmountNote))
	row := headRows + 1
	if len(m.Projects) == 0 {
		x.line(s, row, len(periodProjectsWidths), bot.Sentence(x.lang, bot.MsgReportXlsxNoProjects), st.grayRow)
		x.freeze(s, 0, headRows)
		return
	}
	for _, p := range m.Projects {
		x.text(s, 1, row, cellText(p.Company), st.bold)
		x.text(s, 2, row, cmp.Or(x.names(p.UserID), "—"), st.text)
		x.text(s, 3, row, p.Day.String(), st.text)
		written := bot.Sentence(x.lang, bot.MsgReportNoAmount)
		if !p.Amount.IsZero() {
			written = p.Amount.Format(x.lang)
		}
		if p.Amount.Currency == "CNY" && !p.Amount.IsZero() {
			x.amountCell(s, 4, row, p.Amount.Value, x.amount)
		} else {
			x.text(s, 4, row, "", x.amount)
		}
		x.text(s, 5, row, written, st.text)
		row++
	}
	x.text(s, 1, row, l.total, st.totalText)
	x.number(s, 2, row, m.SignedProjects, st.totalNumber)
	x.text(s, 3, row, "", st.totalText)
	x.amountCell(s, 4, row, m.SignedWan, x.totalAmount)
	x.text(s, 5, row, "", st.totalText)
	x.freeze(s, 0, headRows)
}

// pipelineSheet writes the pipeline as it stood on the period's last day
// (planner.Service.PipelineAt), each company with its amount in 亿元, as the
// weekly workbook's pipeline sheet has it.
func (x *periodWriter) pipelineSheet(pipeline []planner.CompanyView) {
	s := x.l.pipelineSheet
	x.start(s, false, pipelineWidths, len(pipelineWidths), "landscape")
	names := map[string]string{}
	for _, m := range x.v.Report.Members {
		names[m.UserID] = cellText(m.UserName)
	}
	x.pipelineTable(s, headRows, pipeline, names)
}

// trendSheet writes the items done in each week of the period (the days of
// its first and last weeks inside it) and charts them as columns beside
// the table: an Excel chart, which every spreadsheet draws with its own
// fonts, where a picture would need a Chinese font on the server.
func (x *periodWriter) trendSheet() {
	s, st, r := bot.Sentence(x.lang, bot.MsgReportXlsxTrendSheet), x.st, x.v.Report
	x.start(s, false, periodTrendWidths, trendTitleCols, "portrait")
	x.headers(s, headRows, periodTrendWidths, bot.Sentence(x.lang, bot.MsgReportXlsxWeek),
		bot.Sentence(x.lang, bot.MsgReportXlsxDays), bot.Sentence(x.lang, bot.MsgReportXlsxDone))
	row := headRows + 1
	for _, w := range r.Weeks {
		start, end := r.Days(w.Week)
		x.text(s, 1, row, w.Week.String(), st.text)
		x.text(s, 2, row, start.String()+" – "+end.String(), st.text)
		x.number(s, 3, row, w.DoneItems, st.number)
		row++
	}
	x.freeze(s, 0, headRows)
	if len(r.Weeks) == 0 {
		return
	}
	first, last := headRows+1, row-1
	ref := func(col string) string { return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", s, col, first, col, last) }
	most := 0
	for _, w := range r.Weeks {
		most = max(most, w.DoneItems)
	}
	title, vary := bot.Sentence(x.lang, bot.MsgReportXlsxChartTitle), false // one colour for every week
	x.check(x.f.AddChart(s, "E"+fmt.Sprint(headRows), &excelize.Chart{
		Type:       excelize.Col,
		Series:     []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$C$%d", s, headRows), Categories: ref("A"), Values: ref("C")}},
		VaryColors: &vary,
		Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:     excelize.ChartLegend{Position: "none"},
		PlotArea:   excelize.ChartPlotArea{ShowVal: true},
		YAxis:      excelize.ChartAxis{MajorGridLines: true, MajorUnit: float64(countStep(most))},
		Dimension:  excelize.ChartDimension{Width: trendChartWidth, Height: trendChartHeight},
	}))
}

// countStep is the step of a count axis up to most: 1, 2, 5, 10, 20, 50 …,
// for at most about six steps, and never a fraction of an item: the
// chart's countAxis and the period workbook's trend chart step so.
func countStep(most int) int {
	step, decade := 1, 1
	for most > 5*step {
		switch step / decade {
		case 1:
			step = 2 * decade
		case 2:
			step = 5 * decade
		default:
			decade *= 10
			step = decade
		}
	}
	return step
}
