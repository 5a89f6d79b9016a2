package bot

import "planbot/planner"

// reasonBadMonthTime is a monthly report's schedule that is not a time of
// day, on or off (/plan setup month 25:00); Detail is it.
const reasonBadMonthTime planner.Reason = "bad_month_time"

// The sentences of the monthly report posted to a team's channel
// (render_month_post.go, command_month.go, bot/report's month chart).
const (
	MsgMonthThread       Msg = "month_thread"
	MsgMonthSchedule     Msg = "month_schedule"
	MsgMonthScheduleAt   Msg = "month_schedule_at"
	MsgMonthChartWeeks   Msg = "month_chart_weeks"
	MsgMonthChartDone    Msg = "month_chart_done"
	MsgMonthChartTitle   Msg = "month_chart_title"
	MsgMonthChartAltText Msg = "month_chart_alt_text"
)

// monthCatalog are the sentences of the monthly report posted to a team's
// channel, in both languages.
var monthCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgMonthThread:       "Each member's month follows in the thread.",
		MsgMonthSchedule:     " · monthly report: %s",
		MsgMonthScheduleAt:   "first working day %02d:%02d",
		MsgMonthChartWeeks:   "Items done by week · %s",
		MsgMonthChartDone:    "Items done",
		MsgMonthChartTitle:   "%s at a glance",
		MsgMonthChartAltText: "Chart of %s: each member's items planned and done, and the team's items done in each week",
	},
	planner.Chinese: {
		MsgMonthThread:       "每位成员的当月情况见本消息的回复。",
		MsgMonthSchedule:     " · 月报：%s",
		MsgMonthScheduleAt:   "每月第一个工作日 %02d:%02d",
		MsgMonthChartWeeks:   "每周完成事项 · %s",
		MsgMonthChartDone:    "完成事项（项）",
		MsgMonthChartTitle:   "%s 月报图表",
		MsgMonthChartAltText: "%s 月报图表：各成员计划与完成的事项，以及团队每周完成的事项",
	},
}
