package bot

import (
	"fmt"
	"strings"

	"planbot/planner"
)

// dayLine is item it under day's heading in a text week view that starts on
// weekStart. A one-day item's line leaves out the day the heading names; a
// multi-day item is written in full once, on the first of its days the view
// shows, with its span ("until Fri Nov 21 (2 days)"), and marked on the
// following days: "↳ #4 (2/2) · trip to Beijing".
func dayLine(l planner.Lang, it planner.Item, day, weekStart planner.Date, withUser bool) string {
	n := it.Days()
	switch {
	case n == 1:
		return itemLineWhen(l, it, "", withUser)
	case day == it.Start:
		return itemLineWhen(l, it, Say(l, MsgSpanUntil, DayLabel(l, it.End), n), withUser)
	case day == weekStart:
		return itemLineWhen(l, it, Say(l, MsgSpanDays, spanLabel(l, it.Start, it.End), n), withUser)
	}
	parts := []string{fmt.Sprintf("↳ #%d (%d/%d)", it.ID, it.Start.DaysUntil(day)+1, n)}
	if withUser {
		parts = append(parts, planner.OneLine(it.UserName))
	}
	return strings.Join(append(parts, planner.OneLine(it.Title)), " · ")
}
