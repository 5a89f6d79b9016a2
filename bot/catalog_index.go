package bot

import "planbot/planner"

// indexCatalog are the sentences of the activity index (render_index.go), in both languages.
var indexCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {},
	planner.Chinese: {},
}
