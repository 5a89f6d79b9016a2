package console

import (
	"io"
	"log/slog"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/storage"
)

// The fixtures of the console's tests: a handler on a fresh SQLite database
// at a fixed clock, who types, and reads of what was stored.

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// ann is a member of team T1.
var ann = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"}

// w47 is the week of the fixed clock: Monday 2025-11-17 to Sunday 2025-11-23.
var w47 = planner.Week{Year: 2025, Num: 47}

// newHandler returns a Handler on a fresh SQLite database whose clock stands
// at Monday 2025-11-17 09:00 in Shanghai, with English as the team language.
func newHandler(t *testing.T) *bot.Handler {
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
	h := &bot.Handler{
		Service: planner.NewService(db, planner.Options{
			Now: func() time.Time { return time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai) }, Loc: shanghai, Lang: planner.English,
		}),
		Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	stores.Store(h, db)
	return h
}

// stores holds each test handler's database, for the tests that look at what was stored.
var stores sync.Map // *bot.Handler → *storage.DB

// dbOf returns the database of a handler newHandler made.
func dbOf(h *bot.Handler) *storage.DB {
	db, _ := stores.Load(h)
	return db.(*storage.DB)
}

// mustHandle answers line from a as the console does (bot.NoPlatform) and
// fails the test on a Failure.
func mustHandle(t *testing.T, h *bot.Handler, a planner.Actor, line string) bot.Reply {
	t.Helper()
	r := h.Handle(t.Context(), bot.NoPlatform{}, a, bot.ParseCommand(line))
	if f, ok := r.Body.(bot.Failure); ok {
		t.Fatalf("%s: %q failed: %v", a.UserName, line, f.Err)
	}
	return r
}

// teamItems returns every item of team teamID, whatever its days.
func teamItems(t *testing.T, h *bot.Handler, teamID string) []planner.Item {
	t.Helper()
	from, to := planner.Date{Year: 2000, Month: 1, Day: 1}, planner.Date{Year: 2099, Month: 12, Day: 31}
	items, err := dbOf(h).ItemsStarting(t.Context(), teamID, "", from, to)
	if err != nil {
		t.Fatalf("ItemsStarting(%s): %v", teamID, err)
	}
	return items
}
