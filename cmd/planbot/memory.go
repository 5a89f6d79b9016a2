package main

import (
	"runtime"
	"runtime/debug"
	"strings"
)

// softMemoryLimit is the Go heap's soft limit in serve (debug.SetMemoryLimit),
// unless GOMEMLIMIT sets another. Without one the garbage collector lets the
// heap grow to twice what is live; with it, the heap stays near the limit once
// the week cache is full, and the collector works harder only then.
// BENCHMARKS.md ("Memory") has the figures it was chosen by.
const softMemoryLimit = 64 << 20

// limitMemory sets softMemoryLimit, unless the environment sets GOMEMLIMIT
// (which the Go runtime then applies itself).
func limitMemory(getenv func(string) string) {
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(softMemoryLimit)
	}
}

// sampleHeap keeps Go's heap profile (runtime.MemProfileRate) only where it
// can be read: when serve serves the profiler (profiled: PLANBOT_METRICS_ADDR),
// or when GODEBUG sets memprofilerate. Otherwise the samples' call stacks,
// kept for the life of the process in a table of their own outside the heap,
// are memory no one can use (BENCHMARKS.md, "Memory under reads").
func sampleHeap(getenv func(string) string, profiled bool) {
	if !profiled && !strings.Contains(getenv("GODEBUG"), "memprofilerate=") {
		runtime.MemProfileRate = 0
	}
}
