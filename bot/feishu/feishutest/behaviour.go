package feishutest

import (
	"net/http"
)

// AnyMethod, as Set's method, makes a Behaviour apply to every call that has
// none of its own.
const AnyMethod = "*"

// RateLimited is the code Feishu answers when the app calls too often.
const RateLimited = 99991400

// Behaviour is how the fake answers a method's calls instead of as Feishu
// would. The zero Behaviour answers as Feishu would.
type Behaviour struct {
	Code   int    // answer {"code":Code,"msg":Msg}, at HTTP Status (400 when 0)
	Msg    string // the message of Code
	Status int    // the HTTP status: alone (429, 5xx), a JSON body with code 99991400 (429) or none
	Stall  bool   // answer nothing until the caller gives up (its context ends) or the test ends
	After  int    // first answer this many calls as Feishu would
	Times  int    // then misbehave for this many calls, and answer as Feishu would after; 0: for every call
}

// behaviour is a Behaviour with the calls it has seen.
type behaviour struct {
	Behaviour
	seen int
}

// Set makes method's calls (a Method… name or AnyMethod) behave as b from
// the next call on. Set(method, Behaviour{}) makes them answer as Feishu
// would again.
func (s *Server) Set(method string, b Behaviour) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.behaviours[method] = &behaviour{Behaviour: b}
}

// current returns how method's call misbehaves now.
func (s *Server) current(method string) Behaviour {
	s.mu.Lock()
	defer s.mu.Unlock()
	b := s.behaviours[method]
	if b == nil {
		b = s.behaviours[AnyMethod]
	}
	if b == nil {
		return Behaviour{}
	}
	b.seen++
	if b.seen <= b.After || b.Times > 0 && b.seen > b.After+b.Times {
		return Behaviour{}
	}
	return b.Behaviour
}

// misbehave answers the call of method as its Behaviour says, and reports
// whether it did.
func (s *Server) misbehave(w http.ResponseWriter, r *http.Request, method string) bool {
	b := s.current(method)
	switch {
	case b.Stall:
		select {
		case <-r.Context().Done():
		case <-s.release:
		}
	case b.Code != 0:
		status := b.Status
		if status == 0 {
			status = http.StatusBadRequest
		}
		msg := b.Msg
		if msg == "" && b.Code == RateLimited {
			msg = "request trigger frequency limit"
		}
		fail(w, status, b.Code, msg)
	case b.Status == http.StatusTooManyRequests:
		w.Header().Set("x-ogw-ratelimit-limit", "50")
		w.Header().Set("x-ogw-ratelimit-reset", "1")
		fail(w, b.Status, RateLimited, "request trigger frequency limit")
	case b.Status != 0:
		w.WriteHeader(b.Status)
	default:
		return false
	}
	return true
}
