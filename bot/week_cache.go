package bot

import (
	"encoding/json"
	"sync"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// A WeekCache keeps at most maxCachedWeeks views holding maxCachedItems items
// in all: a member's week and their team's for a thousand members, a few weeks
// each, in some 20 MB (an item and its share of the renderings ≈ 300 bytes).
const (
	maxCachedWeeks = 4096
	maxCachedItems = 60000
)

// WeekCache keeps the week views read last, with their Slack renderings, for
// as long as they are current: a member's week while the member's revision is
// unchanged, a team's while the team's is (planner.Member.Revision and
// planner.Team.Revision, which the database raises with every change to what
// the view shows, whoever writes it). Looking at a week again, or at the
// team's week a teammate looked at, then costs neither a read nor rendering:
// a 50-member team's week is 500 items. Each viewer's own buttons are added
// to the shared rendering per request.
//
// A nil *WeekCache keeps nothing. A WeekCache is safe for concurrent use; its
// zero value is empty and ready.
type WeekCache struct {
	mu    sync.Mutex
	weeks map[weekKey]*cachedWeek
	items int // the items of all views kept
}

// weekKey names a week view: a member's week, or the team's when user is "".
type weekKey struct {
	team, user string
	week       planner.Week
}

// cachedWeek is a week view's items as read at revision (or later), and its
// Slack renderings, one per language, made when first asked for.
type cachedWeek struct {
	revision int64
	items    []planner.Item

	mu    sync.Mutex
	slack map[planner.Lang]*slackWeek
}

// slackWeek is a week view rendered for Slack in one language, the same for
// every viewer: the fallback text and the blocks, each already JSON.
type slackWeek struct {
	text     string
	textJSON []byte
	parts    []weekPart // each block a rawBlock
}

// get returns the view of key if it is kept at revision, or nil. A view kept
// at an older revision is dropped: it can never be current again.
func (c *WeekCache) get(key weekKey, revision int64) *cachedWeek {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	w := c.weeks[key]
	switch {
	case w == nil:
		return nil
	case w.revision == revision:
		return w
	case w.revision < revision:
		c.drop(key, w)
	}
	return nil
}

// put keeps items as the view of key at revision and returns it, unless the
// cache keeps that view at a newer revision already (read by a request that
// began later) or the view alone holds more than maxCachedItems: then the
// view returned is the caller's alone. A nil cache returns nil. When the
// cache is full, arbitrary views make room (Go's map order): simpler than
// least-recently-used, and as good for views all looked at about as often on
// a Monday morning.
func (c *WeekCache) put(key weekKey, revision int64, items []planner.Item) *cachedWeek {
	if c == nil {
		return nil
	}
	w := &cachedWeek{revision: revision, items: items, slack: map[planner.Lang]*slackWeek{}}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.weeks == nil {
		c.weeks = map[weekKey]*cachedWeek{}
	}
	old := c.weeks[key]
	if old != nil && old.revision > revision || len(items) > maxCachedItems {
		return w
	}
	if old != nil {
		c.drop(key, old)
	}
	for other, kept := range c.weeks {
		if len(c.weeks) < maxCachedWeeks && c.items+len(items) <= maxCachedItems {
			break
		}
		c.drop(other, kept)
	}
	c.weeks[key] = w
	c.items += len(items)
	return w
}

// drop forgets view w of key. The caller holds c.mu.
func (c *WeekCache) drop(key weekKey, w *cachedWeek) {
	delete(c.weeks, key)
	c.items -= len(w.items)
}

// response is v's Slack response in lang: the shared rendering, made once per
// language, with v.Viewer's buttons added.
func (w *cachedWeek) response(lang planner.Lang, v WeekView) SlackResponse {
	shared := w.rendered(lang, v)
	b := &blocks{lang: lang, max: maxMessageBlocks}
	where := weekWhere(v, false)
	for _, p := range shared.parts {
		b.list = append(b.list, p.block)
		b.actions(b.ownButtons(p.open, v.Viewer, where)...)
	}
	return SlackResponse{ResponseType: slack.ResponseTypeEphemeral, Text: shared.text, textJSON: shared.textJSON,
		Blocks: slack.Blocks{BlockSet: b.list}}
}

// rendered returns v rendered in lang for any viewer, rendering it on first
// use. The lock makes requests that arrive together render it once.
func (w *cachedWeek) rendered(lang planner.Lang, v WeekView) *slackWeek {
	w.mu.Lock()
	defer w.mu.Unlock()
	if s := w.slack[lang]; s != nil {
		return s
	}
	parts, _ := weekParts(lang, v, maxMessageChars)
	for i, p := range parts {
		// Planbot's blocks hold only strings and numbers; one that did not
		// encode would stay as it is, and fail where it is sent.
		if data, err := json.Marshal(p.block); err == nil {
			parts[i].block = rawBlock{kind: p.block.BlockType(), id: p.block.ID(), json: data}
		}
	}
	text := Fallback(Reply{Lang: lang, Body: v})
	s := &slackWeek{text: text, textJSON: appendJSONString(nil, text), parts: parts}
	w.slack[lang] = s
	return s
}
