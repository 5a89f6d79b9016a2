package schedule

import (
	"context"

	"planbot/bot"
	"planbot/planner"
)

// horizons tells each admin of the team, in a direct message, that the
// team's holiday calendar lists no holidays for the coming year (or for this
// one), from 09:00 on December's first working day: through the delivery
// policy of the reminders, its identity the year, so each admin hears of it
// once a year whatever restarts and retries follow (planner.HorizonRun). A
// team without a holiday calendar (Monday to Friday) is told nothing; the
// notice is no weekly nudge, so neither /plan remind off nor a leave holds
// it back.
func (s *Scheduler) horizons(ctx context.Context, team planner.Team) error {
	svc := s.Service.For(team, planner.Member{})
	run, year, ok := planner.HorizonRun(s.calendar(svc), svc.Clock(), svc.Loc)
	if !ok {
		return nil
	}
	members, err := svc.Members(ctx, team.ID)
	if err != nil {
		return err
	}
	for _, m := range members {
		if ctx.Err() != nil {
			return nil
		}
		if !m.IsAdmin && !s.Admins[m.UserID] {
			continue
		}
		if s.deliver(ctx, svc, run, team.ID, m.UserID, func(ctx context.Context, _ planner.Send) (string, error) {
			return s.Messenger.Remind(ctx, team, m.UserID, bot.Reply{Lang: langOf(svc, team, m), Body: bot.CalendarHorizon{Year: year}})
		}) {
			s.pause(ctx)
		}
	}
	return nil
}

// WarnHorizon logs, when serve starts, that the holiday calendar the teams
// use lists no holidays for a year it should know by now (planner.Uncovered:
// this year, or next year from December's first working day), with how to
// update it, so that whoever runs planbot reads it in the log as well as the
// admins in chat. The zone is the service's default.
func (s *Scheduler) WarnHorizon() {
	svc := s.Service.For(planner.Team{}, planner.Member{})
	cal := s.Calendar
	if s.AutoCalendar {
		cal = planner.ChinaCalendar{}
	}
	if year, ok := planner.Uncovered(cal, svc.Clock(), svc.Loc); ok {
		s.Log.Warn("the holiday calendar has no holidays for year: only weekends are days off that year until planbot is rebuilt after `go get github.com/6tail/lunar-go@latest`",
			"year", year)
	}
}
