package report

import (
	"context"
	"io"
	"log/slog"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// The fixtures of the report's tests that need bot's types: a handler on a
// fresh SQLite database at a fixed clock, and the golden files. The members
// who type, the zone and the week are planner/plannertest's; the database is
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

// accepting is a platform that takes on every piece of work and does none:
// the report's tests look at what is stored, not at what is sent.
type accepting struct{}

func (accepting) SetupChannel(context.Context, bot.Work) error                  { return nil }
func (accepting) OpenForm(context.Context, bot.Work) error                      { return nil }
func (accepting) PostRetro(context.Context, bot.Work, planner.Week, bool) error { return nil }
func (accepting) SendReport(context.Context, bot.Work, planner.Week) error      { return nil }

func (accepting) SendPeriodReport(context.Context, bot.Work, planner.Period) error { return nil }

// mustHandle answers line from a and fails the test on a Failure.
func mustHandle(t *testing.T, h *bot.Handler, a planner.Actor, line string) bot.Reply {
	t.Helper()
	r := h.Handle(t.Context(), accepting{}, a, bot.ParseCommand(line))
	if f, ok := r.Body.(bot.Failure); ok {
		t.Fatalf("%s: %q failed: %v", a.UserName, line, f.Err)
	}
	return r
}
