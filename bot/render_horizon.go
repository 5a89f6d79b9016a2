package bot

import "planbot/planner"

// CalendarHorizon is the direct message each admin of a team gets once when
// the team's holiday calendar lists no holidays for Year: until planbot is
// updated, that year's days off are the weekends only.
type CalendarHorizon struct{ Year int }

func (CalendarHorizon) isBody() {}

// calendarHorizonText is the admins' message that Year has no holidays yet.
func calendarHorizonText(l planner.Lang, h CalendarHorizon) string {
	return Say(l, MsgCalendarHorizon, h.Year)
}
