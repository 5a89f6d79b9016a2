package feishu

import (
	"strconv"
	"sync"
	"time"
)

// Feishu delivers an event again when it is not acknowledged in time (after
// 15 s, 5 min, 1 h and 6 h); the second delivery must do nothing. Keys are
// remembered for dedupeWindow, at most maxSeen of them (the oldest forgotten
// first), so memory stays bounded; an event created longer ago than the
// window is refused (stale), so that no delivery outlives its memory.
const (
	dedupeWindow = 8 * time.Hour
	maxSeen      = 1 << 16
)

// stale reports whether an event created at createTime (milliseconds since
// the epoch, as Feishu's header writes it) is older than dedupeWindow, or
// from further than that in the future.
func stale(createTime string, now time.Time) bool {
	ms, err := strconv.ParseInt(createTime, 10, 64)
	if err != nil {
		return false // an event without a time: the ids still guard it
	}
	age := now.Sub(time.UnixMilli(ms))
	return age > dedupeWindow || age < -dedupeWindow
}

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
