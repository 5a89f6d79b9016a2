package bot

import (
	"math/rand/v2"
	"testing"
	"time"
)

// RecentKeys answers as a Go map and a queue of the same keys would, through
// runs of colliding keys in its index, wrapping around it and the ring,
// growing, and forgetting by time and by count; and it never holds more than
// its bound.
func TestRecentKeysAgreeWithAMap(t *testing.T) {
	base := time.Unix(1763341200, 0)
	const window = 5 * time.Minute
	rng := rand.New(rand.NewPCG(1, 2))
	// crowded returns a key whose home slot is one of 8 in an index of any
	// size up to 2^20: home multiplies by fibonacci and keeps the top bits, so
	// a key that is fibonacci's inverse times a chosen product lands there.
	inverse := uint64(fibonacci)
	for range 6 {
		inverse *= 2 - fibonacci*inverse
	}
	crowded := func() uint64 { return (rng.Uint64N(8)<<61 | rng.Uint64()>>20) * inverse }
	type entry struct {
		key   uint64
		until time.Time
	}
	for _, tc := range []struct {
		name      string
		most      int
		perSecond int
		requests  int
		key       func() uint64
	}{
		{"random keys", 1 << 16, 50, 3 << 16, rng.Uint64},
		{"keys crowded on 8 home slots", 1 << 16, 10, 6000, crowded},
		{"more than the bound in the window", 1 << 16, 400, 3 << 16, rng.Uint64},
		{"a bound not a power of two", 1000, 50, 20000, rng.Uint64},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &RecentKeys{}
			seen := map[uint64]bool{}
			var order []entry
			var sent []uint64
			for i := range tc.requests {
				now := base.Add(time.Duration(i) * time.Second / time.Duration(tc.perSecond))
				key := tc.key()
				if len(sent) > 0 && rng.IntN(4) == 0 {
					key = sent[len(sent)-1-rng.IntN(min(len(sent), 20000))] // again, maybe after it was forgotten
				}
				sent = append(sent, key)
				for len(order) > 0 && order[0].until.Before(now) {
					delete(seen, order[0].key)
					order = order[1:]
				}
				want := !seen[key]
				if want {
					if len(order) >= tc.most {
						delete(seen, order[0].key)
						order = order[1:]
					}
					seen[key] = true
					order = append(order, entry{key, now.Add(window)})
				}
				if got := r.First(tc.most, key, now.Add(window), now); got != want {
					t.Fatalf("key %d: First = %v, want %v", i, got, want)
				}
				if r.Len() != len(order) {
					t.Fatalf("key %d: %d remembered, want %d", i, r.Len(), len(order))
				}
			}
			if len(r.ring) > tc.most {
				t.Errorf("a ring of %d for at most %d keys", len(r.ring), tc.most)
			}
		})
	}
}

// A key is remembered through its own time; one whose time is past stays
// while a key that came before it is still remembered; at the bound a new
// key takes the oldest one's place, and a key already remembered takes none.
func TestRecentKeysTimesAndBound(t *testing.T) {
	now := time.Unix(1763341200, 0)
	r := &RecentKeys{}
	r.First(2, 1, now.Add(time.Hour), now)
	r.First(2, 2, now.Add(time.Minute), now)
	if r.First(2, 1, now.Add(time.Hour), now) || r.First(2, 2, now.Add(time.Minute), now.Add(time.Minute)) {
		t.Fatal("a key was forgotten before its time")
	}
	if r.First(2, 2, now.Add(time.Minute), now.Add(2*time.Minute)) {
		t.Fatal("a key whose time is past was forgotten before the one that came before it")
	}
	if r.First(2, 2, now.Add(time.Minute), now.Add(2*time.Minute)) || r.Len() != 2 {
		t.Fatalf("a key already remembered took a place at the bound (%d kept)", r.Len())
	}
	if !r.First(2, 3, now.Add(time.Hour), now.Add(2*time.Minute)) || r.Len() != 2 {
		t.Fatalf("at the bound a new key was refused, or kept beside the others (%d kept)", r.Len())
	}
	// Key 1, the oldest, made room; key 2, at the head now and past its
	// time, is forgotten at the next call.
	if !r.First(2, 1, now.Add(time.Hour), now.Add(2*time.Minute)) || r.Len() != 2 || !r.First(2, 2, now.Add(time.Minute), now.Add(2*time.Minute)) {
		t.Fatalf("the oldest key, or one past its time at the head, is still remembered (%d kept)", r.Len())
	}
}
