package slacktest

import (
	"net/http"
	"sync"
)

// Gate holds every call of method from now on, recorded but unanswered,
// until the test calls the open function it returns (once or more) or the
// caller gives up (its context ends); calls after the gate opens pass.
func (s *Server) Gate(method string) (open func()) {
	gate := make(chan struct{})
	s.mu.Lock()
	s.gates[method] = gate
	s.mu.Unlock()
	var once sync.Once
	return func() { once.Do(func() { close(gate) }) }
}

// wait holds the call of method r until its gate opens; false if the caller
// gave up (or the test ended) first, and the call is not to be answered.
func (s *Server) wait(r *http.Request, method string) bool {
	s.mu.Lock()
	gate := s.gates[method]
	s.mu.Unlock()
	if gate == nil {
		return true
	}
	select {
	case <-gate:
		return true
	case <-r.Context().Done():
	case <-s.release:
	}
	return false
}

// MostAtOnce returns the most calls of method the fake was answering (or
// holding) at the same time so far.
func (s *Server) MostAtOnce(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.most[method]
}

// enter counts a call of method in flight; the function it returns counts
// it out.
func (s *Server) enter(method string) (leave func()) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.inFlight[method]++
	s.most[method] = max(s.most[method], s.inFlight[method])
	return func() {
		s.mu.Lock()
		defer s.mu.Unlock()
		s.inFlight[method]--
	}
}
