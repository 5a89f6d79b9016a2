package main

import "runtime/debug"

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
