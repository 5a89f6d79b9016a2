package feishu

import (
	"context"

	"planbot/planner"
)

// namedByGroup is actor with the name of the group they typed in as their
// team's name: the name a Feishu team takes at setup, until an admin sets
// one (/plan setup name). When Feishu does not say it, the team keeps the
// name it has.
func (a *App) namedByGroup(ctx context.Context, actor planner.Actor) planner.Actor {
	name, err := a.API.ChatName(ctx, actor.ChannelID)
	if err != nil {
		a.Log.Warn("feishu: could not read the group's name; the team keeps its own", "chat", actor.ChannelID, "err", err)
		return actor
	}
	actor.TeamName = name
	return actor
}
