package slack

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unsafe"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// weekReadCounter is a real store that counts the week reads reaching it.
type weekReadCounter struct {
	planner.Store
	reads atomic.Int64
}

// ItemsStarting counts the read and passes it on.
func (s *weekReadCounter) ItemsStarting(ctx context.Context, teamID, userID string, from, to planner.Date) ([]planner.Item, error) {
	s.reads.Add(1)
	return s.Store.ItemsStarting(ctx, teamID, userID, from, to)
}

// cachedAndPlain returns two handlers on the same database at path, with
// newHandler's clock: one with a WeekCache (its store counting week reads),
// one without.
func cachedAndPlain(t *testing.T, path string) (cached, plain *bot.Handler, store *weekReadCounter) {
	t.Helper()
	db := storagetest.OpenAt(t, path)
	service := func(s planner.Store) *planner.Service { return planner.NewService(s, plannertest.Options()) }
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	store = &weekReadCounter{Store: db}
	return &bot.Handler{Service: service(store), Log: log, Weeks: &bot.WeekCache{}}, &bot.Handler{Service: service(db), Log: log}, store
}

// slackJSON is the JSON Slack receives for r.
func slackJSON(t *testing.T, r bot.Reply) string {
	t.Helper()
	data, err := json.Marshal(NewSlackResponse(r))
	if err != nil {
		t.Fatalf("encoding %T: %v", r.Body, err)
	}
	checkSlackMessage(t, data)
	return string(data)
}

// TestWeekCacheAnswersAsRendered checks that a week view from the cache, on
// the request that fills it and on those that find it, is exactly what
// rendering it afresh gives, for every viewer (their own buttons differ) and
// both languages, that only the first look at each view reads the store, and
// that a view found in the cache brings its Slack rendering with it.
func TestWeekCacheAnswersAsRendered(t *testing.T) {
	cached, plain, store := cachedAndPlain(t, filepath.Join(t.TempDir(), "planbot.db"))
	for _, add := range []struct {
		who  planner.Actor
		line string
	}{
		{plannertest.Ann, "tue visit 4 enterprises"},
		{plannertest.Ann, "周三 对接基金公司（以商引商）"},
		{plannertest.Ann, "thu-fri trip to Beijing"},
		{plannertest.Bob, "tue visit 2 enterprises"},
		{plannertest.Bob, "weekend retrospective and investment training"},
		{plannertest.Carol, "wed meet <!channel> & partners"},
		{plannertest.Carol, "next mon visit 1 enterprise"},
	} {
		mustHandle(t, plain, add.who, add.line)
	}
	mustHandle(t, plain, plannertest.Bob, "done 4 signed one")

	lines := []string{"week", "team", "团队", "本周", "team next", "week next"}
	viewers := []planner.Actor{plannertest.Ann, plannertest.Bob, plannertest.Carol}
	for round := range 2 { // the first round fills the cache, the second finds it
		for _, viewer := range viewers {
			for _, line := range lines {
				r := mustHandle(t, cached, viewer, line)
				if round == 1 { // the view's Slack rendering in r's language is kept with it
					v := r.Body.(bot.WeekView)
					v.Rendered(slackWeekKey{r.Lang}, func() (any, int) {
						t.Errorf("round 2, %s: %q rendered again", viewer.UserName, line)
						s := renderWeek(r.Lang, v)
						return s, s.size()
					})
				}
				got := slackJSON(t, r)
				want := slackJSON(t, mustHandle(t, plain, viewer, line))
				if got != want {
					t.Errorf("round %d, %s: %q from the cache:\n%s\nwant:\n%s", round+1, viewer.UserName, line, got, want)
				}
			}
		}
	}
	// Views: each member's this week and next (6), the team's this week and
	// next (2); the languages share a view's read.
	if got := store.reads.Load(); got != 8 {
		t.Errorf("the cache read the store %d times for %d requests, want 8 (once per view)", got, 2*len(lines)*len(viewers))
	}
}

// TestWeekCacheSeesChanges checks that a kept view is dropped by every change
// it shows — an add, a done, a member's new name, the team's, a member erased
// and back, a write by another handle on the file (another process) — and
// kept through another team's changes.
func TestWeekCacheSeesChanges(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planbot.db")
	cached, plain, store := cachedAndPlain(t, path)
	same := func(what string, who planner.Actor, line string) string {
		t.Helper()
		got := slackJSON(t, mustHandle(t, cached, who, line))
		if want := slackJSON(t, mustHandle(t, plain, who, line)); got != want {
			t.Errorf("%s: %s's %q from the cache:\n%s\nwant:\n%s", what, who.UserName, line, got, want)
		}
		return got
	}
	mustHandle(t, plain, plannertest.Ann, "tue visit 4 enterprises")
	same("first look", plannertest.Ann, "team")
	same("first look", plannertest.Ann, "week")

	mustHandle(t, plain, plannertest.Bob, "wed meet a fund company")
	if got := same("after Bob's add", plannertest.Ann, "team"); !strings.Contains(got, "fund company") {
		t.Errorf("the team's week after Bob's add lacks it: %s", got)
	}
	mustHandle(t, plain, plannertest.Ann, "done 1 met all four")
	same("after Ann's done", plannertest.Ann, "week")
	same("after Ann's done", plannertest.Bob, "team")

	db := store.Store.(*storage.DB)
	if err := db.SetProfile(t.Context(), planner.Member{TeamID: "T1", UserID: "U2", Name: "Robert", ProfileAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	if got := same("after Bob's new name", plannertest.Ann, "team"); !strings.Contains(got, "Robert") {
		t.Errorf("the team's week after Bob's new name lacks it: %s", got)
	}

	renamed := plannertest.Ann
	renamed.TeamName = "East Sales"
	if got := same("after the team's new name", renamed, "team"); !strings.Contains(got, "East Sales") {
		t.Errorf("the team's week after its new name lacks it: %s", got)
	}

	// Erased and back: the week Ann looked at before must not come back.
	mustHandle(t, plain, plannertest.Ann, "wed trip to Beijing")
	same("before Ann is forgotten", plannertest.Ann, "week")
	if _, err := db.ForgetMember(t.Context(), "T1", "U1"); err != nil {
		t.Fatal(err)
	}
	mustHandle(t, plain, plannertest.Ann, "thu visit 9 enterprises")
	if got := same("Ann erased and back", plannertest.Ann, "week"); strings.Contains(got, "Beijing") {
		t.Errorf("Ann's week after she was erased shows her erased items: %s", got)
	}

	// Another team's change keeps this team's views.
	same("before Eve's add", plannertest.Ann, "team")
	reads := store.reads.Load()
	mustHandle(t, plain, plannertest.Eve, "wed visit 3 enterprises")
	same("after Eve's add in another team", plannertest.Ann, "team")
	if store.reads.Load() != reads {
		t.Error("an add in another team dropped this team's week from the cache: it was read again")
	}

	other := &bot.Handler{Service: planner.NewService(storagetest.OpenAt(t, path), planner.Options{Loc: plannertest.Shanghai, Lang: planner.English,
		Now: cached.Service.Now}), Log: cached.Log}
	mustHandle(t, other, plannertest.Carol, "thu trip to Beijing")
	if got := same("after another process's add", plannertest.Ann, "team"); !strings.Contains(got, "Beijing") {
		t.Errorf("the team's week after another handle's add lacks it: %s", got)
	}
}

// A week's Slack rendering is kept as JSON, and tells the week cache at
// least the bytes it holds: its text, its blocks and its open items (their
// buttons are added per viewer). bot's TestWeekCacheBounded checks that the
// cache counts what a rendering tells it.
func TestSlackWeekSize(t *testing.T) {
	if n := unsafe.Sizeof(openItem{}); n > openItemBytes {
		t.Errorf("an openItem is %d bytes, more than the %d the cache counts", n, openItemBytes)
	}
	week := make([]planner.Item, 500) // a 50-member team's week
	for i := range week {
		week[i] = planner.Item{ID: int64(i + 1), UserID: "U1", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
			Kind: planner.KindVisit, Count: 1, Title: "visit", Status: planner.StatusPlanned}
	}
	for _, l := range plannertest.Langs {
		s := renderWeek(l, bot.WeekView{Week: plannertest.W47, Team: true, Viewer: "U1", Items: week})
		held, open := len(s.text.text)+len(s.text.json), 0
		for i, p := range s.parts {
			raw, ok := p.block.(rawBlock)
			if !ok {
				t.Errorf("%s: block %d is kept as %T, not as its JSON", l, i, p.block)
			}
			held += len(raw.json)
			open += len(p.open)
		}
		if open != len(week) {
			t.Errorf("%s: the rendering keeps %d open items, want %d", l, open, len(week))
		}
		if want := held + open*int(unsafe.Sizeof(openItem{})); s.size() < want {
			t.Errorf("%s: the rendering says it holds %d bytes, less than its text, blocks and open items (%d)", l, s.size(), want)
		}
	}
}

// TestWeekCacheConcurrent has many requests look at the same weeks while
// others change them; under the race detector it checks the cache's locking.
// Every answer must be its items rendered afresh, and once the changes stop,
// every view must be the one without the cache.
func TestWeekCacheConcurrent(t *testing.T) {
	cached, plain, _ := cachedAndPlain(t, filepath.Join(t.TempDir(), "planbot.db"))
	mustHandle(t, plain, plannertest.Ann, "tue visit 4 enterprises")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			who := []planner.Actor{plannertest.Ann, plannertest.Bob, plannertest.Carol}[g%3]
			for i := range 10 {
				if g == 0 {
					if r := handle(t, plain, plannertest.Bob, fmt.Sprintf("wed visit %d enterprises", i+1)); r.Body == nil {
						t.Error("Bob's add had no reply")
					} else if f, ok := r.Body.(bot.Failure); ok {
						t.Errorf("Bob's add failed: %v", f.Err)
					}
					continue
				}
				r := handle(t, cached, who, []string{"team", "week", "团队"}[i%3])
				if _, ok := r.Body.(bot.WeekView); !ok {
					t.Errorf("%s: %T, want a week view", who.UserName, r.Body)
					return
				}
				view := r.Body.(bot.WeekView) // the same view, as no cache keeps it
				fresh := bot.Reply{Lang: r.Lang, Body: bot.WeekView{Week: view.Week, Team: view.Team, TeamName: view.TeamName,
					Viewer: view.Viewer, Items: view.Items}}
				got, err := json.Marshal(NewSlackResponse(r))
				want, err2 := json.Marshal(NewSlackResponse(fresh))
				if err != nil || err2 != nil || string(got) != string(want) {
					t.Errorf("%s: a kept view differs from its items rendered afresh (%v, %v):\n%s\nwant:\n%s", who.UserName, err, err2, got, want)
				}
			}
		})
	}
	wg.Wait()
	for _, who := range []planner.Actor{plannertest.Ann, plannertest.Bob, plannertest.Carol} {
		for _, line := range []string{"team", "week", "团队"} {
			got := slackJSON(t, mustHandle(t, cached, who, line))
			if want := slackJSON(t, mustHandle(t, plain, who, line)); got != want {
				t.Errorf("after the changes, %s's %q from the cache:\n%s\nwant:\n%s", who.UserName, line, got, want)
			}
		}
	}
}
