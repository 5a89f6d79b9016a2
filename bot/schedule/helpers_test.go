package schedule

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// The fixtures of the scheduler's own tests: a team on a fresh SQLite
// database at a settable clock, and a Messenger that is no chat platform but
// function fields, recording every call.

// at returns the instant written "YYYY-MM-DD hh:mm" in Shanghai.
func at(s string) time.Time {
	v, err := time.ParseInLocation("2006-01-02 15:04", s, plannertest.Shanghai)
	if err != nil {
		panic(err)
	}
	return v
}

// w48 is the week after plannertest.W47 (Monday 2025-11-17 to Sunday
// 2025-11-23, whose retrospective is due Sunday 18:00).
var w48 = plannertest.W47.Next()

// clock is a settable calendar clock.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// messenger is a Messenger whose methods call its function fields, each
// after recording the call; a nil field does what a chat platform that
// accepts everything would. Safe for concurrent use.
type messenger struct {
	mu    sync.Mutex
	calls []string // one line a call: what was asked, of whom

	RemindFunc        func(ctx context.Context, team planner.Team, userID string, r bot.Reply) (string, error)
	RetroMessagesFunc func(lang planner.Lang, r planner.Retro) []any
	PostSummaryFunc   func(ctx context.Context, team planner.Team, week planner.Week, preview bool, summary any) (string, error)
	PostReplyFunc     func(ctx context.Context, team planner.Team, thread string, reply any) error
	FindSummaryFunc   func(ctx context.Context, team planner.Team, week planner.Week, since time.Time) (string, error)
	SendFileFunc      func(ctx context.Context, team planner.Team, thread string, f bot.File) error
	PostMonthFunc     func(ctx context.Context, team planner.Team, month planner.Date, summary any) (string, error)
	FindMonthFunc     func(ctx context.Context, team planner.Team, month planner.Date, since time.Time) (string, error)

	reminders []bot.Reply      // what Remind was given, in order
	retros    []planner.Retro  // what RetroMessages was given, in order
	files     []bot.File       // what SendFile was given, in order
	months    []planner.Report // what MonthMessages was given, in order
	summaries int              // summaries posted, for their ids
}

// retroParts is how many messages the fake renders a retrospective into: the
// summary and two replies in its thread.
const retroParts = 3

func (m *messenger) record(format string, args ...any) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, fmt.Sprintf(format, args...))
}

// Calls returns the calls made so far, one line each, and forgets them.
func (m *messenger) Calls() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	out := m.calls
	m.calls = nil
	return out
}

func (m *messenger) Remind(ctx context.Context, team planner.Team, userID string, r bot.Reply) (string, error) {
	m.record("remind %s/%s", team.ID, userID)
	m.mu.Lock()
	m.reminders = append(m.reminders, r)
	m.mu.Unlock()
	if m.RemindFunc != nil {
		return m.RemindFunc(ctx, team, userID, r)
	}
	return "dm-" + userID, nil
}

// RetroMessages renders r as retroParts strings naming the week and the part.
func (m *messenger) RetroMessages(team planner.Team, lang planner.Lang, r planner.Retro) []any {
	m.mu.Lock()
	m.retros = append(m.retros, r)
	m.mu.Unlock()
	if m.RetroMessagesFunc != nil {
		return m.RetroMessagesFunc(lang, r)
	}
	msgs := make([]any, retroParts)
	for i := range msgs {
		msgs[i] = fmt.Sprintf("%s part %d", r.Week, i+1)
	}
	return msgs
}

func (m *messenger) PostSummary(ctx context.Context, team planner.Team, week planner.Week, preview bool, summary any) (string, error) {
	m.record("summary %s %s %s preview=%t: %v", team.ID, team.DigestChannel, week, preview, summary)
	if m.PostSummaryFunc != nil {
		return m.PostSummaryFunc(ctx, team, week, preview, summary)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.summaries++
	return fmt.Sprintf("ts%d", m.summaries), nil
}

func (m *messenger) PostReply(ctx context.Context, team planner.Team, thread string, reply any) error {
	m.record("reply %s in %s: %v", team.DigestChannel, thread, reply)
	if m.PostReplyFunc != nil {
		return m.PostReplyFunc(ctx, team, thread, reply)
	}
	return nil
}

func (m *messenger) FindSummary(ctx context.Context, team planner.Team, week planner.Week, since time.Time) (string, error) {
	m.record("find %s %s since %s", team.DigestChannel, week, since.In(plannertest.Shanghai).Format("2006-01-02 15:04"))
	if m.FindSummaryFunc != nil {
		return m.FindSummaryFunc(ctx, team, week, since)
	}
	return "", nil
}

func (m *messenger) SendFile(ctx context.Context, team planner.Team, thread string, f bot.File) error {
	m.record("file %s in %s: %s", team.DigestChannel, thread, f.Name)
	m.mu.Lock()
	m.files = append(m.files, f)
	m.mu.Unlock()
	if m.SendFileFunc != nil {
		return m.SendFileFunc(ctx, team, thread, f)
	}
	return nil
}

// MonthMessages renders r as monthParts strings naming the month and the part.
func (m *messenger) MonthMessages(team planner.Team, lang planner.Lang, v bot.ReportView) []any {
	r := v.Report
	m.mu.Lock()
	m.months = append(m.months, r)
	m.mu.Unlock()
	msgs := make([]any, monthParts)
	for i := range msgs {
		msgs[i] = fmt.Sprintf("%d-%02d part %d", r.From.Year, r.From.Month, i+1)
	}
	return msgs
}

// monthParts is how many messages the fake renders a monthly report into:
// the summary and one reply in its thread.
const monthParts = 2

func (m *messenger) PostMonth(ctx context.Context, team planner.Team, month planner.Date, summary any) (string, error) {
	m.record("month %s %s %s: %v", team.ID, team.DigestChannel, month, summary)
	if m.PostMonthFunc != nil {
		return m.PostMonthFunc(ctx, team, month, summary)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.summaries++
	return fmt.Sprintf("ts%d", m.summaries), nil
}

func (m *messenger) FindMonth(ctx context.Context, team planner.Team, month planner.Date, since time.Time) (string, error) {
	m.record("find month %s %s since %s", team.DigestChannel, month, since.In(plannertest.Shanghai).Format("2006-01-02 15:04"))
	if m.FindMonthFunc != nil {
		return m.FindMonthFunc(ctx, team, month, since)
	}
	return "", nil
}

// fixture is a scheduler over the fake messenger, on a fresh database.
type fixture struct {
	s   *Scheduler
	db  *storage.DB
	m   *messenger
	c   *clock
	log *bytes.Buffer

	mu   sync.Mutex
	sent []planner.Send // what Sent was told, in order
}

// newFixture is a scheduler at clock c whose team T1 has members U1..Un and,
// when channel is not "", its retrospective goes there.
func newFixture(t *testing.T, c *clock, members int, channel string) *fixture {
	t.Helper()
	db := storagetest.Open(t)
	x := &fixture{db: db, m: &messenger{}, c: c, log: &bytes.Buffer{}}
	svc := planner.NewService(db, planner.Options{Now: c.Now, Loc: plannertest.Shanghai, Lang: planner.English})
	x.s = &Scheduler{
		Service: svc, Messenger: x.m, Log: slog.New(slog.NewTextHandler(x.log, nil)),
		Sent: func(s planner.Send) {
			x.mu.Lock()
			defer x.mu.Unlock()
			x.sent = append(x.sent, s)
		},
	}
	x.addTeam(t, "T1", members, channel)
	return x
}

// addTeam adds team id with members U1..Un and its retrospective's channel.
func (x *fixture) addTeam(t *testing.T, id string, members int, channel string) {
	t.Helper()
	for i := 1; i <= members; i++ {
		a := planner.Actor{TeamID: id, TeamName: "招商" + id, UserID: fmt.Sprintf("U%d", i), UserName: fmt.Sprintf("member %d", i)}
		if _, _, err := x.s.Service.Join(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
	if channel != "" {
		if _, err := x.s.Service.SetDigestChannel(t.Context(), planner.Actor{TeamID: id, Admin: true}, channel); err != nil {
			t.Fatal(err)
		}
	}
}

// Sent returns what Sent was told so far, and forgets it.
func (x *fixture) Sent() []planner.Send {
	x.mu.Lock()
	defer x.mu.Unlock()
	out := x.sent
	x.sent = nil
	return out
}

// addItem stores an item of userID in team T1 on day, of kind and status.
func (x *fixture) addItem(t *testing.T, userID, day string, kind planner.Kind, status planner.Status) planner.Item {
	t.Helper()
	d, err := planner.ParseDate(day)
	if err != nil {
		t.Fatal(err)
	}
	it := planner.Item{TeamID: "T1", UserID: userID, Start: d, End: d, Kind: kind, Count: 1,
		Title: fmt.Sprintf("%s on %s", kind, day), Status: status, CreatedAt: x.c.now}
	added, err := x.db.AddItems(t.Context(), []planner.Item{it}, userID)
	if err != nil {
		t.Fatal(err)
	}
	return added[0]
}

// claim stores a send as pending, as an attempt that crashed while sending
// left it, due at due.
func (x *fixture) claim(t *testing.T, job planner.Job, week planner.Week, recipient string, due time.Time) {
	t.Helper()
	if _, created, err := x.db.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: job, Week: week, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: due, UpdatedAt: due}); err != nil || !created {
		t.Fatalf("claim %s %s to %q: created %t, %v", job, week, recipient, created, err)
	}
}

// ledger returns the stored send of job in week to recipient of team T1, and
// whether there is one. It claims one when there is none, so call it only
// where a row must exist or at the end of a test.
func (x *fixture) ledger(t *testing.T, job planner.Job, week planner.Week, recipient string) (planner.Send, bool) {
	t.Helper()
	send, created, err := x.db.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: job, Week: week, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: x.c.now, UpdatedAt: x.c.now})
	if err != nil {
		t.Fatalf("ClaimSend: %v", err)
	}
	return send, !created
}

// claimed reports whether part of the retrospective whose summary is ref in
// CRETRO was claimed already; it claims it when not.
func (x *fixture) claimed(t *testing.T, ref, part string) bool {
	t.Helper()
	created, err := x.db.ClaimRetroPart(t.Context(), planner.RetroPart{TeamID: "T1", Channel: "CRETRO", SummaryRef: ref, Part: part, ClaimedAt: x.c.now})
	if err != nil {
		t.Fatal(err)
	}
	return !created
}

// chineseFont is the machine's Chinese font (PLANBOT_FONT, else a known
// system font); the test is skipped when there is none, unless
// PLANBOT_TEST_NEED_FONT is set (CI installs one: a skip there is a failure).
func chineseFont(t testing.TB) *report.Font {
	t.Helper()
	f, err := report.FindFont(os.Getenv("PLANBOT_FONT"), report.FontCandidates)
	if errors.Is(err, report.ErrNoFont) && os.Getenv("PLANBOT_TEST_NEED_FONT") == "" {
		t.Skipf("no Chinese font on this machine, so the chart is not tested (apt-get install fonts-wqy-microhei, or set PLANBOT_FONT): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}
