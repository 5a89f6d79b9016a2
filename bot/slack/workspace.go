package slack

import (
	"cmp"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// NameWorkspace records the name of the Slack workspace teamID, as auth.test
// says it: the name a team takes until an admin sets one (/plan setup name).
func (a *SlackApp) NameWorkspace(teamID, name string) {
	if name = planner.OneLine(name); teamID != "" && name != "" {
		a.workspaces.Store(teamID, name)
	}
}

// teamName is the name a slash command gives its team: the workspace's name
// when known (NameWorkspace), else its domain, the only name the command
// carries (acme for acme.slack.com).
func (a *SlackApp) teamName(sc slack.SlashCommand) string {
	name, _ := a.workspaces.Load(sc.TeamID)
	named, _ := name.(string)
	return cmp.Or(named, sc.TeamDomain)
}
