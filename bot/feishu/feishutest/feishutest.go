// Package feishutest is a fake Feishu (飞书, Lark) open platform for tests:
// one httptest server that answers the calls planbot makes through the
// official SDK as Feishu's open platform would — the tenant token, messages
// sent, replied and patched (with Feishu's uuid deduplication), images and
// files uploaded, a member's name, a group's members, name and owner —
// records every call, and checks every message it is sent (a text mentions
// no one, a card is valid JSON within Feishu's size limit), failing the test
// when Feishu would refuse it or show what planbot did not mean. A test can
// make any call fail with a Feishu code (99991400, the rate limit), answer
// HTTP 429, or stall until the caller gives up (Behaviour). It also serves
// the long connection's bootstrap and websocket (gateway.go), and builds the
// events and card clicks Feishu sends, signed and encrypted as Feishu
// documents (event.go, click.go).
//
// Give the SDK URL as its base (lark.WithOpenBaseUrl, larkws.WithDomain,
// FEISHU_BASE_URL).
package feishutest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// The app the fake knows: the SDK must ask for its tenant token with these.
const (
	AppID     = "cli_planbot_test"
	AppSecret = "planbot-test-secret"
	// TenantKey is the tenant the app is installed in: the team feishu:TenantKey.
	TenantKey = "tenant_test"
	// BotOpenID is the bot's own open_id, as an @-mention of it carries.
	BotOpenID = "ou_planbot_bot"
)

// The calls the fake serves, by the names planbot's errors use.
const (
	MethodToken       = "auth.tenant_access_token"
	MethodSend        = "im.message.create"
	MethodReply       = "im.message.reply"
	MethodPatch       = "im.message.patch"
	MethodImage       = "im.image.create"
	MethodFile        = "im.file.create"
	MethodUser        = "contact.user.get"
	MethodChatMembers = "im.chat.members.get"
	MethodChat        = "im.chat.get"
	MethodWSEndpoint  = "ws.endpoint"
)

// uuidWindow is how long Feishu remembers a message's uuid: a second send
// with the same uuid within it sends nothing and answers the first message.
const uuidWindow = time.Hour

// MaxCardBytes is the largest card Feishu accepts (30 KB).
const MaxCardBytes = 30 * 1024

// Call is one request the fake received.
type Call struct {
	Method string     // one of the Method… names
	ID     string     // the path's id (a message, a user, a chat), if any
	Query  url.Values // the query string
	Body   []byte     // the JSON body; nil for a multipart upload
	Form   url.Values // the fields of a multipart upload
	File   []byte     // the file of a multipart upload
	Token  string     // the bearer token it carried
	At     time.Time  // when it came, by the fake's clock
}

// Message is a message in a chat: one the bot sent or replied (and Feishu
// accepted), or one a member wrote (Server.Incoming).
type Message struct {
	ID      string
	ChatID  string // the chat; for a direct message to a member, DirectChat(open_id)
	MsgType string // text, interactive, image, file
	Content string // the content as sent; a card's latest version after a patch
	Sender  string // the member's open_id; "" for the bot
	ReplyTo string // the message it replies to; "" for none
	Thread  bool   // a reply in the thread of ReplyTo
	UUID    string
	Patches int // how often the card was updated
	At      time.Time
}

// Text is a text message's text ("" for another type).
func (m Message) Text() string {
	if m.MsgType != "text" {
		return ""
	}
	var c struct{ Text string }
	json.Unmarshal([]byte(m.Content), &c)
	return c.Text
}

// Server is the fake Feishu. Its methods are safe from any goroutine.
type Server struct {
	// URL is the open platform's base URL.
	URL string

	t       testing.TB
	srv     *httptest.Server
	release chan struct{} // closed when the test ends: stalled calls return

	mu         sync.Mutex
	now        func() time.Time
	seq        int
	token      string
	calls      []Call
	messages   []Message
	uuids      map[string]int // uuid → index of the message it sent
	uploads    map[string][]byte
	users      map[string]string   // open_id → name
	members    map[string][]string // chat_id → open_ids
	chats      map[string]chat     // chat_id → the group's name and owner
	behaviours map[string]*behaviour
	hooks      []func(Call)
	changed    chan struct{} // closed and replaced whenever a message is added or updated
	gw         *gateway
}

// New starts a fake Feishu for t, closed when t ends.
func New(t testing.TB) *Server {
	s := &Server{
		t: t, release: make(chan struct{}), now: time.Now, token: "t-fake-tenant-token",
		uuids: map[string]int{}, uploads: map[string][]byte{}, users: map[string]string{},
		members: map[string][]string{}, chats: map[string]chat{}, behaviours: map[string]*behaviour{}, changed: make(chan struct{}),
	}
	s.gw = newGateway(s)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /open-apis/auth/v3/tenant_access_token/internal", s.serveToken)
	mux.HandleFunc("POST /open-apis/im/v1/messages", s.api(MethodSend, s.send))
	mux.HandleFunc("POST /open-apis/im/v1/messages/{id}/reply", s.api(MethodReply, s.reply))
	mux.HandleFunc("PATCH /open-apis/im/v1/messages/{id}", s.api(MethodPatch, s.patch))
	mux.HandleFunc("POST /open-apis/im/v1/images", s.api(MethodImage, s.upload("image", "image_key")))
	mux.HandleFunc("POST /open-apis/im/v1/files", s.api(MethodFile, s.upload("file", "file_key")))
	mux.HandleFunc("GET /open-apis/contact/v3/users/{id}", s.api(MethodUser, s.user))
	mux.HandleFunc("GET /open-apis/im/v1/chats/{id}/members", s.api(MethodChatMembers, s.chatMembers))
	mux.HandleFunc("GET /open-apis/im/v1/chats/{id}", s.api(MethodChat, s.chatInfo))
	mux.HandleFunc("POST /callback/ws/endpoint", s.gw.serveEndpoint)
	mux.HandleFunc("GET /ws", s.gw.serveSocket)
	s.srv = httptest.NewServer(mux)
	s.URL = s.srv.URL
	t.Cleanup(s.srv.Close)
	t.Cleanup(s.gw.close)
	t.Cleanup(func() { close(s.release) }) // runs first: stalled handlers return, then the server closes
	return s
}

// SetClock sets the clock of the calls' times and of the uuid window; the
// default is the real clock.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// OnCall makes the fake call f with each call as it comes, after recording
// and checking it and before answering it.
func (s *Server) OnCall(f func(Call)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hooks = append(s.hooks, f)
}

// AddUser makes the contact API tell of member openID, named name. A member
// not added is named after their open_id.
func (s *Server) AddUser(openID, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[openID] = name
}

// SetMembers sets the members (open_ids) a group's member list gives.
func (s *Server) SetMembers(chatID string, openIDs ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[chatID] = slices.Clone(openIDs)
}

// Calls returns the calls of method so far, in order; every call for "".
func (s *Server) Calls(method string) []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Call
	for _, c := range s.calls {
		if method == "" || c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

// Count returns how many calls of method came so far, answered or not.
func (s *Server) Count(method string) int { return len(s.Calls(method)) }

// Messages returns the messages the bot sent (and Feishu accepted), in order.
func (s *Server) Messages() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Message
	for _, m := range s.messages {
		if m.Sender == "" {
			out = append(out, m)
		}
	}
	return out
}

// MessagesIn returns the bot's messages in chat, in order.
func (s *Server) MessagesIn(chatID string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.ChatID == chatID {
			out = append(out, m)
		}
	}
	return out
}

// RepliesTo returns the bot's replies to message id, in order.
func (s *Server) RepliesTo(id string) []Message {
	var out []Message
	for _, m := range s.Messages() {
		if m.ReplyTo == id {
			out = append(out, m)
		}
	}
	return out
}

// Message returns message id and whether there is one.
func (s *Server) Message(id string) (Message, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, m := range s.messages {
		if m.ID == id {
			return m, true
		}
	}
	return Message{}, false
}

// Upload returns the file or image uploaded under key.
func (s *Server) Upload(key string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.uploads[key]
	return b, ok
}

// Incoming records a message member sender wrote in chat (a p2p chat or a
// group) and returns its id, for an event that carries it (MessageEvent).
func (s *Server) Incoming(chatID, sender, content string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.add(Message{ChatID: chatID, MsgType: "text", Content: content, Sender: sender})
}

// add appends m with a new id and returns the id. Called with mu held.
func (s *Server) add(m Message) string {
	s.seq++
	m.ID = fmt.Sprintf("om_%04d", s.seq)
	m.At = s.now()
	s.messages = append(s.messages, m)
	s.change()
	return m.ID
}

// change wakes the WaitFor calls. Called with mu held.
func (s *Server) change() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// WaitFor waits until cond, checked now and after each message added or
// updated, holds; it fails when ctx ends first.
func (s *Server) WaitFor(ctx context.Context, cond func() bool) error {
	for {
		s.mu.Lock()
		changed := s.changed
		s.mu.Unlock()
		if cond() {
			return nil
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// DirectChat is the chat of the bot's direct messages with member openID.
func DirectChat(openID string) string { return "oc_p2p_" + openID }

// record records c and runs the checks and hooks.
func (s *Server) record(c Call) {
	s.mu.Lock()
	c.At = s.now()
	s.calls = append(s.calls, c)
	hooks := slices.Clone(s.hooks)
	s.mu.Unlock()
	for _, f := range hooks {
		f(c)
	}
}

// answer writes Feishu's JSON answer: code 0 with data.
func answer(w http.ResponseWriter, data any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(map[string]any{"code": 0, "msg": "success", "data": data})
}

// fail writes Feishu's answer with code, at HTTP status.
func fail(w http.ResponseWriter, status, code int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"code": code, "msg": msg})
}

func (s *Server) serveToken(w http.ResponseWriter, r *http.Request) {
	body := readAll(r)
	s.record(Call{Method: MethodToken, Body: body})
	if s.misbehave(w, r, MethodToken) {
		return
	}
	var req struct {
		AppID     string `json:"app_id"`
		AppSecret string `json:"app_secret"`
	}
	if json.Unmarshal(body, &req) != nil || req.AppID != AppID || req.AppSecret != AppSecret {
		fail(w, http.StatusBadRequest, 10014, "app secret invalid")
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(map[string]any{"code": 0, "msg": "ok", "tenant_access_token": s.token, "expire": 7200})
}

// api serves an open API call of method: it reads and records the call,
// refuses one without the tenant token, misbehaves as told, and else answers
// with f.
func (s *Server) api(method string, f func(http.ResponseWriter, Call)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		c := Call{Method: method, ID: r.PathValue("id"), Query: r.URL.Query(),
			Token: strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")}
		if mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && mt == "multipart/form-data" {
			c.Form, c.File = readMultipart(r, params["boundary"])
		} else {
			c.Body, _ = io.ReadAll(r.Body)
		}
		s.record(c)
		if s.misbehave(w, r, method) {
			return
		}
		if c.Token != s.token {
			fail(w, http.StatusBadRequest, 99991663, "Invalid access token for authorization")
			return
		}
		f(w, c)
	}
}

// readMultipart reads a multipart upload's fields and its file.
func readMultipart(r *http.Request, boundary string) (url.Values, []byte) {
	form, file := url.Values{}, []byte(nil)
	mr := multipart.NewReader(r.Body, boundary)
	for {
		part, err := mr.NextPart()
		if err != nil {
			return form, file
		}
		b, _ := io.ReadAll(part)
		if part.FileName() != "" {
			file = b
			continue
		}
		form.Add(part.FormName(), string(b))
	}
}

// readAll reads r's body.
func readAll(r *http.Request) []byte {
	b, _ := io.ReadAll(r.Body)
	return b
}
