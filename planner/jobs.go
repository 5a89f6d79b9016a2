package planner

import (
	"context"
	"time"
)

// SchedulesOf returns the schedule of every job of a team: what its admins
// set, else the defaults.
func (s *Service) SchedulesOf(ctx context.Context, teamID string) (map[Job]Schedule, error) {
	set, err := s.store.Schedules(ctx, teamID)
	if err != nil {
		return nil, err
	}
	out := map[Job]Schedule{}
	for _, j := range Jobs {
		out[j] = DefaultSchedule(j)
	}
	for _, sch := range set {
		out[sch.Job] = sch
	}
	return out, nil
}

// SetSchedule changes when one of the team's jobs runs; only admins may.
func (s *Service) SetSchedule(ctx context.Context, a Actor, sch Schedule) error {
	if err := CheckAdmin(a); err != nil {
		return err
	}
	return s.store.SetSchedule(ctx, a.TeamID, sch)
}

// SetRemindOff turns the actor's reminders off (or back on).
func (s *Service) SetRemindOff(ctx context.Context, a Actor, off bool) error {
	return s.store.SetRemindOff(ctx, a.TeamID, a.UserID, off)
}

// Zone returns the time zone a member lives in: their own when known, else
// the team's, else the service's.
func (s *Service) Zone(team Team, m Member) *time.Location { return s.For(team, m).Loc }

// Clock returns the service's calendar clock's current instant.
func (s *Service) Clock() time.Time { return s.now() }
