package bot

import "planbot/planner"

// The sentences of a multi-day item in a text week view (render_week_day.go).
const (
	MsgSpanUntil Msg = "span_until"
	MsgSpanDays  Msg = "span_days"
)

// textviewCatalog are the sentences of a multi-day item's span under a day's
// heading, in both languages: "until Fri Nov 21 (2 days)", "至11月21日周五（共2天）".
var textviewCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgSpanUntil: "until %s (%d days)",
		MsgSpanDays:  "%s (%d days)",
	},
	planner.Chinese: {
		MsgSpanUntil: "至%s（共%d天）",
		MsgSpanDays:  "%s（共%d天）",
	},
}
