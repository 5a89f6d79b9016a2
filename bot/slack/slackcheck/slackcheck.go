// Package slackcheck finds what in a Slack payload would make Slack refuse it:
// the rules of Block Kit that neither slack-go nor Slack's own SDK validators
// enforce (an action_id unique within its block, a block_id unique within a
// message or view), and its counts and lengths. It reads the JSON Slack would
// receive, so it checks exactly what is sent. Tests use it on every payload
// planbot renders; planbot itself does not.
//
// The figures are Slack's, from docs.slack.dev:
//   - reference/block-kit/blocks/actions-block: at most 25 elements; a block_id
//     of at most 255 characters, unique for each message (the same on every block page).
//   - reference/block-kit/blocks/section-block: text at most 3000 characters,
//     at most 10 fields of at most 2000.
//   - reference/block-kit/blocks/header-block: plain_text of at most 150.
//   - reference/block-kit/blocks/context-block: at most 10 elements.
//   - reference/block-kit/block-elements/button-element: text (plain_text) at
//     most 75, value at most 2000, url at most 3000, action_id at most 255 and
//     "unique among all other action_ids in the containing block".
//   - reference/block-kit/block-elements/plain-text-input-element: max_length
//     1..3000; placeholders at most 150 (every element that has one).
//   - reference/methods/views.publish: a view of at most 250 kB.
//   - reference/block-kit/composition-objects/option-object: text at most 75,
//     value at most 150; a static select holds at most 100 options.
//   - reference/block-kit/blocks/input-block: label and hint at most 2000.
//   - reference/views/modal-views: title (required),
//     submit and close plain_text of at most 24; submit required with an input
//     block; private_metadata at most 3000; callback_id at most 255.
//   - reference/block-kit/blocks: "up to 50 blocks in each message, and 100
//     blocks in modals or Home tabs".
//   - slackapi/bolt-js issues 2509 and 2867 (not documented): Slack answers
//     msg_blocks_too_long from roughly 12,000 characters of text in a message.
//   - reference/methods/chat.postMessage: text is the fallback for
//     notifications and screen readers; planbot always sends one, and keeps it
//     under the 4000 characters Slack recommends.
package slackcheck

import (
	"encoding/json"
	"fmt"
	"net/url"
	"unicode/utf8"
)

// Slack's limits; see the package comment for where each comes from.
const (
	maxMessageBlocks   = 50
	maxViewBlocks      = 100
	maxMessageText     = 12000 // all the text of a message's blocks
	maxFallback        = 4000
	maxID              = 255
	maxTextObject      = 3000
	maxSectionFields   = 10
	maxFieldText       = 2000
	maxHeaderText      = 150
	maxContextElements = 10
	maxActionElements  = 25
	maxButtonText      = 75
	maxButtonValue     = 2000
	maxURL             = 3000
	maxPlaceholder     = 150
	maxInputLength     = 3000
	maxOptions         = 100
	maxOptionText      = 75
	maxOptionValue     = 150
	maxLabel           = 2000
	maxModalButton     = 24
	maxPrivateMetadata = 3000
	maxViewBytes       = 250 << 10
)

// Message lists what in a message would make Slack refuse it: payload is a
// chat.postMessage body or a response (a slash command's answer, a
// response_url post), as JSON with "text" and "blocks".
func Message(payload []byte) []string {
	var msg map[string]any
	if err := json.Unmarshal(payload, &msg); err != nil {
		return []string{fmt.Sprintf("not a JSON object: %v", err)}
	}
	c := &checker{}
	text, _ := msg["text"].(string)
	switch n := utf8.RuneCountInString(text); {
	case n == 0:
		c.add("text", "no fallback text")
	case n > maxFallback:
		c.add("text", "fallback of %d characters, keep it under %d", n, maxFallback)
	}
	blocks, _ := msg["blocks"].([]any)
	c.blocks(blocks, maxMessageBlocks)
	if n := TextChars(blocks); n > maxMessageText {
		c.add("blocks", "%d characters of text, msg_blocks_too_long from about %d", n, maxMessageText)
	}
	return c.problems
}

// Blocks lists what in a list of blocks alone (JSON) would make Slack refuse
// it, in a message when max is 50 or in a view when it is 100: for a part of a
// message; Message and View check the whole.
func Blocks(blocks []byte, max int) []string {
	var list []any
	if err := json.Unmarshal(blocks, &list); err != nil {
		return []string{fmt.Sprintf("not a JSON array: %v", err)}
	}
	c := &checker{}
	c.blocks(list, max)
	return c.problems
}

// PostMessage lists what in a chat.postMessage sent as a form (as slack-go
// sends it: blocks as a JSON string) would make Slack refuse it.
func PostMessage(form url.Values) []string {
	blocks := json.RawMessage("null")
	if s := form.Get("blocks"); s != "" {
		blocks = json.RawMessage(s)
	}
	payload, err := json.Marshal(map[string]any{"text": form.Get("text"), "blocks": blocks})
	if err != nil {
		return []string{fmt.Sprintf("blocks are not JSON: %v", err)}
	}
	return Message(payload)
}

// View lists what in a view (a modal or a Home tab, the "view" object of
// views.open or views.publish) would make Slack refuse it.
func View(view []byte) []string {
	var v map[string]any
	if err := json.Unmarshal(view, &v); err != nil {
		return []string{fmt.Sprintf("not a JSON object: %v", err)}
	}
	c := &checker{}
	if len(view) > maxViewBytes {
		c.add("view", "%d bytes, at most %d", len(view), maxViewBytes)
	}
	blocks, _ := v["blocks"].([]any)
	c.blocks(blocks, maxViewBlocks)
	switch v["type"] {
	case "modal":
		c.plain(v, "title", "title", maxModalButton, true)
		c.plain(v, "close", "close", maxModalButton, false)
		c.plain(v, "submit", "submit", maxModalButton, hasInput(blocks))
	case "home":
	default:
		c.add("type", "view of type %v, want modal or home", v["type"])
	}
	c.length(v, "private_metadata", "private_metadata", maxPrivateMetadata)
	c.length(v, "callback_id", "callback_id", maxID)
	c.length(v, "external_id", "external_id", maxID)
	return c.problems
}

// checker collects problems, each with where it is.
type checker struct {
	problems []string
}

func (c *checker) add(where, format string, args ...any) {
	c.problems = append(c.problems, where+": "+fmt.Sprintf(format, args...))
}

// blocks checks a list of at most max blocks and the ids in them.
func (c *checker) blocks(blocks []any, max int) {
	if len(blocks) > max {
		c.add("blocks", "%d blocks, at most %d", len(blocks), max)
	}
	ids := map[string]int{}
	for i, raw := range blocks {
		where := fmt.Sprintf("blocks[%d]", i)
		b, ok := raw.(map[string]any)
		if !ok {
			c.add(where, "not an object")
			continue
		}
		if id, ok := b["block_id"].(string); ok {
			if first, seen := ids[id]; seen {
				c.add(where, "block_id %q also on blocks[%d]", id, first)
			} else {
				ids[id] = i
			}
			c.length(b, "block_id", where+".block_id", maxID)
		}
		c.block(where, b)
	}
}

// block checks one block by its type.
func (c *checker) block(where string, b map[string]any) {
	switch b["type"] {
	case "section":
		fields, _ := b["fields"].([]any)
		if b["text"] == nil && len(fields) == 0 {
			c.add(where, "a section with neither text nor fields")
		}
		if b["text"] != nil {
			c.text(b, "text", where+".text", maxTextObject)
		}
		if len(fields) > maxSectionFields {
			c.add(where, "%d fields, at most %d", len(fields), maxSectionFields)
		}
		for i := range fields {
			c.text(fields, i, fmt.Sprintf("%s.fields[%d]", where, i), maxFieldText)
		}
		if acc, ok := b["accessory"].(map[string]any); ok {
			c.elements(where, []any{acc})
		}
	case "header":
		c.plain(b, "text", where+".text", maxHeaderText, true)
	case "context":
		elems, _ := b["elements"].([]any)
		if len(elems) == 0 || len(elems) > maxContextElements {
			c.add(where, "%d elements in a context block, want 1..%d", len(elems), maxContextElements)
		}
		for i, e := range elems {
			if e, ok := e.(map[string]any); ok && e["type"] != "image" {
				c.text(elems, i, fmt.Sprintf("%s.elements[%d]", where, i), maxTextObject)
			}
		}
	case "actions":
		elems, _ := b["elements"].([]any)
		if len(elems) == 0 || len(elems) > maxActionElements {
			c.add(where, "%d elements in an actions block, want 1..%d", len(elems), maxActionElements)
		}
		c.elements(where, elems)
	case "input":
		c.plain(b, "label", where+".label", maxLabel, true)
		if b["hint"] != nil {
			c.plain(b, "hint", where+".hint", maxLabel, true)
		}
		el, ok := b["element"].(map[string]any)
		if !ok {
			c.add(where, "an input block without an element")
			break
		}
		c.elements(where, []any{el})
	case "divider":
	case "image":
		c.length(b, "alt_text", where+".alt_text", maxLabel)
		c.length(b, "image_url", where+".image_url", maxURL)
	default:
		c.add(where, "block of unknown type %v", b["type"])
	}
}

// elements checks the interactive elements of one block: their action_ids
// unique within it, and each by its type.
func (c *checker) elements(block string, elems []any) {
	ids := map[string]int{}
	for i, raw := range elems {
		where := fmt.Sprintf("%s.elements[%d]", block, i)
		e, ok := raw.(map[string]any)
		if !ok {
			c.add(where, "not an object")
			continue
		}
		if id, ok := e["action_id"].(string); ok {
			if first, seen := ids[id]; seen {
				c.add(where, "action_id %q also on element %d of the same block: Slack refuses the message", id, first)
			} else {
				ids[id] = i
			}
			c.length(e, "action_id", where+".action_id", maxID)
		}
		if e["placeholder"] != nil {
			c.plain(e, "placeholder", where+".placeholder", maxPlaceholder, true)
		}
		switch e["type"] {
		case "button":
			c.plain(e, "text", where+".text", maxButtonText, true)
			c.length(e, "value", where+".value", maxButtonValue)
			c.length(e, "url", where+".url", maxURL)
			if s, ok := e["style"].(string); ok && s != "primary" && s != "danger" {
				c.add(where, "button style %q, want primary or danger", s)
			}
		case "plain_text_input":
			for _, key := range []string{"max_length", "min_length"} {
				if n, ok := e[key].(float64); ok && (n < 0 || n > maxInputLength || key == "max_length" && n < 1) {
					c.add(where, "%s %v, want at most %d", key, n, maxInputLength)
				}
			}
		case "static_select":
			opts, _ := e["options"].([]any)
			if len(opts) == 0 || len(opts) > maxOptions {
				c.add(where, "%d options, want 1..%d", len(opts), maxOptions)
			}
			for j, o := range opts {
				if o, ok := o.(map[string]any); ok {
					ow := fmt.Sprintf("%s.options[%d]", where, j)
					c.plain(o, "text", ow+".text", maxOptionText, true)
					c.length(o, "value", ow+".value", maxOptionValue)
				}
			}
		case "datepicker", "number_input", "image":
		default:
			c.add(where, "element of unknown type %v", e["type"])
		}
	}
}

// text checks the text object at parent[key]: plain_text or mrkdwn, of 1..max characters.
func (c *checker) text(parent any, key any, where string, max int) {
	obj, _ := index(parent, key).(map[string]any)
	if obj == nil {
		c.add(where, "missing text object")
		return
	}
	if t := obj["type"]; t != "plain_text" && t != "mrkdwn" {
		c.add(where, "text of type %v, want plain_text or mrkdwn", t)
	}
	s, _ := obj["text"].(string)
	if n := utf8.RuneCountInString(s); n == 0 || n > max {
		c.add(where, "text of %d characters, want 1..%d", n, max)
	}
}

// plain checks the plain_text object at obj[key], if it is there or required.
func (c *checker) plain(obj map[string]any, key, where string, max int, required bool) {
	if obj[key] == nil {
		if required {
			c.add(where, "missing")
		}
		return
	}
	c.text(obj, key, where, max)
	if t, _ := obj[key].(map[string]any); t["type"] != "plain_text" {
		c.add(where, "of type %v, want plain_text", t["type"])
	}
}

// length checks that the string obj[key], if any, has at most max characters.
func (c *checker) length(obj map[string]any, key, where string, max int) {
	if s, ok := obj[key].(string); ok {
		if n := utf8.RuneCountInString(s); n > max {
			c.add(where, "%d characters, at most %d", n, max)
		}
	}
}

// index returns parent[key] of a JSON object or array.
func index(parent any, key any) any {
	switch p := parent.(type) {
	case map[string]any:
		return p[key.(string)]
	case []any:
		return p[key.(int)]
	}
	return nil
}

// hasInput reports whether blocks hold an input block.
func hasInput(blocks []any) bool {
	for _, b := range blocks {
		if b, ok := b.(map[string]any); ok && b["type"] == "input" {
			return true
		}
	}
	return false
}

// TextChars counts the characters of every text in v, a payload decoded from
// JSON: what Slack counts towards msg_blocks_too_long. Values, ids and types
// are not text.
func TextChars(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		for k, e := range v {
			if s, ok := e.(string); ok && k == "text" {
				n += utf8.RuneCountInString(s)
			} else {
				n += TextChars(e)
			}
		}
	case []any:
		for _, e := range v {
			n += TextChars(e)
		}
	}
	return n
}
