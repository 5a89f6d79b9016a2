package bot

import (
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The week cache's own behaviour: what it keeps, how much, for how long, and
// the renderings it keeps with a view. bot/slack's tests check that its Slack
// answers are those of a handler without a cache.

// renderKey names a test's rendering of a week view, as a platform names its own.
type renderKey struct{ lang planner.Lang }

// renderingBytes is what a test's rendering of a team's week says it holds:
// about a Slack rendering of a 50-member team's week.
const renderingBytes = 48 << 10

// TestWeekCacheBounded checks that the cache holds at most maxCachedBytes of
// views and renderings (a platform's, as WeekView.Rendered keeps them), always the view just put, never a view alone too
// large, never an older view over a newer one, and drops a view once a newer
// revision is asked for.
func TestWeekCacheBounded(t *testing.T) {
	var c WeekCache
	key := func(i int) weekKey { return weekKey{team: "T1", user: fmt.Sprintf("U%d", i), week: plannertest.W47} }
	within := func(what string) {
		t.Helper()
		sum := 0
		for _, w := range c.weeks {
			sum += w.size
		}
		if c.bytes != sum || c.bytes > maxCachedBytes {
			t.Fatalf("%s: the cache counts %d bytes, its views %d; at most %d", what, c.bytes, sum, maxCachedBytes)
		}
		if len(c.weeks) > maxCachedWeeks {
			t.Fatalf("%s: the cache keeps %d views, at most %d", what, len(c.weeks), maxCachedWeeks)
		}
	}
	for i := range maxCachedBytes/viewBytes + 10 { // empty weeks
		c.put(key(i), 1, nil)
		if c.get(key(i), 1) == nil {
			t.Fatalf("empty week %d just put is not kept", i)
		}
	}
	within("after many empty weeks")

	week := make([]planner.Item, 500) // a 50-member team's week
	for i := range week {
		week[i] = planner.Item{ID: int64(i + 1), UserID: "U1", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
			Kind: planner.KindVisit, Count: 1, Title: "visit", Status: planner.StatusPlanned}
	}
	for i := range 3 * maxCachedBytes / (2 * itemBytes * len(week)) {
		w := c.put(key(i), 2, week)
		WeekView{Week: plannertest.W47, Team: true, Viewer: "U1", Items: week, cached: w}.Rendered(renderKey{"zh"}, func() (any, int) {
			return "a platform's rendering", renderingBytes
		})
		if c.get(key(i), 2) == nil {
			t.Fatalf("team week %d just put and rendered is not kept", i)
		}
		if unrendered := viewBytes + itemBytes*len(week); w.size < unrendered+renderingBytes {
			t.Fatalf("team week %d rendered counts %d bytes, less than unrendered (%d) and its rendering (%d)", i, w.size, unrendered, renderingBytes)
		}
	}
	within("after team weeks")
	huge := make([]planner.Item, maxCachedBytes/itemBytes+1)
	if w := c.put(key(0), 3, huge); w == nil || c.get(key(0), 3) != nil {
		t.Errorf("a view larger than the whole cache: put returned %v, and it is kept: %v", w, c.get(key(0), 3) != nil)
	}
	within("after a huge week")

	c.put(key(1), 5, nil)
	c.put(key(1), 4, nil) // read by a request that began before the change to 5
	if c.get(key(1), 5) == nil {
		t.Error("an older view replaced a newer one")
	}
	if c.get(key(1), 6) != nil || c.weeks[key(1)] != nil {
		t.Error("a view asked for at a newer revision is still kept")
	}
	within("after revisions")

	var none *WeekCache
	if none.put(weekKey{}, 1, nil) != nil || none.get(weekKey{}, 1) != nil {
		t.Error("a nil WeekCache kept a view")
	}
	if n := unsafe.Sizeof(planner.Item{}); n > itemBytes {
		t.Errorf("a planner.Item is %d bytes, more than the %d the cache counts", n, itemBytes)
	}
}

// A team's views at an older revision are dropped as soon as a newer one is
// seen, so a team that keeps changing does not fill the cache with views that
// can never be current again; other teams' views stay.
func TestWeekCacheDropsStaleViews(t *testing.T) {
	var c WeekCache
	key := func(team string, i int) weekKey {
		return weekKey{team: team, user: fmt.Sprintf("U%d", i), week: plannertest.W47}
	}
	for i := range 50 {
		c.put(key("T1", i), 1, nil)
		c.put(key("T2", i), 7, nil)
	}
	c.put(key("T1", 0), 2, nil) // a member of T1 added an item
	if n := len(c.weeks); n != 51 {
		t.Errorf("after T1 changed the cache keeps %d views, want T1's new one and T2's 50", n)
	}
	if c.get(key("T2", 3), 7) == nil {
		t.Error("another team's current view was dropped")
	}
	if c.get(key("T1", 3), 3) != nil || len(c.weeks) != 50 {
		t.Errorf("a read at T1's next revision keeps %d views, want T2's 50 only", len(c.weeks))
	}
	if c.put(key("T1", 4), 2, nil); c.weeks[key("T1", 4)] != nil {
		t.Error("a view read before T1's newest revision was kept")
	}
	sum := 0
	for _, w := range c.weeks {
		sum += w.size
	}
	if sum != c.bytes {
		t.Errorf("the cache counts %d bytes, its views %d", c.bytes, sum)
	}
}

// A kept view's rendering is made once per key, by the first request that
// asks, even when several ask together, and is counted in the cache's bytes.
// A view dropped meanwhile keeps its renderings for the requests that hold
// it, counting nothing; a view no cache keeps is rendered on every ask.
func TestWeekViewRendered(t *testing.T) {
	var c WeekCache
	key := weekKey{team: "T1", user: "U1", week: plannertest.W47}
	var renders atomic.Int64
	render := func() (any, int) { return renders.Add(1), 100 }

	kept := c.put(key, 1, nil)
	view := WeekView{Week: plannertest.W47, Viewer: "U1", cached: kept}
	before := c.bytes
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if got := view.Rendered(renderKey{planner.English}, render); got != int64(1) {
				t.Errorf("a request got rendering %v, want the first, 1", got)
			}
		})
	}
	wg.Wait()
	if n := renders.Load(); n != 1 {
		t.Errorf("8 requests rendered a kept view %d times, want once", n)
	}
	if kept.size != viewBytes+100 || c.bytes != before+100 {
		t.Errorf("after one rendering the view counts %d bytes and the cache %d, want %d and %d", kept.size, c.bytes, viewBytes+100, before+100)
	}
	// Another request finds the view, and its rendering with it.
	again := WeekView{Week: plannertest.W47, Viewer: "U1", cached: c.get(key, 1)}
	if got := again.Rendered(renderKey{planner.English}, render); got != int64(1) || renders.Load() != 1 {
		t.Errorf("a later request got rendering %v after %d renders, want the kept 1", got, renders.Load())
	}
	// Another language is another rendering, kept beside the first.
	if got := again.Rendered(renderKey{planner.Chinese}, render); got != int64(2) {
		t.Errorf("the rendering in another language is %v, want a new one, 2", got)
	}
	if c.bytes != before+200 {
		t.Errorf("the cache counts %d bytes after two renderings, want %d", c.bytes, before+200)
	}

	// A view read at a revision the cache has dropped is its reader's alone.
	if c.get(key, 2) != nil {
		t.Fatal("a view at an older revision is still kept")
	}
	renders.Store(0)
	counted := c.bytes
	for range 2 {
		view.Rendered(renderKey{"fr"}, render)
	}
	if renders.Load() != 1 || c.bytes != counted {
		t.Errorf("a dropped view rendered %d times and the cache counts %d bytes (was %d), want 1 rendering kept by its holder and nothing counted",
			renders.Load(), c.bytes, counted)
	}

	// A view no cache keeps is rendered every time.
	renders.Store(0)
	alone := WeekView{Week: plannertest.W47, Viewer: "U1"}
	for i := range 3 {
		if got := alone.Rendered(renderKey{planner.English}, render); got != int64(i+1) {
			t.Errorf("look %d at a view no cache keeps gave rendering %v, want a new one, %d", i+1, got, i+1)
		}
	}
}

// Through a handler, looking at a week again costs no rendering, and a change
// to the team's items makes the next look render afresh.
func TestWeekCacheRendersOnce(t *testing.T) {
	h := newHandler(t)
	h.Weeks = &WeekCache{}
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	renders := 0
	render := func() (any, int) { renders++; return renders, 100 }
	look := func(who planner.Actor, line string) any {
		t.Helper()
		v, ok := mustHandle(t, h, who, line).Body.(WeekView)
		if !ok {
			t.Fatalf("%s: %q is no week view", who.UserName, line)
		}
		return v.Rendered(renderKey{planner.English}, render)
	}
	for _, tt := range []struct {
		who     planner.Actor
		line    string
		want    int // the rendering the look gets
		renders int // renders so far
	}{
		{plannertest.Ann, "team", 1, 1},
		{plannertest.Ann, "team", 1, 1},
		{plannertest.Bob, "team", 1, 1}, // a teammate shares the team's view
		{plannertest.Ann, "week", 2, 2}, // Ann's own week is another view
		{plannertest.Ann, "week", 2, 2},
	} {
		if got := look(tt.who, tt.line); got != tt.want || renders != tt.renders {
			t.Errorf("%s's %q got rendering %v after %d renders, want %d after %d", tt.who.UserName, tt.line, got, renders, tt.want, tt.renders)
		}
	}
	mustHandle(t, h, plannertest.Bob, "wed visit 2 enterprises")
	if got := look(plannertest.Ann, "team"); got != 3 || renders != 3 {
		t.Errorf("after Bob's add the team's week got rendering %v after %d renders, want a new one, 3", got, renders)
	}
}
