package slack

import (
	"bytes"
	"fmt"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"golang.org/x/image/font/gofont/goregular"

	"planbot/bot/report"
	"planbot/planner"
)

// uploadFake is Slack's external upload flow — files.getUploadURLExternal,
// the upload to the URL it gives, files.completeUploadExternal — in front of
// a slackLog, which answers every other method.
type uploadFake struct {
	mu        sync.Mutex
	srv       *httptest.Server
	calls     []string     // the flow's steps, in order
	files     [][]byte     // what was uploaded
	completes []url.Values // files.completeUploadExternal's forms
	fail      string       // the step to fail: a method answers ok:false, the upload 500
}

func newUploadFake(t *testing.T, inner *slackLog) *uploadFake {
	u := &uploadFake{}
	target, err := url.Parse(inner.srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/", httputil.NewSingleHostReverseProxy(target))
	step := func(name string, w http.ResponseWriter) bool {
		u.mu.Lock()
		defer u.mu.Unlock()
		u.calls = append(u.calls, name)
		if u.fail != name {
			return true
		}
		if name == "upload" {
			w.WriteHeader(http.StatusInternalServerError)
		} else {
			fmt.Fprint(w, `{"ok":false,"error":"missing_scope"}`)
		}
		return false
	}
	mux.HandleFunc("POST /api/files.getUploadURLExternal", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if step("files.getUploadURLExternal", w) {
			fmt.Fprintf(w, `{"ok":true,"upload_url":"%s/upload/F1","file_id":"F1"}`, u.srv.URL)
		}
	})
	mux.HandleFunc("POST /upload/F1", func(w http.ResponseWriter, r *http.Request) {
		file, _, err := r.FormFile("file")
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		b, _ := io.ReadAll(file)
		if step("upload", w) {
			u.mu.Lock()
			u.files = append(u.files, b)
			u.mu.Unlock()
			fmt.Fprint(w, "OK")
		}
	})
	mux.HandleFunc("POST /api/files.completeUploadExternal", func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		if step("files.completeUploadExternal", w) {
			u.mu.Lock()
			u.completes = append(u.completes, r.PostForm)
			u.mu.Unlock()
			fmt.Fprint(w, `{"ok":true,"files":[{"id":"F1","title":"chart"}]}`)
		}
	})
	u.srv = httptest.NewServer(mux)
	t.Cleanup(u.srv.Close)
	return u
}

// use points s at the fake, and gives it a font (Go's, for English names)
// and a log to read.
func (u *uploadFake) use(t *testing.T, s *testScheduler) *bytes.Buffer {
	t.Helper()
	font, err := report.ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	s.useAPI(slack.New("xoxb-test", slack.OptionAPIURL(u.srv.URL+"/api/"), slack.OptionRetryConfig(slack.RetryConfig{MaxRetries: 2})))
	s.Log = slog.New(slog.NewTextHandler(&log, nil))
	s.ChartFont = font
	return &log
}

func (u *uploadFake) steps() string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return strings.Join(u.calls, " ")
}

// retroPosts counts the retrospective's summaries posted to CRETRO (thread
// parts carry thread_ts).
func retroPosts(f *slackLog) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, p := range f.posts {
		if p.Get("channel") == "CRETRO" && p.Get("thread_ts") == "" {
			n++
		}
	}
	return n
}

const uploadFlow = "files.getUploadURLExternal upload files.completeUploadExternal"

func TestSchedulerPostsTheChartInTheRetrospectiveThread(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newScheduler(t, f, c, 2, "CRETRO")
	s.Calendar = nil
	up := newUploadFake(t, f)
	up.use(t, s)
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "tue visit 4 enterprises")
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "done 1")
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U2"}, "wed meet a fund company")

	s.Tick(t.Context())
	s.Tick(t.Context())
	if n := retroPosts(f); n != 1 {
		t.Fatalf("%d retrospectives posted, want 1", n)
	}
	if got := up.steps(); got != uploadFlow {
		t.Fatalf("upload steps %q, want %q once", got, uploadFlow)
	}
	var summaryTS string // the fake answers its n-th post with ts 1700000000.n
	for i, p := range f.posts {
		if p.Get("channel") == "CRETRO" && p.Get("thread_ts") == "" {
			summaryTS = fmt.Sprintf("1700000000.%06d", i+1)
		}
	}
	done := up.completes[0]
	if done.Get("channel_id") != "CRETRO" || done.Get("thread_ts") != summaryTS {
		t.Errorf("completed in channel %q thread %q, want CRETRO thread %s", done.Get("channel_id"), done.Get("thread_ts"), summaryTS)
	}
	img, err := png.Decode(bytes.NewReader(up.files[0]))
	if err != nil {
		t.Fatalf("the upload is not a PNG: %v", err)
	}
	if img.Bounds().Dx() != report.ChartWidth {
		t.Errorf("chart %v wide, want %d", img.Bounds(), report.ChartWidth)
	}
}

// A chart that cannot be uploaded is logged; the retrospective counts as
// posted, exactly once, and the chart is not tried again.
func TestSchedulerChartFailureLeavesTheRetrospectivePostedOnce(t *testing.T) {
	for _, failing := range []string{"files.getUploadURLExternal", "upload", "files.completeUploadExternal"} {
		t.Run(failing, func(t *testing.T) {
			f := newSlackLog(t)
			c := &clock{now: at("2025-11-23 18:00")}
			s := newScheduler(t, f, c, 1, "CRETRO")
			s.Calendar = nil
			up := newUploadFake(t, f)
			up.fail = failing
			log := up.use(t, s)
			mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "tue visit 4 enterprises")

			s.Tick(t.Context())
			if n := retroPosts(f); n != 1 {
				t.Fatalf("%d retrospectives posted, want 1", n)
			}
			if !strings.Contains(log.String(), "retrospective chart not posted") {
				t.Errorf("the failure is not logged:\n%s", log)
			}
			tried := up.steps()
			// Later ticks and a restart find the week sent: nothing again.
			c.now = c.now.Add(2 * time.Hour)
			s.Tick(t.Context())
			s = restart(s.Handler, f)
			s.Calendar = nil
			up.use(t, s)
			s.Tick(t.Context())
			if n := retroPosts(f); n != 1 {
				t.Fatalf("%d retrospectives posted after more ticks, want 1", n)
			}
			if got := up.steps(); got != tried {
				t.Errorf("the chart was tried again: %q after %q", got, tried)
			}
			send, created, err := dbOf(s.Handler).ClaimSend(t.Context(), planner.Send{
				TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47},
				State: planner.RunPending, Attempts: 1, DueAt: c.now, UpdatedAt: c.now,
			})
			if err != nil || created || send.State != planner.RunSent || send.Attempts != 1 {
				t.Fatalf("ledger: %+v created=%v err=%v, want sent at the first attempt", send, created, err)
			}
		})
	}
}

// Without a font there is no chart, and nothing is uploaded.
func TestSchedulerWithoutFontPostsNoChart(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newScheduler(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	up := newUploadFake(t, f)
	up.use(t, s)
	s.ChartFont = nil
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "tue visit 4 enterprises")
	s.Tick(t.Context())
	if n := retroPosts(f); n != 1 {
		t.Fatalf("%d retrospectives posted, want 1", n)
	}
	if got := up.steps(); got != "" {
		t.Fatalf("uploaded without a font: %q", got)
	}
}

// A week with nothing to draw — nobody logged anything, no visits in the
// weeks shown — gets no chart.
func TestSchedulerSkipsAnEmptyChart(t *testing.T) {
	f := newSlackLog(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newScheduler(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	up := newUploadFake(t, f)
	up.use(t, s)
	s.Tick(t.Context())
	if n := retroPosts(f); n != 1 {
		t.Fatalf("%d retrospectives posted, want 1", n)
	}
	if got := up.steps(); got != "" {
		t.Fatalf("uploaded an empty chart: %q", got)
	}
}
