package main

import (
	"context"
	"fmt"

	"planbot/planner"
)

// forget erases a member who left, for good: their items with those items'
// history, their notes and the reminders sent to them (planner.Service.Forget).
func (e *environment) forget(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("forget", &cfg, e.getenv, e.stderr)
	user := fs.String("user", "", "the user id of the member to erase, like U012ABC (required)")
	team := fs.String("team", "", "the team (required when there are several)")
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	if *user == "" {
		return usagef("forget: give the member's user id: planbot forget --user U012ABC [--team T]")
	}
	svc, closeDB, err := e.open(ctx, &cfg, false)
	if err != nil {
		return err
	}
	defer closeErr(closeDB, &err)
	t, _, err := e.teamAndWeek(ctx, svc, *team, "")
	if err != nil {
		return err
	}
	// Whoever runs planbot on the server is an admin of every team.
	operator := planner.Actor{TeamID: t.ID, TeamName: t.Name, UserID: "planbot-cli", Admin: true}
	name := teamLabel(t)
	items, err := svc.Forget(ctx, operator, *user)
	if err != nil {
		if planner.ErrorOf(err).Code == planner.NotFound {
			return usagef("forget: team %s has no member %q", name, *user)
		}
		return err
	}
	_, err = fmt.Fprintf(e.stdout, "forgot member %s of team %s: erased %d items with their history, their notes and their reminders\n",
		*user, name, items)
	return err
}
