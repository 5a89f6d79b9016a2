package slack

import (
	"fmt"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot/slack/slacktest"
	"planbot/planner"
)

// workspaceSlack is slacktest's fake Slack as a workspace of 1,500 people,
// one channel (CBIG) of channelSize of them (a few bots and a deactivated
// account among them), whose users.list is rate-limited as tier 2 is, scaled
// down: a call sooner than listGap after the previous one is answered 429.
// Its first users.list call is answered 429 Retry-After 1 whatever the gap;
// retriedIn is the time from it to the next users.list call.
type workspaceSlack struct {
	*slacktest.Server

	mu        sync.Mutex
	lastList  time.Time
	lists     int
	retriedIn time.Duration
}

const (
	channelSize = 1000
	listGap     = 20 * time.Millisecond
)

func newWorkspaceSlack(t *testing.T) *workspaceSlack {
	w := &workspaceSlack{Server: slacktest.New(t)}
	var channel []string
	for i := range 1500 {
		u := slacktest.User{ID: fmt.Sprintf("U%04d", i), Name: fmt.Sprintf("user%d", i), RealName: fmt.Sprintf("Member %d", i), TZ: "Asia/Shanghai"}
		switch i {
		case 3, 500, 999:
			u.IsBot = true
		case 7:
			u.Deleted = true
		}
		w.AddUser(u)
		if i < channelSize {
			channel = append(channel, u.ID)
		}
	}
	w.SetMembers("CBIG", channel)
	w.Set("users.list", slacktest.Behaviour{RetryAfter: "1", Times: 1})
	w.RateLimit("users.list", listGap, "1")
	w.OnCall(func(c slacktest.Call) {
		if c.Method != "users.list" {
			return
		}
		w.mu.Lock()
		defer w.mu.Unlock()
		now := time.Now()
		if w.lists++; w.lists == 2 {
			w.retriedIn = now.Sub(w.lastList)
		}
		w.lastList = now
	})
	return w
}

// calls returns how many calls of each method came, the admin's own
// users.info (a profile refresh after the answer, not the import) apart.
func (w *workspaceSlack) calls() map[string]int {
	n := map[string]int{}
	for _, c := range w.Calls("") {
		method := c.Method
		if method == "users.info" && c.Form.Get("user") == "UADMIN" {
			method = "the admin's own users.info"
		}
		n[method]++
	}
	return n
}

// /plan setup in a channel of a thousand imports its people with a few
// paced users.list pages — no users.info call per person — waiting out the
// Retry-After of a 429, and reports how many it imported.
func TestSetupImportsAThousandWithinRateLimits(t *testing.T) {
	h := newHandler(t)
	w := newWorkspaceSlack(t)
	hooks := slacktest.New(t) // the response_url
	app := &SlackApp{
		Handler:    h,
		API:        slack.New("xoxb-test", slack.OptionAPIURL(w.APIURL())),
		Admins:     map[string]bool{"UADMIN": true},
		Log:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics:    NewMetrics(),
		HTTP:       hooks.Client(),
		Now:        h.Service.Now,
		importPace: listGap + 5*time.Millisecond,
	}
	r := app.Command(t.Context(), slack.SlashCommand{
		TeamID: "T1", TeamDomain: "acme", ChannelID: "CBIG", UserID: "UADMIN", UserName: "admin",
		Text: "setup", ResponseURL: hooks.ResponseURL("setup"),
	})
	if !strings.Contains(r.Text, "CBIG") {
		t.Fatalf("answer %q", r.Text)
	}
	app.Wait()

	wantImported := channelSize - 4 // three bots and a deactivated account
	report := hooks.Calls("response/setup")
	if len(report) != 1 || !strings.Contains(string(report[0].JSON), fmt.Sprintf("%d people", wantImported)) {
		t.Errorf("reports %q, want one saying %d people were imported", report, wantImported)
	}
	members, err := dbOf(h).Members(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]planner.Member{}
	for _, m := range members {
		byID[m.UserID] = m
	}
	if len(members) != wantImported+1 { // and the admin
		t.Errorf("%d members, want %d", len(members), wantImported+1)
	}
	for _, id := range []string{"U0003", "U0007", "U1000"} {
		if _, ok := byID[id]; ok {
			t.Errorf("%s (a bot, deactivated, or not in the channel) was imported", id)
		}
	}
	if m := byID["U0998"]; m.Name != "Member 998" || m.TZ != "Asia/Shanghai" {
		t.Errorf("U0998 imported as %+v", m)
	}

	// 1,000 people are 5 pages of the channel; the first 1,000 of the
	// workspace, 5 pages of users.list, and the call answered 429.
	if calls := w.calls(); calls["users.info"] != 0 || calls["users.list"] != 6 || calls["conversations.members"] != 5 {
		t.Errorf("calls %v; want no users.info, 6 users.list (one answered 429), 5 conversations.members", calls)
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if limited := w.Limited("users.list"); limited != 0 {
		t.Errorf("%d users.list calls came sooner than Slack allows", limited)
	}
	if w.retriedIn < time.Second {
		t.Errorf("users.list was called again %v after a 429 with Retry-After 1", w.retriedIn)
	}
}
