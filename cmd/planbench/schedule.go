package main

import (
	"context"
	"time"
)

// scheduler computes when each request of an open-loop run is due: request
// i at start + i·interval, for every i whose time falls before start +
// duration.
type scheduler struct {
	start    time.Time
	interval time.Duration
	duration time.Duration
}

// total is how many requests the run intends to issue.
func (s scheduler) total() int64 {
	if s.interval <= 0 {
		return 0
	}
	return int64((s.duration + s.interval - 1) / s.interval)
}

// run calls issue with each request's intended time, in order, as soon as
// that time has come: requests that fell behind (issue blocked, or the
// process was descheduled) are issued at once, without waiting, and keep
// their intended time. It stops when issue returns false, when ctx ends or
// after the last intended request.
func (s scheduler) run(ctx context.Context, issue func(intended time.Time) bool) {
	n := s.total()
	timer := time.NewTimer(0)
	defer timer.Stop()
	<-timer.C
	for i := int64(0); i < n; i++ {
		intended := s.start.Add(time.Duration(i) * s.interval)
		if wait := time.Until(intended); wait > 0 {
			timer.Reset(wait)
			select {
			case <-ctx.Done():
				return
			case <-timer.C:
			}
		} else if ctx.Err() != nil {
			return
		}
		if !issue(intended) {
			return
		}
	}
}
