package bot

import (
	"encoding/json"
	"sync"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// maxCachedWeeks is the most week views a WeekCache keeps: a member's week
// and their team's for a thousand members and a few weeks each.
const maxCachedWeeks = 4096

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

// get returns the view of key if it is kept at revision, or nil.
func (c *WeekCache) get(key weekKey, revision int64) *cachedWeek {
	if c == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if w := c.weeks[key]; w != nil && w.revision == revision {
		return w
	}
	return nil
}

// put keeps items as the view of key at revision and returns it; a nil
// cache returns nil. When the cache is full, an arbitrary view makes room
// (Go's map order): simpler than least-recently-used, and as good for views
// that are all looked at about as often on a Monday morning.
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
	if _, ok := c.weeks[key]; !ok && len(c.weeks) >= maxCachedWeeks {
		for old := range c.weeks {
			delete(c.weeks, old)
			break
		}
	}
	c.weeks[key] = w
	return w
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

// rawBlock is a block already encoded as JSON, sent as it is.
type rawBlock struct {
	kind slack.MessageBlockType
	id   string
	json []byte
}

// BlockType returns the type of the block encoded.
func (r rawBlock) BlockType() slack.MessageBlockType { return r.kind }

// ID returns the block id of the block encoded.
func (r rawBlock) ID() string { return r.id }

// MarshalJSON returns the block as encoded.
func (r rawBlock) MarshalJSON() ([]byte, error) { return r.json, nil }
