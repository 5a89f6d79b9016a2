package bot

import "planbot/planner"

// dueCatalog are the sentences of pipeline deadlines, 督办 (render_due.go), in both languages.
var dueCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {},
	planner.Chinese: {},
}
