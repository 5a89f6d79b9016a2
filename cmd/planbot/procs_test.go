package main

import (
	"runtime"
	"testing"
)

// serve runs with at least two Ps, so that HTTP handlers go on while SQLite
// waits for the disk in a cgo call; a GOMAXPROCS the environment sets wins.
func TestEnsureProcs(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, c := range []struct {
		env        string
		start, end int
	}{
		{"", 1, minProcs},
		{"", 4, 4},
		{"1", 1, 1},
	} {
		runtime.GOMAXPROCS(c.start)
		ensureProcs(func(key string) string {
			if key == "GOMAXPROCS" {
				return c.env
			}
			return ""
		})
		if got := runtime.GOMAXPROCS(0); got != c.end {
			t.Errorf("GOMAXPROCS=%q, %d Ps: ensureProcs left %d, want %d", c.env, c.start, got, c.end)
		}
	}
}
