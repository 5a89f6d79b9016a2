package slack

import (
	"bytes"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"sync"

	"github.com/slack-go/slack"
)

// MarshalJSON encodes the response as its fields' tags say, with its text as
// it is (no HTML escaping: Slack reads "<" and "&" in it itself) and blocks
// already encoded (a WeekCache's, as is its text) written as they are.
//
// Hand-written because encoding/json checks and compacts again whatever a
// Marshaler returns, at every level: a 50-member team's week is 20 kB of
// blocks, and those passes were two thirds of answering it from the cache.
func (r SlackResponse) MarshalJSON() ([]byte, error) {
	return r.appendJSON(nil)
}

// appendJSON appends the response's JSON to buf.
func (r SlackResponse) appendJSON(buf []byte) ([]byte, error) {
	size := 128 + 2*len(r.Text)
	for _, b := range r.Blocks.BlockSet {
		size += 512
		if raw, ok := b.(rawBlock); ok {
			size += len(raw.json)
		}
	}
	buf = slices.Grow(buf, size)
	buf = append(buf, '{')
	if r.ResponseType != "" {
		buf = append(buf, `"response_type":`...)
		buf = appendJSONString(buf, r.ResponseType)
		buf = append(buf, ',')
	}
	if r.ReplaceOriginal {
		buf = append(buf, `"replace_original":true,`...)
	}
	buf = append(buf, `"text":`...)
	if r.textJSON != nil && r.textJSON.text == r.Text {
		buf = append(buf, r.textJSON.json...)
	} else {
		buf = appendJSONString(buf, r.Text)
	}
	buf = append(buf, `,"blocks":`...)
	if r.Blocks.BlockSet == nil {
		return append(buf, "null}"...), nil
	}
	buf = append(buf, '[')
	for i, b := range r.Blocks.BlockSet {
		if i > 0 {
			buf = append(buf, ',')
		}
		if raw, ok := b.(rawBlock); ok {
			buf = append(buf, raw.json...)
			continue
		}
		data, err := json.Marshal(b)
		if err != nil {
			return nil, err
		}
		buf = append(buf, data...)
	}
	return append(buf, "]}"...), nil
}

// encodedText is a text and its JSON string.
type encodedText struct {
	text string
	json []byte
}

// appendJSONString appends s as a JSON string, without HTML escaping.
func appendJSONString(buf []byte, s string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(s) // a string always encodes
	return append(buf, bytes.TrimSuffix(b.Bytes(), []byte("\n"))...)
}

// responseBuffers hold answers being written: a team's week is 20 kB, and a
// new buffer for each answer kept the garbage collector busy.
var responseBuffers = sync.Pool{New: func() any { return new([]byte) }}

// maxPooledBuffer is the largest buffer kept for the next answer.
const maxPooledBuffer = 256 << 10

// writeResponse writes a slash command's answer.
func writeResponse(w http.ResponseWriter, r SlackResponse) {
	w.Header().Set("Content-Type", "application/json")
	buf := responseBuffers.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxPooledBuffer {
			responseBuffers.Put(buf)
		}
	}()
	body, err := r.appendJSON((*buf)[:0])
	if err != nil {
		http.Error(w, "cannot encode the answer", http.StatusInternalServerError)
		return
	}
	*buf = append(body, '\n')
	w.Header().Set("Content-Length", strconv.Itoa(len(*buf)))
	_, _ = w.Write(*buf) // the client is gone if this fails; nothing to do
}

// rawBlock is a block already encoded as JSON (a WeekCache's), sent as it is.
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
