package storage

import (
	"context"
	"database/sql"
	"errors"
	"sync"
	"sync/atomic"
)

// maxBatch is the most writes the writer goroutine commits in one
// transaction.
const maxBatch = 256

// errClosed is the error of a write that the writer goroutine did not take
// before Close.
var errClosed = errors.New("database closed")

// writeRequest is one write (a Store method's whole transaction), sent to the
// writer goroutine.
type writeRequest struct {
	ctx   context.Context // the caller's: checked before the write's savepoint, never passed to SQLite
	run   func(ctx context.Context, tx *sql.Tx) error
	reply chan error // buffered (1): the writer never waits for the caller
}

// write runs run in the writer goroutine's next transaction, in a savepoint of
// its own, and returns its error once the transaction has committed (nil) or
// the savepoint was rolled back (run's error: nothing run wrote is kept).
//
// run may be run more than once (see tryBatch): it must keep its results in
// variables it sets afresh each time, read by the caller only when write
// returns nil. Its statements run under the ctx it is given, not the caller's:
// a caller's cancellation would interrupt SQLite, which may roll back the whole
// transaction. The caller's ctx is honoured until the writer takes the write;
// from then on write waits for the outcome, so that an error always means that
// nothing was stored.
func (db *DB) write(ctx context.Context, run func(ctx context.Context, tx *sql.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	req := &writeRequest{ctx: ctx, run: run, reply: make(chan error, 1)}
	if err := db.enqueue(ctx, req); err != nil {
		return err
	}
	return <-req.reply
}

// batchStats counts the writer goroutine's transactions, for tests and
// benchmarks.
type batchStats struct {
	waiting atomic.Int64 // writes queued for the writer goroutine to take

	mu       sync.Mutex
	batches  int64 // transactions committed or attempted
	requests int64 // writes in them
	multi    int64 // transactions of more than one call
	largest  int   // most writes in one transaction
	isolated int64 // transactions that committed some writes and failed others
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
func (db *DB) enqueue(ctx context.Context, req *writeRequest) error {
	db.stats.waiting.Add(1)
	defer db.stats.waiting.Add(-1)
	select {
	case db.writes <- req:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	case <-db.quit:
		return errClosed
	}
}

// writer is the goroutine that runs every write (see write), started by Open
// and stopped by Close. It waits for one write, takes along every write already
// queued (up to maxBatch; it never waits for more), commits them in one
// transaction and answers them all, then starts again. Writes queue while a
// transaction runs, so the busier the database, the larger the batches and the
// fewer the syncs to disk (group commit).
func (db *DB) writer() {
	defer close(db.done)
	batch := make([]*writeRequest, 0, maxBatch)
	for {
		select {
		case req := <-db.writes:
			batch = append(batch[:0], req)
		case <-db.quit:
			return
		}
	queued:
		for len(batch) < maxBatch {
			select {
			case req := <-db.writes:
				batch = append(batch, req)
			default:
				break queued
			}
		}
		db.stats.record(len(batch))
		db.commitBatch(batch)
		clear(batch) // drop the references to answered writes
	}
}

// commitBatch runs batch in one IMMEDIATE transaction on the write pool, each
// write in its own savepoint, commits, and answers every write: those that
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
func (db *DB) commitBatch(batch []*writeRequest) {
	for len(batch) > 0 {
		batch = db.tryBatch(batch)
	}
}

// tryBatch is one attempt of commitBatch. It answers every call of batch, or
// returns those to be run again (fewer than batch).
func (db *DB) tryBatch(batch []*writeRequest) (again []*writeRequest) {
	ctx := context.Background()
	failAll := func(err error) []*writeRequest {
		for _, req := range batch {
			req.reply <- err
		}
		return nil
	}
	tx, err := db.begin(ctx)
	if err != nil {
		return failAll(err)
	}
	defer tx.Rollback()
	results := make([]error, len(batch))
	for i, req := range batch {
		if err := req.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		if _, err := tx.ExecContext(ctx, `SAVEPOINT write`); err != nil {
			// The transaction is gone: no write of the batch has been stored.
			return db.retryWithout(batch, i, err)
		}
		if err := req.run(ctx, tx); err != nil {
			results[i] = err
			if _, rbErr := tx.ExecContext(ctx, `ROLLBACK TO write`); rbErr != nil {
				// SQLite rolled back the whole transaction, savepoint
				// included: run the others again.
				return db.retryWithout(batch, i, err)
			}
		}
		if _, err := tx.ExecContext(ctx, `RELEASE write`); err != nil {
			return db.retryWithout(batch, i, err)
		}
	}
	if err := tx.Commit(); err != nil {
		// The outcome of a failed COMMIT is not certain enough to run the
		// writes again: each fails, as a lone transaction would.
		return failAll(err)
	}
	ok := 0
	for i, req := range batch {
		if results[i] == nil {
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

// retryWithout answers batch[i] with err and returns the other writes of batch,
// to be run again in a new transaction. The caller rolls back the current one.
func (db *DB) retryWithout(batch []*writeRequest, i int, err error) []*writeRequest {
	batch[i].reply <- err
	again := make([]*writeRequest, 0, len(batch)-1)
	again = append(again, batch[:i]...)
	return append(again, batch[i+1:]...)
}
