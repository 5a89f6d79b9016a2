package report

import (
	"planbot/bot"
	"planbot/planner"
)

// withNames is d with each member who has no name yet named in lang as
// bot.PeopleNames names them among the team's members, never by user id.
func withNames(d ChartData, lang planner.Lang) ChartData {
	who := bot.PeopleNames(lang, d.names)
	members := make([]MemberBar, len(d.Members))
	for i, m := range d.Members {
		if m.Name == "" {
			m.Name = who(m.userID)
		}
		members[i] = m
	}
	d.Members = members
	return d
}
