package bot

import "planbot/planner"

// The sentences of the holiday calendar's horizon (render_horizon.go).
const (
	// MsgCalendarHorizon is the direct message to a team's admins when the
	// holiday calendar lists no holidays for a year.
	MsgCalendarHorizon Msg = "calendar_horizon"
)

// horizonCatalog are the sentences of the holiday calendar's horizon
// (render_horizon.go), in both languages.
var horizonCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgCalendarHorizon: "📅 planbot's holiday calendar has no holidays for %[1]d yet. Until it is updated, reminders, deadlines and reports in %[1]d take only Saturdays and Sundays as days off: no public holidays, no weekend days worked in exchange. The State Council publishes each year's holidays, usually in November; whoever runs planbot updates it with `go get github.com/6tail/lunar-go@latest` and a rebuild (README: “The holiday calendar”).",
	},
	planner.Chinese: {
		MsgCalendarHorizon: "📅 planbot 的节假日日历还没有 %[1]d 年的安排。更新之前，%[1]d 年的提醒、督办和报告只把周六、周日当作休息日：不含法定节假日，也不含调休上班。国务院办公厅通常在 11 月发布次年的节假日安排；请负责部署 planbot 的同事执行 `go get github.com/6tail/lunar-go@latest` 并重新构建（见 README「节假日日历」）。",
	},
}
