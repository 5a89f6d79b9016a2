package main

import (
	"runtime/debug"
	"testing"
)

// serve sets its soft memory limit unless GOMEMLIMIT is given, which the Go
// runtime applies instead.
func TestLimitMemory(t *testing.T) {
	before := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetMemoryLimit(before) })

	debug.SetMemoryLimit(1 << 40)
	limitMemory(func(string) string { return "" })
	if got := debug.SetMemoryLimit(-1); got != softMemoryLimit {
		t.Errorf("without GOMEMLIMIT the limit is %d, want %d", got, softMemoryLimit)
	}

	debug.SetMemoryLimit(1 << 40)
	limitMemory(func(k string) string {
		if k == "GOMEMLIMIT" {
			return "200MiB"
		}
		return ""
	})
	if got := debug.SetMemoryLimit(-1); got != 1<<40 {
		t.Errorf("with GOMEMLIMIT set, serve changed the limit to %d", got)
	}
}
