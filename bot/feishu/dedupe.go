package feishu

import (
	"sync"
	"time"
)

// Feishu delivers an event again when it is not acknowledged in time; the
// second delivery must do nothing. Keys are remembered for dedupeWindow, at
// most maxSeen of them (the oldest forgotten first), so memory stays bounded.
const (
	dedupeWindow = 10 * time.Minute
	maxSeen      = 1 << 14
)

// seen remembers the event ids handled lately.
type seen struct {
	mu    sync.Mutex
	at    map[string]time.Time
	order []seenKey // keys in the order seen, for forgetting the oldest
}

// seenKey is a key and when it was seen.
type seenKey struct {
	key string
	at  time.Time
}

// first reports whether key is seen for the first time in the window, and
// remembers it. An empty key (an event without an id) is always first.
func (s *seen) first(key string, now time.Time) bool {
	if key == "" {
		return true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.at == nil {
		s.at = map[string]time.Time{}
	}
	if at, ok := s.at[key]; ok && now.Sub(at) < dedupeWindow {
		return false
	}
	for len(s.order) > 0 && (len(s.at) >= maxSeen || now.Sub(s.order[0].at) >= dedupeWindow) {
		if old := s.order[0]; s.at[old.key].Equal(old.at) { // not seen again since
			delete(s.at, old.key)
		}
		s.order = s.order[1:]
	}
	s.at[key] = now
	s.order = append(s.order, seenKey{key, now})
	return true
}
