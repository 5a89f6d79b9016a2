package bot

import "planbot/planner"

// teamNamedText says the team's name after /plan setup name: the one an admin
// set, or the platform's again (or that there is none yet).
func teamNamedText(l planner.Lang, t planner.Team) string {
	name := planner.OneLine(t.Name)
	switch {
	case t.NameSet:
		return Say(l, MsgTeamNamed, name)
	case name == "":
		return Say(l, MsgTeamNameReset, Say(l, MsgWorkbookNoName))
	}
	return Say(l, MsgTeamNameReset, name)
}
