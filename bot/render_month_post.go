package bot

import (
	"strings"
	"time"

	"planbot/planner"
)

// The monthly report as posted to a team's channel on a month's first working
// day: its title, the totals by kind, the money line and each member's items
// done and planned. It is laid out as a RetroView, so that each platform
// renders it as it renders a retrospective (within Slack's limits, in a
// Feishu text).

// MonthPostText renders the monthly report r as plain text in l, whole.
func MonthPostText(l planner.Lang, r planner.Report) string {
	v := NewMonthPostView(l, r)
	lines := []string{v.PlainHeader()}
	for _, chunk := range v.Chunks() {
		for _, ln := range chunk {
			lines = append(lines, ln.Plain(0))
		}
	}
	return strings.Join(lines, "\n")
}

// NewMonthPostView lays the monthly report r out in lines, in l: the team and
// the month as its header ("2025年11月 月报", "November 2025 report"), the
// completion and the totals by kind, the money, then the members, one line
// each.
func NewMonthPostView(l planner.Lang, r planner.Report) RetroView {
	v := RetroView{
		Team:    planner.OneLine(r.Team),
		Title:   Say(l, MsgMonthPostTitle, MonthLabel(l, r.From)),
		Heading: RetroLine{Text: Say(l, MsgDigestMembers), Head: true},
		Totals:  append(monthTotals(l, r.Totals), moneyLines(l, r.Money)...),
	}
	for i, m := range r.Members {
		if i%monthMembersPerPart == 0 {
			v.Members = append(v.Members, nil)
		}
		last := len(v.Members) - 1
		v.Members[last] = append(v.Members[last], RetroLine{Text: monthMember(l, m), Indent: 1})
	}
	return v
}

// monthMembersPerPart is how many members' lines a part of the view holds: a
// part is kept whole in one message, so that a large team's members follow
// in the thread, every one listed, and a team of up to a few hundred fits in
// one message.
const monthMembersPerPart = 20

// MonthLabel names the month of d as reports do, in l: "2025年11月",
// "November 2025".
func MonthLabel(l planner.Lang, d planner.Date) string {
	return time.Date(d.Year, d.Month, 1, 0, 0, 0, 0, time.UTC).Format(Sentence(l, MsgMonthLayout))
}

// monthTotals are the month's completion and a line per kind with items, as
// the retrospective words them: the enterprises met, a leave's number of
// items, the others done/planned.
func monthTotals(l planner.Lang, totals map[planner.Kind]planner.Totals) []RetroLine {
	var items, done int
	for k, t := range totals {
		if k != planner.KindLeave {
			items += t.Items
			done += t.DoneItems
		}
	}
	if items == 0 && totals[planner.KindLeave].Items == 0 {
		return []RetroLine{{Text: Say(l, MsgMonthEmpty), Head: true}}
	}
	lines := []RetroLine{{Text: Say(l, MsgMonthEmpty), Head: true}}
	if items > 0 {
		lines = []RetroLine{
			{Text: Say(l, MsgRetroRate, percent(float64(done)/float64(items)), done, items), Head: true},
			{Text: Say(l, MsgRetroTotals)},
		}
	}
	met := planner.EnterprisesMet(totals)
	for _, k := range retroKinds {
		t := totals[k.kind]
		var text string
		switch {
		case k.kind == planner.KindVisit:
			if met.Planned == 0 {
				continue
			}
			text = Say(l, k.line, met.Done, met.Planned)
		case t.Items == 0:
			continue
		case k.kind == planner.KindLeave:
			text = Say(l, k.line, t.Items)
		default:
			text = Say(l, k.line, t.DoneCount, t.Count)
		}
		lines = append(lines, RetroLine{Text: text, Indent: 1})
	}
	return lines
}

// monthMember is a member's month: items done of planned, and the days out
// on trips when there were any.
func monthMember(l planner.Lang, m planner.MemberReport) string {
	name := planner.OneLine(m.UserName)
	if name == "" {
		name = planner.OneLine(m.UserID)
	}
	line := Say(l, MsgDigestMember, name, m.DoneItems, m.Items)
	switch {
	case m.DaysOut == 1:
		line += " · " + Say(l, MsgMonthDayOut, m.DaysOut)
	case m.DaysOut > 1:
		line += " · " + Say(l, MsgMonthDaysOut, m.DaysOut)
	}
	return line
}

// monthScheduleText is the monthly report's part of the schedules' view:
// " · monthly report: first working day 09:00", or off.
func monthScheduleText(l planner.Lang, s planner.Schedule) string {
	when := Say(l, MsgScheduleOff)
	if !s.Off {
		when = Say(l, MsgMonthScheduleAt, s.Hour, s.Minute)
	}
	return Say(l, MsgMonthSchedule, when)
}
