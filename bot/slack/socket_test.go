package slack

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"planbot/bot"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// guard bounds every wait of these tests; nothing sleeps.
const guard = 10 * time.Second

// fakeSlack is Slack for the Socket Mode tests: slacktest's fake, whose
// apps.connections.open hands out its own websocket (SendFrame, Frame), and
// whose users.info knows Ann; every Web API call (but the connection's own
// apps.connections.open) and response_url post also goes to posts, for a
// test to wait for (waitPost).
type fakeSlack struct {
	*slacktest.Server
	posts chan post // Web API calls and response_url posts, as they come
}

// post is one request the fake received: its path ("/api/<method>",
// "/response/<name>") and its body (the form encoded, or the JSON).
type post struct {
	path string
	body []byte
}

func newFakeSlack(t *testing.T) *fakeSlack {
	f := &fakeSlack{Server: slacktest.New(t), posts: make(chan post, 256)}
	f.AddUser(slacktest.User{ID: "U1", Name: "ann", RealName: "Ann", TZ: "Asia/Shanghai"})
	f.OnCall(func(c slacktest.Call) {
		if c.Method == "apps.connections.open" {
			return
		}
		p := post{path: "/api/" + c.Method, body: c.JSON}
		if strings.HasPrefix(c.Method, "response/") || c.Method == "upload" {
			p.path = "/" + c.Method
		}
		if c.Form != nil {
			p.body = []byte(c.Form.Encode())
		}
		select {
		case f.posts <- p:
		default:
			t.Errorf("fakeSlack: more than %d calls not taken by the test", cap(f.posts))
		}
	})
	return f
}

// ack is a Socket Mode acknowledgement.
type ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

// ack returns the next acknowledgement the client sent.
func (f *fakeSlack) ack(t *testing.T) ack {
	t.Helper()
	frame := f.Frame(t)
	var a ack
	if err := json.Unmarshal(frame, &a); err != nil {
		t.Fatalf("acknowledgement %s: %v", frame, err)
	}
	return a
}

// waitPost returns the next request to path, passing over others.
func (f *fakeSlack) waitPost(t *testing.T, path string) post {
	t.Helper()
	timeout := time.After(guard)
	for {
		select {
		case p := <-f.posts:
			if p.path == path {
				return p
			}
		case <-timeout:
			t.Fatalf("nothing posted to %s", path)
		}
	}
}

// newTestApp is planbot's Slack app on h, talking to the fake, at the fixed clock.
func newTestApp(h *bot.Handler, f *fakeSlack) *SlackApp {
	return &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(f.APIURL()), slack.OptionAppLevelToken("xapp-test")),
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		HTTP:    f.Client(),
		Now:     h.Service.Now,
	}
}

// runSocket runs app over Socket Mode against the fake until stop is called,
// which returns what RunSocketMode returned.
func runSocket(t *testing.T, app *SlackApp) (stop func() error) {
	ctx, cancel := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	go func() { errc <- app.RunSocketMode(ctx, socketmode.New(app.API.(*slack.Client))) }()
	return func() error {
		cancel()
		select {
		case err := <-errc:
			app.Wait()
			return err
		case <-time.After(guard):
			t.Fatal("RunSocketMode did not return after its context ended")
		}
		return nil
	}
}

// envelope is a Socket Mode request of type typ carrying payload.
func envelope(id, typ string, payload any) string {
	b, err := json.Marshal(map[string]any{"envelope_id": id, "type": typ, "accepts_response_payload": typ != "events_api", "payload": payload})
	if err != nil {
		panic(err)
	}
	return string(b)
}

// slashCommand is the payload of "/plan text" typed by Ann, answered at /response/name.
func slashCommand(f *fakeSlack, text, name string) map[string]string {
	return map[string]string{
		"team_id": "T1", "team_domain": "zhaoshang", "user_id": "U1", "user_name": "ann", "channel_id": "C1",
		"command": "/plan", "text": text, "response_url": f.ResponseURL(name), "trigger_id": "trigger-" + name,
	}
}

// reply is a SlackResponse as Slack receives it.
type reply struct {
	ResponseType    string            `json:"response_type"`
	ReplaceOriginal bool              `json:"replace_original"`
	Text            string            `json:"text"`
	Blocks          []json.RawMessage `json:"blocks"`
}

func decodeReply(t *testing.T, b []byte) reply {
	t.Helper()
	var r reply
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatalf("reply %s: %v", b, err)
	}
	return r
}

// A command, a click and the Home tab, end to end over a real WebSocket.
func TestRunSocketMode(t *testing.T) {
	h := newHandler(t)
	f := newFakeSlack(t)
	app := newTestApp(h, f)
	stop := runSocket(t, app)
	f.SendFrame(t, `{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"},"debug_info":{"host":"fake","approximate_connection_time":18060}}`)
	steps := []struct {
		name, id, typ string
		payload       any
		check         func(t *testing.T, a ack)
	}{
		{"command", "e1", "slash_commands", slashCommand(f, "tue visit 4 enterprises", "add"), func(t *testing.T, a ack) {
			checkSlackMessage(t, []byte(a.Payload))
			r := decodeReply(t, a.Payload)
			if !strings.Contains(r.Text, "Added #1") || len(r.Blocks) == 0 || r.ResponseType != "ephemeral" {
				t.Errorf("answer %s, want 'Added #1' in blocks, to Ann only", a.Payload)
			}
			if items := teamItems(t, h, "T1"); len(items) != 1 || items[0].Title != "visit 4 enterprises" {
				t.Errorf("stored %+v, want the visit", items)
			}
			if p := f.waitPost(t, "/api/users.info"); !strings.Contains(string(p.body), "user=U1") {
				t.Errorf("users.info %s, want Ann's profile", p.body)
			}
		}},
		{"click", "e2", "interactive", map[string]any{
			"type": "block_actions", "team": map[string]string{"id": "T1"}, "user": map[string]string{"id": "U1"},
			"response_url": f.ResponseURL("click"), "trigger_id": "trigger-click",
			"actions": []map[string]string{{"type": "button", "block_id": "b1", "action_id": ActionDone, "value": "1|added|en", "action_ts": "1763341200.000100"}},
		}, func(t *testing.T, a ack) {
			if len(a.Payload) != 0 {
				t.Errorf("acknowledged with %s, want nothing", a.Payload)
			}
			r := decodeReply(t, f.waitPost(t, "/response/click").body)
			if !strings.HasPrefix(r.Text, "Done #1 ✅") || !r.ReplaceOriginal {
				t.Errorf("redraw %+v, want the message replaced by 'Done #1'", r)
			}
			if it, _ := history(t, h, "T1", 1); it.Status != planner.StatusDone {
				t.Errorf("item 1 is %s, want done", it.Status)
			}
		}},
		{"home opened", "e3", "events_api", map[string]any{
			"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": "Ev1", "event_time": 1763341200,
			"event": map[string]string{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1763341200.000200"},
		}, func(t *testing.T, a ack) {
			if len(a.Payload) != 0 {
				t.Errorf("acknowledged with %s, want nothing", a.Payload)
			}
			var publish struct {
				UserID string `json:"user_id"`
				View   struct {
					Type   string            `json:"type"`
					Blocks []json.RawMessage `json:"blocks"`
				} `json:"view"`
			}
			body := f.waitPost(t, "/api/views.publish").body
			if err := json.Unmarshal(body, &publish); err != nil {
				t.Fatalf("views.publish %s: %v", body, err)
			}
			if publish.UserID != "U1" || publish.View.Type != "home" || len(publish.View.Blocks) < 3 || !strings.Contains(string(body), "#1 ✅") {
				t.Errorf("views.publish %s, want Ann's Home tab with item 1 done", body)
			}
		}},
	}
	for _, s := range steps {
		t.Run(s.name, func(t *testing.T) {
			f.SendFrame(t, envelope(s.id, s.typ, s.payload))
			a := f.ack(t)
			if a.EnvelopeID != s.id {
				t.Errorf("acknowledged %q, want %q", a.EnvelopeID, s.id)
			}
			s.check(t, a)
		})
	}
	if err := stop(); err != nil {
		t.Errorf("RunSocketMode = %v, want nil once its context ends", err)
	}
}

// An answer too big for an acknowledgement goes to the command's response_url.
func TestRunSocketModeLargeReply(t *testing.T) {
	h := newHandler(t)
	title := string([]rune(strings.Repeat("对接新能源汽车零部件企业洽谈项目落地", 60))[:900])
	for i := range 40 {
		mustHandle(t, h, plannertest.Ann, []string{"周一", "周二", "周三", "周四", "周五"}[i%5]+" "+title)
	}
	f := newFakeSlack(t)
	app := newTestApp(h, f)
	stop := runSocket(t, app)
	for _, tt := range []struct {
		id, text string
		large    bool
	}{
		{"e1", "week", true},
		{"e2", "week next", false},
	} {
		t.Run(tt.text, func(t *testing.T) {
			f.SendFrame(t, envelope(tt.id, "slash_commands", slashCommand(f, tt.text, tt.id)))
			a := f.ack(t)
			if a.EnvelopeID != tt.id {
				t.Errorf("acknowledged %q, want %q", a.EnvelopeID, tt.id)
			}
			if !tt.large {
				checkSlackMessage(t, []byte(a.Payload))
				if r := decodeReply(t, a.Payload); !strings.Contains(r.Text, "2025-W48") {
					t.Errorf("answer %s, want next week", a.Payload)
				}
				return
			}
			if len(a.Payload) != 0 {
				t.Errorf("acknowledged with %d bytes, want nothing", len(a.Payload))
			}
			body := f.waitPost(t, "/response/"+tt.id).body
			r := decodeReply(t, body)
			if len(body) < maxAck-1024 || !strings.Contains(r.Text, "2025-W47") || len(r.Blocks) < 8 || r.ReplaceOriginal || r.ResponseType != "ephemeral" {
				t.Errorf("posted %d bytes: %.200s…, want the whole week, to Ann only", len(body), body)
			}
		})
	}
	if err := stop(); err != nil {
		t.Errorf("RunSocketMode = %v, want nil once its context ends", err)
	}
}

// When Slack refuses the connection for good, RunSocketMode says why rather than hang.
func TestRunSocketModeRefused(t *testing.T) {
	for _, tt := range []struct{ name, want string }{
		{"invalid auth", "invalid_auth"},
		{"revoked", "token_revoked"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t)
			f.Set("apps.connections.open", slacktest.Behaviour{Error: tt.want})
			app := newTestApp(newHandler(t), f)
			errc := make(chan error, 1)
			go func() { errc <- app.RunSocketMode(t.Context(), socketmode.New(app.API.(*slack.Client))) }()
			select {
			case err := <-errc:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("RunSocketMode = %v, want %s", err, tt.want)
				}
			case <-time.After(guard):
				t.Fatal("RunSocketMode hangs after Slack refused the connection")
			}
		})
	}
}
