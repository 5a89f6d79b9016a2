package planner

import (
	"cmp"
	"context"
	"time"
)

// For returns the service as it works for one member of one team: the
// member's own zone when known, else the team's, else the server's; the
// team's language, else the server's, else (none given) the one of the
// team's zone (zoneLang).
func (s *Service) For(team Team, m Member) *Service {
	c := *s
	for _, name := range []string{m.TZ, team.TZ} {
		if loc, err := time.LoadLocation(name); name != "" && err == nil {
			c.Loc = loc
			break
		}
	}
	c.guessed = s.byZone && team.Lang == ""
	switch {
	case team.Lang != "":
		c.Lang = team.Lang
	case c.guessed:
		c.Lang = zoneLang(cmp.Or(team.TZ, s.home.String()))
	}
	return &c
}

// Join records the actor as a member of their team and returns the team, with
// its settings, and the member as stored. The names Slack gave are kept on
// one line, without control characters (OneLine).
func (s *Service) Join(ctx context.Context, a Actor) (Team, Member, error) {
	return s.store.EnsureMember(ctx, Team{ID: a.TeamID, Name: OneLine(a.TeamName)},
		Member{TeamID: a.TeamID, UserID: a.UserID, Name: OneLine(a.UserName)})
}

// SetTeamZone sets the team's time zone; only admins may.
func (s *Service) SetTeamZone(ctx context.Context, a Actor, zone string) (Team, error) {
	if _, err := time.LoadLocation(zone); err != nil || zone == "" || zone == "Local" {
		return Team{}, Errorf(Invalid, ReasonBadZone, zone)
	}
	return s.updateTeam(ctx, a, func(t *Team) { t.TZ = zone })
}

// SetTeamLang sets the team's default language; only admins may.
func (s *Service) SetTeamLang(ctx context.Context, a Actor, lang Lang) (Team, error) {
	return s.updateTeam(ctx, a, func(t *Team) { t.Lang = lang })
}

// SetDigestChannel makes channel the team's digest channel; only admins may.
func (s *Service) SetDigestChannel(ctx context.Context, a Actor, channel string) (Team, error) {
	if channel == "" {
		return Team{}, Errorf(Invalid, ReasonNoChannel, "")
	}
	return s.updateTeam(ctx, a, func(t *Team) { t.DigestChannel = channel })
}

// Forget erases userID, a member of the actor's team who left, with their
// items, those items' history, their notes and the reminders sent to them, and
// returns how many items went. Only admins may (an admin may forget themself).
// An unknown member is a NotFound error (Reason no_member).
func (s *Service) Forget(ctx context.Context, a Actor, userID string) (int, error) {
	if err := CheckAdmin(a); err != nil {
		return 0, err
	}
	if userID == "" {
		return 0, Errorf(NotFound, ReasonNoMember, userID)
	}
	return s.store.ForgetMember(ctx, a.TeamID, userID)
}

// CheckAdmin returns a Forbidden error unless the actor is one of the team's admins.
func CheckAdmin(a Actor) error {
	if !a.Admin {
		return Errorf(Forbidden, ReasonNotAdmin, "")
	}
	return nil
}

func (s *Service) updateTeam(ctx context.Context, a Actor, change func(*Team)) (Team, error) {
	if err := CheckAdmin(a); err != nil {
		return Team{}, err
	}
	team, err := s.store.Team(ctx, a.TeamID)
	if err != nil {
		return Team{}, err
	}
	change(&team)
	return team, s.store.UpdateTeam(ctx, team)
}
