package feishu

import (
	"testing"
	"time"
)

// An event id is handled once within dedupeWindow of its first delivery and
// again after it; an event without an id is always handled.
func TestSeenWindow(t *testing.T) {
	at := time.Date(2026, 12, 7, 9, 0, 0, 0, time.UTC)
	var s seen
	for _, tc := range []struct {
		key  string
		now  time.Time
		want bool
	}{
		{"ev-1", at, true},
		{"ev-1", at.Add(15 * time.Second), false},
		{"ev-2", at.Add(time.Minute), true},
		{"ev-1", at.Add(6 * time.Hour), false},
		{"", at, true},
		{"", at, true},
		{"ev-1", at.Add(dedupeWindow + time.Second), true},
		{"ev-1", at.Add(dedupeWindow + time.Hour), false},
		{"ev-2", at.Add(dedupeWindow + time.Hour), true},
	} {
		if got := s.first(tc.key, tc.now); got != tc.want {
			t.Errorf("first(%q) at +%v = %v, want %v", tc.key, tc.now.Sub(at), got, tc.want)
		}
	}
}
