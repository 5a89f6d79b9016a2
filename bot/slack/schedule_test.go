package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/schedule"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// slackLog is a fake Slack Web API for the scheduler: it records every
// chat.postMessage, can fail them after a number of successes or answer 429
// once, and serves a channel history.
type slackLog struct {
	mu          sync.Mutex
	srv         *httptest.Server
	posts       []url.Values // chat.postMessage calls that succeeded
	attempts    int          // chat.postMessage calls, failed or not
	failAfter   int          // fail every post after this many successes; -1 never
	rateLimited bool         // answer the next post with 429 Retry-After: 0
	history     string       // conversations.history's messages, as JSON
	noChannel   bool         // answer conversations.open with {"ok":true} and no channel
}

func newSlackLog(t *testing.T) *slackLog {
	f := &slackLog{failAfter: -1, history: "[]"}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		checkSlackMessage(t, r.PostForm)
		f.mu.Lock()
		defer f.mu.Unlock()
		f.attempts++
		switch {
		case f.rateLimited:
			f.rateLimited = false
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		case f.failAfter >= 0 && len(f.posts) >= f.failAfter:
			w.WriteHeader(http.StatusInternalServerError)
			return
		}
		f.posts = append(f.posts, r.PostForm)
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":"1700000000.%06d"}`, r.PostForm.Get("channel"), len(f.posts))
	})
	mux.HandleFunc("POST /api/conversations.open", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if f.noChannel {
			fmt.Fprint(w, `{"ok":true}`)
			return
		}
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":"D%s"}}`, r.PostForm.Get("users"))
	})
	mux.HandleFunc("POST /api/conversations.history", func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		defer f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"messages":%s,"has_more":false}`, f.history)
	})
	f.srv = httptest.NewServer(mux)
	t.Cleanup(f.srv.Close)
	return f
}

// sent returns the channels of the successful posts, in order.
func (f *slackLog) sent() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, p := range f.posts {
		out = append(out, p.Get("channel"))
	}
	return out
}

// clock is a settable calendar clock.
type clock struct{ now time.Time }

func (c *clock) Now() time.Time { return c.now }

// testScheduler is the weekly jobs' scheduler as serve wires it to Slack,
// with the handler the members type to and the SlackApp it posts for.
type testScheduler struct {
	*schedule.Scheduler
	Handler *bot.Handler
	App     *SlackApp
}

// newScheduler is a scheduler on a fresh database with one team and members
// U1..Un, at the given clock, talking to the fake. The team's retrospective
// goes to channel, if not "".
func newScheduler(t *testing.T, f *slackLog, c *clock, members int, channel string) *testScheduler {
	t.Helper()
	h := newHandler(t)
	h.Service.Now = c.Now
	ctx := t.Context()
	for i := 1; i <= members; i++ {
		a := planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: fmt.Sprintf("U%d", i), UserName: fmt.Sprintf("member %d", i), Admin: true}
		if _, err := h.Begin(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if channel != "" {
		if _, err := h.Service.SetDigestChannel(ctx, planner.Actor{TeamID: "T1", Admin: true}, channel); err != nil {
			t.Fatal(err)
		}
	}
	return restart(h, f)
}

// restart is a new planbot process on the same database: a fresh scheduler,
// wired as serve wires it.
func restart(h *bot.Handler, f *slackLog) *testScheduler {
	app := &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(f.srv.URL+"/api/"), slack.OptionRetryConfig(slack.RetryConfig{MaxRetries: 2})),
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		HTTP:    f.srv.Client(),
		Now:     h.Service.Now,
	}
	s := &schedule.Scheduler{
		Service: h.Service, Messenger: Messenger{API: app.API}, Log: app.Log, Sent: app.Metrics.CountSend,
		Calendar: planner.ChinaCalendar{},
	}
	app.Poster = s
	return &testScheduler{Scheduler: s, Handler: h, App: app}
}

// useAPI points the scheduler's messages at api.
func (s *testScheduler) useAPI(api *slack.Client) {
	s.App.API = api
	s.Messenger = Messenger{API: api}
}

// markSent records a send as done, as a planbot that ran before would have.
func markSent(t *testing.T, s *testScheduler, job planner.Job, week planner.Week, recipient string) {
	t.Helper()
	store, now := dbOf(s.Handler), s.Service.Clock()
	send, _, err := store.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: job, Week: week, Recipient: recipient,
		State: planner.RunPending, Attempts: 1, DueAt: now, UpdatedAt: now})
	if err != nil {
		t.Fatal(err)
	}
	send.State = planner.RunSent
	if err := store.UpdateSend(t.Context(), send); err != nil {
		t.Fatal(err)
	}
}

func at(s string) time.Time {
	v, err := time.ParseInLocation("2006-01-02 15:04", s, plannertest.Shanghai)
	if err != nil {
		panic(err)
	}
	return v
}

func TestSchedulerRetrospectiveExactlyOnce(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 17:59")}
	s := newScheduler(t, f, c, 2, "CRETRO")
	s.Calendar = nil
	markSent(t, s, planner.JobRetro, planner.Week{Year: 2025, Num: 46}, "") // planbot ran last week
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "tue visit 4 enterprises")

	s.Tick(t.Context())
	if got := f.sent(); len(got) != 0 {
		t.Fatalf("posted before Sunday 18:00: %v", got)
	}
	c.now = at("2025-11-23 18:00")
	s.Tick(t.Context())
	s.Tick(t.Context())
	restart(s.Handler, f).Tick(t.Context())
	if got := f.sent(); len(got) != 1 || got[0] != "CRETRO" {
		t.Fatalf("posts %v, want exactly one to CRETRO", got)
	}
	p := f.posts[0]
	var meta slack.SlackMetadata
	json.Unmarshal([]byte(p.Get("metadata")), &meta)
	if meta.EventType != retroEvent || meta.EventPayload["week"] != "2025-W47" || meta.EventPayload["team"] != "T1" {
		t.Errorf("metadata %s", p.Get("metadata"))
	}
	if strings.Contains(p.Get("blocks"), "late") {
		t.Errorf("an on-time retrospective says it is late")
	}
}

func TestSchedulerCatchesUpAfterDowntime(t *testing.T) {
	tests := []struct {
		name  string
		start string
		posts int
		state planner.RunState
	}{
		{"down at Sunday 18:00, up Monday 08:00: posted, marked late", "2025-11-24 08:00", 1, planner.RunSent},
		{"up 37 hours late: skipped and logged", "2025-11-25 07:01", 0, planner.RunSkipped},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newSlackLog(t)
			c := &clock{now: at(tc.start)}
			s := newScheduler(t, f, c, 1, "CRETRO")
			s.Calendar = nil // only the retrospective matters here; reminders go to D… channels
			s.Tick(t.Context())
			var retro []url.Values
			for _, p := range f.posts {
				if p.Get("channel") == "CRETRO" {
					retro = append(retro, p)
				}
			}
			if len(retro) != tc.posts {
				t.Fatalf("%d retrospectives posted, want %d", len(retro), tc.posts)
			}
			if tc.posts == 1 && !strings.Contains(retro[0].Get("blocks")+retro[0].Get("text"), "late") {
				t.Errorf("a caught-up retrospective does not say it is late: %s", retro[0].Get("text"))
			}
			send, created, err := dbOf(s.Handler).ClaimSend(t.Context(), planner.Send{
				TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47},
				State: planner.RunPending, Attempts: 1, DueAt: c.now, UpdatedAt: c.now,
			})
			if err != nil || created || send.State != tc.state {
				t.Fatalf("ledger: %+v created=%v err=%v, want state %s", send, created, err, tc.state)
			}
		})
	}
}

func TestSchedulerReconcilesAPostLeftInFlight(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:20")}
	s := newScheduler(t, f, c, 1, "CRETRO")
	store := dbOf(s.Handler)
	// A crash after Slack accepted the post and before it was recorded: the
	// claim is pending, and the message (with its metadata) is in the channel.
	if _, _, err := store.ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47},
		State: planner.RunPending, Attempts: 1, DueAt: at("2025-11-23 18:00"), UpdatedAt: at("2025-11-23 18:00"),
	}); err != nil {
		t.Fatal(err)
	}
	f.history = `[{"type":"message","ts":"1700000000.424242","metadata":{"event_type":"planbot_retro","event_payload":{"team":"T1","week":"2025-W47"}}}]`
	s.Calendar = nil
	s.Tick(t.Context())
	for _, p := range f.posts {
		if p.Get("channel") == "CRETRO" {
			t.Fatalf("posted the retrospective again: %v", p)
		}
	}
	send, _, err := store.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47}, State: planner.RunPending, Attempts: 1, DueAt: c.now, UpdatedAt: c.now})
	if err != nil || send.State != planner.RunSent || send.MessageRef != "1700000000.424242" {
		t.Fatalf("send %+v, %v: want sent with the found ts", send, err)
	}
}

func TestSchedulerRemindersSurviveFailuresAndRestarts(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-24 09:00")} // Monday: "plan your week"
	s := newScheduler(t, f, c, 5, "")
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U2"}, "remind off")
	f.failAfter = 2 // Slack fails every post after the first two
	s.Tick(t.Context())
	if got := f.sent(); len(got) != 2 {
		t.Fatalf("sent %v before the failures, want 2", got)
	}
	// A restart, while Slack is still failing and too soon to retry: nothing more.
	s = restart(s.Handler, f)
	s.Tick(t.Context())
	if got := f.sent(); len(got) != 2 {
		t.Fatalf("sent %v, want still 2", got)
	}
	// Slack recovers; after the back-off another restart sends the rest, once each.
	f.mu.Lock()
	f.failAfter = -1
	f.mu.Unlock()
	c.now = c.now.Add(5 * time.Minute)
	s = restart(s.Handler, f)
	s.Tick(t.Context())
	s.Tick(t.Context())
	got := map[string]int{}
	for _, ch := range f.sent() {
		got[ch]++
	}
	want := map[string]int{"DU1": 1, "DU3": 1, "DU4": 1, "DU5": 1}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("reminders %v, want %v (U2 opted out; each once)", got, want)
	}
}

func TestSchedulerRetriesRateLimitedPosts(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newScheduler(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	f.rateLimited = true
	s.Tick(t.Context())
	if got := f.sent(); len(got) != 1 || f.attempts != 2 {
		t.Fatalf("sent %v in %d attempts, want one post after one 429", got, f.attempts)
	}
}

func TestSchedulerSkipsChineseHolidays(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2026-02-16 09:30")} // Monday in the Spring Festival holiday
	s := newScheduler(t, f, c, 1, "")
	s.Tick(t.Context())
	for _, ch := range f.sent() {
		if ch == "DU1" {
			t.Fatalf("a reminder on a statutory holiday")
		}
	}
	c.now = at("2026-02-24 09:00") // the first working day after it
	s.Tick(t.Context())
	n := 0
	for _, ch := range f.sent() {
		if ch == "DU1" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d reminders on the first working day, want 1", n)
	}
}

// A channel set up on Monday does not get last week's retrospective.
func TestSchedulerSkipPast(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-24 10:00")}
	s := newScheduler(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	if err := s.Service.SkipPastRetro(t.Context(), "T1"); err != nil {
		t.Fatal(err)
	}
	s.Tick(t.Context())
	for _, p := range f.posts {
		if p.Get("channel") == "CRETRO" {
			t.Fatalf("posted last week's retrospective to a channel set up this week")
		}
	}
	c.now = at("2025-11-30 18:00")
	s.Tick(t.Context())
	n := 0
	for _, p := range f.posts {
		if p.Get("channel") == "CRETRO" {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d retrospectives at the next Sunday, want 1", n)
	}
}

// With AutoCalendar, China's holidays apply to the teams in Asia/Shanghai only.
func TestSchedulerAutoCalendar(t *testing.T) {
	tests := []struct {
		zone string
		sent int
	}{
		{"Asia/Shanghai", 0},
		{"America/New_York", 1},
	}
	for _, tc := range tests {
		t.Run(tc.zone, func(t *testing.T) {
			f := newSlackLog(t)
			c := &clock{now: at("2026-02-17 10:00")} // Tuesday in the Spring Festival; 21:00 Monday in New York
			s := newScheduler(t, f, c, 1, "")
			s.Calendar, s.AutoCalendar = nil, true
			if _, err := s.Service.SetTeamZone(t.Context(), planner.Actor{TeamID: "T1", Admin: true}, tc.zone); err != nil {
				t.Fatal(err)
			}
			s.Tick(t.Context())
			if got := len(f.sent()); got != tc.sent {
				t.Fatalf("%d reminders sent, want %d", got, tc.sent)
			}
		})
	}
}

// The retrospective is never given up while Slack fails: it stays pending and
// is retried with back-off until Slack answers again.
func TestSchedulerKeepsRetryingTheRetrospective(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newScheduler(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	f.failAfter = 0
	for i := 0; i < 2*planner.MaxAttempts; i++ {
		s.Tick(t.Context())
		c.now = c.now.Add(40 * time.Minute) // past the longest back-off
	}
	f.mu.Lock()
	f.failAfter = -1
	tries := f.attempts
	f.mu.Unlock()
	if tries < planner.MaxAttempts+1 {
		t.Fatalf("%d attempts while Slack failed, want more than %d", tries, planner.MaxAttempts)
	}
	s.Tick(t.Context())
	if got := f.sent(); len(got) != 1 || got[0] != "CRETRO" {
		t.Fatalf("after Slack recovered: %v, want the retrospective once", got)
	}
}

// An odd answer from Slack (no channel from conversations.open) fails that one
// reminder, to be retried; it does not crash the scheduler.
func TestSchedulerSurvivesOddSlackAnswers(t *testing.T) {
	f := newSlackLog(t)
	f.noChannel = true
	c := &clock{now: at("2025-11-24 09:00")}
	s := newScheduler(t, f, c, 2, "")
	s.Tick(t.Context())
	if got := f.sent(); len(got) != 0 {
		t.Fatalf("sent %v without a channel", got)
	}
	f.noChannel = false
	c.now = c.now.Add(5 * time.Minute)
	s.Tick(t.Context())
	if got := f.sent(); len(got) != 2 {
		t.Fatalf("sent %v after Slack recovered, want both reminders", got)
	}
}
