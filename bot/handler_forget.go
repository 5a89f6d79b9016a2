package bot

import (
	"context"

	"planbot/planner"
)

// forget erases member userID of the actor's team (admins only), named in
// the reply as the team knew them: their name is read before it is gone.
func (t *Turn) forget(ctx context.Context, userID string) (Body, planner.Lang, error) {
	members, err := t.Service.Members(ctx, t.Actor.TeamID)
	if err != nil {
		return nil, "", err
	}
	name := ""
	for _, m := range members {
		if m.UserID == userID {
			name = m.Name
		}
	}
	n, err := t.Service.Forget(ctx, t.Actor, userID)
	return Forgotten{UserID: userID, Name: name, Items: n}, "", err
}
