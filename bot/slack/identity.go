package slack

import (
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// What planbot asks of every request before acting on it, over HTTP and over
// Socket Mode alike: that it says which team and which member it comes from,
// so that nothing is ever stored under a team '' or a member ''.

// identifiedCommand reports whether a slash command names its team and its user.
func identifiedCommand(sc slack.SlashCommand) bool {
	return sc.TeamID != "" && sc.UserID != ""
}

// knownInteraction reports whether cb is a kind of interaction planbot
// handles (a button click, a form submitted) and says who, in which team, made it.
func knownInteraction(cb slack.InteractionCallback) bool {
	known := cb.Type == slack.InteractionTypeBlockActions || cb.Type == slack.InteractionTypeViewSubmission
	return known && cb.Team.ID != "" && cb.User.ID != ""
}

// identifiedEvent reports whether an event callback names its team and, for
// the Home tab being opened (the one event planbot acts on), its user.
func identifiedEvent(ev slackevents.EventsAPIEvent) bool {
	if opened, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok && opened.User == "" {
		return false
	}
	return ev.TeamID != ""
}
