package slack

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot/slack/slacktest"
	"planbot/planner"
)

// A burst of commands from many members starts at most maxRefreshes users.info
// calls, one per member at most; the others are refreshed on a later command,
// and a fresh profile is not fetched again.
func TestProfileRefreshesAreBoundedAndDeduplicated(t *testing.T) {
	h := newHandler(t)
	api := slacktest.New(t) // users.info answers only once the gate opens
	open := api.Gate("users.info")
	arrived := make(chan string, 100) // each users.info call's user, as it arrives
	api.OnCall(func(c slacktest.Call) {
		if c.Method == "users.info" {
			arrived <- c.Form.Get("user")
		}
	})
	perUser := func() map[string]int {
		n := map[string]int{}
		for _, c := range api.Calls("users.info") {
			n[c.Form.Get("user")]++
		}
		return n
	}
	app := &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(api.APIURL()), slack.OptionHTTPClient(api.Client())),
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
		case <-arrived:
		case <-time.After(guard):
			t.Fatalf("fewer than %d users.info calls arrived", maxRefreshes)
		}
	}
	open()
	app.Wait()
	calls, most := 0, api.MostAtOnce("users.info")
	for u, n := range perUser() {
		calls += n
		if n > 1 {
			t.Errorf("users.info for %s %d times, want once", u, n)
		}
	}
	if calls != maxRefreshes || most > maxRefreshes {
		t.Errorf("users.info: %d calls, %d at once; want %d, at most %d at once", calls, most, maxRefreshes, maxRefreshes)
	}

	// The members skipped are refreshed on their next command; the others,
	// now fresh, are not asked for again.
	for _, u := range users {
		command(u)
	}
	app.Wait()
	after := perUser()
	for _, u := range users {
		if after[u] != 1 {
			t.Errorf("users.info for %s %d times after a second command, want once", u, after[u])
		}
	}
	_, m, err := dbOf(h).EnsureMember(t.Context(), planner.Team{ID: "T1"}, planner.Member{UserID: "U8"})
	if err != nil || m.Name != "Member U8" || m.TZ != "Asia/Shanghai" {
		t.Errorf("U8 after refresh = %+v, %v", m, err)
	}
}
