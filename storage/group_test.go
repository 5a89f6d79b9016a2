package storage

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"sync"
	"testing"
	"time"

	"planbot/planner"
)

// waitFor polls cond until it holds, failing the test after a few seconds.
func waitFor(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(time.Millisecond)
	}
}

// holdWriter starts a write transaction on the write pool, so that the writer
// goroutine cannot begin its own until release is called.
func holdWriter(tb testing.TB, db *DB) (release func()) {
	tb.Helper()
	tx, err := db.begin(tb.Context())
	if err != nil {
		tb.Fatalf("begin: %v", err)
	}
	var once sync.Once
	release = func() { once.Do(func() { tx.Rollback() }) }
	tb.Cleanup(release)
	return release
}

// primeBatch makes the writer goroutine take one call and block on the held
// write transaction, so that calls made next queue up for the batch after it.
// It returns the primer's outcome, which is ready once the writer is released.
func primeBatch(tb testing.TB, db *DB, ctx context.Context, it planner.Item) <-chan error {
	tb.Helper()
	batches, _, _, _ := db.stats.snapshot()
	done := make(chan error, 1)
	go func() {
		_, err := db.AddItems(ctx, []planner.Item{it}, it.UserID)
		done <- err
	}()
	waitFor(tb, "the writer to take the primer", func() bool {
		b, _, _, _ := db.stats.snapshot()
		return b > batches
	})
	return done
}

// storedIDs returns the ids of team teamID's items, in order.
func storedIDs(tb testing.TB, db *DB, teamID string) []int64 {
	tb.Helper()
	items, err := db.ItemsStarting(tb.Context(), teamID, "", day(tb, "2000-01-01"), day(tb, "2099-12-31"))
	if err != nil {
		tb.Fatalf("ItemsStarting: %v", err)
	}
	got := ids(items)
	slices.Sort(got)
	return got
}

// seq returns 1..n.
func seq(n int) []int64 {
	var s []int64
	for i := range n {
		s = append(s, int64(i+1))
	}
	return s
}

func TestGroupCommitNumbersEachTeamInOrder(t *testing.T) {
	db := MustOpenDB(t)
	teams := []string{"A", "B", "C"}
	for _, team := range teams {
		mustMember(t, db, team, "U1", "Ann of "+team)
	}
	const calls = 64
	start := make(chan struct{})
	results := make([][]planner.Item, calls)
	errs := make([]error, calls)
	var wg sync.WaitGroup
	for i := range calls {
		team := teams[i%len(teams)]
		var items []planner.Item
		for k := range 1 + i%3 {
			items = append(items, newItem(t, team, "U1", "2025-11-17", fmt.Sprintf("call %d item %d", i, k)))
		}
		wg.Go(func() {
			<-start
			results[i], errs[i] = db.AddItems(t.Context(), items, "U1")
		})
	}
	close(start)
	wg.Wait()

	added := map[string]int{}
	for i, stored := range results {
		if errs[i] != nil {
			t.Fatalf("call %d: %v", i, errs[i])
		}
		if len(stored) != 1+i%3 {
			t.Fatalf("call %d returned %d items, want %d", i, len(stored), 1+i%3)
		}
		for k, it := range stored {
			if k > 0 && it.ID != stored[k-1].ID+1 {
				t.Errorf("call %d: ids %v are not consecutive", i, ids(stored))
			}
			if want := fmt.Sprintf("call %d item %d", i, k); it.Title != want || it.TeamID != teams[i%len(teams)] {
				t.Errorf("call %d returned %+v, want %q of team %s", i, it, want, teams[i%len(teams)])
			}
			got, err := db.Item(t.Context(), it.TeamID, it.ID)
			if err != nil || !reflect.DeepEqual(got, it) {
				t.Errorf("call %d: stored %+v, %v; returned %+v", i, got, err, it)
			}
			history, err := db.History(t.Context(), it.TeamID, it.ID)
			if err != nil || len(history) != 1 || history[0].Action != "add" || history[0].Detail != it.Title {
				t.Errorf("call %d: history of %s #%d: %+v, %v", i, it.TeamID, it.ID, history, err)
			}
			added[it.TeamID]++
		}
	}
	for _, team := range teams {
		if got, want := storedIDs(t, db, team), seq(added[team]); !slices.Equal(got, want) {
			t.Errorf("team %s: ids %v, want %v", team, got, want)
		}
	}
	batches, requests, multi, largest := db.stats.snapshot()
	t.Logf("%d calls in %d transactions (%d of more than one call, the largest %d)", requests, batches, multi, largest)
}

// A call that fails in a batch stores nothing and takes no id; the others of
// its transaction commit.
func TestGroupCommitIsolatesAFailingCall(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "B", "U2", "Bob")
	release := holdWriter(t, db)
	primer := primeBatch(t, db, t.Context(), newItem(t, "A", "U1", "2025-11-17", "primer"))

	const calls = 32
	const badCall = 13
	errs := make([]error, calls)
	var wg sync.WaitGroup
	for i := range calls {
		team, user := "A", "U1"
		if i%2 == 1 {
			team, user = "B", "U2"
		}
		items := []planner.Item{
			newItem(t, team, user, "2025-11-18", fmt.Sprintf("call %d", i)),
			newItem(t, team, user, "2025-11-18", fmt.Sprintf("call %d", i)),
		}
		if i == badCall {
			items[1].Count = 0 // fails the CHECK, after the first item went in
		}
		wg.Go(func() {
			_, errs[i] = db.AddItems(t.Context(), items, user)
		})
	}
	waitFor(t, "the calls to queue", func() bool { return db.stats.waiting.Load() == calls })
	release()
	wg.Wait()
	if err := <-primer; err != nil {
		t.Fatalf("primer: %v", err)
	}

	for i, err := range errs {
		if i == badCall {
			wantCode(t, err, planner.Internal)
			t.Log(err)
		} else if err != nil {
			t.Errorf("call %d: %v", i, err)
		}
	}
	_, _, multi, largest := db.stats.snapshot()
	if multi == 0 {
		t.Fatal("no transaction held more than one call")
	}
	db.stats.mu.Lock()
	isolated := db.stats.isolated
	db.stats.mu.Unlock()
	if isolated == 0 {
		t.Errorf("the failing call was alone in its transaction (largest %d)", largest)
	}
	// Team A: the primer and 16 calls of 2; team B: 15 good calls of 2.
	if got, want := storedIDs(t, db, "A"), seq(1+32); !slices.Equal(got, want) {
		t.Errorf("team A ids %v, want %v", got, want)
	}
	if got, want := storedIDs(t, db, "B"), seq(30); !slices.Equal(got, want) {
		t.Errorf("team B ids %v, want %v", got, want)
	}
	items, err := db.ItemsStarting(t.Context(), "B", "", day(t, "2025-11-18"), day(t, "2025-11-18"))
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		if it.Title == fmt.Sprintf("call %d", badCall) {
			t.Errorf("the failing call stored %+v", it)
		}
	}
	if got := ids(mustAdd(t, db, "U2", newItem(t, "B", "U2", "2025-11-19", "next"))); !slices.Equal(got, []int64{31}) {
		t.Errorf("next id of team B %v, want [31]", got)
	}
}

// Reads go to the read pool, which a write transaction does not hold up.
func TestReadsRunBesideAWriteTransaction(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-17", "sync"))

	tx, err := db.begin(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(t.Context(), `UPDATE items SET title = 'uncommitted' WHERE team_id = 'A'`); err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(t.Context(), 2*time.Second)
	defer cancel()
	done := make(chan error, 1)
	go func() {
		items, err := db.ItemsStarting(ctx, "A", "", day(t, "2025-11-17"), day(t, "2025-11-17"))
		if err == nil && (len(items) != 1 || items[0].Title != "sync") {
			err = fmt.Errorf("read %+v, want the committed item alone", items)
		}
		if err == nil {
			_, err = db.Item(ctx, "A", 1)
		}
		if err == nil {
			_, err = db.Members(ctx, "A")
		}
		done <- err
	}()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("read beside a write transaction: %v", err)
		}
	case <-ctx.Done():
		t.Fatal("read waited for the write transaction")
	}
}

func TestEveryReadConnectionHasTheSettings(t *testing.T) {
	db := MustOpenDB(t)
	n := readConns()
	for i := range n {
		conn, err := db.read.Conn(t.Context())
		if err != nil {
			t.Fatalf("conn %d: %v", i, err)
		}
		defer conn.Close()
		for _, tt := range []struct{ pragma, want string }{
			{"foreign_keys", "1"},
			{"journal_mode", "wal"},
			{"busy_timeout", "5000"},
			{"query_only", "1"},
		} {
			var got string
			if err := conn.QueryRowContext(t.Context(), "PRAGMA "+tt.pragma).Scan(&got); err != nil {
				t.Fatalf("conn %d: PRAGMA %s: %v", i, tt.pragma, err)
			}
			if got != tt.want {
				t.Errorf("conn %d: PRAGMA %s = %s, want %s", i, tt.pragma, got, tt.want)
			}
		}
		if _, err := conn.ExecContext(t.Context(), `INSERT INTO teams (id, name) VALUES ('X', 'x')`); err == nil {
			t.Errorf("conn %d: wrote to the database", i)
		}
	}
	if got := db.read.Stats().OpenConnections; got != n {
		t.Errorf("%d open read connections, want %d", got, n)
	}
	if got := db.sql.Stats().MaxOpenConnections; got != 1 {
		t.Errorf("write pool allows %d connections, want 1", got)
	}
}

// A call the writer took is answered, and stays committed, even if its caller
// gives up; a call still queued gives up at once and stores nothing.
func TestAddItemsCanceled(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "A", "U1", "Ann")
	release := holdWriter(t, db)
	primerCtx, cancelPrimer := context.WithCancel(t.Context())
	primer := primeBatch(t, db, primerCtx, newItem(t, "A", "U1", "2025-11-17", "primer"))

	queuedCtx, cancelQueued := context.WithCancel(t.Context())
	queued := make(chan error, 1)
	go func() {
		_, err := db.AddItems(queuedCtx, []planner.Item{newItem(t, "A", "U1", "2025-11-17", "queued")}, "U1")
		queued <- err
	}()
	waitFor(t, "the call to queue", func() bool { return db.stats.waiting.Load() == 1 })
	cancelQueued()
	select {
	case err := <-queued:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("queued call: %v, want context.Canceled", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("queued call did not give up")
	}

	// The primer's caller gives up while its transaction waits: it is
	// skipped, and its error says so.
	cancelPrimer()
	release()
	if err := <-primer; !errors.Is(err, context.Canceled) {
		t.Errorf("primer: %v, want context.Canceled", err)
	}
	if got := ids(mustAdd(t, db, "U1", newItem(t, "A", "U1", "2025-11-17", "after"))); !slices.Equal(got, []int64{1}) {
		t.Errorf("next id %v, want [1]", got)
	}
}

// Close answers the calls in flight before it returns; those that succeeded
// are durable.
func TestCloseAnswersCallsInFlight(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planbot.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	mustMember(t, db, "A", "U1", "Ann")
	release := holdWriter(t, db)
	primer := primeBatch(t, db, t.Context(), newItem(t, "A", "U1", "2025-11-17", "primer"))

	const calls = 20
	results := make([][]planner.Item, calls)
	errs := make([]error, calls)
	var wg sync.WaitGroup
	for i := range calls {
		wg.Go(func() {
			results[i], errs[i] = db.AddItems(t.Context(),
				[]planner.Item{newItem(t, "A", "U1", "2025-11-17", fmt.Sprintf("call %d", i))}, "U1")
		})
	}
	waitFor(t, "the calls to queue", func() bool { return db.stats.waiting.Load() == calls })
	closed := make(chan error, 1)
	go func() { closed <- db.Close() }()
	release()
	select {
	case err := <-closed:
		if err != nil {
			t.Fatalf("Close: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Close did not return")
	}
	wg.Wait() // every call was answered
	if err := <-primer; err != nil {
		t.Fatalf("primer, taken before Close: %v", err)
	}
	if _, err := db.AddItems(t.Context(), []planner.Item{newItem(t, "A", "U1", "2025-11-17", "late")}, "U1"); err == nil {
		t.Error("AddItems after Close succeeded")
	}

	reopened, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer reopened.Close()
	want := map[int64]string{1: "primer"}
	for i := range calls {
		if errs[i] == nil {
			want[results[i][0].ID] = results[i][0].Title
		} else if !errors.Is(errs[i], errClosed) {
			t.Errorf("call %d: %v, want it done or refused as closed", i, errs[i])
		}
	}
	items, err := reopened.ItemsStarting(t.Context(), "A", "", day(t, "2025-11-17"), day(t, "2025-11-17"))
	if err != nil {
		t.Fatal(err)
	}
	got := map[int64]string{}
	for _, it := range items {
		got[it.ID] = it.Title
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stored %v, want what succeeded: %v", got, want)
	}
	t.Logf("%d of %d queued calls done before Close", len(want)-1, calls)
}
