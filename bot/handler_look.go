package bot

import (
	"context"

	"planbot/planner"
)

// looksOnly reports whether cmd only shows something: it stores nothing,
// sends nothing, and so needs no member to answer.
func looksOnly(cmd Command) bool {
	switch cmd.Verb {
	case VerbWeek, VerbTeam, VerbHelp, VerbHistory, VerbLeads, VerbTarget, VerbExport, VerbReport, VerbMistyped:
		return true
	case VerbDigest:
		return !cmd.Post
	}
	return false
}

// turn returns the Turn cmd is answered in: Begin's, but Peek's for a look
// when h joins members on their first write only.
func (h *Handler) turn(ctx context.Context, a planner.Actor, cmd Command) (*Turn, error) {
	if h.JoinOnWrite && looksOnly(cmd) {
		return h.Peek(ctx, a)
	}
	return h.Begin(ctx, a)
}

// Peek returns the actor's Turn as Begin does, without recording anything:
// a team or member not stored yet is as Begin would store it.
func (h *Handler) Peek(ctx context.Context, a planner.Actor) (*Turn, error) {
	team, err := h.Service.Team(ctx, a.TeamID)
	switch {
	case err != nil && planner.ErrorOf(err).Code == planner.NotFound:
		team = planner.Team{ID: a.TeamID, Name: planner.OneLine(a.TeamName)}
	case err != nil:
		return nil, err
	}
	members, err := h.Service.Members(ctx, a.TeamID)
	if err != nil {
		return nil, err
	}
	member := planner.Member{TeamID: a.TeamID, UserID: a.UserID, Name: planner.OneLine(a.UserName)}
	for _, m := range members {
		if m.UserID == a.UserID {
			member = m
		}
	}
	return h.turnOf(a, team, member), nil
}

// turnOf is the Turn of actor a, member of team.
func (h *Handler) turnOf(a planner.Actor, team planner.Team, member planner.Member) *Turn {
	a.Admin = a.Admin || member.IsAdmin
	return &Turn{Actor: a, Team: team, Member: member, Service: h.Service.For(team, member), weeks: h.Weeks}
}
