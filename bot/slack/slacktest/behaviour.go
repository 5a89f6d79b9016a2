package slacktest

import (
	"fmt"
	"io"
	"net/http"
)

// AnyMethod, as Set's method, makes a Behaviour apply to every call (the Web
// API, uploads and response_url posts) that has none of its own.
const AnyMethod = "*"

// Behaviour is how the fake answers a method's calls instead of as Slack
// would. The zero Behaviour answers as Slack would.
type Behaviour struct {
	Error      string // answer {"ok":false,"error":Error}
	Status     int    // answer this HTTP status with no body (a 5xx)
	RetryAfter string // answer 429 Too Many Requests with this Retry-After
	Stall      bool   // answer nothing until the caller gives up (its context ends) or the test ends
	Body       string // answer this body as it is (odd JSON)
	After      int    // first answer this many calls as Slack would
	Times      int    // then misbehave for this many calls, and answer as Slack would after; 0: for every call
	Channel    string // if set, misbehave only for calls whose form names this channel (others pass, uncounted)
}

// behaviour is a Behaviour with the calls it has seen.
type behaviour struct {
	Behaviour
	seen int
}

// Set makes method's calls (a Web API method, "upload", "response/<name>",
// or AnyMethod) behave as b from the next call on. Set(method, Behaviour{})
// makes them answer as Slack would again.
func (s *Server) Set(method string, b Behaviour) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.behaviours[method] = &behaviour{Behaviour: b}
}

// current returns how method's call misbehaves now; the zero Behaviour when
// it is answered as Slack would.
func (s *Server) current(c Call) Behaviour {
	method := c.Method
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.behaviours[method]
	if b == nil {
		b = s.behaviours[AnyMethod]
	}
	if b == nil || b.Channel != "" && c.Form.Get("channel") != b.Channel {
		return Behaviour{}
	}
	b.seen++
	if b.seen <= b.After || b.Times > 0 && b.seen > b.After+b.Times {
		return Behaviour{}
	}
	return b.Behaviour
}

// misbehave answers the call c as its method's Behaviour says, and reports
// whether it did.
func (s *Server) misbehave(w http.ResponseWriter, r *http.Request, c Call) bool {
	b := s.current(c)
	switch {
	case b.Stall:
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
	case b.RetryAfter != "":
		w.Header().Set("Retry-After", b.RetryAfter)
		w.WriteHeader(http.StatusTooManyRequests)
	case b.Status != 0:
		w.WriteHeader(b.Status)
	case b.Error != "":
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"ok":false,"error":%q}`, b.Error)
	case b.Body != "":
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, b.Body)
	default:
		return false
	}
	return true
}
