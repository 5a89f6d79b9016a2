package planner

import (
	"sync"
	"sync/atomic"
	"unicode"

	"github.com/longbridgeapp/opencc"
)

// toSimplified is the converter from traditional to simplified Chinese
// (OpenCC's t2s), built once, on first use: loading its dictionaries is
// the costly part.
var toSimplified = sync.OnceValue(func() *opencc.OpenCC {
	cc, err := opencc.New("t2s")
	if err != nil { // its dictionaries are compiled in: only a broken build fails
		panic("planner: OpenCC t2s: " + err.Error())
	}
	return cc
})

// hanLimit bounds the characters whose conversion is cached: the CJK blocks
// of planes 0–2, where nearly all Chinese characters are.
const hanLimit = 0x30000

// traditional caches, two bits a character below hanLimit, whether the
// converter changes that character alone (0 not yet known, 1 no, 2 yes): a
// line in simplified characters, as most are, is then checked in a few
// nanoseconds a character, without running the converter over it.
var traditional [hanLimit / 16]atomic.Uint32

// simplified returns s with its traditional Chinese characters and phrases
// in their simplified forms (京東方 → 京东方), so that one company written
// either way has one key. Text none of whose characters is traditional is
// returned as it is, without the converter.
func simplified(s string) string {
	if !hasTraditional(s) {
		return s
	}
	out, err := toSimplified().Convert(s)
	if err != nil { // the dictionaries' lookups fail only on a broken build
		return s
	}
	return out
}

// hasTraditional reports whether s holds a Han character that the converter
// changes (any above hanLimit is taken to be one).
func hasTraditional(s string) bool {
	for _, r := range s {
		if r < 0x2E80 || !unicode.Is(unicode.Han, r) {
			continue
		}
		if r >= hanLimit {
			return true
		}
		word, shift := &traditional[r/16], uint(r%16)*2
		state := word.Load() >> shift & 3
		if state == 0 {
			state = 1
			if one, err := toSimplified().Convert(string(r)); err == nil && one != string(r) {
				state = 2
			}
			word.Or(state << shift)
		}
		if state == 2 {
			return true
		}
	}
	return false
}
