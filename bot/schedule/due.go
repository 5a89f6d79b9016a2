package schedule

import (
	"context"

	"planbot/bot"
	"planbot/planner"
)

// dues sends the owner of each company whose deadline has passed one direct
// message (督办), on the first working day after the deadline, at
// 09:00 in the owner's zone: through the delivery policy of the
// reminders, its identity the company and the deadline's day, so it goes
// once, whatever restarts and retries. The working days are the reminders'
// calendar (China's for a team in Asia/Shanghai), Monday to Friday without
// one. A company without an owner (forgotten) gets none; a reminder is no
// weekly nudge, so neither /plan remind off nor a leave holds it back.
func (s *Scheduler) dues(ctx context.Context, team planner.Team) error {
	svc := s.Service.For(team, planner.Member{})
	companies, err := svc.Deadlines(ctx, team.ID)
	if err != nil || len(companies) == 0 {
		return err
	}
	today := planner.DateOf(svc.Clock(), svc.Loc)
	var members map[string]planner.Member // read once a reminder is due: most ticks send none
	cal := s.calendar(svc)
	for _, c := range companies {
		if ctx.Err() != nil {
			return nil
		}
		if !c.Due.Overdue(today.AddDays(1)) { // due no sooner than tomorrow: in no one's zone yet
			break
		}
		if members == nil {
			if members, err = s.membersByID(ctx, svc, team.ID); err != nil {
				return err
			}
		}
		m, ok := members[c.OwnerID]
		if !ok {
			continue // no owner, or one who was forgotten
		}
		zone := svc.Zone(team, m)
		run, ok := planner.DueRun(c, cal, zone)
		if !ok || !planner.DueNow(run, svc.Clock()) {
			continue
		}
		if s.deliver(ctx, svc, run, team.ID, m.UserID, func(ctx context.Context, _ planner.Send) (string, error) {
			return s.Messenger.Remind(ctx, team, m.UserID, bot.Reply{Lang: langOf(svc, team, m), Body: bot.DueReminder{Company: c}})
		}) {
			s.pause(ctx)
		}
	}
	return nil
}

// membersByID returns the team's members by user id.
func (s *Scheduler) membersByID(ctx context.Context, svc *planner.Service, teamID string) (map[string]planner.Member, error) {
	members, err := svc.Members(ctx, teamID)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]planner.Member, len(members))
	for _, m := range members {
		byID[m.UserID] = m
	}
	return byID, nil
}
