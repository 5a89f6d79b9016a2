package schedule

import (
	"context"
	"io"
	"log/slog"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage/storagetest"
)

// countingStore counts how often the scheduler asks for the teams: once a tick.
type countingStore struct {
	planner.Store
	ticks atomic.Int32
}

func (c *countingStore) Teams(ctx context.Context) ([]planner.Team, error) {
	c.ticks.Add(1)
	return c.Store.Teams(ctx)
}

// The loop ticks at once, then every interval, and stops when its context ends;
// synctest's fake clock runs the minutes without waiting for them.
func TestSchedulerRunTicksEveryInterval(t *testing.T) {
	store := &countingStore{Store: storagetest.Open(t)}
	s := &Scheduler{
		Service: planner.NewService(store, planner.Options{Now: (&clock{now: at("2025-11-24 09:00")}).Now, Loc: plannertest.Shanghai}),
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() {
			s.Run(ctx, time.Minute)
			close(done)
		}()
		time.Sleep(3*time.Minute + time.Second)
		synctest.Wait()
		if n := store.ticks.Load(); n != 4 {
			t.Fatalf("%d ticks after 3 minutes, want 4 (one at start, then one a minute)", n)
		}
		cancel()
		<-done
	})
}

// pause waits Pace, but no longer than its context lives.
func TestSchedulerPause(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		s := &Scheduler{Pace: time.Hour}
		start := time.Now()
		s.pause(context.Background())
		if waited := time.Since(start); waited != time.Hour {
			t.Fatalf("paused %v, want 1h", waited)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start = time.Now()
		s.pause(ctx)
		if waited := time.Since(start); waited != time.Second {
			t.Fatalf("paused %v with a 1s context, want 1s", waited)
		}
	})
}
