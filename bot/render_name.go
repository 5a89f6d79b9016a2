package bot

import (
	"cmp"

	"planbot/planner"
)

// teamNamedText says the team's name after /plan setup name: the one an admin
// set, or the platform's again (or that there is none yet).
func teamNamedText(l planner.Lang, v TeamNamed) string {
	t := v.Team
	name := planner.OneLine(t.Name)
	switch {
	case t.NameSet:
		return Say(l, MsgTeamNamed, name)
	case v.Later:
		return Say(l, MsgTeamNameResetLater, cmp.Or(name, Say(l, MsgWorkbookNoName)))
	case name == "":
		return Say(l, MsgTeamNameReset, Say(l, MsgWorkbookNoName))
	}
	return Say(l, MsgTeamNameReset, name)
}
