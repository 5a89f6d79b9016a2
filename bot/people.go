package bot

import (
	"slices"

	"planbot/planner"
)

// PeopleNames returns how planbot names a person by user id in l, given the
// names of the team's members by user id: a member by their name on one
// line; a member without a name yet (one a platform has not named) by a
// number in the order of their user ids ("Member 2 (no name yet)", as the
// weekly workbook numbers them); anyone else, such as a member since
// forgotten, by "—". Never by a user id, which means nothing to a reader.
func PeopleNames(l planner.Lang, names map[string]string) func(userID string) string {
	var nameless []string
	for userID, name := range names {
		if planner.OneLine(name) == "" {
			nameless = append(nameless, userID)
		}
	}
	slices.Sort(nameless)
	return func(userID string) string {
		if name := planner.OneLine(names[userID]); name != "" {
			return name
		}
		if i, found := slices.BinarySearch(nameless, userID); found {
			return Say(l, MsgWorkbookUnnamed, i+1)
		}
		return noOne
	}
}

// noOne names someone planbot has no name for: not a member of the team.
const noOne = "—"

// MemberNames are the names of members by user id, as PeopleNames takes them.
func MemberNames(members []planner.Member) map[string]string {
	names := make(map[string]string, len(members))
	for _, m := range members {
		names[m.UserID] = m.Name
	}
	return names
}

// historyActions are the words of an item's changes (planner.Change.Action).
var historyActions = map[string]Msg{
	"add": MsgHistoryAdded, "done": MsgHistoryDone, "cancel": MsgHistoryCancelled,
	"move": MsgHistoryMoved, "edit": MsgHistoryEdited,
}

// historyAction is what a change of an item did, in l; an action planbot has
// no word for is shown as recorded, on one line.
func historyAction(l planner.Lang, action string) string {
	if msg, ok := historyActions[action]; ok {
		return Say(l, msg)
	}
	return planner.OneLine(action)
}

// namedTargets is progress with each member's target named by who (a
// PeopleNames) when it has no name of its own.
func namedTargets(progress []planner.TargetProgress, who func(userID string) string) []planner.TargetProgress {
	named := slices.Clone(progress)
	for i, p := range named {
		if p.Member != "" && planner.OneLine(p.MemberName) == "" {
			named[i].MemberName = who(p.Member)
		}
	}
	return named
}
