package storage

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"planbot/planner"
)

// benchTeams are the teams the benchmarks spread their calls over.
var benchTeams = []string{"A", "B", "C"}

// benchDB opens a database with a member in each of benchTeams.
func benchDB(b *testing.B) *DB {
	db := MustOpenDB(b)
	for _, team := range benchTeams {
		mustMember(b, db, team, "U1", "Ann of "+team)
	}
	return db
}

// BenchmarkAddItemsParallel saturates AddItems with many concurrent callers,
// each adding one item, and reports adds/s and the mean calls per transaction.
func BenchmarkAddItemsParallel(b *testing.B) {
	db := benchDB(b)
	var next atomic.Int64
	b.SetParallelism(32) // callers per GOMAXPROCS: bot handlers are many goroutines
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			team := benchTeams[next.Add(1)%int64(len(benchTeams))]
			if _, err := db.AddItems(b.Context(), []planner.Item{newItem(b, team, "U1", "2025-11-17", "bench")}, "U1"); err != nil {
				b.Error(err)
				return
			}
		}
	})
	elapsed := time.Since(start)
	b.StopTimer()
	batches, requests, _, largest := db.stats.snapshot()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "adds/s")
	b.ReportMetric(float64(requests)/float64(max(batches, 1)), "calls/tx")
	b.ReportMetric(float64(largest), "max-calls/tx")
}

// BenchmarkAddItemsAt1000PerSecond offers 1,000 AddItems calls a second (each
// in its own goroutine, whether or not the earlier ones are done) for one
// second per iteration, and reports the latency percentiles.
func BenchmarkAddItemsAt1000PerSecond(b *testing.B) {
	db := benchDB(b)
	const rate = 1000
	var (
		mu        sync.Mutex
		latencies []time.Duration
	)
	for b.Loop() {
		var wg sync.WaitGroup
		tick := time.NewTicker(time.Second / rate)
		for i := range rate {
			<-tick.C
			wg.Go(func() {
				t := time.Now()
				_, err := db.AddItems(b.Context(), []planner.Item{newItem(b, benchTeams[i%len(benchTeams)], "U1", "2025-11-17", "paced")}, "U1")
				d := time.Since(t)
				if err != nil {
					b.Error(err)
				}
				mu.Lock()
				latencies = append(latencies, d)
				mu.Unlock()
			})
		}
		tick.Stop()
		wg.Wait()
	}
	slices.Sort(latencies)
	pct := func(p float64) float64 {
		return float64(latencies[int(p*float64(len(latencies)-1))]) / float64(time.Millisecond)
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.99), "p99-ms")
	b.ReportMetric(pct(1), "max-ms")
}

// BenchmarkItemsStartingParallel reads a week of a team's items (about 70)
// from many goroutines at once, and reports reads/s.
func BenchmarkItemsStartingParallel(b *testing.B) {
	db := benchDB(b)
	for _, team := range benchTeams {
		var items []planner.Item
		for i := range 300 {
			items = append(items, newItem(b, team, "U1", fmt.Sprintf("2025-11-%02d", 1+i%30), "bench"))
		}
		mustAdd(b, db, "U1", items...)
	}
	from, to := day(b, "2025-11-17"), day(b, "2025-11-23")
	var next atomic.Int64
	b.SetParallelism(4)
	b.ResetTimer()
	start := time.Now()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			team := benchTeams[next.Add(1)%int64(len(benchTeams))]
			if _, err := db.ItemsStarting(b.Context(), team, "", from, to); err != nil {
				b.Error(err)
				return
			}
		}
	})
	elapsed := time.Since(start)
	b.StopTimer()
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), "reads/s")
}
