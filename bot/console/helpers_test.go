package console

import (
	"io"
	"log/slog"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// The fixtures of the console's tests that need bot's types: a handler on a
// fresh SQLite database at a fixed clock, and reads of what was stored. Who
// types and the week are planner/plannertest's; the database is
// storage/storagetest's.

// newHandler returns a Handler on a fresh SQLite database at plannertest's
// fixed clock (Monday 2025-11-17 09:00 in Shanghai), with English as the
// team language.
func newHandler(t *testing.T) *bot.Handler {
	t.Helper()
	svc, _ := storagetest.Service(t)
	return &bot.Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// dbOf returns the database of a handler newHandler made.
func dbOf(h *bot.Handler) *storage.DB { return storagetest.DB(h.Service) }

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
