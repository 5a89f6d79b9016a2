package bot

import "planbot/planner"

// moneyCatalog are the sentences of amounts signed in a period (render_money.go), in both languages.
var moneyCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {},
	planner.Chinese: {},
}
