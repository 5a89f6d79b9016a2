package slack

import (
	"encoding/json"
	"net/http/httptest"
	"reflect"
	"strconv"
	"testing"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// structJSON encodes r as encoding/json does from its field tags, without
// SlackResponse's own MarshalJSON.
func structJSON(t *testing.T, r SlackResponse) []byte {
	t.Helper()
	type fields SlackResponse // the same fields, without the method
	data, err := json.Marshal(fields(r))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// decoded returns data decoded into generic values, for comparing meaning.
func decoded(t *testing.T, data []byte) any {
	t.Helper()
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		t.Fatalf("invalid JSON %q: %v", data, err)
	}
	return v
}

// TestSlackResponseJSON checks that the hand-written encoding means exactly
// what encoding/json makes of the fields, for replies of every shape: blocks
// with buttons, HTML-like text, no blocks, replace_original, and a week view
// from a WeekCache (blocks kept encoded); and that writeResponse sends it
// with its length.
func TestSlackResponseJSON(t *testing.T) {
	items := []planner.Item{{
		TeamID: "T1", ID: 1, UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
		Kind: planner.KindVisit, Count: 4, Title: "visit <!channel> & 4 enterprises", Status: planner.StatusPlanned,
	}}
	h := newHandler(t)
	storeWeek(t, h, items)
	edited := NewSlackResponse(bot.Reply{Lang: planner.English, Body: keptWeek(t, h, plannertest.Ann, false)})
	edited.Text = "a text set after the answer was made"
	responses := map[string]SlackResponse{
		"a kept week, its text edited": edited,
		"a week with buttons":          NewSlackResponse(bot.Reply{Lang: planner.English, Body: bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: items}}),
		"a kept week":                  NewSlackResponse(bot.Reply{Lang: planner.Chinese, Body: keptWeek(t, h, plannertest.Ann, true)}),
		"a failure":                    NewSlackResponse(bot.Reply{Lang: planner.Chinese, Body: bot.Failure{Err: planner.Errorf(planner.Invalid, planner.ReasonBadLang, "<x> & \"y\"")}}),
		"no blocks":                    {Text: "a < b && c > d \u2028"},
		"replacing":                    {ReplaceOriginal: true, Text: "ok", Blocks: slack.Blocks{BlockSet: []slack.Block{slack.NewDividerBlock()}}},
	}
	for name, r := range responses {
		t.Run(name, func(t *testing.T) {
			got, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			checkSlackMessage(t, got)
			if want := structJSON(t, r); !reflect.DeepEqual(decoded(t, got), decoded(t, want)) {
				t.Errorf("MarshalJSON:\n%s\nmeans something else than the fields:\n%s", got, want)
			}
			rec := httptest.NewRecorder()
			writeResponse(rec, r)
			body := rec.Body.Bytes()
			if !reflect.DeepEqual(decoded(t, body), decoded(t, got)) {
				t.Errorf("writeResponse sent %s, want %s", body, got)
			}
			if n := rec.Header().Get("Content-Length"); n != strconv.Itoa(len(body)) {
				t.Errorf("Content-Length %s for %d bytes", n, len(body))
			}
		})
	}
}
