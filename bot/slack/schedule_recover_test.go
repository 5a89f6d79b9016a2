package slack

import (
	"bytes"
	"errors"
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
	"planbot/planner/plannertest"
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

// inFlight is a team whose week's retrospective (a summary and, in its
// thread, several replies and a chart) an attempt that crashed had left: the
// send claimed (attempt 1), the summary and its first reply posted and the
// reply claimed, nothing recorded after. Slack is a slackLog behind the
// history of that summary behind the upload flow, reached through serve's
// TrueMetadata client.
type inFlight struct {
	f       *slackLog
	c       *clock
	s       *testScheduler
	hist    *historyFake
	up      *uploadFake
	log     *bytes.Buffer
	replies int // the retrospective's replies, the first posted already
}

func newInFlight(t *testing.T) *inFlight {
	t.Helper()
	x := &inFlight{f: newSlackLog(t), c: &clock{now: at("2025-11-23 18:00")}}
	x.s = newScheduler(t, x.f, x.c, 40, "CRETRO")
	for i := 1; i <= 40; i++ {
		u := planner.Actor{TeamID: "T1", UserID: fmt.Sprintf("U%d", i)}
		mustHandle(t, x.s.Handler, u, "tue visit 4 enterprises in the new energy vehicle industrial park of the eastern district")
		mustHandle(t, x.s.Handler, u, "wed meet a fund company about the second phase of the semiconductor materials project")
		mustHandle(t, x.s.Handler, u, fmt.Sprintf("done %d", 2*i-1))
	}
	svc, db := x.s.Service, dbOf(x.s.Handler)
	team, err := svc.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	r, err := svc.Retro(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	if x.replies = len(RetroMessages(svc.For(team, planner.Member{}).Lang, r)) - 1; x.replies < 2 {
		t.Fatalf("the retrospective has %d replies, want at least 2 for this test", x.replies)
	}
	if _, _, err := db.ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: planner.JobRetro, Week: plannertest.W47,
		State: planner.RunPending, Attempts: 1, DueAt: x.c.now, UpdatedAt: x.c.now,
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.ClaimRetroPart(t.Context(), planner.RetroPart{TeamID: "T1", Channel: "CRETRO", SummaryRef: summaryTS, Part: "reply 2", ClaimedAt: x.c.now}); err != nil {
		t.Fatal(err)
	}
	x.hist = newHistoryFake(t, x.f)
	x.up = newUploadFake(t, &slackLog{srv: x.hist.srv})
	x.restart(t)
	return x
}

// restart is a new planbot process on the same database and Slack.
func (x *inFlight) restart(t *testing.T) {
	x.s = restart(x.s.Handler, x.f)
	x.s.Calendar = nil
	x.log = x.up.use(t, x.s) // the font and a log
	x.s.useAPI(slack.New("xoxb-test", slack.OptionAPIURL(x.up.srv.URL+"/api/"),
		slack.OptionHTTPClient(TrueMetadata{Client: &http.Client{}})))
}

// completed checks that the replies still missing and the chart were posted
// in the summary's thread, once each, and no summary.
func (x *inFlight) completed(t *testing.T) {
	t.Helper()
	want := strings.Repeat(summaryTS+" ", x.replies-1)
	if got := strings.Join(threadPosts(x.f), " ") + " "; got != want {
		t.Errorf("posts to CRETRO (their thread_ts) %q, want %d replies in %s's thread and no summary", got, x.replies-1, summaryTS)
	}
	if got := x.up.steps(); got != uploadFlow {
		t.Errorf("chart upload steps %q, want %q once; log:\n%s", got, uploadFlow, x.log)
	} else if done := x.up.completes[0]; done.Get("thread_ts") != summaryTS {
		t.Errorf("chart posted in thread %q, want %s", done.Get("thread_ts"), summaryTS)
	}
}

// A summary posted by an attempt that crashed before recording it — after
// posting the first reply of its thread — is found (include_all_metadata=true)
// and completed: the other replies and the chart are posted in its thread,
// once. A crash again before the send is recorded, and a restart, post nothing more.
func TestSchedulerCompletesARetrospectiveLeftInFlight(t *testing.T) {
	x := newInFlight(t)
	x.c.now = x.c.now.Add(5 * time.Minute) // past the first attempt's back-off
	x.s.Tick(t.Context())
	x.completed(t)
	x.hist.mu.Lock()
	if len(x.hist.forms) != 1 || x.hist.forms[0].Get("include_all_metadata") != "true" {
		t.Errorf("conversations.history forms %v, want one with include_all_metadata=true", x.hist.forms)
	}
	x.hist.mu.Unlock()

	// A crash again before the send was recorded; then restarts: nothing more.
	store := dbOf(x.s.Handler)
	send, _ := ledgerRow(t, x.s, planner.JobRetro, plannertest.W47, "")
	if send.State != planner.RunSent || send.MessageRef != summaryTS {
		t.Fatalf("send %+v: want sent with the found ts", send)
	}
	send.State, send.UpdatedAt = planner.RunPending, x.c.now
	if err := store.UpdateSend(t.Context(), send); err != nil {
		t.Fatal(err)
	}
	for range 2 {
		x.c.now = x.c.now.Add(time.Hour)
		x.restart(t)
		x.s.Tick(t.Context())
	}
	x.completed(t)
}

// /plan digest post (PostNow) on a week whose run was left in flight finds the
// summary, says it is posted, and completes its thread, once.
func TestPostNowCompletesARetrospectiveLeftInFlight(t *testing.T) {
	x := newInFlight(t)
	for range 2 {
		_, err := x.s.PostNow(t.Context(), "T1", plannertest.W47, false)
		var pe *planner.Error
		if !errors.As(err, &pe) || pe.Reason != planner.ReasonPosted {
			t.Fatalf("PostNow = %v, want posted already", err)
		}
	}
	x.completed(t)
	if send, _ := ledgerRow(t, x.s, planner.JobRetro, plannertest.W47, ""); send.State != planner.RunSent || send.MessageRef != summaryTS {
		t.Errorf("send %+v: want sent with the found ts", send)
	}
}
