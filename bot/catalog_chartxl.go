package bot

import "planbot/planner"

// The chart's axes and the name of its week (bot/report's charts): each
// value axis says what it counts, and the week in the title is named as the
// weeks on the axis are, by their Monday (MsgChartWeekOf).
const (
	MsgChartItemsAxis       Msg = "chart_items_axis"
	MsgChartEnterprisesAxis Msg = "chart_enterprises_axis"
	MsgChartWeekAxis        Msg = "chart_week_axis"
	MsgChartWeekName        Msg = "chart_week_name"
)

// chartxlCatalog are the sentences of the charts' axes and week, in both
// languages.
var chartxlCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgChartItemsAxis:       "Items",
		MsgChartEnterprisesAxis: "Enterprises",
		MsgChartWeekAxis:        "Week of (Monday)",
		MsgChartWeekName:        "week of %s",
	},
	planner.Chinese: {
		MsgChartItemsAxis:       "事项（项）",
		MsgChartEnterprisesAxis: "企业（家）",
		MsgChartWeekAxis:        "周（周一日期）",
		MsgChartWeekName:        "%s当周",
	},
}
