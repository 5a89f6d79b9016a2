package bot

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// historyFake answers conversations.history with a retrospective's summary
// posted by an attempt that crashed, recording each call's form, in front of
// a slackLog (which answers the rest).
type historyFake struct {
	mu    sync.Mutex
	srv   *httptest.Server
	forms []url.Values
}

// summaryTS is the Slack ts of the summary the crashed attempt posted.
const summaryTS = "1700000000.424242"

func newHistoryFake(t *testing.T, inner *slackLog) *historyFake {
	h := &historyFake{}
	target, err := url.Parse(inner.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", httputil.NewSingleHostReverseProxy(target))
	mux.HandleFunc("POST /api/conversations.history", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		h.mu.Lock()
		h.forms = append(h.forms, r.PostForm)
		h.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"has_more":false,"messages":[{"type":"message","ts":%q,`+
			`"metadata":{"event_type":"planbot_retro","event_payload":{"team":"T1","week":"2025-W47"}}}]}`, summaryTS)
	})
	h.srv = httptest.NewServer(mux)
	t.Cleanup(h.srv.Close)
	return h
}

// threadPosts returns the thread_ts of each post to CRETRO ("" for a summary).
func threadPosts(f *slackLog) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, p := range f.posts {
		if p.Get("channel") == "CRETRO" {
			out = append(out, p.Get("thread_ts"))
		}
	}
	return out
}

// A summary posted by an attempt that crashed before recording it — after
// posting the first reply of its thread — is found (include_all_metadata=true)
// and completed: the other replies and the chart are posted in its thread,
// once. A crash again before the send is recorded, and a restart, post nothing more.
func TestSchedulerCompletesARetrospectiveLeftInFlight(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newScheduler(t, f, c, 40, "CRETRO")
	s.Calendar = nil
	for i := 1; i <= 40; i++ {
		u := planner.Actor{TeamID: "T1", UserID: fmt.Sprintf("U%d", i)}
		mustHandle(t, s.App.Handler, u, "tue visit 4 enterprises in the new energy vehicle industrial park of the eastern district")
		mustHandle(t, s.App.Handler, u, "wed meet a fund company about the second phase of the semiconductor materials project")
		mustHandle(t, s.App.Handler, u, fmt.Sprintf("done %d", 2*i-1))
	}
	svc := s.App.Handler.Service
	team, err := svc.Store.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.Retro(t.Context(), "T1", planner.Week{Year: 2025, Num: 47})
	if err != nil {
		t.Fatal(err)
	}
	replies := len(RetroMessages(svc.For(team, planner.Member{}).Lang, r)) - 1
	if replies < 2 {
		t.Fatalf("the retrospective has %d replies, want at least 2 for this test", replies)
	}

	// The crashed attempt: the send claimed (attempt 1), the summary and its
	// first reply posted and the reply claimed, nothing recorded after.
	store := svc.Store
	if _, _, err := store.ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47},
		State: planner.RunPending, Attempts: 1, DueAt: c.now, UpdatedAt: c.now,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := store.ClaimRetroPart(t.Context(), planner.RetroPart{TeamID: "T1", Channel: "CRETRO", SummaryTS: summaryTS, Part: "reply 2", ClaimedAt: c.now}); err != nil {
		t.Fatal(err)
	}

	// The upload flow in front of the history in front of the rest; the
	// client is serve's.
	hist := newHistoryFake(t, f)
	up := newUploadFake(t, &slackLog{srv: hist.srv})
	var log *bytes.Buffer
	restarted := func() {
		s = restart(s.App.Handler, f)
		s.Calendar = nil
		log = up.use(t, s) // the font and a log
		s.App.API = slack.New("xoxb-test", slack.OptionAPIURL(up.srv.URL+"/api/"),
			slack.OptionHTTPClient(TrueMetadata{Client: &http.Client{}}))
	}
	restarted()
	c.now = c.now.Add(5 * time.Minute) // past the first attempt's back-off
	s.Tick(t.Context())

	want := strings.Repeat(summaryTS+" ", replies-1)
	if got := strings.Join(threadPosts(f), " ") + " "; got != want {
		t.Errorf("posts to CRETRO (their thread_ts) %q, want %d replies in %s's thread and no summary", got, replies-1, summaryTS)
	}
	if got := up.steps(); got != uploadFlow {
		t.Errorf("chart upload steps %q, want %q once; log:\n%s", got, uploadFlow, log)
	} else if done := up.completes[0]; done.Get("thread_ts") != summaryTS {
		t.Errorf("chart posted in thread %q, want %s", done.Get("thread_ts"), summaryTS)
	}
	hist.mu.Lock()
	if len(hist.forms) != 1 || hist.forms[0].Get("include_all_metadata") != "true" {
		t.Errorf("conversations.history forms %v, want one with include_all_metadata=true", hist.forms)
	}
	hist.mu.Unlock()

	// A crash again before the send was recorded; then restarts: nothing more.
	send, _, err := store.ClaimSend(t.Context(), planner.Send{TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47}, State: planner.RunPending, Attempts: 1, DueAt: c.now, UpdatedAt: c.now})
	if err != nil || send.State != planner.RunSent || send.MessageTS != summaryTS {
		t.Fatalf("send %+v, %v: want sent with the found ts", send, err)
	}
	send.State, send.UpdatedAt = planner.RunPending, c.now
	if err := store.UpdateSend(t.Context(), send); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		c.now = c.now.Add(time.Hour)
		restarted()
		s.Tick(t.Context())
	}
	if got := len(threadPosts(f)); got != replies-1 {
		t.Errorf("%d posts to CRETRO after the restarts, want still %d", got, replies-1)
	}
	if got := up.steps(); got != uploadFlow {
		t.Errorf("chart upload steps %q after the restarts, want %q once", got, uploadFlow)
	}
}
