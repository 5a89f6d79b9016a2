package bot

import (
	"context"

	"planbot/planner"
)

// lead carries out a lead line: a company saved, or shown with its stage
// changes, each by the name of the member who made it.
func (t *Turn) lead(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	s := t.Service
	res, err := s.Lead(ctx, t.Actor, cmd.Args)
	if err != nil {
		return nil, "", err
	}
	v := LeadView{LeadResult: res, Zone: s.Loc, Today: s.Today()}
	if len(res.History) > 0 {
		members, err := s.Members(ctx, t.Actor.TeamID)
		if err != nil {
			return nil, "", err
		}
		v.Names = MemberNames(members)
	}
	return v, "", nil
}
