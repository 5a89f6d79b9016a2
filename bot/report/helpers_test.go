package report

import (
	"bytes"
	"context"
	"flag"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/storage"
)

// The fixtures of the report's tests: a handler on a fresh SQLite database
// at a fixed clock, the members who type, and the golden files.

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var langs = []planner.Lang{planner.English, planner.Chinese}

var shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Team T1 has members Ann, Bob and Carol and an admin.
var (
	ann   = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"}
	bob   = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U2", UserName: "Bob"}
	carol = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U3", UserName: "Carol"}
	boss  = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U9", UserName: "Boss", Admin: true}
)

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

// stores holds each test handler's database, for the tests that write to it directly.
var stores sync.Map // *bot.Handler → *storage.DB

// dbOf returns the database of a handler newHandler made.
func dbOf(h *bot.Handler) *storage.DB {
	db, _ := stores.Load(h)
	return db.(*storage.DB)
}

// accepting is a platform that takes on every piece of work and does none:
// the report's tests look at what is stored, not at what is sent.
type accepting struct{}

func (accepting) SetupChannel(context.Context, bot.Work) error                  { return nil }
func (accepting) OpenForm(context.Context, bot.Work) error                      { return nil }
func (accepting) PostRetro(context.Context, bot.Work, planner.Week, bool) error { return nil }
func (accepting) SendReport(context.Context, bot.Work, planner.Week) error      { return nil }

// mustHandle answers line from a and fails the test on a Failure.
func mustHandle(t *testing.T, h *bot.Handler, a planner.Actor, line string) bot.Reply {
	t.Helper()
	r := h.Handle(t.Context(), accepting{}, a, bot.ParseCommand(line))
	if f, ok := r.Body.(bot.Failure); ok {
		t.Fatalf("%s: %q failed: %v", a.UserName, line, f.Err)
	}
	return r
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

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with go test ./bot/report -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (rewrite it with -update if the change is meant):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
