package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// guard bounds every wait of these tests; nothing sleeps.
const guard = 10 * time.Second

// fakeSlack is Slack on one httptest server: apps.connections.open hands out
// the server's own /ws, whose frames go to and from the test through channels;
// users.info knows everyone (or, stalled, answers only once released); every
// other Web API call and every post to a /response/ URL is recorded and
// answered ok.
type fakeSlack struct {
	srv      *httptest.Server
	open     string        // the answer to apps.connections.open
	toClient chan string   // frames to send over the socket
	acks     chan []byte   // frames the client sent
	posts    chan post     // Web API calls and response_url posts
	stalled  chan struct{} // nil, or users.info waits until it is closed (release) or its caller gives up
	stop     chan struct{}
}

// post is one request the fake received.
type post struct {
	path string
	body []byte
}

// socketOpen is apps.connections.open's answer when Slack lets the app connect;
// {ws} stands for the fake's own socket URL.
const socketOpen = `{"ok":true,"url":"{ws}"}`

func newFakeSlack(t *testing.T, open string) *fakeSlack { return newFakeSlackStalled(t, open, false) }

// newFakeSlackStalled is newFakeSlack whose users.info, when stalled, answers
// nothing until release is called or the caller gives up: Slack too slow for
// an admin check.
func newFakeSlackStalled(t *testing.T, open string, stalled bool) *fakeSlack {
	f := &fakeSlack{open: open, toClient: make(chan string), acks: make(chan []byte, 16), posts: make(chan post, 64), stop: make(chan struct{})}
	if stalled {
		f.stalled = make(chan struct{})
	}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /api/apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.ReplaceAll(f.open, "{ws}", "ws://"+r.Host+"/ws"))
	})
	record := func(r *http.Request) []byte {
		body, _ := io.ReadAll(r.Body)
		checkSlackCall(t, r.URL.Path, body)
		select {
		case f.posts <- post{r.URL.Path, body}:
		case <-f.stop:
		}
		return body
	}
	mux.HandleFunc("POST /api/users.info", func(w http.ResponseWriter, r *http.Request) {
		form, _ := url.ParseQuery(string(record(r)))
		if f.stalled != nil {
			select {
			case <-f.stalled:
			case <-r.Context().Done():
				return
			case <-f.stop:
				return
			}
		}
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"name":"ann","real_name":"Ann","tz":"Asia/Shanghai"}}`, form.Get("user"))
	})
	ok := func(w http.ResponseWriter, r *http.Request) {
		record(r)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"ok":true}`)
	}
	mux.HandleFunc("POST /api/", ok)
	mux.HandleFunc("POST /response/", ok)
	mux.HandleFunc("GET /ws", f.serveSocket)
	f.srv = httptest.NewServer(mux)
	t.Cleanup(func() {
		close(f.stop)
		f.srv.Close()
	})
	return f
}

// serveSocket is Slack's end of a Socket Mode connection.
func (f *fakeSlack) serveSocket(w http.ResponseWriter, r *http.Request) {
	upgrader := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }} // the client says it is https://api.slack.com
	conn, err := upgrader.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	defer conn.Close()
	closed := make(chan struct{})
	go func() {
		defer close(closed)
		for {
			_, frame, err := conn.ReadMessage()
			if err != nil {
				return
			}
			select {
			case f.acks <- frame:
			case <-f.stop:
				return
			}
		}
	}()
	for {
		select {
		case frame := <-f.toClient:
			if err := conn.WriteMessage(websocket.TextMessage, []byte(frame)); err != nil {
				return
			}
		case <-closed:
			return
		case <-f.stop:
			return
		}
	}
}

// release lets a stalled users.info answer.
func (f *fakeSlack) release() { close(f.stalled) }

// send sends one frame to the connected client.
func (f *fakeSlack) send(t *testing.T, frame string) {
	t.Helper()
	select {
	case f.toClient <- frame:
	case <-time.After(guard):
		t.Fatalf("no client connected to send %.60s", frame)
	}
}

// ack is a Socket Mode acknowledgement.
type ack struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

// ack returns the next acknowledgement the client sent.
func (f *fakeSlack) ack(t *testing.T) ack {
	t.Helper()
	select {
	case frame := <-f.acks:
		var a ack
		if err := json.Unmarshal(frame, &a); err != nil {
			t.Fatalf("acknowledgement %s: %v", frame, err)
		}
		return a
	case <-time.After(guard):
		t.Fatal("no acknowledgement")
	}
	return ack{}
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
		API:     slack.New("xoxb-test", slack.OptionAPIURL(f.srv.URL+"/api/"), slack.OptionAppLevelToken("xapp-test")),
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		HTTP:    f.srv.Client(),
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
		"command": "/plan", "text": text, "response_url": f.srv.URL + "/response/" + name, "trigger_id": "trigger-" + name,
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
	f := newFakeSlack(t, socketOpen)
	app := newTestApp(h, f)
	stop := runSocket(t, app)
	f.send(t, `{"type":"hello","num_connections":1,"connection_info":{"app_id":"A1"},"debug_info":{"host":"fake","approximate_connection_time":18060}}`)
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
			"response_url": f.srv.URL + "/response/click", "trigger_id": "trigger-click",
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
			f.send(t, envelope(s.id, s.typ, s.payload))
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
	f := newFakeSlack(t, socketOpen)
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
			f.send(t, envelope(tt.id, "slash_commands", slashCommand(f, tt.text, tt.id)))
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
	for _, tt := range []struct{ name, open, want string }{
		{"invalid auth", `{"ok":false,"error":"invalid_auth"}`, "invalid_auth"},
		{"revoked", `{"ok":false,"error":"token_revoked"}`, "token_revoked"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := newFakeSlack(t, tt.open)
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
