package slack

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// workspaceSlack is a Slack workspace of many people, one channel of
// channelSize of them (a few bots and a deactivated account among them),
// whose users.list is rate-limited as tier 2 is, scaled down: a call sooner
// than listGap after the previous one is answered 429. Its first users.list
// call is answered 429 Retry-After 1 whatever the gap.
type workspaceSlack struct {
	users   []slack.User
	channel []string

	mu        sync.Mutex
	calls     map[string]int
	limited   int // 429 answers beyond the scripted first one
	lastList  time.Time
	retriedIn time.Duration // from the scripted 429 to the next users.list call
}

const (
	channelSize = 1000
	listGap     = 20 * time.Millisecond
)

func newWorkspaceSlack(t *testing.T) (*workspaceSlack, *httptest.Server) {
	w := &workspaceSlack{calls: map[string]int{}}
	for i := range 1500 {
		u := slack.User{ID: fmt.Sprintf("U%04d", i), Name: fmt.Sprintf("user%d", i), RealName: fmt.Sprintf("Member %d", i), TZ: "Asia/Shanghai"}
		switch i {
		case 3, 500, 999:
			u.IsBot = true
		case 7:
			u.Deleted = true
		}
		w.users = append(w.users, u)
		if i < channelSize {
			w.channel = append(w.channel, u.ID)
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(w.serve))
	t.Cleanup(srv.Close)
	return w, srv
}

// page returns list[cursor:cursor+limit] and the next cursor.
func page[T any](list []T, cursor, limit string) ([]T, string) {
	from, _ := strconv.Atoi(cursor)
	n, _ := strconv.Atoi(limit)
	to := min(from+n, len(list))
	next := ""
	if to < len(list) {
		next = strconv.Itoa(to)
	}
	return list[from:to], next
}

func (w *workspaceSlack) serve(rw http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	method := strings.TrimPrefix(r.URL.Path, "/api/")
	if method == "users.info" && r.PostForm.Get("user") == "UADMIN" {
		method = "the admin's own users.info" // a profile refresh after the answer, not the import
	}
	w.mu.Lock()
	w.calls[method]++
	n := w.calls[method]
	w.mu.Unlock()
	answer := map[string]any{"ok": true}
	switch method {
	case "chat.postMessage":
		answer["channel"], answer["ts"] = r.PostForm.Get("channel"), "1763341200.000100"
	case "conversations.members":
		ids, next := page(w.channel, r.PostForm.Get("cursor"), r.PostForm.Get("limit"))
		answer["members"], answer["response_metadata"] = ids, map[string]string{"next_cursor": next}
	case "users.list":
		w.mu.Lock()
		now := time.Now()
		tooSoon := !w.lastList.IsZero() && now.Sub(w.lastList) < listGap
		if n == 2 {
			w.retriedIn = now.Sub(w.lastList)
		}
		w.lastList = now
		if n == 1 || tooSoon {
			if n != 1 {
				w.limited++
			}
			w.mu.Unlock()
			rw.Header().Set("Retry-After", "1")
			rw.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.mu.Unlock()
		users, next := page(w.users, r.PostForm.Get("cursor"), r.PostForm.Get("limit"))
		answer["members"], answer["response_metadata"] = users, map[string]string{"next_cursor": next}
	default:
		answer = map[string]any{"ok": false, "error": "unknown_method"}
	}
	rw.Header().Set("Content-Type", "application/json")
	json.NewEncoder(rw).Encode(answer)
}

// /plan setup in a channel of a thousand imports its people with a few
// paced users.list pages — no users.info call per person — waiting out the
// Retry-After of a 429, and reports how many it imported.
func TestSetupImportsAThousandWithinRateLimits(t *testing.T) {
	h := newHandler(t)
	w, api := newWorkspaceSlack(t)
	hooks := newResponseHooks(t)
	app := &SlackApp{
		Handler:    h,
		API:        slack.New("xoxb-test", slack.OptionAPIURL(api.URL+"/api/")),
		Admins:     map[string]bool{"UADMIN": true},
		Log:        slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics:    NewMetrics(),
		HTTP:       hooks.srv.Client(),
		Now:        h.Service.Now,
		importPace: listGap + 5*time.Millisecond,
	}
	r := app.Command(t.Context(), slack.SlashCommand{
		TeamID: "T1", TeamDomain: "acme", ChannelID: "CBIG", UserID: "UADMIN", UserName: "admin",
		Text: "setup", ResponseURL: hooks.srv.URL + "/hooks/setup",
	})
	if !strings.Contains(r.Text, "CBIG") {
		t.Fatalf("answer %q", r.Text)
	}
	app.Wait()

	wantImported := channelSize - 4 // three bots and a deactivated account
	report := hooks.posted("/hooks/setup")
	if len(report) != 1 || !strings.Contains(report[0], fmt.Sprintf("%d people", wantImported)) {
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

	w.mu.Lock()
	defer w.mu.Unlock()
	// 1,000 people are 5 pages of the channel; the first 1,000 of the
	// workspace, 5 pages of users.list, and the call answered 429.
	if w.calls["users.info"] != 0 || w.calls["users.list"] != 6 || w.calls["conversations.members"] != 5 {
		t.Errorf("calls %v; want no users.info, 6 users.list (one answered 429), 5 conversations.members", w.calls)
	}
	if w.limited != 0 {
		t.Errorf("%d users.list calls came sooner than Slack allows", w.limited)
	}
	if w.retriedIn < time.Second {
		t.Errorf("users.list was called again %v after a 429 with Retry-After 1", w.retriedIn)
	}
}
