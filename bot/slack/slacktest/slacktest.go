// Package slacktest is a fake Slack Web API for tests: one httptest server
// that answers the calls planbot makes as Slack would, records every call,
// and checks every message and view it receives with slackcheck, failing
// the test when Slack would refuse one. A test can make any method fail
// with an error code, answer 429 with Retry-After, stall until the caller
// gives up, or answer odd JSON (Behaviour).
//
// It serves the Web API under /api/ (give slack-go APIURL), the upload URLs
// that files.getUploadURLExternal hands out under /upload/, response_url
// posts under /response/ (ResponseURL), and Socket Mode's websocket at /ws
// (the URL apps.connections.open hands out; SendFrame, Frame). A test can
// also hold a method's calls until it opens a gate (Gate), see how many were
// answered at once (MostAtOnce), and rate-limit a method by the time since
// its last call (RateLimit). It does not import slack-go, so that
// it stays within the rule that only bot/slack and cmd/planbot do.
package slacktest

import (
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

	"planbot/bot/slack/slackcheck"
)

// Call is one request the fake received.
type Call struct {
	// Method is the Web API method ("chat.postMessage"), "upload" for a
	// file sent to an upload URL, or "response/<name>" for a response_url post.
	Method string
	Path   string     // the URL path it came to ("/api/chat.postMessage", "/upload/F1", "/response/<name>")
	Form   url.Values // the form of a form-encoded call
	JSON   []byte     // the body of a JSON call (views.*, a response_url post)
	File   []byte     // the file of an upload
	At     time.Time  // when it came, by the fake's clock (SetClock)
}

// Message is a message in a channel: one chat.postMessage that succeeded,
// or one a test put in the history (AddHistory).
type Message struct {
	Channel  string
	TS       string // its Slack timestamp, "<unix seconds>.<6 digits>"
	ThreadTS string // the summary it replies to in a thread; "" for a top-level message
	Text     string
	Blocks   string          // the blocks as JSON, as they came
	Metadata json.RawMessage // the message metadata, as it came; nil for none
	Form     url.Values      // the whole chat.postMessage form; nil for a message from AddHistory
}

// User is a member of the workspace as users.info and users.list tell of them.
type User struct {
	ID, Name, RealName, TZ  string
	IsAdmin, IsBot, Deleted bool
}

// Server is the fake Slack. Its methods are safe from any goroutine.
type Server struct {
	// URL is the server's base URL; the Web API is at APIURL.
	URL string

	t       testing.TB
	srv     *httptest.Server
	mux     *http.ServeMux
	release chan struct{} // closed when the test ends: stalled calls return

	mu         sync.Mutex
	now        func() time.Time
	seq        int // messages and files numbered so far
	calls      []Call
	posts      []Message
	history    map[string][]Message // by channel, oldest first
	behaviours map[string]*behaviour
	users      map[string]User
	order      []string // user ids in the order added
	knownOnly  bool
	members    map[string][]string // conversations.members, by channel
	dms        map[string]string   // conversations.open's channel, by user
	hooks      []func(Call)
	gates      map[string]chan struct{} // by method: calls wait until it is closed
	inFlight   map[string]int           // by method: calls being answered now
	most       map[string]int           // by method: the most calls answered at once
	paces      map[string]*pace         // by method: the rate limit by time since the last call

	toClient   chan string // frames for the Socket Mode client (SendFrame)
	fromClient chan []byte // frames the Socket Mode client sent (Frame)
}

// New starts a fake Slack for t, closed when t ends.
func New(t testing.TB) *Server {
	s := &Server{
		t: t, mux: http.NewServeMux(), release: make(chan struct{}),
		now:        func() time.Time { return time.Unix(1700000000, 0) },
		history:    map[string][]Message{},
		behaviours: map[string]*behaviour{},
		users:      map[string]User{},
		members:    map[string][]string{},
		dms:        map[string]string{},
		gates:      map[string]chan struct{}{},
		inFlight:   map[string]int{},
		most:       map[string]int{},
		paces:      map[string]*pace{},
		toClient:   make(chan string),
		fromClient: make(chan []byte, 64),
	}
	s.mux.HandleFunc("POST /api/{method}", s.serveAPI)
	s.mux.HandleFunc("POST /upload/{file}", s.serveUpload)
	s.mux.HandleFunc("POST /response/{name...}", s.serveResponse)
	s.mux.HandleFunc("GET /ws", s.serveSocket)
	s.srv = httptest.NewServer(s.mux)
	s.URL = s.srv.URL
	t.Cleanup(s.srv.Close)
	t.Cleanup(func() { close(s.release) }) // runs first: stalled handlers return, then the server closes
	return s
}

// APIURL is the Web API's URL, for slack.OptionAPIURL.
func (s *Server) APIURL() string { return s.URL + "/api/" }

// ResponseURL is a response_url whose posts the fake records as the call
// "response/<name>".
func (s *Server) ResponseURL(name string) string { return s.URL + "/response/" + name }

// Client is an HTTP client for the fake.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Handle serves pattern (an http.ServeMux pattern) with h, for what the fake
// does not do itself.
func (s *Server) Handle(pattern string, h http.Handler) { s.mux.Handle(pattern, h) }

// SetClock sets the clock of the messages' timestamps and the calls' times;
// the default stands still at 1700000000 (2023-11-14 22:13:20 UTC).
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// OnCall makes the fake call f with each call as it comes, after recording
// it and before answering it.
func (s *Server) OnCall(f func(Call)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hooks = append(s.hooks, f)
}

// AddUser makes u known to users.info and users.list.
func (s *Server) AddUser(u User) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[u.ID]; !ok {
		s.order = append(s.order, u.ID)
	}
	s.users[u.ID] = u
}

// KnownUsersOnly makes users.info answer user_not_found for a user not
// added; by default it tells of anyone, as a member named after their id.
func (s *Server) KnownUsersOnly() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.knownOnly = true
}

// SetMembers sets the members conversations.members lists for channel.
func (s *Server) SetMembers(channel string, userIDs []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.members[channel] = append([]string(nil), userIDs...)
}

// AddHistory puts m in its channel's history, as if posted before.
func (s *Server) AddHistory(m Message) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.history[m.Channel] = append(s.history[m.Channel], m)
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

// Methods returns the method of each call so far, in order, leaving out
// those in skip.
func (s *Server) Methods(skip ...string) []string {
	var out []string
	for _, c := range s.Calls("") {
		if !contains(skip, c.Method) {
			out = append(out, c.Method)
		}
	}
	return out
}

// Posts returns the chat.postMessage calls that succeeded, in order.
func (s *Server) Posts() []Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Message(nil), s.posts...)
}

// PostsTo returns the messages posted to channel, in order.
func (s *Server) PostsTo(channel string) []Message {
	var out []Message
	for _, m := range s.Posts() {
		if m.Channel == channel {
			out = append(out, m)
		}
	}
	return out
}

// Channels returns the channel of each message posted, in order.
func (s *Server) Channels() []string {
	var out []string
	for _, m := range s.Posts() {
		out = append(out, m.Channel)
	}
	return out
}

// Uploads returns the files uploaded to the upload URLs, in order.
func (s *Server) Uploads() [][]byte {
	var out [][]byte
	for _, c := range s.Calls("upload") {
		out = append(out, c.File)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// record records c, checks what Slack would refuse in it, and calls the hooks.
func (s *Server) record(c Call) {
	s.mu.Lock()
	c.At = s.now()
	s.calls = append(s.calls, c)
	hooks := slices.Clone(s.hooks)
	s.mu.Unlock()
	s.check(c)
	for _, f := range hooks {
		f(c)
	}
}

// check fails the test if Slack would refuse the message or view in c.
func (s *Server) check(c Call) {
	var problems []string
	switch {
	case c.Method == "chat.postMessage":
		problems = slackcheck.PostMessage(c.Form)
	case c.Method == "views.open" || c.Method == "views.publish":
		var body struct{ View json.RawMessage }
		if err := json.Unmarshal(c.JSON, &body); err != nil {
			s.t.Errorf("slacktest: %s body %s: %v", c.Method, c.JSON, err)
			return
		}
		problems = slackcheck.View(body.View)
	case strings.HasPrefix(c.Method, "response/"):
		problems = slackcheck.Message(c.JSON)
	}
	if len(problems) > 0 {
		s.t.Errorf("slacktest: Slack would refuse this %s:\n\t%s", c.Method, strings.Join(problems, "\n\t"))
	}
}

// readCall reads r's body into a Call of method.
func readCall(r *http.Request, method string) Call {
	c := Call{Method: method, Path: r.URL.Path}
	body, _ := io.ReadAll(r.Body)
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") || strings.HasPrefix(method, "response/") {
		c.JSON = body
		return c
	}
	c.Form, _ = url.ParseQuery(string(body))
	return c
}

func (s *Server) serveAPI(w http.ResponseWriter, r *http.Request) {
	c := readCall(r, r.PathValue("method"))
	s.record(c)
	defer s.enter(c.Method)()
	tooSoon := s.tooSoon(c.Method)
	if !s.wait(r, c.Method) || s.misbehave(w, r, c) {
		return
	}
	if tooSoon {
		s.limit(w, c.Method)
		return
	}
	answer := s.answer(c)
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(answer)
}

func (s *Server) serveUpload(w http.ResponseWriter, r *http.Request) {
	c := Call{Method: "upload", Path: r.URL.Path}
	if _, params, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err == nil && params["boundary"] != "" {
		if part, err := multipart.NewReader(r.Body, params["boundary"]).NextPart(); err == nil {
			c.File, _ = io.ReadAll(part)
		}
	} else {
		c.File, _ = io.ReadAll(r.Body)
	}
	s.record(c)
	if s.misbehave(w, r, c) {
		return
	}
	fmt.Fprintf(w, "OK - %d", len(c.File))
}

func (s *Server) serveResponse(w http.ResponseWriter, r *http.Request) {
	c := readCall(r, "response/"+r.PathValue("name"))
	s.record(c)
	if s.misbehave(w, r, c) {
		return
	}
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"ok":true}`)
}
