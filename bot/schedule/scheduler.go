// Package schedule runs planbot's weekly jobs — the retrospective to each
// team's channel, the plan and log reminders to each member — and the monthly
// report to each team's channel over a Messenger, so that it knows no chat
// platform. The delivery policy (each send claimed before it is sent,
// retried, caught up or given up) is planner's; this package decides what is
// due and sends it.
package schedule

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// Messenger is what the weekly jobs need of a chat platform. A retrospective
// is rendered by the platform into messages the scheduler passes back
// unopened: the summary first, then the replies in its thread.
type Messenger interface {
	// Remind sends r to one member privately and returns the message's id.
	Remind(ctx context.Context, team planner.Team, userID string, r bot.Reply) (string, error)
	// RetroMessages renders team's retrospective r in lang, the summary first.
	RetroMessages(team planner.Team, lang planner.Lang, r planner.Retro) []any
	// PostSummary posts a retrospective's summary to the team's channel,
	// marked as week's (or as a preview, which is no week's run) so that
	// FindSummary finds it, and returns its id.
	PostSummary(ctx context.Context, team planner.Team, week planner.Week, preview bool, summary any) (string, error)
	// PostReply posts a message in the thread of the summary thread.
	PostReply(ctx context.Context, team planner.Team, thread string, reply any) error
	// FindSummary returns the id of week's summary that planbot posted to the
	// team's channel since since, or "" when there is none.
	FindSummary(ctx context.Context, team planner.Team, week planner.Week, since time.Time) (string, error)
	// SendFile posts a file in the thread of the summary thread.
	SendFile(ctx context.Context, team planner.Team, thread string, f bot.File) error
	// MonthMessages renders team's monthly report r in lang, the summary
	// first; its replies are posted with PostReply, its chart with SendFile.
	MonthMessages(team planner.Team, lang planner.Lang, v bot.ReportView) []any
	// PostMonth posts a monthly report's summary to the team's channel,
	// marked as the report of the month that begins on month so that
	// FindMonth finds it, and returns its id.
	PostMonth(ctx context.Context, team planner.Team, month planner.Date, summary any) (string, error)
	// FindMonth returns the id of the summary of month's report that planbot
	// posted to the team's channel since since, or "" when there is none.
	FindMonth(ctx context.Context, team planner.Team, month planner.Date, since time.Time) (string, error)
}

// Scheduler runs the weekly jobs for every team, each send exactly once.
type Scheduler struct {
	Service   *planner.Service
	Messenger Messenger
	Log       *slog.Logger
	Calendar  planner.Calendar // working days for reminders; nil for none
	// AutoCalendar uses China's working calendar for the teams whose zone is
	// Asia/Shanghai (and none for the others), instead of Calendar.
	AutoCalendar bool
	Pace         time.Duration // the pause between two messages of a fan-out
	// ChartFont draws the chart attached in the retrospective's thread; nil:
	// no chart (no font with Chinese glyphs was found).
	ChartFont *report.Font
	// Admins are user ids configured as admins (PLANBOT_ADMINS,
	// FEISHU_ADMINS), told what admins are told (the calendar's horizon)
	// besides the members a platform reports as admins.
	Admins map[string]bool
	// Sent, when set, is told of every send recorded as finished (for metrics).
	Sent func(planner.Send)

	warned map[int]bool // years already reported as missing from the calendar

	once      sync.Once
	abandoned context.Context // ends at Abandon: what a stop lets finish is cut too
	abandon   context.CancelFunc
}

// Abandon cuts the work that a stop lets finish (a retrospective's thread,
// once its summary is out): shutdown calls it when its time is nearly up.
func (s *Scheduler) Abandon() {
	s.init()
	s.abandon()
}

func (s *Scheduler) init() {
	s.once.Do(func() { s.abandoned, s.abandon = context.WithCancel(context.Background()) })
}

// lasting returns ctx without its cancellation, so that a stop does not cut
// what it carries; Abandon ends it instead.
func (s *Scheduler) lasting(ctx context.Context) (context.Context, context.CancelFunc) {
	s.init()
	c, cancel := context.WithCancel(context.WithoutCancel(ctx))
	stop := context.AfterFunc(s.abandoned, cancel)
	return c, func() { stop(); cancel() }
}

// Run does what is due now, then again every interval, until ctx ends.
func (s *Scheduler) Run(ctx context.Context, every time.Duration) {
	s.Tick(ctx)
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			s.Tick(ctx)
		}
	}
}

// Tick sends every retrospective, then every monthly report, then every
// reminder, then every deadline's reminder (dues), then every admin's notice
// of a year missing from the holiday calendar (horizons), that is due and not yet
// sent, and gives up sends left pending too long. It stops between two sends
// when ctx ends, leaving the rest for the next start.
func (s *Scheduler) Tick(ctx context.Context) {
	teams, err := s.Service.Teams(ctx)
	if err != nil {
		s.Log.Error("scheduler: list teams", "err", err)
		return
	}
	s.sweep(ctx)
	for _, each := range []func(context.Context, planner.Team) error{s.retros, s.months, s.reminders, s.dues, s.horizons} {
		for _, team := range teams {
			if ctx.Err() != nil {
				return
			}
			if err := s.safely(ctx, team, each); err != nil {
				s.Log.Error("scheduler", "team", team.ID, "err", err)
			}
		}
	}
}

// safely runs one team's jobs, turning a panic into an error: one team's bad
// data or an odd answer from the platform must not stop the others, or the server.
func (s *Scheduler) safely(ctx context.Context, team planner.Team, job func(context.Context, planner.Team) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("panic: %v\n%s", p, debug.Stack())
		}
	}()
	return job(ctx, team)
}

// retros posts the team's retrospective when it is due.
func (s *Scheduler) retros(ctx context.Context, team planner.Team) error {
	if team.DigestChannel == "" {
		return nil
	}
	svc := s.Service.For(team, planner.Member{})
	schedules, err := svc.SchedulesOf(ctx, team.ID)
	if err != nil {
		return err
	}
	if run, ok := planner.LatestRun(svc.Clock(), schedules[planner.JobRetro], svc.Loc, nil); ok {
		s.deliver(ctx, svc, run, team.ID, "", func(ctx context.Context, send planner.Send) (string, error) {
			return s.retro(ctx, svc, team, run.Week, run.Late(svc.Clock()), send)
		})
	}
	return nil
}

// reminders sends each member of the team the reminders due in their zone,
// but for a member on leave (请假) on the reminder's day: that send is
// recorded as skipped.
func (s *Scheduler) reminders(ctx context.Context, team planner.Team) error {
	svc := s.Service.For(team, planner.Member{})
	cal := s.calendar(svc)
	schedules, err := svc.SchedulesOf(ctx, team.ID)
	if err != nil {
		return err
	}
	members, err := svc.Members(ctx, team.ID)
	if err != nil {
		return err
	}
	var leaves []planner.Item // read once a reminder is due: most ticks send none
	leavesRead := false
	for _, job := range []planner.Job{planner.JobPlan, planner.JobLog} {
		for _, m := range members {
			if ctx.Err() != nil {
				return nil
			}
			if m.RemindOff {
				continue
			}
			zone := svc.Zone(team, m)
			run, ok := planner.LatestRun(svc.Clock(), schedules[job], zone, cal)
			if !ok {
				continue
			}
			if !leavesRead {
				// A run may be up to MaxLate (36 h) old, and a member's zone a day off the team's.
				today := planner.DateOf(svc.Clock(), svc.Loc)
				if leaves, err = svc.Leaves(ctx, team.ID, today.AddDays(-3), today.AddDays(1)); err != nil {
					return err
				}
				leavesRead = true
			}
			if planner.OnLeave(leaves, m.UserID, planner.DateOf(run.At, zone)) {
				if err := svc.SkipSend(ctx, run, team.ID, m.UserID, "on leave"); err != nil {
					s.Log.Error("scheduler: record a skipped reminder", "team", team.ID, "job", run.Job, "err", err)
				}
				continue
			}
			if s.deliver(ctx, svc, run, team.ID, m.UserID, func(ctx context.Context, _ planner.Send) (string, error) {
				return s.remind(ctx, svc, team, m, run)
			}) {
				s.pause(ctx)
			}
		}
	}
	return nil
}

// deliver sends run to recipient through the planner's delivery policy, logs
// how it went and reports whether a message was sent (or tried).
func (s *Scheduler) deliver(ctx context.Context, svc *planner.Service, run planner.Run, teamID, recipient string, send func(context.Context, planner.Send) (string, error)) bool {
	d, err := svc.Deliver(ctx, run, teamID, recipient, send)
	if err != nil {
		s.Log.Error("scheduler: ledger", "team", teamID, "job", run.Job, "err", err)
	}
	if !d.Tried {
		if d.Missed {
			level := slog.LevelInfo // one line a member for reminders; a missed retrospective matters more
			if recipient == "" {
				level = slog.LevelWarn
			}
			s.Log.Log(ctx, level, "scheduler: skipped a run missed for too long", "team", teamID, "job", run.Job, "week", run.Week, "recipient", recipient)
		}
		return false
	}
	s.finished(d.Send, d.Err)
	return true
}

// finished logs and counts a send recorded after it was tried.
func (s *Scheduler) finished(send planner.Send, err error) {
	switch {
	case err == nil:
	case send.State == planner.RunFailed:
		s.Log.Error("scheduler: gave up a send", "team", send.TeamID, "job", send.Job, "week", send.Week, "recipient", send.Recipient, "err", err)
	default:
		s.Log.Warn("scheduler: send failed, will retry", "team", send.TeamID, "job", send.Job, "attempt", send.Attempts, "err", err)
	}
	if s.Sent != nil {
		s.Sent(send)
	}
}

// calendar returns the working calendar for a team's reminders, and warns
// once a year when it does not know the year's holidays.
func (s *Scheduler) calendar(svc *planner.Service) planner.Calendar {
	cal := s.Calendar
	if s.AutoCalendar {
		cal = nil
		if svc.Loc.String() == "Asia/Shanghai" {
			cal = planner.ChinaCalendar{}
		}
	}
	if year := planner.DateOf(svc.Clock(), svc.Loc).Year; cal != nil && !cal.Covers(year) && !s.warned[year] {
		if s.warned == nil {
			s.warned = map[int]bool{}
		}
		s.warned[year] = true
		s.Log.Warn("scheduler: the holiday calendar does not cover this year; only weekends are days off", "year", year)
	}
	return cal
}

// sweep gives up the sends still pending more than MaxLate after they were
// due (a crash, then a long downtime): they are recorded as failed and
// reported, never left pending in silence.
func (s *Scheduler) sweep(ctx context.Context) {
	given, err := s.Service.GiveUpOverdue(ctx)
	if err != nil {
		s.Log.Error("scheduler: pending sends", "err", err)
	}
	for _, send := range given {
		s.finished(send, fmt.Errorf("%s", send.Detail))
	}
}

// pause waits Pace between two messages, or less if ctx ends.
func (s *Scheduler) pause(ctx context.Context) {
	if s.Pace <= 0 {
		return
	}
	t := time.NewTimer(s.Pace)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// remind sends one member their reminder as a direct message.
func (s *Scheduler) remind(ctx context.Context, svc *planner.Service, team planner.Team, m planner.Member, run planner.Run) (string, error) {
	week := run.Week
	if run.Job == planner.JobPlan {
		week = week.Prev() // "plan your week" lists last week's open items
	}
	items, err := svc.ItemsOf(ctx, team.ID, m.UserID, week)
	if err != nil {
		return "", err
	}
	var open []planner.Item
	for _, it := range items {
		if it.Status == planner.StatusPlanned && it.Kind != planner.KindLeave { // a leave is nothing to get done
			open = append(open, it)
		}
	}
	return s.Messenger.Remind(ctx, team, m.UserID, bot.Reply{Lang: langOf(svc, team, m), Body: bot.Reminder{Job: run.Job, Week: run.Week, Items: open}})
}

// langOf is the language a direct message to member m is written in: their
// own, else the team's.
func langOf(svc *planner.Service, team planner.Team, m planner.Member) planner.Lang {
	if m.Lang != "" {
		return m.Lang
	}
	return svc.For(team, m).Lang
}
