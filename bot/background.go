package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"sync"
	"time"
)

// Background runs what a command leaves for after its answer (an upload, a
// setup's import, a reply a platform sends by a call of its own): each piece
// in a goroutine of its own, with its own deadline, a panic logged rather than
// the process stopped, and all of it waited for, or cancelled, when the
// server stops. Its zero value is ready; it is safe for concurrent use.
type Background struct {
	Log *slog.Logger

	once   sync.Once
	wg     sync.WaitGroup
	base   context.Context // the context of all the work; ended by Cancel
	cancel context.CancelFunc
}

func (b *Background) init() {
	b.once.Do(func() { b.base, b.cancel = context.WithCancel(context.Background()) })
}

// Go runs f, named name in the log, with timeout for its deadline.
func (b *Background) Go(name string, timeout time.Duration, f func(ctx context.Context) error) {
	b.init()
	b.wg.Add(1)
	go func() {
		defer b.wg.Done()
		defer func() {
			if p := recover(); p != nil {
				b.Log.Error("work after an answer panicked", "work", name, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			}
		}()
		ctx, cancel := context.WithTimeout(b.base, timeout)
		defer cancel()
		if err := f(ctx); err != nil {
			b.Log.Warn("work after an answer failed", "work", name, "err", err)
		}
	}()
}

// Wait blocks until all the work started has returned.
func (b *Background) Wait() { b.wg.Wait() }

// Cancel ends the context of the work still running.
func (b *Background) Cancel() {
	b.init()
	b.cancel()
}
