package bot

import (
	"strings"

	"planbot/planner"
)

// aliasText renders a lead line that gave a company an alias: the company
// added first, if it was new, then the alias and every name it has.
func aliasText(l planner.Lang, v LeadView) string {
	c := v.Company
	name := planner.OneLine(c.Name)
	var lines []string
	if v.Created {
		lines = append(lines, Say(l, MsgLeadCreated, name, stageNames[l][c.Stage]))
	}
	lines = append(lines, Say(l, MsgLeadAliasAdded, name, planner.OneLine(v.Alias)), aliasesLine(l, c.Aliases))
	return strings.Join(lines, "\n")
}

// aliasesLine lists a company's aliases, each on one line of text.
func aliasesLine(l planner.Lang, aliases []string) string {
	shown := make([]string, len(aliases))
	for i, a := range aliases {
		shown[i] = planner.OneLine(a)
	}
	sep := ", "
	if l == planner.Chinese {
		sep = "、"
	}
	return Say(l, MsgLeadAliases, strings.Join(shown, sep))
}
