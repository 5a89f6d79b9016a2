package bot

import (
	"slices"

	"planbot/planner"
)

// NewMonthPostView lays the monthly report v out as a retrospective is laid
// out, so that each platform posts it as it posts a retrospective (Slack's
// summary and the parts in its thread, Feishu's text), from the report's own
// layout (NewReportLayout): the post and /plan 月报 say the same. The dates
// and totals come first, then the signings, the targets and the companies
// overdue, the members in parts of monthMembersPerPart, the ranking and the
// trend by week.
func NewMonthPostView(l planner.Lang, v ReportView) RetroView {
	ly := NewReportLayout(l, v)
	rv := RetroView{
		Team:   ly.Team,
		Title:  ly.Title,
		Totals: append([]RetroLine{{Text: ly.Dates}}, ly.Totals...),
		Pipe:   slices.Concat(ly.Money, ly.Targets, ly.Overdue),
		Index:  ly.Index,
		Tail:   ly.Trend,
	}
	members := ly.Members
	if len(members) > 0 && members[0].Head {
		rv.Heading, members = members[0], members[1:]
	}
	for part := range slices.Chunk(members, monthMembersPerPart) {
		rv.Members = append(rv.Members, part)
	}
	return rv
}

// monthMembersPerPart is how many members' lines a part of the view holds: a
// part is kept whole in one message, so that a large team's members follow
// in the thread, every one listed, and a team of up to a few hundred fits in
// one message.
const monthMembersPerPart = 20

// MonthReport is the report view of the month that begins on from, made on
// made: what the monthly post shows.
func MonthReport(r planner.Report, made planner.Date) ReportView {
	return ReportView{Report: r, Period: planner.Period{Kind: planner.PeriodMonth, From: r.From, To: r.To}, Made: made}
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
