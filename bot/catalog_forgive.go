package bot

import "planbot/planner"

// Reasons of the command language's own refusals, explained in the catalogs
// beside planner's.
const (
	reasonDidYouMean planner.Reason = "did_you_mean" // a line that looks like a mistyped command; Detail is the command meant
	reasonOneItem    planner.Reason = "one_item"     // a list of ids given to edit or history, which take one
)

// The sentences of a forgiving command language (handler_change.go,
// render_text.go, the Slack adapter's blocks.go, the console).
const (
	MsgAlreadyDone    Msg = "already_done"
	MsgOutcomeUpdated Msg = "outcome_updated"
	MsgPastDay        Msg = "past_day"
	MsgButtonNextWeek Msg = "button_next_week"
	MsgBye            Msg = "bye"
)
