package bot

import "planbot/planner"

// reportCatalog are the sentences of reports over a period (render_report.go), in both languages.
var reportCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {},
	planner.Chinese: {},
}
