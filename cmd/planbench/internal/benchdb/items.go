package benchdb

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"planbot/planner"
)

// item is one generated item with its history, before it has an id.
type item struct {
	team             int
	userID           string
	start, end       planner.Date
	kind             planner.Kind
	count            int
	place, title     string
	status           planner.Status
	outcome          string
	created, updated time.Time
	history          []change
}

// change is one line of an item's history.
type change struct {
	at             time.Time
	by             string
	action, detail string
}

// newItem makes up one of member m of team t's items of week: its days
// (mostly on a weekday, a trip for up to four), its status as the clock sees
// it (earlier weeks mostly done, later ones planned), and its history as
// planbot writes it: an add, maybe a move, then a done or a cancel.
func (w *world) newItem(t, m int, week planner.Week) item {
	mb := w.members[t][m]
	d := newDraft(w.rng, mb.zh)
	var offset int
	switch r := w.rng.IntN(100); {
	case d.kind == planner.KindReview:
		offset = 4 + w.rng.IntN(3) // Friday to Sunday
	case r < 92:
		offset = w.rng.IntN(5)
	case r < 98:
		offset = 5
	default:
		offset = 6
	}
	it := item{
		team: t, userID: mb.userID, kind: d.kind, count: d.count, place: d.place, title: d.title,
		start: week.Start().AddDays(offset), status: planner.StatusPlanned,
	}
	it.end = it.start.AddDays(d.days - 1)
	it.created = utc(it.start.AddDays(-w.rng.IntN(4)), 8, w.rng.IntN(12*60), mb.loc).Add(time.Duration(w.rng.IntN(60)) * time.Second)
	if !it.created.Before(w.now) { // planned ahead: logged some time before the clock
		it.created = w.now.Add(-time.Hour - time.Duration(w.rng.IntN(14*24*60))*time.Minute)
	}
	it.history = []change{{at: it.created, by: mb.userID, action: "add", detail: it.title}}

	r := w.rng.IntN(100)
	switch n := week.Num; {
	case n < w.spec.Current && r < 85, n == w.spec.Current && r < 78:
		it.status = planner.StatusDone
	case n < w.spec.Current && r < 90, n == w.spec.Current && r < 83, n > w.spec.Current && r < 4:
		it.status = planner.StatusCancelled
	}
	last := w.now // when the item last changed, at the latest
	switch it.status {
	case planner.StatusDone:
		last = w.clamp(utc(it.end, 17, w.rng.IntN(300), mb.loc))
	case planner.StatusCancelled:
		last = w.clamp(utc(it.start, 9, 0, mb.loc))
	}
	if !last.After(it.created) {
		last = it.created.Add(time.Minute)
	}
	if chance(w.rng, 0.04) { // moved once: it was a day later
		from, to := it.start.AddDays(1), it.end.AddDays(1)
		at := it.created.Add(time.Duration(w.rng.Int64N(int64(last.Sub(it.created))/2 + 1)))
		it.history = append(it.history, change{at: at, by: mb.userID, action: "move",
			detail: spanText(from, to) + " → " + spanText(it.start, it.end)})
	}
	by := mb.userID
	if chance(w.rng, 0.03) {
		by = UserID(t, 0) // the admin logs it for them
	}
	switch it.status {
	case planner.StatusDone:
		it.outcome = outcome(w.rng, mb.zh)
		it.history = append(it.history, change{at: last, by: by, action: "done", detail: it.outcome})
	case planner.StatusCancelled:
		it.outcome = reason(w.rng, mb.zh)
		it.history = append(it.history, change{at: last, by: by, action: "cancel", detail: it.outcome})
	}
	it.updated = it.history[len(it.history)-1].at
	return it
}

// spanText writes a run of days as planner does in a change's detail:
// 2025-11-20 or 2025-11-20..2025-11-21.
func spanText(start, end planner.Date) string {
	if start == end {
		return start.String()
	}
	return start.String() + ".." + end.String()
}

// batchRows is how many rows one INSERT of a batch writes: one statement
// per row would spend more in database/sql and cgo than SQLite spends storing it.
const batchRows = 64

// table is the batched INSERT into one table: rows wait in pending until
// there are batchRows of them, then go in with one statement.
type table struct {
	name    string
	columns []string
	shared  string   // columns every row gives the same value: ", state, attempts"
	values  string   // and those values: ", 'sent', 1"
	before  []*table // tables flushed first, whose rows these may refer to
	many    *sql.Stmt
	pending []any
}

// query is the INSERT of rows rows.
func (t *table) query(rows int) string {
	tuple := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(t.columns)), ", ") + t.values + ")"
	tuples := strings.TrimSuffix(strings.Repeat(tuple+", ", rows), ", ")
	return "INSERT INTO " + t.name + " (" + strings.Join(t.columns, ", ") + t.shared + ") VALUES " + tuples
}

// writer holds the batched INSERTs of one bulk load, in one transaction.
type writer struct {
	tx                                               *sql.Tx
	team, member, schedule, item, change, note, send *table
}

// newWriter prepares the batched INSERTs in tx.
func newWriter(ctx context.Context, tx *sql.Tx) (*writer, error) {
	w := &writer{tx: tx}
	w.team = &table{name: "teams", columns: []string{"id", "name", "tz", "lang", "digest_channel", "created_at"}}
	w.member = &table{name: "members", before: []*table{w.team},
		columns: []string{"team_id", "user_id", "name", "lang", "tz", "is_admin", "profile_at", "remind_off", "created_at"}}
	w.schedule = &table{name: "schedules", before: []*table{w.team},
		columns: []string{"team_id", "job", "weekday", "hour", "minute", "off"}}
	w.item = &table{name: "items", before: []*table{w.member},
		columns: []string{"team_id", "id", "user_id", "start_date", "end_date", "kind", "count",
			"place", "title", "status", "outcome", "created_at", "updated_at"}}
	w.change = &table{name: "item_history", before: []*table{w.item},
		columns: []string{"team_id", "item_id", "at", "by_user", "action", "detail"}}
	w.note = &table{name: "notes", before: []*table{w.member},
		columns: []string{"team_id", "user_id", "week", "text", "updated_at"}}
	w.send = &table{name: "sends", before: []*table{w.member}, shared: ", state, attempts", values: ", 'sent', 1",
		columns: []string{"team_id", "job", "week", "recipient", "due_at", "updated_at", "message_ts"}}
	for _, t := range w.tables() {
		stmt, err := tx.PrepareContext(ctx, t.query(batchRows))
		if err != nil {
			w.close()
			return nil, fmt.Errorf("prepare INSERT INTO %s: %w", t.name, err)
		}
		t.many = stmt
	}
	return w, nil
}

// tables lists the writer's tables, parents before children.
func (w *writer) tables() []*table {
	return []*table{w.team, w.member, w.schedule, w.item, w.change, w.note, w.send}
}

// exec adds one row to table t, and writes a batch when it is full.
func (w *writer) exec(ctx context.Context, t *table, args ...any) error {
	if len(args) != len(t.columns) {
		return fmt.Errorf("%s: %d values for %d columns", t.name, len(args), len(t.columns))
	}
	t.pending = append(t.pending, args...)
	if len(t.pending) < batchRows*len(t.columns) {
		return nil
	}
	for _, b := range t.before {
		if err := w.flush(ctx, b); err != nil {
			return err
		}
	}
	_, err := t.many.ExecContext(ctx, t.pending...)
	t.pending = t.pending[:0]
	if err != nil {
		return fmt.Errorf("INSERT INTO %s: %w", t.name, err)
	}
	return nil
}

// flush writes the rows pending in t (and first in the tables it refers to).
func (w *writer) flush(ctx context.Context, t *table) error {
	if len(t.pending) == 0 {
		return nil
	}
	for _, b := range t.before {
		if err := w.flush(ctx, b); err != nil {
			return err
		}
	}
	_, err := w.tx.ExecContext(ctx, t.query(len(t.pending)/len(t.columns)), t.pending...)
	t.pending = t.pending[:0]
	if err != nil {
		return fmt.Errorf("INSERT INTO %s: %w", t.name, err)
	}
	return nil
}

// flushAll writes every pending row.
func (w *writer) flushAll(ctx context.Context) error {
	for _, t := range w.tables() {
		if err := w.flush(ctx, t); err != nil {
			return err
		}
	}
	return nil
}

// close releases the statements.
func (w *writer) close() {
	for _, t := range w.tables() {
		if t.many != nil {
			t.many.Close()
		}
	}
}
