package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"planbot/planner"
	"planbot/storage"
)

// The fixtures of bot's tests: a handler on a fresh SQLite database at a
// fixed clock, the members who type, and reads of what was stored.

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Team T1 has members Ann, Bob and Carol and an admin; Eve is in team T2 and
// has the same user id as Ann, so that only the team tells them apart.
var (
	ann   = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"}
	bob   = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U2", UserName: "Bob"}
	carol = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U3", UserName: "Carol"}
	boss  = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U9", UserName: "Boss", Admin: true}
	eve   = planner.Actor{TeamID: "T2", TeamName: "招商二组", UserID: "U1", UserName: "Eve"}
)

// w47 is the week of the fixed clock: Monday 2025-11-17 to Sunday 2025-11-23.
var w47 = planner.Week{Year: 2025, Num: 47}

// newHandler returns a Handler on a fresh SQLite database whose clock stands
// at Monday 2025-11-17 09:00 in Shanghai, with English as the team language.
func newHandler(t *testing.T) *Handler {
	t.Helper()
	db, err := storage.Open(t.Context(), filepath.Join(t.TempDir(), "planbot.db"))
	if err != nil {
		t.Fatalf("storage.Open: %v", err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Errorf("close database: %v", err)
		}
	})
	h := &Handler{
		Service: planner.NewService(db, planner.Options{
			Now: func() time.Time { return time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai) }, Loc: shanghai, Lang: planner.English,
		}),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	stores.Store(h, db)
	return h
}

// stores holds each test handler's database, for the tests that look at what was stored.
var stores sync.Map // *Handler → *storage.DB

// dbOf returns the database of a handler newHandler made.
func dbOf(h *Handler) *storage.DB {
	db, _ := stores.Load(h)
	return db.(*storage.DB)
}

// workLog is a Platform that accepts every piece of work, as a chat
// platform would, and records it.
type workLog struct {
	mu   sync.Mutex
	work []string
}

func (l *workLog) did(what string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.work = append(l.work, what)
	return nil
}

func (l *workLog) SetupChannel(_ context.Context, w Work) error {
	return l.did("setup " + w.Actor.ChannelID)
}
func (l *workLog) OpenForm(context.Context, Work) error { return l.did("form") }
func (l *workLog) PostRetro(_ context.Context, _ Work, week planner.Week, force bool) error {
	return l.did(fmt.Sprintf("post %s %t", week, force))
}
func (l *workLog) SendReport(_ context.Context, _ Work, week planner.Week) error {
	return l.did("report " + week.String())
}

// handle answers line from a on a platform that accepts all work.
func handle(t testing.TB, h *Handler, a planner.Actor, line string) Reply {
	return handleOn(t, h, &workLog{}, a, line)
}

// handleOn answers line from a on platform p, for the tests that look at the
// work p was given.
func handleOn(t testing.TB, h *Handler, p Platform, a planner.Actor, line string) Reply {
	return h.Handle(t.Context(), p, a, ParseCommand(line))
}

// mustHandle answers line from a and fails the test on a Failure.
func mustHandle(t *testing.T, h *Handler, a planner.Actor, line string) Reply {
	t.Helper()
	r := handle(t, h, a, line)
	if f, ok := r.Body.(Failure); ok {
		t.Fatalf("%s: %q failed: %v", a.UserName, line, f.Err)
	}
	return r
}

// failure returns the error of a Failure reply and fails the test on any other.
func failure(t *testing.T, r Reply) *planner.Error {
	t.Helper()
	f, ok := r.Body.(Failure)
	if !ok {
		t.Fatalf("reply %T %+v, want a Failure", r.Body, r.Body)
	}
	return f.Err
}

// day returns the day written YYYY-MM-DD.
func day(t testing.TB, s string) planner.Date {
	t.Helper()
	d, err := planner.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// teamItems returns every item of team teamID, whatever its days.
func teamItems(t *testing.T, h *Handler, teamID string) []planner.Item {
	t.Helper()
	items, err := dbOf(h).ItemsStarting(t.Context(), teamID, "", day(t, "2000-01-01"), day(t, "2099-12-31"))
	if err != nil {
		t.Fatalf("ItemsStarting(%s): %v", teamID, err)
	}
	return items
}

// history returns item id of team teamID as stored, with its changes.
func history(t *testing.T, h *Handler, teamID string, id int64) (planner.Item, []planner.Change) {
	t.Helper()
	it, err := dbOf(h).Item(t.Context(), teamID, id)
	if err != nil {
		t.Fatalf("Item(%s, %d): %v", teamID, id, err)
	}
	changes, err := dbOf(h).History(t.Context(), teamID, id)
	if err != nil {
		t.Fatalf("History(%s, %d): %v", teamID, id, err)
	}
	return it, changes
}
