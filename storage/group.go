package storage

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"

	"planbot/planner"
)

// maxBatch is the most AddItems calls the writer goroutine commits in one
// transaction.
const maxBatch = 256

// errClosed is the error of an AddItems that the writer goroutine did not take
// before Close.
var errClosed = errors.New("database closed")

// addRequest is one AddItems call, sent to the writer goroutine.
type addRequest struct {
	ctx   context.Context // the caller's: checked before the call's savepoint, never passed to SQLite
	items []planner.Item
	by    string
	reply chan addReply // buffered (1): the writer never waits for the caller
}

// addReply is the outcome of an addRequest.
type addReply struct {
	items []planner.Item
	err   error
}

// batchStats counts the writer goroutine's transactions, for tests and
// benchmarks.
type batchStats struct {
	waiting atomic.Int64 // AddItems calls queued for the writer goroutine to take

	mu       sync.Mutex
	batches  int64 // transactions committed or attempted
	requests int64 // AddItems calls in them
	multi    int64 // transactions of more than one call
	largest  int   // most calls in one transaction
	isolated int64 // transactions that committed some calls and failed others
}

func (s *batchStats) record(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.batches++
	s.requests += int64(n)
	if n > 1 {
		s.multi++
	}
	s.largest = max(s.largest, n)
}

func (s *batchStats) snapshot() (batches, requests, multi int64, largest int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.batches, s.requests, s.multi, s.largest
}

// enqueue hands req to the writer goroutine. It fails if ctx is done or the
// database closes first.
func (db *DB) enqueue(ctx context.Context, req *addRequest) error {
	db.stats.waiting.Add(1)
	defer db.stats.waiting.Add(-1)
	select {
	case db.adds <- req:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-db.quit:
		return errClosed
	}
}

// writer is the goroutine that runs AddItems calls, started by Open and
// stopped by Close. It waits for one call, takes along every call already
// queued (up to maxBatch; it never waits for more), commits them in one
// transaction and answers them all, then starts again. Calls queue while a
// transaction runs, so the busier the database, the larger the batches and the
// fewer the syncs to disk.
func (db *DB) writer() {
	defer close(db.done)
	batch := make([]*addRequest, 0, maxBatch)
	for {
		select {
		case req := <-db.adds:
			batch = append(batch[:0], req)
		case <-db.quit:
			return
		}
	queued:
		for len(batch) < maxBatch {
			select {
			case req := <-db.adds:
				batch = append(batch, req)
			default:
				break queued
			}
		}
		db.stats.record(len(batch))
		db.commitBatch(batch)
		clear(batch) // drop the references to answered calls
	}
}

// commitBatch runs batch in one IMMEDIATE transaction on the write pool, each
// call in its own savepoint, commits, and answers every call: those that
// succeeded only once COMMIT has returned.
//
// The statements run under a context of their own, not the callers': a
// caller's cancellation would interrupt SQLite, which may roll back the whole
// transaction. A call whose context is done before its turn is answered with
// its context's error and skipped.
//
// If SQLite abandons the transaction itself (on an I/O error, say, rather than
// a constraint failing), the call at fault gets its error and the rest are run
// again in a new transaction, since the work of those before it is lost too.
func (db *DB) commitBatch(batch []*addRequest) {
	for len(batch) > 0 {
		batch = db.tryBatch(batch)
	}
}

// tryBatch is one attempt of commitBatch. It answers every call of batch, or
// returns those to be run again (fewer than batch).
func (db *DB) tryBatch(batch []*addRequest) (again []*addRequest) {
	ctx := context.Background()
	failAll := func(err error) []*addRequest {
		for _, req := range batch {
			req.reply <- addReply{err: err}
		}
		return nil
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return failAll(err)
	}
	defer tx.Rollback()
	results := make([]addReply, len(batch))
	for i, req := range batch {
		if err := req.ctx.Err(); err != nil {
			results[i].err = err
			continue
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT add_items`); err != nil {
			// The transaction is gone: no call of the batch has been stored.
			return db.retryWithout(batch, i, err)
		}
		items, err := addItems(ctx, tx, req.items, req.by)
		if err != nil {
			results[i].err = err
			if _, rbErr := tx.ExecContext(ctx, `ROLLBACK TO add_items`); rbErr != nil {
				// SQLite rolled back the whole transaction, savepoint
				// included: run the others again.
				return db.retryWithout(batch, i, err)
			}
		} else {
			results[i].items = items
		}
		if _, err := tx.ExecContext(ctx, `RELEASE add_items`); err != nil {
			return db.retryWithout(batch, i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		// The outcome of a failed COMMIT is not certain enough to run the
		// calls again: each fails, as a lone AddItems would.
		return failAll(err)
	}
	ok := 0
	for i, req := range batch {
		if results[i].err == nil {
			ok++
		}
		req.reply <- results[i]
	}
	if ok > 0 && ok < len(batch) {
		db.stats.mu.Lock()
		db.stats.isolated++
		db.stats.mu.Unlock()
	}
	return nil
}

// retryWithout answers batch[i] with err and returns the other calls of batch,
// to be run again in a new transaction. The caller rolls back the current one.
func (db *DB) retryWithout(batch []*addRequest, i int, err error) []*addRequest {
	batch[i].reply <- addReply{err: err}
	again := make([]*addRequest, 0, len(batch)-1)
	again = append(again, batch[:i]...)
	return append(again, batch[i+1:]...)
}
