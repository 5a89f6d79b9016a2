package bot

import (
	"time"

	"planbot/planner"
)

// The words below are the catalog's, for the renderers beside bot (the Excel
// report, the chat platforms' views), so that every renderer names a kind, a
// stage or a day the same way.

// KindName is the name of kind k in l.
func KindName(l planner.Lang, k planner.Kind) string { return kindNames[l][k] }

// StageName is the name of pipeline stage s in l.
func StageName(l planner.Lang, s planner.Stage) string { return stageNames[l][s] }

// WeekdayName is the short name of day d in l: "Mon", "周一".
func WeekdayName(l planner.Lang, d time.Weekday) string {
	if l == planner.Chinese {
		return chineseWeekdays[d]
	}
	return englishWeekdays[d]
}
