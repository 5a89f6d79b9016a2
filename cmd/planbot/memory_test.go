package main

import (
	"runtime"
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

// serve samples the heap for its profile only when the profile can be read:
// the profiler is served, or GODEBUG asks for a rate.
func TestSampleHeap(t *testing.T) {
	before := runtime.MemProfileRate
	t.Cleanup(func() { runtime.MemProfileRate = before })
	const rate = 512 * 1024
	for _, tc := range []struct {
		name     string
		godebug  string
		profiled bool
		want     int
	}{
		{"no profiler", "", false, 0},
		{"the profiler on the metrics address", "", true, rate},
		{"GODEBUG sets the rate", "madvdontneed=1,memprofilerate=4096", false, rate},
		{"GODEBUG sets something else", "madvdontneed=1", false, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			runtime.MemProfileRate = rate
			sampleHeap(func(k string) string {
				if k == "GODEBUG" {
					return tc.godebug
				}
				return ""
			}, tc.profiled)
			if runtime.MemProfileRate != tc.want {
				t.Errorf("MemProfileRate %d, want %d", runtime.MemProfileRate, tc.want)
			}
		})
	}
}
