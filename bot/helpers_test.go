package bot

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"sync"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// The fixtures of bot's tests that need bot's types: a handler on a fresh
// SQLite database at a fixed clock, a platform that records its work, and
// reads of what was stored. The members who type, the zone and the week are
// planner/plannertest's; the database is storage/storagetest's.

// newHandler returns a Handler on a fresh SQLite database at plannertest's
// fixed clock (Monday 2025-11-17 09:00 in Shanghai), with English as the
// team language.
func newHandler(t *testing.T) *Handler {
	t.Helper()
	svc, _ := storagetest.Service(t)
	return &Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// dbOf returns the database of a handler newHandler made.
func dbOf(h *Handler) *storage.DB { return storagetest.DB(h.Service) }

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
func (l *workLog) SendPeriodReport(_ context.Context, _ Work, p planner.Period) error {
	return l.did("period report " + p.String())
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

// teamItems returns every item of team teamID, whatever its days.
func teamItems(t *testing.T, h *Handler, teamID string) []planner.Item {
	t.Helper()
	items, err := dbOf(h).ItemsStarting(t.Context(), teamID, "", plannertest.Day(t, "2000-01-01"), plannertest.Day(t, "2099-12-31"))
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
