package bot

import "planbot/planner"

// targetCatalog are the sentences of targets and 完成率 (render_target.go), in both languages.
var targetCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {},
	planner.Chinese: {},
}
