package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"planbot/chart"
	"planbot/planner"
)

// Scheduler runs planbot's weekly jobs for every team — the retrospective to
// the team's channel, the two reminders to each member — each exactly once.
// Every send is claimed in the ledger before anything is sent; the decisions
// are planner.LatestRun's, so the loop itself stays thin.
type Scheduler struct {
	App      *SlackApp
	Calendar planner.Calendar // working days for reminders; nil for none
	// AutoCalendar uses China's working calendar for the teams whose zone is
	// Asia/Shanghai (and none for the others), instead of Calendar.
	AutoCalendar bool
	Pace         time.Duration // the pause between two messages of a fan-out
	// ChartFont draws the chart attached in the retrospective's thread; nil:
	// no chart (no font with Chinese glyphs was found).
	ChartFont *chart.Font

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

// MaxAttempts is how often a send is tried before it is given up as failed.
const MaxAttempts = 5

// retroEvent is the message metadata type that marks a posted retrospective,
// so that a post left in flight by a crash can be found in the channel.
const retroEvent = "planbot_retro"

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

// Tick sends every retrospective, then every reminder, that is due and not
// yet sent, and gives up sends left pending too long. It stops between two
// sends when ctx ends, leaving the rest for the next start.
func (s *Scheduler) Tick(ctx context.Context) {
	store := s.App.Handler.Service.Store
	teams, err := store.Teams(ctx)
	if err != nil {
		s.App.Log.Error("scheduler: list teams", "err", err)
		return
	}
	s.sweep(ctx)
	for _, each := range []func(context.Context, planner.Team) error{s.retros, s.reminders} {
		for _, team := range teams {
			if ctx.Err() != nil {
				return
			}
			if err := s.safely(ctx, team, each); err != nil {
				s.App.Log.Error("scheduler", "team", team.ID, "err", err)
			}
		}
	}
}

// safely runs one team's jobs, turning a panic into an error: one team's bad
// data or an odd answer from Slack must not stop the others, or the server.
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
	svc := s.App.Handler.Service.For(team, planner.Member{})
	schedules, err := svc.SchedulesOf(ctx, team.ID)
	if err != nil {
		return err
	}
	if run, ok := planner.LatestRun(svc.Clock(), schedules[planner.JobRetro], svc.Loc, nil); ok {
		if send, ok := s.begin(ctx, svc, run, team.ID, ""); ok {
			ts, err := s.retro(ctx, svc, team, run.Week, run.Late(svc.Clock()), send)
			s.finish(ctx, svc, send, ts, err)
		}
	}
	return nil
}

// reminders sends each member of the team the reminders due in their zone,
// but for a member on leave (请假) on the reminder's day: that send is
// recorded as skipped.
func (s *Scheduler) reminders(ctx context.Context, team planner.Team) error {
	svc := s.App.Handler.Service.For(team, planner.Member{})
	cal := s.calendar(svc)
	schedules, err := svc.SchedulesOf(ctx, team.ID)
	if err != nil {
		return err
	}
	members, err := svc.Store.Members(ctx, team.ID)
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
				if leaves, err = svc.Store.Leaves(ctx, team.ID, today.AddDays(-3), today.AddDays(1)); err != nil {
					return err
				}
				leavesRead = true
			}
			if planner.OnLeave(leaves, m.UserID, planner.DateOf(run.At, zone)) {
				s.skip(ctx, svc, run, team.ID, m.UserID, "on leave")
				continue
			}
			if send, ok := s.begin(ctx, svc, run, team.ID, m.UserID); ok {
				ts, err := s.remind(ctx, team, m, run)
				s.finish(ctx, svc, send, ts, err)
				s.pause(ctx)
			}
		}
	}
	return nil
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
		s.App.Log.Warn("scheduler: the holiday calendar does not cover this year; only weekends are days off", "year", year)
	}
	return cal
}

// sweep gives up the sends still pending more than MaxLate after they were
// due (a crash, then a long downtime): they are recorded as failed and
// reported, never left pending in silence.
func (s *Scheduler) sweep(ctx context.Context) {
	svc := s.App.Handler.Service
	pending, err := svc.Store.PendingSends(ctx)
	if err != nil {
		s.App.Log.Error("scheduler: pending sends", "err", err)
		return
	}
	for _, send := range pending {
		if svc.Clock().Sub(send.DueAt) > planner.MaxLate {
			send.Attempts = max(send.Attempts, MaxAttempts)
			s.finish(ctx, svc, send, "", errors.New("still pending long after it was due"))
		}
	}
}

// begin claims the send of run to recipient and says whether to send it now:
// a new claim (unless too late: then it is recorded as skipped), or a pending
// send whose back-off has passed (a failure, or a crash while sending).
func (s *Scheduler) begin(ctx context.Context, svc *planner.Service, run planner.Run, teamID, recipient string) (planner.Send, bool) {
	now := svc.Clock()
	send, created, err := svc.Store.ClaimSend(ctx, planner.Send{
		TeamID: teamID, Job: run.Job, Week: run.Week, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: run.At, UpdatedAt: now,
	})
	switch {
	case err != nil:
		s.App.Log.Error("scheduler: claim", "team", teamID, "job", run.Job, "err", err)
		return send, false
	case created && now.Sub(send.DueAt) > planner.MaxLate:
		send.State, send.Detail, send.UpdatedAt = planner.RunSkipped, "more than 36 h late", now
		level := slog.LevelInfo // one line a member for reminders; a missed retrospective matters more
		if recipient == "" {
			level = slog.LevelWarn
		}
		s.App.Log.Log(ctx, level, "scheduler: skipped a run missed for too long", "team", teamID, "job", run.Job, "week", run.Week, "recipient", recipient)
		s.record(ctx, svc, send)
		return send, false
	case created:
		return send, true
	case send.State != planner.RunPending || now.Sub(send.UpdatedAt) < backoff(send.Attempts):
		return send, false
	}
	send.Attempts++
	send.UpdatedAt = now
	return send, s.record(ctx, svc, send) == nil // the attempt is on record before it is made
}

// skip records the send of run to recipient as skipped, for why, unless the
// ledger has it sent (or failed, or skipped) already.
func (s *Scheduler) skip(ctx context.Context, svc *planner.Service, run planner.Run, teamID, recipient, why string) {
	now := svc.Clock()
	send, created, err := svc.Store.ClaimSend(ctx, planner.Send{
		TeamID: teamID, Job: run.Job, Week: run.Week, Recipient: recipient,
		State: planner.RunPending, Attempts: 0, DueAt: run.At, UpdatedAt: now,
	})
	if err != nil {
		s.App.Log.Error("scheduler: claim", "team", teamID, "job", run.Job, "err", err)
		return
	}
	if created || send.State == planner.RunPending { // a failed try is not tried again
		send.State, send.Detail, send.UpdatedAt = planner.RunSkipped, why, now
		s.record(ctx, svc, send)
	}
}

// backoff is how long a send waits after its n-th attempt before the next.
func backoff(attempts int) time.Duration { return time.Duration(1<<min(attempts, 6)) * time.Minute / 2 }

// finish records how a send went: sent, or failed for now (retried after a
// back-off), or — a reminder, after MaxAttempts — given up and reported;
// never silently dropped.
func (s *Scheduler) finish(ctx context.Context, svc *planner.Service, send planner.Send, ts string, err error) {
	send.UpdatedAt = svc.Clock()
	switch {
	case err == nil:
		send.State, send.MessageTS, send.Detail = planner.RunSent, ts, ""
	case send.Attempts >= MaxAttempts && send.Recipient != "":
		// A reminder is given up; the retrospective keeps trying until the
		// sweep gives it up, MaxLate after it was due.
		send.State, send.Detail = planner.RunFailed, err.Error()
		s.App.Log.Error("scheduler: gave up a send", "team", send.TeamID, "job", send.Job, "week", send.Week, "recipient", send.Recipient, "err", err)
	default:
		send.Detail = err.Error()
		s.App.Log.Warn("scheduler: send failed, will retry", "team", send.TeamID, "job", send.Job, "attempt", send.Attempts, "err", err)
	}
	s.App.Metrics.sends.WithLabelValues(string(send.Job), string(send.State)).Inc()
	s.record(ctx, svc, send)
}

func (s *Scheduler) record(ctx context.Context, svc *planner.Service, send planner.Send) error {
	// The record must outlive a cancelled ctx: the send happened.
	err := svc.Store.UpdateSend(context.WithoutCancel(ctx), send)
	if err != nil {
		s.App.Log.Error("scheduler: record send", "team", send.TeamID, "job", send.Job, "err", err)
	}
	return err
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
func (s *Scheduler) remind(ctx context.Context, team planner.Team, m planner.Member, run planner.Run) (string, error) {
	t := &Turn{Actor: planner.Actor{TeamID: team.ID, UserID: m.UserID}, Team: team, Member: m, Service: s.App.Handler.Service.For(team, m)}
	week := run.Week
	if run.Job == planner.JobPlan {
		week = week.Prev() // "plan your week" lists last week's open items
	}
	items, err := t.Service.ItemsOf(ctx, team.ID, m.UserID, week)
	if err != nil {
		return "", err
	}
	var open []planner.Item
	for _, it := range items {
		if it.Status == planner.StatusPlanned && it.Kind != planner.KindLeave { // a leave is nothing to get done
			open = append(open, it)
		}
	}
	ch, _, _, err := s.App.API.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{m.UserID}})
	switch {
	case err != nil:
		return "", fmt.Errorf("conversations.open %s: %w", m.UserID, err)
	case ch == nil || ch.ID == "":
		return "", fmt.Errorf("conversations.open %s: no channel in Slack's answer", m.UserID)
	}
	msg := NewSlackResponse(Reply{Lang: t.Lang(), Body: Reminder{Job: run.Job, Week: run.Week, Items: open}})
	_, ts, err := s.App.API.PostMessageContext(ctx, ch.ID, slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks.BlockSet...))
	return ts, err
}
