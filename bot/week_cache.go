package bot

import (
	"sync"

	"planbot/planner"
)

// A WeekCache holds at most maxCachedWeeks views and maxCachedBytes of them,
// as it counts them: each view viewBytes, each item itemBytes (above a
// planner.Item's size: a test keeps it so) and the length of its
// strings, each rendering its length. A team needs a view for each member and
// one for the team: the bounds hold twenty teams of fifty (BENCHMARKS.md has
// what that costs in memory).
const (
	maxCachedWeeks = 2048
	maxCachedBytes = 32 << 20
	viewBytes      = 512
	itemBytes      = 304
)

// WeekCache keeps the week views read last, with their renderings, for
// as long as they are current: while their team's revision is unchanged
// (planner.Team.Revision, which the database raises with every change to what
// the team's views show, whoever writes it). Looking at a week again, or at
// the team's week a teammate looked at, then costs neither a read nor
// rendering: a 50-member team's week is 500 items. Each viewer's own buttons
// are added to the shared rendering per request.
//
// A nil *WeekCache keeps nothing. A WeekCache is safe for concurrent use; its
// zero value is empty and ready.
type WeekCache struct {
	mu    sync.Mutex
	weeks map[weekKey]*cachedWeek
	bytes int // the size of all views kept
	// teams holds each team's views and the newest revision seen of it: views
	// at an older one can never be current again and are dropped at once,
	// rather than fill the cache while the team keeps changing.
	teams map[string]*teamWeeks
}

// teamWeeks is what a WeekCache keeps of one team.
type teamWeeks struct {
	revision int64
	weeks    map[weekKey]*cachedWeek
}

// weekKey names a week view: a member's week, or the team's when user is "".
type weekKey struct {
	team, user string
	week       planner.Week
}

// cachedWeek is a week view's items as read at revision (or later), and its
// renderings (a platform's, in one language), made when first asked for.
type cachedWeek struct {
	revision int64
	items    []planner.Item
	key      weekKey
	cache    *WeekCache
	size     int // counted in cache.bytes while kept; guarded by cache.mu

	mu         sync.Mutex
	renderings map[any]any
}

// Rendered returns the rendering of v named key (a platform's, in one
// language: the same for every viewer), made by render on first use and kept
// with the view while the cache keeps it; render also says about how many
// bytes it holds. A view the cache does not keep is rendered every time. The
// lock makes requests that arrive together render it once.
func (v WeekView) Rendered(key any, render func() (any, int)) any {
	w := v.cached
	if w == nil {
		r, _ := render()
		return r
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if r, ok := w.renderings[key]; ok {
		return r
	}
	r, size := render()
	w.renderings[key] = r
	w.cache.mu.Lock()
	w.cache.grow(w, size)
	w.cache.mu.Unlock()
	return r
}

// get returns the view of key if it is kept at revision, or nil. A view kept
// at an older revision is dropped: it can never be current again.
func (c *WeekCache) get(key weekKey, revision int64) *cachedWeek {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.advance(key.team, revision)
	if w := c.weeks[key]; w != nil && w.revision == revision {
		return w
	}
	return nil
}

// advance notes that team is at revision (or later) and drops its views of
// older revisions. The caller holds c.mu.
func (c *WeekCache) advance(team string, revision int64) {
	t := c.teams[team]
	if t == nil || t.revision >= revision {
		return
	}
	t.revision = revision
	for _, w := range t.weeks {
		if w.revision < revision {
			c.drop(w)
		}
	}
}

// put keeps items as the view of key at revision and returns it, unless the
// cache keeps that view at a newer revision already (read by a request that
// began later) or the view alone is larger than the cache: then the view
// returned is the caller's alone. A nil cache returns nil.
func (c *WeekCache) put(key weekKey, revision int64, items []planner.Item) *cachedWeek {
	if c == nil {
		return nil
	}
	w := &cachedWeek{revision: revision, items: items, key: key, cache: c, renderings: map[any]any{}}
	size := viewBytes
	for _, it := range items {
		size += itemBytes + len(it.TeamID) + len(it.UserID) + len(it.UserName) + len(it.Place) + len(it.Title) + len(it.Outcome)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.weeks == nil {
		c.weeks, c.teams = map[weekKey]*cachedWeek{}, map[string]*teamWeeks{}
	}
	c.advance(key.team, revision)
	t := c.teams[key.team]
	if t == nil {
		t = &teamWeeks{revision: revision, weeks: map[weekKey]*cachedWeek{}}
		c.teams[key.team] = t
	}
	old := c.weeks[key]
	if revision < t.revision || old != nil && old.revision > revision || size > maxCachedBytes {
		return w
	}
	if old != nil {
		c.drop(old)
	}
	c.weeks[key] = w
	t.weeks[key] = w
	c.grow(w, size)
	return w
}

// grow counts n more bytes for w, if it is kept, and makes room for them
// (and for w itself, when the cache holds more than maxCachedWeeks views).
// When the cache is full, arbitrary views make room (Go's map order): simpler
// than least-recently-used, and as good for views all looked at about as
// often on a Monday morning. The caller holds c.mu.
func (c *WeekCache) grow(w *cachedWeek, n int) {
	if c.weeks[w.key] != w {
		return // dropped meanwhile
	}
	w.size += n
	c.bytes += n
	for _, other := range c.weeks {
		if c.bytes <= maxCachedBytes && len(c.weeks) <= maxCachedWeeks {
			break
		}
		if other != w {
			c.drop(other)
		}
	}
}

// drop forgets view w. The caller holds c.mu.
func (c *WeekCache) drop(w *cachedWeek) {
	delete(c.weeks, w.key)
	c.bytes -= w.size
	if t := c.teams[w.key.team]; t != nil {
		delete(t.weeks, w.key) // the team's revision stays: a few bytes for each team
	}
}
