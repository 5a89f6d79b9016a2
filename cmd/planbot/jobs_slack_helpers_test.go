package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/image/font/gofont/goregular"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/bot/schedule"
	slackbot "planbot/bot/slack"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// The fixtures of the weekly jobs over Slack: the scheduler and the Slack
// adapter wired as serve wires them (environment.slackApp, and the scheduler over the messengers serve routes by team),
// on a fresh SQLite database at a settable clock, talking to a slacktest fake.

// jobsGuard bounds every wait of these tests; nothing sleeps.
const jobsGuard = 10 * time.Second

// The message metadata types planbot marks a retrospective with (bot/slack's
// retroEvent and previewEvent): the week's run, and a preview.
const (
	retroEvent   = "planbot_retro"
	previewEvent = "planbot_retro_preview"
)

// uploadFlow is Slack's external upload flow, once.
const uploadFlow = "files.getUploadURLExternal upload files.completeUploadExternal"

// clock is a settable calendar clock, read by the fake's handlers too.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

// Now returns the clock's time.
func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// set moves the clock to at.
func (c *clock) set(at time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = at
}

// add moves the clock on by d.
func (c *clock) add(d time.Duration) { c.set(c.Now().Add(d)) }

// at is a time in Shanghai, "2006-01-02 15:04".
func at(s string) time.Time {
	v, err := time.ParseInLocation("2006-01-02 15:04", s, plannertest.Shanghai)
	if err != nil {
		panic(err)
	}
	return v
}

// jobs is one planbot process's weekly jobs: the scheduler, the handler the
// members type to and the SlackApp, as serve wires them to Slack.
type jobs struct {
	*schedule.Scheduler
	Handler *bot.Handler
	App     *slackbot.SlackApp
	log     *bytes.Buffer // what the process logged
}

// newJobs is a planbot process on a fresh database with one team T1 and
// members U1..Un (admins all), at the clock c, talking to the fake f. The
// team's retrospective goes to channel, if not "".
func newJobs(t *testing.T, f *slacktest.Server, c *clock, members int, channel string) *jobs {
	t.Helper()
	svc, _ := storagetest.Service(t)
	svc.Now = c.Now
	f.SetClock(c.Now)
	h := &bot.Handler{Service: svc}
	ctx := t.Context()
	for i := 1; i <= members; i++ {
		a := planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: fmt.Sprintf("U%d", i), UserName: fmt.Sprintf("member %d", i), Admin: true}
		if _, err := h.Begin(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if channel != "" {
		if _, err := svc.SetDigestChannel(ctx, planner.Actor{TeamID: "T1", Admin: true}, channel); err != nil {
			t.Fatal(err)
		}
	}
	return restart(t, svc, f)
}

// restart is a new planbot process on the same database and Slack: the
// adapter and the scheduler built as serve builds them, with China's
// working calendar (PLANBOT_CALENDAR=cn).
func restart(t *testing.T, svc *planner.Service, f *slacktest.Server) *jobs {
	t.Helper()
	var log bytes.Buffer
	e := &environment{getenv: func(string) string { return "" }, now: svc.Now, log: slog.New(slog.NewTextHandler(&log, nil))}
	app, _ := e.slackApp(svc, slackConfig{botToken: "xoxb-test", apiURL: f.APIURL()})
	s := &schedule.Scheduler{
		Service: svc, Messenger: messengers{slack: slackbot.Messenger{API: app.API}}, Log: e.log,
		Sent: app.Metrics.CountSend, Calendar: planner.ChinaCalendar{},
	}
	app.Poster = s
	return &jobs{Scheduler: s, Handler: app.Handler, App: app, log: &log}
}

// restart is a new planbot process on j's database and Slack f.
func (j *jobs) restart(t *testing.T, f *slacktest.Server) *jobs { return restart(t, j.Service, f) }

// withFont gives j's retrospective a chart font (Go's, for English names).
func (j *jobs) withFont(t *testing.T) {
	t.Helper()
	font, err := report.ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	j.ChartFont = font
}

// db is j's database.
func (j *jobs) db() *storage.DB { return storagetest.DB(j.Service) }

// noWork is a bot.Platform for commands that ask no work beyond their answer.
type noWork struct{}

var errNoWork = errors.New("these tests type no command that asks for work")

func (noWork) SetupChannel(context.Context, bot.Work) error                  { return errNoWork }
func (noWork) OpenForm(context.Context, bot.Work) error                      { return errNoWork }
func (noWork) PostRetro(context.Context, bot.Work, planner.Week, bool) error { return errNoWork }
func (noWork) SendReport(context.Context, bot.Work, planner.Week) error      { return errNoWork }

func (noWork) SendPeriodReport(context.Context, bot.Work, planner.Period) error { return errNoWork }

// mustType has member userID of team T1 type line, and fails the test on a
// bot.Failure.
func (j *jobs) mustType(t *testing.T, userID, line string) bot.Reply {
	t.Helper()
	r := j.Handler.Handle(t.Context(), noWork{}, planner.Actor{TeamID: "T1", UserID: userID}, bot.ParseCommand(line))
	if f, ok := r.Body.(bot.Failure); ok {
		t.Fatalf("%s: %q failed: %v", userID, line, f.Err)
	}
	return r
}

// markSent records a send as done, as a planbot that ran before would have.
func (j *jobs) markSent(t *testing.T, job planner.Job, week planner.Week, recipient string) {
	t.Helper()
	now := j.Service.Clock()
	send, _, err := j.db().ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: job, Week: week, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: now, UpdatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	send.State = planner.RunSent
	if err := j.db().UpdateSend(t.Context(), send); err != nil {
		t.Fatal(err)
	}
}

// ledgerRow returns the stored send of job for week and recipient, and
// whether it was there. It claims one when there is none, so call it only
// when a row must exist or at the end of a test.
func (j *jobs) ledgerRow(t *testing.T, job planner.Job, week planner.Week, recipient string) (planner.Send, bool) {
	t.Helper()
	now := j.Service.Clock()
	send, created, err := j.db().ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: job, Week: week, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: now, UpdatedAt: now,
	})
	if err != nil {
		t.Fatalf("ClaimSend: %v", err)
	}
	return send, !created
}

// pendingSends fails the test unless the ledger has no send pending.
func (j *jobs) noPendingSends(t *testing.T, what string) {
	t.Helper()
	if pending, err := j.db().PendingSends(t.Context()); err != nil || len(pending) != 0 {
		t.Errorf("%s: pending sends %+v, %v", what, pending, err)
	}
}

// summaries returns the retrospective's summaries posted to CRETRO (its
// thread's parts carry thread_ts).
func summaries(f *slacktest.Server) []slacktest.Message {
	var out []slacktest.Message
	for _, m := range f.PostsTo("CRETRO") {
		if m.ThreadTS == "" {
			out = append(out, m)
		}
	}
	return out
}

// uploadSteps returns the steps of the upload flow Slack saw, in order.
func uploadSteps(f *slacktest.Server) string {
	var steps []string
	for _, c := range f.Calls("") {
		if slices.Contains(strings.Fields(uploadFlow), c.Method) {
			steps = append(steps, c.Method)
		}
	}
	return strings.Join(steps, " ")
}

// reminders counts the direct messages each member got, by channel (D<user>).
func reminders(f *slacktest.Server) map[string]int {
	got := map[string]int{}
	for _, ch := range f.Channels() {
		got[ch]++
	}
	return got
}
