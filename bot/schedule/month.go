package schedule

import (
	"context"
	"fmt"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// months posts the month before's report to the team's channel when it is
// due: on the first working day of the month, by the team's calendar (as the
// reminders have it), at the time its admins set.
func (s *Scheduler) months(ctx context.Context, team planner.Team) error {
	if team.DigestChannel == "" {
		return nil
	}
	svc := s.Service.For(team, planner.Member{})
	schedules, err := svc.SchedulesOf(ctx, team.ID)
	if err != nil {
		return err
	}
	run, ok := planner.MonthlyRun(svc.Clock(), schedules[planner.JobMonth], svc.Loc, s.calendar(svc))
	if !ok {
		return nil
	}
	s.deliver(ctx, svc, run, team.ID, "", func(ctx context.Context, send planner.Send) (string, error) {
		return s.month(ctx, svc, team, run, send)
	})
	return nil
}

// month posts the report of the month run is for: its summary, then any
// further parts in its thread, then its chart. On a retry it first looks for
// a summary a crashed attempt may have posted, as a retrospective's retry
// does, so that it is never posted twice, and posts the parts still missing.
func (s *Scheduler) month(ctx context.Context, svc *planner.Service, team planner.Team, run planner.Run, send planner.Send) (string, error) {
	from, to, ok := planner.ReportedMonth(run.Week)
	if !ok {
		return "", fmt.Errorf("monthly report: no month begins in %s", run.Week)
	}
	r, err := svc.Report(ctx, team.ID, from, to, "")
	if err != nil {
		return "", err
	}
	msgs := s.Messenger.MonthMessages(team, svc.Lang, bot.MonthReport(r, svc.Today()))
	if send.Attempts > 1 {
		ref, err := s.Messenger.FindMonth(ctx, team, from, send.DueAt.Add(-planner.LateAfter))
		if err != nil {
			return "", err
		}
		if ref != "" {
			s.monthParts(ctx, svc, team, r, msgs, ref)
			return ref, nil
		}
	}
	ref, err := s.Messenger.PostMonth(ctx, team, from, msgs[0])
	if err != nil {
		return "", err
	}
	s.monthParts(ctx, svc, team, r, msgs, ref)
	return ref, nil
}

// monthParts posts, in the thread of the report r's summary ref, the replies
// msgs[1:] and the chart, each claimed first, as a retrospective's parts
// are: none twice, a failure logged, the report still posted.
func (s *Scheduler) monthParts(ctx context.Context, svc *planner.Service, team planner.Team, r planner.Report, msgs []any, ref string) {
	ctx, cancel := s.lasting(ctx)
	defer cancel()
	log := s.Log.With("team", team.ID, "month", r.From)
	s.postReplies(ctx, svc, team, msgs, ref, "monthly report", log)
	s.attach(ctx, svc, team, ref, "monthly report", log, func(context.Context) (bot.File, bool, error) {
		return report.MonthChart(r, svc.Lang, s.ChartFont)
	})
}
