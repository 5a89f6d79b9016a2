package slacktest

import (
	"net/http"
	"time"
)

// pace is a method's rate limit: a call sooner than gap after the previous
// one is answered 429 with Retry-After retryAfter.
type pace struct {
	gap        time.Duration
	retryAfter string
	last       time.Time // the previous call, by the wall clock
	limited    int       // calls answered 429 for coming too soon
}

// RateLimit makes a call of method that comes sooner than gap after the
// method's previous call (answered or not) be answered 429 Too Many Requests
// with Retry-After retryAfter, as Slack's rate-limit tiers do. The gap is
// measured by the wall clock, not SetClock's: the pace a client keeps is
// real time. A call a Behaviour answers counts as a call but not as limited.
func (s *Server) RateLimit(method string, gap time.Duration, retryAfter string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.paces[method] = &pace{gap: gap, retryAfter: retryAfter}
}

// Limited returns how many calls of method RateLimit answered 429 so far.
func (s *Server) Limited(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if p := s.paces[method]; p != nil {
		return p.limited
	}
	return 0
}

// tooSoon notes a call of method now and reports whether it came sooner
// than the method's rate limit allows.
func (s *Server) tooSoon(method string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	p := s.paces[method]
	if p == nil {
		return false
	}
	now := time.Now()
	soon := !p.last.IsZero() && now.Sub(p.last) < p.gap
	p.last = now
	return soon
}

// limit answers a call of method that came too soon.
func (s *Server) limit(w http.ResponseWriter, method string) {
	s.mu.Lock()
	p := s.paces[method]
	p.limited++
	s.mu.Unlock()
	w.Header().Set("Retry-After", p.retryAfter)
	w.WriteHeader(http.StatusTooManyRequests)
}
