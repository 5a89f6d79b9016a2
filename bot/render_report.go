package bot

import (
	"cmp"
	"fmt"
	"strings"

	"planbot/planner"
)

// ReportText renders a report over a period as plain text in language l:
// for the console, and whole, however long.
func ReportText(l planner.Lang, v ReportView) string {
	ly := NewReportLayout(l, v)
	lines := []string{ly.Header(), ly.Dates}
	if ly.Note != "" {
		lines = append(lines, ly.Note)
	}
	for _, chunk := range ly.Chunks() {
		for _, ln := range chunk {
			lines = append(lines, ln.Plain(0))
		}
	}
	return strings.Join(lines, "\n")
}

// ReportLayout is a report over a period in lines, in the order they are
// read, for every platform: planbot's words and user text made one line
// (planner.OneLine), unescaped.
type ReportLayout struct {
	Team    string      // the team's name
	Title   string      // the period and the kind of report: "2025年11月 月报", with the member reported on
	Dates   string      // the days covered, the day it was made, and whether the period is still running
	Note    string      // why the period is the one just ended (a 月报 asked for early in a month); "" else
	Totals  []RetroLine // completion and the totals by kind
	Money   []RetroLine // the signings: the report line, the bands, each project
	Members []RetroLine // each member's items done of planned, days away and signings
	Targets []RetroLine // the targets' 完成率 against time gone, marked green or red; none without targets
	Overdue []RetroLine // the companies overdue (超期); none without any
	Index   []RetroLine // the activity index's ranking (龙虎榜); none when the team has it off
	Trend   []RetroLine // the items done in each week
}

// NewReportLayout lays report v out in lines, in l.
func NewReportLayout(l planner.Lang, v ReportView) ReportLayout {
	r := v.Report
	names := memberNames(l, r)
	ly := ReportLayout{
		Team:    planner.OneLine(r.Team),
		Title:   PeriodReportTitle(l, v.Period),
		Dates:   Say(l, MsgReportDates, r.From, r.To, v.Made),
		Totals:  reportTotals(l, r),
		Money:   reportMoney(l, r, names),
		Members: reportMembers(l, r, names),
		Targets: targetRetroLines(l, namedTargets(r.Targets, names)),
		Trend:   reportTrend(l, r),
	}
	named := func(userID, name string) string { return cmp.Or(planner.OneLine(name), names(userID)) }
	ly.Overdue = OverdueLines(l, r.Overdue, named)
	ly.Index = indexLines(l, r.Index, named)
	if r.Member != "" {
		ly.Title += " · " + names(r.Member)
	}
	if !v.Made.After(r.To) {
		ly.Dates += Say(l, MsgReportRunning)
	}
	if v.Period.JustEnded {
		ly.Note = Say(l, justEnded[v.Period.Kind], planner.EarlyDays)
	}
	return ly
}

// Header is the report's first line: the team, then the title.
func (ly ReportLayout) Header() string {
	if ly.Team == "" {
		return ly.Title
	}
	return ly.Team + " · " + ly.Title
}

// Chunks are the layout's parts after its header and dates that have lines,
// in order.
func (ly ReportLayout) Chunks() [][]RetroLine {
	var chunks [][]RetroLine
	for _, c := range [][]RetroLine{ly.Totals, ly.Money, ly.Targets, ly.Overdue, ly.Members, ly.Index, ly.Trend} {
		if len(c) > 0 {
			chunks = append(chunks, c)
		}
	}
	return chunks
}

// justEnded are the notes of a report that covers the period just ended.
var justEnded = map[planner.PeriodKind]Msg{
	planner.PeriodMonth: MsgReportJustEndedMonth, planner.PeriodQuarter: MsgReportJustEndedQuarter, planner.PeriodYear: MsgReportJustEndedYear,
}

// reportTitles are the titles of each kind of report.
var reportTitles = map[planner.PeriodKind]Msg{
	planner.PeriodMonth: MsgReportTitleMonth, planner.PeriodQuarter: MsgReportTitleQuarter,
	planner.PeriodYear: MsgReportTitleYear, planner.PeriodDays: MsgReportTitleDays,
}

// PeriodReportTitle is the title of the report of p in l: "2025年11月 月报",
// "Q4 2025 report".
func PeriodReportTitle(l planner.Lang, p planner.Period) string {
	return Say(l, reportTitles[p.Kind], PeriodName(l, p))
}

// chineseNumerals are the quarters' numbers as Chinese reports write them.
var chineseNumerals = []string{"", "一", "二", "三", "四"}

// PeriodName names period p in l as reports do: 2025年11月, 2025年第四季度,
// 2025年, 2025年11月3日至11月16日; November 2025, Q4 2025, 2025, Nov 3 – Nov
// 16, 2025.
func PeriodName(l planner.Lang, p planner.Period) string {
	y := p.From.Year
	if l == planner.Chinese {
		switch p.Kind {
		case planner.PeriodMonth:
			return fmt.Sprintf("%d年%d月", y, p.From.Month)
		case planner.PeriodQuarter:
			return fmt.Sprintf("%d年第%s季度", y, chineseNumerals[p.Quarter()])
		case planner.PeriodYear:
			return fmt.Sprintf("%d年", y)
		}
		to := fmt.Sprintf("%d月%d日", p.To.Month, p.To.Day)
		if p.To.Year != y {
			to = fmt.Sprintf("%d年", p.To.Year) + to
		}
		return fmt.Sprintf("%d年%d月%d日至%s", y, p.From.Month, p.From.Day, to)
	}
	switch p.Kind {
	case planner.PeriodMonth:
		return fmt.Sprintf("%s %d", p.From.Month, y)
	case planner.PeriodQuarter:
		return fmt.Sprintf("Q%d %d", p.Quarter(), y)
	case planner.PeriodYear:
		return fmt.Sprint(y)
	}
	if p.To.Year != y {
		return fmt.Sprintf("%s, %d – %s, %d", shortDay(l, p.From), y, shortDay(l, p.To), p.To.Year)
	}
	return fmt.Sprintf("%s – %s, %d", shortDay(l, p.From), shortDay(l, p.To), y)
}

// reportFlags are the flags of planbot report that choose period p:
// "--month 2025-11", "--from 2025-11-03 --to 2025-11-16".
func reportFlags(p planner.Period) string {
	if p.Kind == planner.PeriodDays {
		return "--from " + p.From.String() + " --to " + p.To.String()
	}
	return "--" + string(p.Kind) + " " + p.String()
}

// memberNames returns how the report names a member: as PeopleNames names
// them among the report's members, never by their user id.
func memberNames(l planner.Lang, r planner.Report) func(userID string) string {
	byID := map[string]string{}
	for _, m := range r.Members {
		byID[m.UserID] = m.UserName
	}
	return PeopleNames(l, byID)
}

// reportTotals are the completion rate and a line per kind with items, as
// the retrospective words them; trips with the days away.
func reportTotals(l planner.Lang, r planner.Report) []RetroLine {
	var items, done, away int
	for k, t := range r.Totals {
		if k != planner.KindLeave {
			items += t.Items
			done += t.DoneItems
		}
	}
	for _, m := range r.Members {
		away += m.DaysOut
	}
	if items == 0 {
		lines := []RetroLine{{Text: Say(l, MsgReportEmpty), Head: true}}
		if n := r.Totals[planner.KindLeave].Items; n > 0 {
			lines = append(lines, RetroLine{Text: Say(l, MsgRetroLeaves, n), Indent: 1})
		}
		return lines
	}
	lines := []RetroLine{
		{Text: Say(l, MsgRetroRate, percent(r.Completion()), done, items), Head: true},
		{Text: Say(l, MsgRetroTotals)},
	}
	for _, k := range retroKinds {
		t := r.Totals[k.kind]
		var text string
		switch {
		case k.kind == planner.KindVisit:
			met := planner.EnterprisesMet(r.Totals)
			if met.Planned == 0 {
				continue
			}
			text = Say(l, k.line, met.Done, met.Planned)
		case t.Items == 0:
			continue
		case k.kind == planner.KindLeave:
			text = Say(l, k.line, t.Items)
		case k.kind == planner.KindTrip && away > 0:
			text = Say(l, MsgReportTrips, t.DoneCount, t.Count, away)
		default:
			text = Say(l, k.line, t.DoneCount, t.Count)
		}
		lines = append(lines, RetroLine{Text: text, Indent: 1})
	}
	return lines
}

// reportMoney are the period's signings: the report line (or that none was
// signed), the projects by size, and each project.
func reportMoney(l planner.Lang, r planner.Report, names func(string) string) []RetroLine {
	line := MoneyLine(l, r.Money)
	if line == "" {
		line = Say(l, MsgReportNoSignings)
	}
	lines := []RetroLine{{Text: line, Head: true}}
	if bands := BandsLine(l, r.Money); bands != "" {
		lines = append(lines, RetroLine{Text: bands, Indent: 1})
	}
	for _, p := range r.Money.Projects {
		amount := Say(l, MsgReportNoAmount)
		if !p.Amount.IsZero() {
			amount = p.Amount.Format(l)
		}
		text := strings.Join([]string{planner.OneLine(p.Company), amount, DayLabel(l, p.Day), cmp.Or(names(p.UserID), Say(l, MsgNoOwner))}, " · ")
		lines = append(lines, RetroLine{Text: text, Indent: 1})
	}
	return lines
}

// reportMembers is each member's line: items done of planned, days away
// (外出N天) and their signings.
func reportMembers(l planner.Lang, r planner.Report, names func(string) string) []RetroLine {
	lines := []RetroLine{{Text: Say(l, MsgDigestMembers), Head: true}}
	for _, m := range r.Members {
		name := names(m.UserID)
		signed := r.Money.ByMember[m.UserID]
		if m.Items == 0 && signed.SignedProjects == 0 {
			lines = append(lines, RetroLine{Text: Say(l, MsgReportMemberNone, name), Indent: 1})
			continue
		}
		parts := []string{Say(l, MsgDigestMember, name, m.DoneItems, m.Items)}
		if m.DaysOut > 0 {
			parts = append(parts, Say(l, MsgReportDaysOut, m.DaysOut))
		}
		switch {
		case signed.SignedWan > 0:
			amount := planner.Amount{Value: signed.SignedWan, Currency: "CNY"}.Format(l)
			parts = append(parts, Say(l, MsgReportMemberSigned, signed.SignedProjects, amount))
		case signed.SignedProjects > 0: // none with an amount in CNY
			parts = append(parts, Say(l, MsgReportMemberSignedOnly, signed.SignedProjects))
		}
		lines = append(lines, RetroLine{Text: strings.Join(parts, " · "), Indent: 1})
	}
	return lines
}

// trendBar is the longest bar of the trend, in blocks.
const trendBar = 20

// reportTrend is the items done in each week of the period (the days of
// its first and last weeks inside it), each with a bar.
func reportTrend(l planner.Lang, r planner.Report) []RetroLine {
	most := 0
	for _, w := range r.Weeks {
		most = max(most, w.DoneItems)
	}
	lines := []RetroLine{{Text: Say(l, MsgReportTrend), Head: true}}
	for _, w := range r.Weeks {
		start, end := r.Days(w.Week)
		bar := ""
		if w.DoneItems > 0 {
			bar = strings.Repeat("▇", (w.DoneItems*trendBar+most-1)/most) + " "
		}
		span := ShortSpan(l, start, end)
		if start == end {
			span = shortDay(l, start)
		}
		text := fmt.Sprintf("%s %s%d", Say(l, MsgReportWeek, w.Week.Num, span), bar, w.DoneItems)
		lines = append(lines, RetroLine{Text: text, Indent: 1})
	}
	return lines
}

// shortDay writes a day as "Nov 1" or "11月1日".
func shortDay(l planner.Lang, d planner.Date) string {
	if l == planner.Chinese {
		return fmt.Sprintf("%d月%d日", d.Month, d.Day)
	}
	return fmt.Sprintf("%s %d", d.Month.String()[:3], d.Day)
}
