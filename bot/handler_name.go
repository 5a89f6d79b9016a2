package bot

import (
	"context"
	"strings"

	"planbot/planner"
)

// nameResetWords make /plan setup name give the team the platform's name again.
var nameResetWords = map[string]bool{"default": true, "reset": true, "默认": true, "恢复默认": true}

// setupName sets the team's name, the reporting unit of its reports
// (/plan setup name 武进区招商局), or lets the platform name it again
// (/plan setup name default).
func (t *Turn) setupName(ctx context.Context, value string) (Body, planner.Lang, error) {
	value = strings.TrimSpace(value)
	if nameResetWords[strings.ToLower(value)] {
		team, err := t.Service.ResetTeamName(ctx, t.Actor)
		return TeamNamed{Team: team, Later: planner.OneLine(t.Actor.TeamName) == ""}, "", err
	}
	team, err := t.Service.SetTeamName(ctx, t.Actor, value)
	return TeamNamed{Team: team}, "", err
}
