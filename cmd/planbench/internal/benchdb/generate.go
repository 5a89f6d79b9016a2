package benchdb

import (
	"context"
	"database/sql"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"net/url"
	"os"
	"slices"
	"time"

	_ "github.com/mattn/go-sqlite3" // the driver storage uses

	"planbot/planner"
	"planbot/storage"
)

// Generate writes a database of spec at path, which must not exist or be
// empty. storage.Open creates it, so that its schema is what planbot's
// migrations make; the rows then go in through a connection of Generate's own,
// in one transaction of prepared INSERTs of batchRows rows each, with no
// journal and no fsync (a failed Generate leaves no file: it removes it).
// Every row passes the schema's CHECK and foreign key constraints, which stay
// on; each team's item ids run from 1 in the order the items were created.
// The file is left in WAL mode, as storage keeps it.
func Generate(ctx context.Context, path string, spec Spec) (err error) {
	if err := spec.Validate(); err != nil {
		return err
	}
	if path == "" {
		return errEmptyPath
	}
	if fi, err := os.Stat(path); err == nil && fi.Size() > 0 {
		return fmt.Errorf("benchdb: %s exists and is not empty", path)
	}
	defer func() {
		if err != nil {
			os.Remove(path)
			os.Remove(path + "-wal")
			os.Remove(path + "-shm")
		}
	}()
	db, err := storage.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("benchdb: %w", err)
	}
	if err := db.Close(); err != nil {
		return fmt.Errorf("benchdb: %w", err)
	}
	if err := fill(ctx, path, spec); err != nil {
		return fmt.Errorf("benchdb: fill %s: %w", path, err)
	}
	// storage must take the file as it is: schema up to date, WAL mode.
	db, err = storage.Open(ctx, path)
	if err != nil {
		return fmt.Errorf("benchdb: reopen: %w", err)
	}
	return db.Close()
}

// bulkPragmas make one bulk load fast: no rollback journal and no fsync (the
// file is new; a failure deletes it), and a cache that holds the indexes.
var bulkPragmas = []string{
	`PRAGMA journal_mode = OFF`,
	`PRAGMA synchronous = OFF`,
	`PRAGMA cache_size = -262144`, // 256 MiB
	`PRAGMA temp_store = MEMORY`,
}

// fill inserts spec's rows into the database at path, whose schema exists.
func fill(ctx context.Context, path string, spec Spec) error {
	sqlDB, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?_foreign_keys=on&_busy_timeout=5000&_mutex=no")
	if err != nil {
		return err
	}
	defer sqlDB.Close()
	conn, err := sqlDB.Conn(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	for _, p := range bulkPragmas {
		if _, err := conn.ExecContext(ctx, p); err != nil {
			return fmt.Errorf("%s: %w", p, err)
		}
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	w, err := newWriter(ctx, tx)
	if err != nil {
		return err
	}
	defer w.close()
	if err := newWorld(spec).write(ctx, w); err != nil {
		return err
	}
	if err := w.flushAll(ctx); err != nil {
		return err
	}
	// Each team's item counter is the last id it gave out (storage's insertItem
	// counts on it, migrations 00004 and 00005).
	if _, err := tx.ExecContext(ctx, `
		UPDATE teams SET last_item_id = (SELECT COALESCE(MAX(id), 0) FROM items WHERE items.team_id = teams.id)`); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = conn.ExecContext(ctx, `PRAGMA journal_mode = WAL`)
	return err
}

// world is the generated population: its teams and their members, and the
// random source every choice comes from.
type world struct {
	spec    Spec
	now     time.Time
	rng     *rand.Rand
	teams   []team
	members [][]member // by team
	nextID  []int64    // by team: the last item id given
}

type team struct {
	id, name, tz, lang, channel string
	zh                          bool // writes mostly in Chinese
	loc                         *time.Location
}

type member struct {
	userID, name, lang, tz string
	admin, remindOff, zh   bool
	loc                    *time.Location
	profileAt              time.Time
}

// newWorld makes spec's teams and members, from the seed spec's key gives.
func newWorld(spec Spec) *world {
	k := spec.key()
	w := &world{
		spec: spec, now: spec.Now(),
		rng:    rand.New(rand.NewPCG(binary.BigEndian.Uint64(k[:8]), binary.BigEndian.Uint64(k[8:16]))),
		nextID: make([]int64, spec.Teams),
	}
	for t := range spec.Teams {
		tm := team{id: TeamID(t), tz: "Asia/Shanghai", channel: fmt.Sprintf("C%08d", 7000000+t), zh: t%3 != 2}
		if tm.zh {
			tm.name, tm.lang = "招商"+chineseNumber(t%99+1)+"组", "zh"
		} else {
			tm.name, tm.lang = fmt.Sprintf("Investment Promotion %d", t+1), "en"
		}
		if t == 7 {
			tm.tz = "Europe/Berlin" // a team abroad
		}
		tm.loc = mustZone(tm.tz)
		w.teams = append(w.teams, tm)
		var ms []member
		for m := range spec.MembersPerTeam {
			mb := member{userID: UserID(t, m), admin: m == 0, tz: tm.tz, loc: tm.loc}
			switch r := w.rng.IntN(10); {
			case r == 0:
				mb.lang = "en"
			case r == 1:
				mb.lang = "zh"
			}
			writesZH := 0.3 // in an English-speaking team
			if tm.zh {
				writesZH = 0.85
			}
			mb.zh = mb.lang == "zh" || mb.lang == "" && chance(w.rng, writesZH)
			mb.name = personName(w.rng, mb.zh)
			if m > 0 && chance(w.rng, 0.05) {
				mb.tz = pick(w.rng, []string{"America/Los_Angeles", "Europe/Berlin", "Asia/Singapore"})
				mb.loc = mustZone(mb.tz)
			}
			mb.remindOff = m > 0 && chance(w.rng, 0.05)
			mb.profileAt = w.now.Add(-time.Duration(w.rng.IntN(72*60)) * time.Minute)
			ms = append(ms, mb)
		}
		w.members = append(w.members, ms)
	}
	return w
}

// write inserts the world: teams, members and schedules, then week by week
// the items with their history, the notes and the sends.
func (w *world) write(ctx context.Context, wr *writer) error {
	created := formatTime(utc(w.spec.Week(1).Start().AddDays(-14), 10, 0, w.teams[0].loc))
	for t, tm := range w.teams {
		if err := wr.exec(ctx, wr.team, tm.id, tm.name, tm.tz, tm.lang, tm.channel, created); err != nil {
			return fmt.Errorf("team %s: %w", tm.id, err)
		}
		for _, m := range w.members[t] {
			if err := wr.exec(ctx, wr.member, tm.id, m.userID, m.name, m.lang, m.tz, m.admin, formatTime(m.profileAt), m.remindOff, created); err != nil {
				return fmt.Errorf("member %s: %w", m.userID, err)
			}
		}
		if err := w.writeSchedules(ctx, wr, t); err != nil {
			return err
		}
	}
	for n := 1; n <= w.spec.Weeks; n++ {
		if err := w.writeWeek(ctx, wr, n); err != nil {
			return fmt.Errorf("week %d: %w", n, err)
		}
	}
	return nil
}

// writeSchedules gives a few teams schedules of their own.
func (w *world) writeSchedules(ctx context.Context, wr *writer, t int) error {
	var rows [][]any
	switch t % 10 {
	case 2:
		rows = [][]any{{planner.JobRetro, int(time.Friday), 17, 30, false}}
	case 5:
		rows = [][]any{{planner.JobPlan, int(time.Monday), 8, 30, false}, {planner.JobLog, int(time.Friday), 17, 0, true}}
	}
	for _, r := range rows {
		if err := wr.exec(ctx, wr.schedule, append([]any{w.teams[t].id}, r...)...); err != nil {
			return fmt.Errorf("schedule of %s: %w", w.teams[t].id, err)
		}
	}
	return nil
}

// writeWeek inserts week n: every member's items in the order they were
// created (each team's ids follow that order), each with its history; then
// the notes and the sends of the week, if it is not in the future.
func (w *world) writeWeek(ctx context.Context, wr *writer, n int) error {
	week := w.spec.Week(n)
	var items []*item
	for t := range w.teams {
		for m := range w.members[t] {
			for range w.spec.ItemsPerWeek {
				it := w.newItem(t, m, week)
				items = append(items, &it)
			}
		}
	}
	// Stable: items created at the same instant keep the order they were made in.
	slices.SortStableFunc(items, func(a, b *item) int { return a.created.Compare(b.created) })
	for _, it := range items {
		w.nextID[it.team]++
		id := w.nextID[it.team]
		tm := w.teams[it.team]
		if err := wr.exec(ctx, wr.item, tm.id, id, it.userID, it.start.String(), it.end.String(), it.kind, it.count,
			it.place, it.title, it.status, it.outcome, formatTime(it.created), formatTime(it.updated)); err != nil {
			return fmt.Errorf("item %s#%d: %w", tm.id, id, err)
		}
		for _, c := range it.history {
			if err := wr.exec(ctx, wr.change, tm.id, id, formatTime(c.at), c.by, c.action, c.detail); err != nil {
				return fmt.Errorf("history of %s#%d: %w", tm.id, id, err)
			}
		}
	}
	if n > w.spec.Current {
		return nil
	}
	if err := w.writeNotes(ctx, wr, week); err != nil {
		return err
	}
	return w.writeSends(ctx, wr, n)
}

// writeNotes gives about a quarter of the members a note for week.
func (w *world) writeNotes(ctx context.Context, wr *writer, week planner.Week) error {
	for t, tm := range w.teams {
		for _, m := range w.members[t] {
			if !chance(w.rng, 0.25) {
				continue
			}
			at := w.clamp(utc(week.End(), 16, w.rng.IntN(120), tm.loc))
			if err := wr.exec(ctx, wr.note, tm.id, m.userID, week.String(), note(w.rng, m.zh), formatTime(at)); err != nil {
				return fmt.Errorf("note of %s/%s: %w", tm.id, m.userID, err)
			}
		}
	}
	return nil
}

// writeSends records week n's scheduled sends as sent: each team's
// retrospective (not yet for the current week, due at the clock's very
// moment) and each member's two reminders, unless they turned them off.
func (w *world) writeSends(ctx context.Context, wr *writer, n int) error {
	week := w.spec.Week(n)
	for t, tm := range w.teams {
		if n < w.spec.Current {
			due := utc(week.End(), 18, 0, tm.loc)
			if err := w.sent(ctx, wr, tm.id, planner.JobRetro, week, "", due); err != nil {
				return err
			}
		}
		for _, m := range w.members[t] {
			if m.remindOff {
				continue
			}
			if err := w.sent(ctx, wr, tm.id, planner.JobPlan, week, m.userID, utc(week.Start(), 9, 0, m.loc)); err != nil {
				return err
			}
			if err := w.sent(ctx, wr, tm.id, planner.JobLog, week, m.userID, utc(week.Start().AddDays(4), 17, 0, m.loc)); err != nil {
				return err
			}
		}
	}
	return nil
}

// sent inserts one send, sent a few seconds after it was due.
func (w *world) sent(ctx context.Context, wr *writer, teamID string, job planner.Job, week planner.Week, recipient string, due time.Time) error {
	updated := due.Add(time.Duration(1+w.rng.IntN(5000)) * time.Millisecond)
	ts := fmt.Sprintf("%d.%06d", updated.Unix(), w.rng.IntN(1000000))
	if err := wr.exec(ctx, wr.send, teamID, job, week.String(), recipient, formatTime(due), formatTime(updated), ts); err != nil {
		return fmt.Errorf("send %s %s %s %q: %w", teamID, job, week, recipient, err)
	}
	return nil
}

// utc returns hour:minute of day d in loc.
func utc(d planner.Date, hour, minute int, loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, hour, minute, 0, 0, loc)
}

// formatTime writes an instant as storage does: UTC, RFC 3339 with nanoseconds.
func formatTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// clamp keeps an instant at or before the data's clock.
func (w *world) clamp(t time.Time) time.Time {
	if t.After(w.now) {
		return w.now
	}
	return t
}
