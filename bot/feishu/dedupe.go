package feishu

import (
	"hash/maphash"
	"strconv"
	"time"

	"planbot/bot"
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

// seen remembers the event ids handled lately, each as a 64-bit hash of it
// (a seed of this process's own: an id Feishu did not make is refused before,
// and none can aim at a collision).
type seen struct {
	keys bot.RecentKeys
}

// seenSeed is the seed of the ids' hashes.
var seenSeed = maphash.MakeSeed()

// first reports whether key is seen for the first time in the window, and
// remembers it. An empty key (an event without an id) is always first.
func (s *seen) first(key string, now time.Time) bool {
	if key == "" {
		return true
	}
	return s.keys.First(maxSeen, maphash.String(seenSeed, key), now.Add(dedupeWindow), now)
}
