package planner

import (
	"context"
	"strings"
	"unicode/utf8"
)

// MaxTeamName is the most characters a team's name may have: a reporting
// unit's full name (常州市武进区商务局（招商局）) fits, a sentence does not.
const MaxTeamName = 50

// SetTeamName makes name the team's name: the reporting unit its reports and
// the weekly titles show, kept whatever name the platform gives the team
// (Team.NameSet); only admins may. The name is kept on one line (OneLine); an
// empty one or one longer than MaxTeamName is refused (ReasonBadTeamName).
func (s *Service) SetTeamName(ctx context.Context, a Actor, name string) (Team, error) {
	name = strings.TrimSpace(OneLine(name))
	if name == "" || utf8.RuneCountInString(name) > MaxTeamName {
		return Team{}, Errorf(Invalid, ReasonBadTeamName, "")
	}
	return s.updateTeam(ctx, a, func(t *Team) { t.Name, t.NameSet = name, true })
}

// ResetTeamName lets the platform name the team again: at once with the name
// the actor's command came with (Slack's workspace), else with the next one
// a platform gives (Feishu's group, at setup); only admins may.
func (s *Service) ResetTeamName(ctx context.Context, a Actor) (Team, error) {
	return s.updateTeam(ctx, a, func(t *Team) {
		t.NameSet = false
		if name := OneLine(a.TeamName); name != "" {
			t.Name = name
		}
	})
}
