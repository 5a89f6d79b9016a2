package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	slackbot "planbot/bot/slack"
	"planbot/bot/slack/slackcheck"
	"planbot/bot/slack/slacktest"
)

// signingSecret is the app's signing secret in these tests; requests signed
// with it are Slack's.
const signingSecret = "8f742231b10e8888abcd99yyyzzz85a5"

// waitLimit only guards against a hang: every wait ends as soon as what it waits for happens.
const waitLimit = 10 * time.Second

// call is one request the fake Slack got: a Web API method with its form (or
// JSON body), or a post to a response_url ("response/<name>").
type call struct {
	Path string
	Form url.Values
	JSON []byte
}

// fakeSlack is slacktest's fake Slack Web API and response_urls on loopback,
// which checks every message and view it gets as Slack would: users.info
// knows only slackUsers, conversations.members of C1 lists U1, U2 and the
// bot, chat.postMessage to CNOACCESS is refused not_in_channel. notify gets
// a token after each call.
type fakeSlack struct {
	*slacktest.Server
	notify chan struct{}
}

// slackUsers are the workspace's people as users.info tells of them.
var slackUsers = []slacktest.User{
	{ID: "U1", Name: "ann", RealName: "Ann Lee", TZ: "Asia/Shanghai"},
	{ID: "U2", Name: "wangfang", RealName: "王芳", TZ: "America/New_York"},
	{ID: "UADMIN", Name: "zhao", RealName: "Zhao Min", TZ: "Asia/Shanghai"},
	{ID: "UBOT", Name: "planbot", RealName: "planbot", TZ: "America/Los_Angeles", IsBot: true},
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{Server: slacktest.New(t), notify: make(chan struct{}, 1)}
	for _, u := range slackUsers {
		f.AddUser(u)
	}
	f.KnownUsersOnly()
	f.SetMembers("C1", []string{"U1", "U2", "UBOT"})
	f.Set("chat.postMessage", slacktest.Behaviour{Error: "not_in_channel", Channel: "CNOACCESS"})
	f.OnCall(func(slacktest.Call) {
		select {
		case f.notify <- struct{}{}:
		default:
		}
	})
	return f
}

// calls returns what Slack got so far.
func (f *fakeSlack) calls() []call {
	var out []call
	for _, c := range f.Calls("") {
		out = append(out, call{Path: c.Method, Form: c.Form, JSON: c.JSON})
	}
	return out
}

// count returns how many calls so far match.
func (f *fakeSlack) count(match func(call) bool) int {
	n := 0
	for _, c := range f.calls() {
		if match(c) {
			n++
		}
	}
	return n
}

// waitFor returns the first call that matches, waiting for it to come.
func (f *fakeSlack) waitFor(t *testing.T, what string, match func(call) bool) call {
	t.Helper()
	timeout := time.After(waitLimit)
	for {
		var paths []string
		for _, c := range f.calls() {
			if match(c) {
				return c
			}
			paths = append(paths, c.Path)
		}
		select {
		case <-f.notify:
		case <-timeout:
			t.Fatalf("Slack never got %s; it got %v", what, paths)
		}
	}
}

// isCall matches calls to path whose form has each of the key, value pairs kv.
func isCall(path string, kv ...string) func(call) bool {
	return func(c call) bool {
		for i := 0; i+1 < len(kv); i += 2 {
			if c.Form.Get(kv[i]) != kv[i+1] {
				return false
			}
		}
		return c.Path == path
	}
}

// answer is a reply as Slack gets it: a command's answer or a response_url post.
type answer struct {
	ResponseType string          `json:"response_type"`
	Text         string          `json:"text"`
	Blocks       json.RawMessage `json:"blocks"`
}

func decode[T any](t *testing.T, body []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(body, &v); err != nil {
		t.Fatalf("%v in %s", err, body)
	}
	return v
}

// blocksJSON returns the blocks as JSON with nothing HTML-escaped, as Slack reads them.
func (a answer) blocksJSON(t *testing.T) string {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(decode[any](t, a.Blocks)); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// hasButton reports whether the blocks hold a button for the action
// ("item_done", as its action_id "item_done:<id>" begins) with the value.
func (a answer) hasButton(t *testing.T, action, value string) bool {
	t.Helper()
	for _, b := range decode[[]struct{ Elements []map[string]any }](t, a.Blocks) {
		for _, e := range b.Elements {
			id, _ := e["action_id"].(string)
			if e["type"] == "button" && strings.HasPrefix(id, action+":") && e["value"] == value {
				return true
			}
		}
	}
	return false
}

// planbotServer is "planbot serve" running on loopback against a fake Slack.
type planbotServer struct {
	URL    string
	Slack  *fakeSlack
	env    map[string]string
	logs   *syncBuffer
	cancel context.CancelFunc
	done   chan struct{} // closed when run has returned err
	err    error
	once   sync.Once
}

// startServe runs planbot serve on the SQLite file db (a new one when "") until
// the test ends, and waits until it listens.
func startServe(t *testing.T, db string) *planbotServer {
	t.Helper()
	return startServeEnv(t, db, nil)
}

// startServeEnv is startServe with env's settings over the usual ones.
func startServeEnv(t *testing.T, db string, env map[string]string) *planbotServer {
	t.Helper()
	if db == "" {
		db = filepath.Join(t.TempDir(), "planbot.db")
	}
	s := &planbotServer{Slack: newFakeSlack(t), logs: &syncBuffer{}, done: make(chan struct{})}
	s.env = map[string]string{
		"PLANBOT_DB": db, "PLANBOT_NOW": seedNow, "PLANBOT_ADDR": "127.0.0.1:0", "PLANBOT_ADMINS": "UADMIN",
		"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": signingSecret, "SLACK_API_URL": s.Slack.URL + "/api/",
	}
	maps.Copy(s.env, env)
	addrs := make(chan string, 2)
	e := &environment{getenv: getenvOf(s.env), now: time.Now, listening: func(addr string) { addrs <- addr }}
	var ctx context.Context
	ctx, s.cancel = context.WithCancel(context.Background())
	go func() {
		s.err = e.run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, s.logs)
		close(s.done)
	}()
	t.Cleanup(func() {
		s.stop(t)
		if t.Failed() {
			t.Logf("planbot serve's log:\n%s", s.logs)
		}
	})
	select {
	case addr := <-addrs:
		s.URL = "http://" + addr
	case <-s.done:
		t.Fatalf("serve ended before listening: %v", s.err)
	case <-time.After(waitLimit):
		t.Fatal("serve is not listening")
	}
	return s
}

// stop cancels serve's context and checks that it shuts down gracefully: by
// then every piece of work after an answer is done. Later calls do nothing.
func (s *planbotServer) stop(t *testing.T) {
	t.Helper()
	s.once.Do(func() {
		s.cancel()
		select {
		case <-s.done:
			if s.err != nil {
				t.Errorf("serve returned %v after its context ended, want nil", s.err)
			}
		case <-time.After(waitLimit + shutdownGrace):
			t.Error("serve did not stop")
		}
	})
}

// signedHeader is what Slack sends with body at time at, signed with secret.
func signedHeader(secret string, at time.Time, body []byte) http.Header {
	ts := strconv.FormatInt(at.Unix(), 10)
	return http.Header{
		"X-Slack-Request-Timestamp": {ts},
		"X-Slack-Signature":         {slackbot.Verifier{Secret: secret}.Sign(ts, body)},
	}
}

// send posts body to path with header and returns the status and the answer's body.
func (s *planbotServer) send(t *testing.T, method, path string, body []byte, header http.Header) (int, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL+path, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = header.Clone()
	if req.Header == nil {
		req.Header = http.Header{}
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if bytes.HasPrefix(body, []byte("{")) {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := (&http.Client{Timeout: waitLimit}).Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp.StatusCode, got
}

// signed posts body to path signed as Slack would sign it now.
func (s *planbotServer) signed(t *testing.T, path string, body []byte) (int, []byte) {
	t.Helper()
	return s.send(t, http.MethodPost, path, body, signedHeader(signingSecret, time.Now(), body))
}

// slash is the form Slack posts when user types "/plan text" in channel C1;
// kv replaces fields. Its response_url is the fake's response/cmd.
func (s *planbotServer) slash(user, text string, kv ...string) url.Values {
	f := url.Values{
		"team_id": {"T1"}, "team_domain": {"acme"}, "channel_id": {"C1"}, "channel_name": {"investment"},
		"user_id": {user}, "user_name": {strings.ToLower(user)}, "command": {"/plan"}, "text": {text},
		"response_url": {s.Slack.URL + "/response/cmd"}, "trigger_id": {"13345224609.738474920.8088930838d88f008e0"},
		"api_app_id": {"A1"},
	}
	for i := 0; i+1 < len(kv); i += 2 {
		f.Set(kv[i], kv[i+1])
	}
	return f
}

// command posts a signed slash command and returns planbot's answer, which must be a 200.
func (s *planbotServer) command(t *testing.T, form url.Values) answer {
	t.Helper()
	code, body := s.signed(t, "/slack/commands", []byte(form.Encode()))
	if code != http.StatusOK {
		t.Fatalf("/plan %s: status %d: %s", form.Get("text"), code, body)
	}
	checkSlackProblems(t, "the answer to /plan "+form.Get("text"), slackcheck.Message(body))
	a := decode[answer](t, body)
	if a.ResponseType != "ephemeral" {
		t.Errorf("/plan %s: response_type %q, want ephemeral", form.Get("text"), a.ResponseType)
	}
	return a
}

// exportRows runs "planbot export" for team T1's week on env's database
// (serve may be running on it) and returns the rows after the header.
func exportRows(t *testing.T, env map[string]string, week string) [][]string {
	t.Helper()
	out := mustPlanbot(t, env, "", "export", "--team", "T1", "--week", week)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(records) == 0 {
		t.Fatalf("export: %v\n%s", err, out)
	}
	return records[1:]
}

// syncBuffer is a buffer that serve's log may write while a test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

func TestServeSlashCommandRoundTrip(t *testing.T) {
	s := startServe(t, "")
	tests := []struct {
		text, wantText, wantButton string
	}{
		{"tue visit 4 enterprises", "Added #1", "1|added|en"},
		{"周四至周五 出差北京", "已添加 #2", "2|added|zh"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			a := s.command(t, s.slash("U1", tc.text))
			if !strings.Contains(a.Text, tc.wantText) {
				t.Errorf("text %q, want %q", a.Text, tc.wantText)
			}
			if !a.hasButton(t, slackbot.ActionDone, tc.wantButton) {
				t.Errorf("no %s button with value %q in %s", slackbot.ActionDone, tc.wantButton, a.Blocks)
			}
		})
	}
	t.Run("export while serving", func(t *testing.T) {
		want := [][]string{ // every column but user_name, which the profile fetch may rename meanwhile
			{"1", "U1", "2025-11-18", "2025-11-18", "visit", "4", "", "planned", "visit 4 enterprises", "", "0", "", ""},
			{"2", "U1", "2025-11-20", "2025-11-21", "trip", "1", "北京", "planned", "出差北京", "", "0", "", ""},
		}
		rows := exportRows(t, s.env, "2025-W47")
		if len(rows) != len(want) {
			t.Fatalf("got %d rows, want %d: %q", len(rows), len(want), rows)
		}
		for i, r := range rows {
			got := append([]string{r[0], r[1]}, r[3:]...)
			if strings.Join(got, "|") != strings.Join(want[i], "|") {
				t.Errorf("row %d = %q, want %q", i+1, got, want[i])
			}
		}
	})
}

func TestServeEscapesMentions(t *testing.T) {
	s := startServe(t, "")
	tests := []struct {
		name, sent, stored, escaped, raw string
	}{
		{"channel", "&lt;!channel&gt; &amp; visit 2 companies", "<!channel> & visit 2 companies", "&lt;!channel&gt; &amp; visit", "<!channel>"},
		{"user", "tue &lt;@U999&gt; visit 2 companies", "<@U999> visit 2 companies", "&lt;@U999&gt;", "<@U999>"},
		{"user group", "wed &lt;!subteam^S1&gt; meeting", "<!subteam^S1> meeting", "&lt;!subteam^S1&gt;", "<!subteam^S1>"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := s.command(t, s.slash("U1", tc.sent))
			blocks := a.blocksJSON(t)
			if !strings.Contains(blocks, tc.escaped) || strings.Contains(blocks, tc.raw) {
				t.Errorf("blocks should hold %q and never %q:\n%s", tc.escaped, tc.raw, blocks)
			}
			if strings.Contains(a.Text, tc.raw) {
				t.Errorf("the fallback text pings: %q", a.Text)
			}
			for _, r := range exportRows(t, s.env, "2025-W47") {
				if r[0] == strconv.Itoa(i+1) && r[9] != tc.stored {
					t.Errorf("stored title %q, want %q", r[9], tc.stored)
				}
			}
		})
	}
	if rows := exportRows(t, s.env, "2025-W47"); len(rows) != len(tests) {
		t.Errorf("stored %d items, want %d: %q", len(rows), len(tests), rows)
	}
}

func TestServeFetchesProfileAfterAnswer(t *testing.T) {
	db := filepath.Join(t.TempDir(), "planbot.db")
	s := startServe(t, db)
	s.command(t, s.slash("U1", "tue visit 4 enterprises"))
	s.Slack.waitFor(t, "users.info for U1", isCall("users.info", "user", "U1"))
	s.stop(t) // a graceful stop waits for the profile to be stored
	if rows := exportRows(t, s.env, "2025-W47"); len(rows) != 1 || rows[0][2] != "Ann Lee" {
		t.Fatalf("export %q, want one item of Ann Lee", rows)
	}

	again := startServe(t, db)
	if a := again.command(t, again.slash("U1", "team 2025-W47")); !strings.Contains(a.Text, "Ann Lee") {
		t.Errorf("team view lacks the real name:\n%s", a.Text)
	}
	again.stop(t)
	if n := again.Slack.count(isCall("users.info")); n != 0 {
		t.Errorf("a profile fresher than %s was fetched again (%d users.info)", slackbot.ProfileMaxAge, n)
	}
}
