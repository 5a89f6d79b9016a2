package main

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// recorder keeps every request's latency and outcome; it is safe for
// concurrent use. Percentiles come from the sorted samples, exactly.
type recorder struct {
	mu       sync.Mutex
	samples  []time.Duration // latencies of the ok requests
	outcomes [numOutcomes]int64
	missed   atomic.Int64 // open loop: intended but never issued
}

func newRecorder() *recorder { return &recorder{samples: make([]time.Duration, 0, 1<<16)} }

func (r *recorder) record(latency time.Duration, o outcome) {
	r.mu.Lock()
	r.outcomes[o]++
	if o == ok {
		r.samples = append(r.samples, latency)
	}
	r.mu.Unlock()
}

// report is what one load run measured.
type report struct {
	Mode       string // "open loop, 500/s" or "closed loop, 8 in flight"
	Elapsed    time.Duration
	Sent       int64
	OK         int64
	Errors     map[string]int64 // by outcome, only those that happened
	Missed     int64            // open loop: intended but not issued before --duration
	Throughput float64          // ok answers a second
	P50, P90   time.Duration
	P99, Max   time.Duration
	RSS        *rss // the server's memory, when --pid was given
	RSSErr     error
}

// ErrorCount is every request that did not end ok, and every one missed.
func (r *report) ErrorCount() int64 {
	n := r.Missed
	for _, v := range r.Errors {
		n += v
	}
	return n
}

func (r *recorder) report(c loadConfig, elapsed time.Duration) *report {
	r.mu.Lock()
	defer r.mu.Unlock()
	rep := &report{Elapsed: elapsed, Errors: map[string]int64{}, Missed: r.missed.Load()}
	if c.Rate > 0 {
		rep.Mode = fmt.Sprintf("open loop, %g/s", c.Rate)
	} else {
		rep.Mode = fmt.Sprintf("closed loop, %d in flight", c.Concurrency)
	}
	for o, n := range r.outcomes {
		rep.Sent += n
		if outcome(o) != ok && n > 0 {
			rep.Errors[outcomeNames[o]] = n
		}
	}
	rep.OK = r.outcomes[ok]
	if elapsed > 0 {
		rep.Throughput = float64(rep.OK) / elapsed.Seconds()
	}
	s := slices.Clone(r.samples)
	slices.Sort(s)
	rep.P50, rep.P90, rep.P99 = percentile(s, 50), percentile(s, 90), percentile(s, 99)
	if len(s) > 0 {
		rep.Max = s[len(s)-1]
	}
	return rep
}

// percentile is the nearest-rank p-th percentile of sorted samples.
func percentile(sorted []time.Duration, p float64) time.Duration {
	if len(sorted) == 0 {
		return 0
	}
	rank := int(p/100*float64(len(sorted))+0.999999) - 1
	return sorted[min(max(rank, 0), len(sorted)-1)]
}

// write prints the report for people.
func (r *report) write(w io.Writer) {
	fmt.Fprintf(w, "mode        %s for %v\n", r.Mode, r.Elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "requests    %d sent, %d ok, %d errors", r.Sent, r.OK, r.ErrorCount())
	if len(r.Errors) > 0 || r.Missed > 0 {
		var parts []string
		for _, name := range outcomeNames {
			if n := r.Errors[name]; n > 0 {
				parts = append(parts, fmt.Sprintf("%s %d", name, n))
			}
		}
		if r.Missed > 0 {
			parts = append(parts, fmt.Sprintf("missed %d", r.Missed))
		}
		fmt.Fprintf(w, " (%s)", strings.Join(parts, ", "))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "throughput  %.1f ok/s\n", r.Throughput)
	fmt.Fprintf(w, "latency     p50 %v  p90 %v  p99 %v  max %v\n", ms(r.P50), ms(r.P90), ms(r.P99), ms(r.Max))
	switch {
	case r.RSS != nil:
		fmt.Fprintf(w, "server RSS  %s (VmRSS), peak %s (VmHWM)\n", mib(r.RSS.VmRSS), mib(r.RSS.VmHWM))
	case r.RSSErr != nil:
		fmt.Fprintf(w, "server RSS  unread: %v\n", r.RSSErr)
	}
}

// ms renders d in milliseconds with three decimals.
func ms(d time.Duration) string { return fmt.Sprintf("%.3fms", float64(d)/float64(time.Millisecond)) }

func mib(kB int64) string { return fmt.Sprintf("%.1f MiB", float64(kB)/1024) }

// rss is a process's resident memory, in kB.
type rss struct{ VmRSS, VmHWM int64 }

// readRSS reads VmRSS and VmHWM from /proc/pid/status.
func readRSS(pid int) (*rss, error) {
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return parseStatus(f)
}

// parseStatus reads the VmRSS and VmHWM lines ("VmRSS:	   12345 kB").
func parseStatus(r io.Reader) (*rss, error) {
	var m rss
	found := 0
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		name, val, okLine := strings.Cut(sc.Text(), ":")
		if !okLine || (name != "VmRSS" && name != "VmHWM") {
			continue
		}
		n, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(val), " kB"), 10, 64)
		if err != nil {
			return nil, fmt.Errorf("status %s: %q: %v", name, val, err)
		}
		if name == "VmRSS" {
			m.VmRSS = n
		} else {
			m.VmHWM = n
		}
		found++
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if found < 2 {
		return nil, fmt.Errorf("no VmRSS/VmHWM in status")
	}
	return &m, nil
}
