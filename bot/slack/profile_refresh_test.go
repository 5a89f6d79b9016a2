package slack

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// gatedUsersInfo is a Slack Web API whose users.info answers only once the
// test opens its gate, and which counts the calls per user and at once.
type gatedUsersInfo struct {
	gate     chan struct{}
	arrived  chan string // each call's user, as it arrives
	mu       sync.Mutex
	perUser  map[string]int
	inFlight int
	most     int
}

func newGatedUsersInfo(t *testing.T) (*gatedUsersInfo, *httptest.Server) {
	g := &gatedUsersInfo{gate: make(chan struct{}), arrived: make(chan string, 100), perUser: map[string]int{}}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		form, _ := url.ParseQuery(string(body))
		user := form.Get("user")
		g.mu.Lock()
		g.perUser[user]++
		g.inFlight++
		g.most = max(g.most, g.inFlight)
		g.mu.Unlock()
		g.arrived <- user
		<-g.gate
		g.mu.Lock()
		g.inFlight--
		g.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"name":"u","real_name":"Member %s","tz":"Asia/Shanghai"}}`, user, user)
	}))
	t.Cleanup(srv.Close)
	return g, srv
}

// A burst of commands from many members starts at most maxRefreshes users.info
// calls, one per member at most; the others are refreshed on a later command,
// and a fresh profile is not fetched again.
func TestProfileRefreshesAreBoundedAndDeduplicated(t *testing.T) {
	h := newHandler(t)
	g, srv := newGatedUsersInfo(t)
	app := &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"), slack.OptionHTTPClient(srv.Client())),
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		Now:     h.Service.Now,
	}
	command := func(user string) {
		r := app.Command(t.Context(), slack.SlashCommand{TeamID: "T1", TeamDomain: "acme", UserID: user, UserName: user, Text: "week"})
		if r.Text == "" {
			t.Errorf("%s: empty answer", user)
		}
	}
	users := []string{"U1", "U2", "U3", "U4", "U5", "U6", "U7", "U8"}
	for range 3 { // every member three times, while Slack has not answered
		for _, u := range users {
			command(u)
		}
	}
	for range maxRefreshes {
		select {
		case <-g.arrived:
		case <-time.After(guard):
			t.Fatalf("fewer than %d users.info calls arrived", maxRefreshes)
		}
	}
	close(g.gate)
	app.Wait()
	g.mu.Lock()
	calls, most := 0, g.most
	for u, n := range g.perUser {
		calls += n
		if n > 1 {
			t.Errorf("users.info for %s %d times, want once", u, n)
		}
	}
	g.mu.Unlock()
	if calls != maxRefreshes || most > maxRefreshes {
		t.Errorf("users.info: %d calls, %d at once; want %d, at most %d at once", calls, most, maxRefreshes, maxRefreshes)
	}

	// The members skipped are refreshed on their next command; the others,
	// now fresh, are not asked for again.
	for _, u := range users {
		command(u)
	}
	app.Wait()
	g.mu.Lock()
	defer g.mu.Unlock()
	for _, u := range users {
		if g.perUser[u] != 1 {
			t.Errorf("users.info for %s %d times after a second command, want once", u, g.perUser[u])
		}
	}
	_, m, err := dbOf(h).EnsureMember(t.Context(), planner.Team{ID: "T1"}, planner.Member{UserID: "U8"})
	if err != nil || m.Name != "Member U8" || m.TZ != "Asia/Shanghai" {
		t.Errorf("U8 after refresh = %+v, %v", m, err)
	}
}
