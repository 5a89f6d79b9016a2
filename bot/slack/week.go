package slack

import (
	"encoding/json"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// openItemBytes is about the memory a week rendering holds for each of its
// open items (its buttons are added per viewer).
const openItemBytes = 24

// slackWeek is a week view rendered for Slack in one language, the same for
// every viewer: the fallback text and the blocks, each already JSON.
type slackWeek struct {
	text  encodedText
	parts []weekPart // each block a rawBlock
}

// size is about the memory s holds.
func (s *slackWeek) size() int {
	n := len(s.text.text) + len(s.text.json)
	for _, p := range s.parts {
		n += openItemBytes * len(p.open)
		if raw, ok := p.block.(rawBlock); ok {
			n += len(raw.json)
		}
	}
	return n
}

// weekResponse is v's Slack response in lang: the shared rendering, made
// once per language while the week cache keeps v, with v.Viewer's buttons added.
func weekResponse(lang planner.Lang, v bot.WeekView) SlackResponse {
	shared := v.Rendered(slackWeekKey{lang}, func() (any, int) {
		s := renderWeek(lang, v)
		return s, s.size()
	}).(*slackWeek)
	b := &blocks{lang: lang, max: maxMessageBlocks}
	b.addWeekParts(shared.parts, v.Viewer, weekWhere(v, false))
	return SlackResponse{ResponseType: slack.ResponseTypeEphemeral, Text: shared.text.text, textJSON: &shared.text,
		Blocks: slack.Blocks{BlockSet: b.list}}
}

// slackWeekKey names a week view's Slack rendering in one language.
type slackWeekKey struct{ lang planner.Lang }

// renderWeek renders v in lang for any viewer.
func renderWeek(lang planner.Lang, v bot.WeekView) *slackWeek {
	parts, _ := weekParts(lang, v, maxMessageChars)
	for i, p := range parts {
		// Planbot's blocks hold only strings and numbers; one that did not
		// encode would stay as it is, and fail where it is sent.
		if data, err := json.Marshal(p.block); err == nil {
			parts[i].block = rawBlock{kind: p.block.BlockType(), id: p.block.ID(), json: data}
		}
	}
	text := Fallback(bot.Reply{Lang: lang, Body: v})
	return &slackWeek{text: encodedText{text: text, json: appendJSONString(nil, text)}, parts: parts}
}
