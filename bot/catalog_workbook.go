package bot

import "planbot/planner"

// workbookCatalog are the sentences of the forwardable Excel workbook (bot/report), in both languages.
var workbookCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {},
	planner.Chinese: {},
}
