package slack

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"golang.org/x/image/font/gofont/goregular"

	"planbot/bot/report"
	"planbot/planner"
)

// A stop lets the retrospective's thread finish once its summary is out, but
// when the chart's upload waits on Slack's 429 (Retry-After 30, retried by
// slack-go), Abandon — shutdown's time running out — cuts it: the Tick
// returns at once, and the retrospective stays recorded as sent.
func TestSchedulerAbandonCutsAThreadWaitingOnSlack(t *testing.T) {
	asked := make(chan struct{}, 4)
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		switch r.URL.Path {
		case "/api/chat.postMessage":
			fmt.Fprint(w, `{"ok":true,"channel":"CRETRO","ts":"1700000000.000001"}`)
		case "/api/files.getUploadURLExternal":
			w.Header().Set("Retry-After", "30")
			w.WriteHeader(http.StatusTooManyRequests)
			asked <- struct{}{}
		default:
			fmt.Fprint(w, `{"ok":true}`)
		}
	}))
	t.Cleanup(api.Close)
	f := newSlackLog(t)
	s := newScheduler(t, f, &clock{now: at("2025-11-23 18:00")}, 2, "CRETRO")
	s.Calendar = nil
	s.useAPI(slack.New("xoxb-test", slack.OptionAPIURL(api.URL+"/api/"), slack.OptionRetry(3))) // as serve has it
	font, err := report.ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	s.ChartFont = font
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "tue visit 4 enterprises")
	mustHandle(t, s.Handler, planner.Actor{TeamID: "T1", UserID: "U1"}, "done 1")

	ctx, stop := context.WithCancel(t.Context())
	done := make(chan struct{})
	go func() {
		defer close(done)
		s.Tick(ctx)
	}()
	select {
	case <-asked: // the summary is out; the chart's upload waits out Retry-After
	case <-time.After(guard):
		t.Fatal("the chart's upload never asked Slack")
	}
	stop()
	s.Abandon()
	select {
	case <-done:
	case <-time.After(guard):
		t.Fatal("the Tick still waits on Slack after Abandon")
	}
	send, ok := ledgerRow(t, s, planner.JobRetro, planner.Week{Year: 2025, Num: 47}, "")
	if !ok || send.State != planner.RunSent {
		t.Errorf("the retrospective's send is %+v (found %v), want sent", send, ok)
	}
}
