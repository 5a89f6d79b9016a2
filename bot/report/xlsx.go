package report

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"planbot/bot"
	"planbot/planner"
)

// WeekReport is what the weekly Excel report shows: a team's week on a board
// (who does what, day by day: the 作战图), its totals, and the pipeline of
// companies the team courts.
type WeekReport struct {
	Team    planner.Team
	Week    planner.Week
	Lang    planner.Lang     // the language of the sheets' names and headers
	Members []planner.Member // the board's rows (anyone else with an item gets one too)
	Items   []planner.Item   // the items on the week's days: those that start in it and earlier ones that run into it
	Retro   planner.Retro    // the week's totals and members, as the retrospective counts them
	// Pipeline is the companies the team courts, for the pipeline sheet;
	// with none, the sheet says there are none yet.
	Pipeline []planner.CompanyView
	Made     planner.Date // the day the report was made, in the team's zone: its title block's date
}

// BuildWeekReport reads week w of team through the service. The report is
// in the team's language, made today in the team's zone.
func BuildWeekReport(ctx context.Context, svc *planner.Service, team planner.Team, w planner.Week) (WeekReport, error) {
	b, err := svc.Board(ctx, team, w)
	if err != nil {
		return WeekReport{}, err
	}
	forTeam := svc.For(team, planner.Member{})
	return WeekReport{
		Team: team, Week: w, Lang: forTeam.Lang,
		Members: b.Members, Items: b.Items, Retro: b.Retro, Pipeline: b.Pipeline, Made: forTeam.Today(),
	}, nil
}

// WeekFile is the Excel report of week w of team, read through svc, as the
// file a platform sends: named, titled in the team's language.
func WeekFile(ctx context.Context, svc *planner.Service, team planner.Team, w planner.Week) (bot.File, error) {
	r, err := BuildWeekReport(ctx, svc, team, w)
	if err != nil {
		return bot.File{}, err
	}
	var file bytes.Buffer
	if err := WriteXLSX(&file, r); err != nil {
		return bot.File{}, fmt.Errorf("the Excel report of %s: %w", w, err)
	}
	return bot.File{Name: ReportFilename(w), Title: ReportTitle(r.Lang, w), Data: file.Bytes()}, nil
}

// ReportFilename is the file name of the Excel report of week w.
func ReportFilename(w planner.Week) string { return "planbot-" + w.String() + ".xlsx" }

// ReportTitle is the title of the Excel report of week w, in lang.
func ReportTitle(lang planner.Lang, w planner.Week) string {
	return fmt.Sprintf(labelsFor(lang).fileTitle, w, bot.ShortSpan(reportLang(lang), w.Start(), w.End()))
}

// reportLang is lang when the catalog speaks it, else English.
func reportLang(lang planner.Lang) planner.Lang {
	if lang == planner.Chinese {
		return lang
	}
	return planner.English
}

// The board's marks of an item's status: ○ planned, √ done, × cancelled, as
// Chinese forms tick them. All three are GB2312 characters, which every
// Chinese font draws, and the fallback fonts of the rest.
var boardMarks = map[planner.Status]string{
	planner.StatusPlanned: "○", planner.StatusDone: "√", planner.StatusCancelled: "×",
}

// Column widths, in Excel's units (about one Latin character; a Chinese
// character takes two). The board's and the pipeline's columns sum to about
// 130, which fits A4 landscape at 100%, the summary's to 96, which fits A4
// portrait at 100%: a team of ten fills its pages. Fit-to-width shrinks
// whatever is wider.
const (
	boardNameWidth = 13.0
	boardDayWidth  = 17.0
)

var summaryWidths = []float64{14, 9, 9, 9, 9, 10, 36}

// WriteXLSX writes r as an Excel workbook of three sheets — the week's board,
// its summary and the pipeline — in r.Lang, each under a title block (the
// team's name as the reporting unit, the week, the day it was made) and set
// up to print on A4, fitted to the page's width. Every cell is in one font
// (fontFamily). Text is always written as a string cell, never as a formula,
// with control characters removed; members are named as people know them,
// never by their ids.
func WriteXLSX(w io.Writer, r WeekReport) error {
	f := excelize.NewFile()
	defer f.Close()
	x := &sheetWriter{f: f, lang: reportLang(r.Lang), l: labelsFor(r.Lang), unit: cellText(r.Team.Name)}
	x.block = x.titleLine(r.Week.Start(), r.Week.End(), r.Week.String(), r.Made)
	x.newStyles()
	rows := reportMembers(r, x.l.unnamed)
	x.board(r, rows)
	x.summary(r, rows)
	x.pipeline(r, rows)
	x.fitPages()
	x.check(f.SetDocProps(&excelize.DocProperties{Title: ReportTitle(x.lang, r.Week), Creator: "planbot"}))
	if x.err != nil {
		return x.err
	}
	f.SetActiveSheet(0)
	_, err := f.WriteTo(w)
	return err
}

// memberRow is one member as the report lists them.
type memberRow struct{ userID, name string }

// reportMembers lists the team's members and anyone else with an item or a
// note in the report, by name. A member without a name yet (one a platform
// has not named) is not shown by their id: they are numbered, in the order
// of their ids, in the words of unnamed ("Member %d (no name yet)").
func reportMembers(r WeekReport, unnamed string) []memberRow {
	names := map[string]string{}
	add := func(userID, name string) {
		if _, seen := names[userID]; !seen || names[userID] == "" {
			names[userID] = name
		}
	}
	for _, m := range r.Members {
		add(m.UserID, m.Name)
	}
	for _, it := range r.Items {
		add(it.UserID, it.UserName)
	}
	for _, m := range r.Retro.Members {
		add(m.UserID, m.UserName)
	}
	rows := make([]memberRow, 0, len(names))
	var nameless []string
	for userID, name := range names {
		if name = cellText(name); name == "" {
			nameless = append(nameless, userID)
			continue
		}
		rows = append(rows, memberRow{userID, name})
	}
	slices.Sort(nameless)
	for i, userID := range nameless {
		rows = append(rows, memberRow{userID, fmt.Sprintf(unnamed, i+1)})
	}
	slices.SortFunc(rows, func(a, b memberRow) int {
		return cmp.Or(strings.Compare(a.name, b.name), strings.Compare(a.userID, b.userID))
	})
	return rows
}

// board writes the week's board: a row per member, a column per day, each
// cell the member's items of that day with their status.
func (x *sheetWriter) board(r WeekReport, members []memberRow) {
	l, s, start := x.l, x.l.boardSheet, r.Week.Start()
	widths := []float64{boardNameWidth}
	labels := []string{l.member}
	for d := range 7 {
		widths = append(widths, boardDayWidth)
		labels = append(labels, dayHeader(x.lang, start.AddDays(d)))
	}
	x.sheet(s, true, "landscape", headerRow)
	x.widths(s, widths...)
	x.titleBlock(s, len(widths), fmt.Sprintf(l.boardTitle, x.unitName(), r.Week, bot.ShortSpan(x.lang, start, r.Week.End())))
	x.headers(s, headerRow, widths, labels...)

	cells := boardCells(r)
	for i, m := range members {
		row := headerRow + 1 + i
		texts := []string{wrapBeforeBracket(m.name, boardNameWidth)}
		days := cells[m.userID]
		for d := range 7 {
			var lines []string
			if days != nil {
				lines = days[d]
			}
			texts = append(texts, strings.Join(lines, "\n"))
		}
		for col, t := range texts {
			style := x.st.text
			switch {
			case col == 0:
				style = x.st.bold
			case col >= 6: // Saturday and Sunday
				style = x.st.weekend
			}
			x.text(s, col+1, row, t, style)
		}
		x.check(x.f.SetRowHeight(s, row, rowHeight(maxLines(texts, widths))))
	}
	last := headerRow + len(members)
	if len(members) == 0 {
		last++
		x.line(s, last, len(widths), l.noMember, x.st.grayRow)
	}
	x.line(s, last+1, len(widths), l.legend, x.st.legend)
	x.check(x.f.SetRowHeight(s, last+1, rowHeight(1)))
	x.freeze(s, 1, headerRow)
}

// boardCells returns each member's lines of each day of the week (Monday
// first), items in order of start day and id.
func boardCells(r WeekReport) map[string][][]string {
	items := slices.Clone(r.Items)
	slices.SortStableFunc(items, func(a, b planner.Item) int {
		if a.Start != b.Start {
			if a.Start.Before(b.Start) {
				return -1
			}
			return 1
		}
		return cmp.Compare(a.ID, b.ID)
	})
	cells := map[string][][]string{}
	start := r.Week.Start()
	for _, it := range items {
		for d := range 7 {
			day := start.AddDays(d)
			if day.Before(it.Start) || day.After(it.End) {
				continue
			}
			if cells[it.UserID] == nil {
				cells[it.UserID] = make([][]string, 7)
			}
			first := day == it.Start || d == 0
			cells[it.UserID][d] = append(cells[it.UserID][d], boardLine(r.Lang, it, day, first))
		}
	}
	return cells
}

// boardLine is an item on one of its days: "√ #3 trip to Beijing (1/2)",
// with what came of it on the first day the board shows; a leave says so in
// lang, whatever its title: "○ #5 请假 · 年假".
func boardLine(lang planner.Lang, it planner.Item, day planner.Date, first bool) string {
	title := cellText(it.Title)
	if it.Kind == planner.KindLeave {
		title = bot.KindName(reportLang(lang), planner.KindLeave) + " · " + title
	}
	line := boardMarks[it.Status] + " #" + strconv.FormatInt(it.ID, 10) + " " + title
	if n := it.Days(); n > 1 {
		line += fmt.Sprintf(" (%d/%d)", it.Start.DaysUntil(day)+1, n)
	}
	if outcome := cellText(it.Outcome); outcome != "" && first {
		line += " — " + outcome
	}
	return line
}

// dayHeader is a day as the board's header shows it: "Mon 11/17", "周一 11/17".
func dayHeader(lang planner.Lang, d planner.Date) string {
	return fmt.Sprintf("%s %d/%d", bot.WeekdayName(lang, d.Weekday()), d.Month, d.Day)
}

// summary writes the week's totals by kind, planned against done, the
// total and last week's (items only), then each member's items.
func (x *sheetWriter) summary(r WeekReport, members []memberRow) {
	l, s, st := x.l, x.l.summarySheet, x.st
	x.sheet(s, false, "portrait", headerRow)
	x.widths(s, summaryWidths...)
	x.titleBlock(s, len(summaryWidths), fmt.Sprintf(l.summaryTitle, x.unitName(), r.Week, bot.ShortSpan(x.lang, r.Week.Start(), r.Week.End())))
	x.headers(s, headerRow, summaryWidths, l.kind, l.plannedItems, l.doneItems, l.plannedCount, l.doneCount, l.completion)
	row := headerRow + 1
	// totals writes a row of one line (totalsRow).
	totals := func(label string, t planner.Totals, work bool, text, number, percent int) {
		x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
		x.totalsRow(s, row, label, t, work, text, number, percent)
	}
	for _, k := range planner.Kinds {
		totals(bot.KindName(x.lang, k), r.Retro.Totals[k], k != planner.KindLeave, st.text, st.number, st.percent)
		row++
	}
	// The total and last week's: items of every kind, counts only per kind.
	all := func(label string, t planner.Totals, text, number, percent int) {
		x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
		x.itemsRow(s, row, label, t.Items, t.DoneItems, text, number, percent)
	}
	all(l.total, sum(r.Retro.Totals), st.totalText, st.totalNumber, st.totalPercent)
	row++
	all(l.lastWeek, sum(r.Retro.Previous), st.grayRow, st.grayRow, st.percent)
	row++
	// The enterprises met: the visits' counts and the trips' visits.
	met := planner.EnterprisesMet(r.Retro.Totals)
	x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
	x.text(s, 1, row, l.enterprises, st.text)
	x.text(s, 2, row, "", st.number) // items are no measure of enterprises
	x.text(s, 3, row, "", st.number)
	x.number(s, 4, row, met.Planned, st.number)
	x.number(s, 5, row, met.Done, st.number)
	x.ratio(s, 6, row, met.Done, met.Planned, st.percent, st.number)
	row = x.money(s, row+1, r.Retro.Money)
	named := func(userID, name string) string { return cmp.Or(name, r.Retro.Names[userID], userID) }
	row = x.measures(s, row, len(summaryWidths), r.Retro.Targets, bot.OverdueLines(x.lang, r.Retro.Pipeline.Overdue, named)) + 1

	x.headers(s, row, summaryWidths, l.member, l.plannedItems, l.doneItems, l.plannedCount, l.doneCount, l.completion, l.note)
	byUser := map[string]planner.MemberSummary{}
	for _, m := range r.Retro.Members {
		byUser[m.UserID] = m
	}
	for _, m := range members {
		row++
		sm := byUser[m.userID]
		name := wrapBeforeBracket(m.name, summaryWidths[0])
		all(name, planner.Totals{Items: sm.Items, DoneItems: sm.DoneItems}, st.bold, st.number, st.percent)
		note := cellText(sm.Note)
		x.text(s, 7, row, note, st.text)
		x.check(x.f.SetRowHeight(s, row, rowHeight(maxLines([]string{name, note}, []float64{summaryWidths[0], summaryWidths[6]}))))
	}
	x.freeze(s, 0, headerRow)
}

// sum adds up the items of every kind but leave, which is no work to do;
// its counts stay zero: counts of different kinds do not add up.
func sum(totals map[planner.Kind]planner.Totals) planner.Totals {
	var all planner.Totals
	for k, t := range totals {
		if k == planner.KindLeave {
			continue
		}
		all.Items += t.Items
		all.DoneItems += t.DoneItems
	}
	return all
}
