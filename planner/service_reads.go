package planner

import (
	"context"
	"fmt"
)

// The reads and profile writes below serve the chat adapters and the weekly
// jobs: they hold no rule beyond the store's, but keeping them on the Service
// means nothing outside planner and storage touches a Store.

// Teams lists every team.
func (s *Service) Teams(ctx context.Context) ([]Team, error) { return s.store.Teams(ctx) }

// Team returns a team's settings.
func (s *Service) Team(ctx context.Context, id string) (Team, error) { return s.store.Team(ctx, id) }

// Members lists a team's members.
func (s *Service) Members(ctx context.Context, teamID string) ([]Member, error) {
	return s.store.Members(ctx, teamID)
}

// Leaves lists a team's leaves (请假) that cover any day from from to to.
func (s *Service) Leaves(ctx context.Context, teamID string, from, to Date) ([]Item, error) {
	return s.store.Leaves(ctx, teamID, from, to)
}

// WeeklyTotals sums a team's items of one kind that start from from to to, by week.
func (s *Service) WeeklyTotals(ctx context.Context, teamID string, kind Kind, from, to Date) (map[Week]Totals, error) {
	return s.store.WeeklyTotals(ctx, teamID, kind, from, to)
}

// EnsureMember records userID as a member of team (creating both if needed)
// and returns the member as stored.
func (s *Service) EnsureMember(ctx context.Context, team Team, userID string) (Member, error) {
	_, m, err := s.store.EnsureMember(ctx, team, Member{TeamID: team.ID, UserID: userID})
	return m, err
}

// SaveProfile stores what the chat platform says of a member: name, zone,
// admin flag and when that was fetched.
func (s *Service) SaveProfile(ctx context.Context, m Member) error { return s.store.SetProfile(ctx, m) }

// Changeable loads the items ids name and refuses, before anything changes,
// any the actor may not change: someone else's (unless an admin asks), a
// cancelled one, or — when cancelling — one done already.
func (s *Service) Changeable(ctx context.Context, a Actor, ids []int64, cancelling bool) ([]Item, error) {
	items := make([]Item, 0, len(ids))
	for _, id := range ids {
		it, err := s.store.Item(ctx, a.TeamID, id)
		switch {
		case err != nil:
			return nil, err
		case it.UserID != a.UserID && !a.Admin:
			return nil, Errorf(Forbidden, ReasonNotYours, fmt.Sprint(id))
		case it.Status == StatusCancelled:
			return nil, Errorf(Conflict, ReasonCancelled, fmt.Sprint(id))
		case it.Status == StatusDone && cancelling:
			return nil, Errorf(Conflict, ReasonAlreadyDone, fmt.Sprint(id))
		}
		items = append(items, it)
	}
	return items, nil
}
