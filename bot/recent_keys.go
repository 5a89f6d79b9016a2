package bot

import (
	"math/bits"
	"sync"
	"time"
)

// RecentKeys remembers 64-bit keys, each until a time of its own, at most a
// bound of them (the oldest forgotten first), so that a platform's adapter
// can tell a request or event it handled already from a new one in bounded
// memory: a signature's first bytes, an event id's hash.
//
// The keys are kept in a ring in the order they came, with an index into the
// ring by key (open addressing): 24 bytes a key when full, under half of what a
// Go map of them and a slice of their order take (BENCHMARKS.md, "Memory under
// reads"). Its zero value is empty and ready; it is safe for concurrent use.
type RecentKeys struct {
	mu    sync.Mutex
	ring  []recentKey // the keys remembered, oldest first from head on: n of them
	head  int
	n     int
	index []uint32 // by key: 1 + a position in ring, 0 for none; a power of two, at least twice ring's length
}

// recentKey is a key remembered and the time through which it is (Unix
// nanoseconds).
type recentKey struct {
	key   uint64
	until int64
}

// First reports whether key is not remembered at now, and then remembers it
// through until, forgetting the oldest when most are kept. Keys whose time is
// past are forgotten first, from the oldest on, up to the first whose time is
// not (keys come in about the order of their times).
func (r *RecentKeys) First(most int, key uint64, until, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for r.n > 0 && r.ring[r.head].until < now.UnixNano() {
		r.forgetOldest()
	}
	if _, ok := r.find(key); ok {
		return false
	}
	for r.n >= most {
		r.forgetOldest()
	}
	if r.n == len(r.ring) {
		r.grow(most)
	}
	pos := (r.head + r.n) % len(r.ring)
	r.ring[pos] = recentKey{key: key, until: until.UnixNano()}
	r.n++
	slot, _ := r.find(key)
	r.index[slot] = uint32(pos) + 1
	return true
}

// Len is how many keys are remembered.
func (r *RecentKeys) Len() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.n
}

// find returns the slot of index that holds key, and true; or the empty
// slot where key would go, and false.
func (r *RecentKeys) find(key uint64) (int, bool) {
	if len(r.index) == 0 {
		return 0, false
	}
	mask := len(r.index) - 1
	for i := r.home(key); ; i = (i + 1) & mask {
		p := r.index[i]
		if p == 0 || r.ring[p-1].key == key {
			return i, p != 0
		}
	}
}

// home is key's first slot in index: Fibonacci hashing, so that keys alike
// in their low bits do not crowd into one run of slots.
func (r *RecentKeys) home(key uint64) int {
	return int((key * fibonacci) >> (64 - bits.Len(uint(len(r.index)-1))))
}

// fibonacci is 2^64 divided by the golden ratio, odd: multiplying by it
// spreads keys over the top bits.
const fibonacci = 0x9e3779b97f4a7c15

// forgetOldest forgets the key at the ring's head. Its slot is filled again
// by the keys after it that belong before it (backward-shift deletion), so
// that every key stays reachable from its home slot without gaps.
func (r *RecentKeys) forgetOldest() {
	hole, _ := r.find(r.ring[r.head].key)
	r.head = (r.head + 1) % len(r.ring)
	r.n--
	mask := len(r.index) - 1
	for next := (hole + 1) & mask; r.index[next] != 0; next = (next + 1) & mask {
		home := r.home(r.ring[r.index[next]-1].key)
		// The key at next may move back to hole unless its home lies
		// cyclically after hole, up to next.
		if (next-home)&mask >= (next-hole)&mask {
			r.index[hole] = r.index[next]
			hole = next
		}
	}
	r.index[hole] = 0
}

// grow doubles the ring (up to most keys), its keys moved to its start in
// order, and indexes them again.
func (r *RecentKeys) grow(most int) {
	ring := make([]recentKey, min(max(2*len(r.ring), 64), most))
	for i := range r.n {
		ring[i] = r.ring[(r.head+i)%len(r.ring)]
	}
	r.ring, r.head = ring, 0
	r.index = make([]uint32, 1<<bits.Len(uint(2*len(ring)-1)))
	for pos := range r.n {
		slot, _ := r.find(ring[pos].key)
		r.index[slot] = uint32(pos) + 1
	}
}
