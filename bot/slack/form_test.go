package slack

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// jsonObject is v as Slack receives it, decoded as a generic JSON object.
func jsonObject(t *testing.T, v any) map[string]any {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("marshal %T: %v", v, err)
	}
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("unmarshal %T: %v", v, err)
	}
	return out
}

func TestNewItemForm(t *testing.T) {
	ids := []string{"title", "start", "end", "kind", "count", "place"}
	for _, tt := range []struct {
		lang   planner.Lang
		day    string
		labels []string
		kinds  []string
	}{
		{planner.English, "2025-11-17",
			[]string{"What", "Day", "Until (for several days)", "Kind", "How many (enterprises, meetings…)", "Where to (for a trip)"},
			[]string{"trip", "signing", "fund", "reception", "visit", "event", "training", "review", "meeting", "leave", "other"}},
		{planner.Chinese, "2026-02-28",
			[]string{"事项", "日期", "结束日期（多天时）", "类型", "数量（企业家数、场次等）", "目的地（出差时）"},
			[]string{"出差", "签约", "基金", "接待", "拜访", "活动", "培训", "复盘", "会议", "请假", "其他"}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			form := newItemForm(tt.lang, plannertest.Day(t, tt.day))
			checkSlackView(t, form)
			view := jsonObject(t, form)
			if view["type"] != "modal" || view["callback_id"] != "new_item" {
				t.Errorf("type %v, callback_id %v; want a modal new_item", view["type"], view["callback_id"])
			}
			for _, key := range []string{"title", "submit", "close"} {
				if s := textOf(view, key); s == "" || utf8.RuneCountInString(s) > 24 {
					t.Errorf("%s %q, want 1..24 characters", key, s)
				}
			}
			blocks, _ := view["blocks"].([]any)
			var gotIDs, gotLabels []string
			elements := map[string]map[string]any{}
			for _, b := range blocks {
				b := b.(map[string]any)
				id, _ := b["block_id"].(string)
				if b["type"] != "input" {
					t.Errorf("block %s of type %v, want input", id, b["type"])
				}
				optional, _ := b["optional"].(bool)
				if want := id == "end" || id == "place"; optional != want {
					t.Errorf("block %s optional %t, want %t", id, optional, want)
				}
				el := b["element"].(map[string]any)
				if el["action_id"] != id {
					t.Errorf("block %s holds action %v: formDraft reads the same id", id, el["action_id"])
				}
				gotIDs, gotLabels = append(gotIDs, id), append(gotLabels, textOf(b, "label"))
				elements[id] = el
			}
			if !slices.Equal(gotIDs, ids) {
				t.Errorf("block ids %v, want %v", gotIDs, ids)
			}
			if !slices.Equal(gotLabels, tt.labels) {
				t.Errorf("labels %q, want %q", gotLabels, tt.labels)
			}
			start, end, count := elements["start"], elements["end"], elements["count"]
			if start["type"] != "datepicker" || start["initial_date"] != tt.day {
				t.Errorf("start %v, want a datepicker set to %s", start, tt.day)
			}
			if end["type"] != "datepicker" || end["initial_date"] != nil {
				t.Errorf("end %v, want an empty datepicker", end)
			}
			if count["type"] != "number_input" || count["is_decimal_allowed"] != false ||
				count["min_value"] != "1" || count["max_value"] != "999" || count["initial_value"] != "1" {
				t.Errorf("count %v, want a whole number 1..999, 1 at first", count)
			}
			for _, id := range []string{"title", "place"} {
				if el := elements[id]; el["type"] != "plain_text_input" || el["max_length"] != float64(planner.MaxTitle) {
					t.Errorf("%s %v, want a text input of at most %d characters", id, el, planner.MaxTitle)
				}
			}
			kind := elements["kind"]
			var values, names []string
			for _, o := range kind["options"].([]any) {
				o := o.(map[string]any)
				values, names = append(values, o["value"].(string)), append(names, textOf(o, "text"))
			}
			if want := fmt.Sprint(planner.Kinds); fmt.Sprint(values) != want || !slices.Equal(names, tt.kinds) {
				t.Errorf("kinds %v named %v, want %v named %v", values, names, want, tt.kinds)
			}
			if initial, _ := kind["initial_option"].(map[string]any); initial["value"] != "other" {
				t.Errorf("kind starts as %v, want other", kind["initial_option"])
			}
		})
	}
}

// formState is a submitted form's view.state as Slack sends it: every block,
// with null for what was left empty.
func formState(t *testing.T, fields map[string]string) *slack.ViewState {
	t.Helper()
	str := func(id string) any {
		if v, ok := fields[id]; ok {
			return v
		}
		return nil
	}
	var kind any
	if v, ok := fields["kind"]; ok {
		kind = map[string]any{"text": map[string]any{"type": "plain_text", "text": v}, "value": v}
	}
	values := map[string]any{
		"title": map[string]any{"title": map[string]any{"type": "plain_text_input", "value": str("title")}},
		"start": map[string]any{"start": map[string]any{"type": "datepicker", "selected_date": str("start")}},
		"end":   map[string]any{"end": map[string]any{"type": "datepicker", "selected_date": str("end")}},
		"kind":  map[string]any{"kind": map[string]any{"type": "static_select", "selected_option": kind}},
		"count": map[string]any{"count": map[string]any{"type": "number_input", "value": str("count")}},
		"place": map[string]any{"place": map[string]any{"type": "plain_text_input", "value": str("place")}},
	}
	b, err := json.Marshal(map[string]any{"values": values})
	if err != nil {
		t.Fatal(err)
	}
	var state slack.ViewState
	if err := json.Unmarshal(b, &state); err != nil {
		t.Fatalf("unmarshal view state: %v", err)
	}
	return &state
}

// filled is a valid form: a visit of four enterprises on Tuesday.
func filled(changes map[string]string) map[string]string {
	f := map[string]string{"title": " visit 4 enterprises ", "start": "2025-11-18", "kind": "visit", "count": "4"}
	for k, v := range changes {
		if v == "-" {
			delete(f, k)
		} else {
			f[k] = v
		}
	}
	return f
}

func TestFormDraft(t *testing.T) {
	span := func(start, end string) planner.Span {
		return planner.Span{Start: plannertest.Day(t, start), End: plannertest.Day(t, end)}
	}
	for _, tt := range []struct {
		name   string
		fields map[string]string
		want   planner.Draft
	}{
		{"one day", filled(nil),
			planner.Draft{Span: span("2025-11-18", "2025-11-18"), Kind: planner.KindVisit, Count: 4, Title: "visit 4 enterprises"}},
		{"a trip", filled(map[string]string{"title": "出差北京", "start": "2025-11-20", "end": "2025-11-21", "kind": "trip", "count": "1", "place": " 北京 "}),
			planner.Draft{Span: span("2025-11-20", "2025-11-21"), Kind: planner.KindTrip, Count: 1, Place: "北京", Title: "出差北京"}},
		{"end on the start", filled(map[string]string{"end": "2025-11-18", "count": "999"}),
			planner.Draft{Span: span("2025-11-18", "2025-11-18"), Kind: planner.KindVisit, Count: 999, Title: "visit 4 enterprises"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for _, l := range plannertest.Langs {
				got, errs := formDraft(l, formState(t, tt.fields))
				if len(errs) != 0 || !reflect.DeepEqual(got, tt.want) {
					t.Errorf("%s: formDraft = %+v, %v; want %+v", l, got, errs, tt.want)
				}
			}
		})
	}
}

func TestFormDraftErrors(t *testing.T) {
	errorOf := func(r planner.Reason, detail string) *planner.Error {
		return planner.Errorf(planner.Invalid, r, detail)
	}
	type want map[string]*planner.Error // by block id
	for _, tt := range []struct {
		name  string
		state func(t *testing.T) *slack.ViewState
		want  want
	}{
		{"no title", stateOf(filled(map[string]string{"title": "-"})), want{"title": errorOf(planner.ReasonNoWhat, "")}},
		{"blank title", stateOf(filled(map[string]string{"title": "  "})), want{"title": errorOf(planner.ReasonNoWhat, "")}},
		{"title too long", stateOf(filled(map[string]string{"title": strings.Repeat("企", planner.MaxTitle+1)})), want{"title": errorOf(planner.ReasonTooLong, "")}},
		{"place too long", stateOf(filled(map[string]string{"place": strings.Repeat("北", planner.MaxTitle+1)})), want{"place": errorOf(planner.ReasonTooLong, "")}},
		{"place of 200,000", stateOf(filled(map[string]string{"place": strings.Repeat("x", 200000)})), want{"place": errorOf(planner.ReasonTooLong, "")}},
		{"both too long", stateOf(filled(map[string]string{"title": strings.Repeat("企", planner.MaxTitle+1), "place": strings.Repeat("北", planner.MaxTitle+1)})),
			want{"title": errorOf(planner.ReasonTooLong, ""), "place": errorOf(planner.ReasonTooLong, "")}},
		{"control character in the place", stateOf(filled(map[string]string{"place": "北京\x1b[31m"})), want{"place": errorOf(planner.ReasonBadText, `\x1b`)}},
		{"end before start", stateOf(filled(map[string]string{"start": "2025-11-20", "end": "2025-11-18"})), want{"end": errorOf(planner.ReasonEndBefore, "2025-11-20..2025-11-18")}},
		{"count 0", stateOf(filled(map[string]string{"count": "0"})), want{"count": errorOf(planner.ReasonBadCount, "0")}},
		{"count 1000", stateOf(filled(map[string]string{"count": "1000"})), want{"count": errorOf(planner.ReasonBadCount, "1000")}},
		{"count abc", stateOf(filled(map[string]string{"count": "abc"})), want{"count": errorOf(planner.ReasonBadCount, "abc")}},
		{"count 2.5", stateOf(filled(map[string]string{"count": "2.5"})), want{"count": errorOf(planner.ReasonBadCount, "2.5")}},
		{"no count", stateOf(filled(map[string]string{"count": "-"})), want{"count": errorOf(planner.ReasonBadCount, "")}},
		{"unknown kind", stateOf(filled(map[string]string{"kind": "party"})), want{"kind": errorOf(planner.ReasonBadKind, "party")}},
		{"no kind", stateOf(filled(map[string]string{"kind": "-"})), want{"kind": errorOf(planner.ReasonBadKind, "")}},
		{"year 1999", stateOf(filled(map[string]string{"start": "1999-12-31"})), want{"start": errorOf(planner.ReasonDateRange, "1999-12-31")}},
		{"no start", stateOf(filled(map[string]string{"start": "-"})), want{"start": errorOf(planner.ReasonBadDate, "")}},
		{"no such start", stateOf(filled(map[string]string{"start": "2025-02-30"})), want{"start": errorOf(planner.ReasonBadDate, "2025-02-30")}},
		{"no such end", stateOf(filled(map[string]string{"end": "2025-11-31"})), want{"end": errorOf(planner.ReasonBadDate, "2025-11-31")}},
		{"no state", func(*testing.T) *slack.ViewState { return nil },
			want{"start": errorOf(planner.ReasonBadDate, ""), "count": errorOf(planner.ReasonBadCount, "")}},
	} {
		for _, l := range plannertest.Langs {
			t.Run(tt.name+" "+string(l), func(t *testing.T) {
				_, errs := formDraft(l, tt.state(t))
				explained := map[string]string{}
				for id, e := range tt.want {
					explained[id] = bot.Explain(l, e)
					// English sentences have Chinese only in their examples, after "Try:".
					if sentence, _, _ := strings.Cut(errs[id], "Try:"); hasHan(sentence) != (l == planner.Chinese) {
						t.Errorf("%s: error %q is not in %s", id, errs[id], l)
					}
				}
				if !reflect.DeepEqual(errs, explained) {
					t.Errorf("errors %q, want %q", errs, explained)
				}
			})
		}
	}
}

// stateOf returns a function that makes the view state of a form filled with fields.
func stateOf(fields map[string]string) func(t *testing.T) *slack.ViewState {
	return func(t *testing.T) *slack.ViewState { return formState(t, fields) }
}

// Submitting the form adds the item and confirms it in a message to the
// member; a bad form is answered with its errors, and adds nothing.
func TestSubmitForm(t *testing.T) {
	for _, tt := range []struct {
		name   string
		fields map[string]string
		errors map[string]string
		items  int
	}{
		{"valid", filled(map[string]string{"title": "visit " + evil}), nil, 1},
		{"invalid", filled(map[string]string{"count": "0"}),
			map[string]string{"count": bot.Explain(planner.English, planner.Errorf(planner.Invalid, planner.ReasonBadCount, "0"))}, 0},
		{"place of 200,000", filled(map[string]string{"kind": "trip", "place": strings.Repeat("x", 200000)}),
			map[string]string{"place": bot.Explain(planner.English, planner.Errorf(planner.Invalid, planner.ReasonTooLong, ""))}, 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			f := newFakeSlack(t)
			app := newTestApp(h, f)
			cb := slack.InteractionCallback{Type: slack.InteractionTypeViewSubmission, Team: slack.Team{ID: "T1"}, User: slack.User{ID: "U1"}}
			cb.View.CallbackID = FormCallback
			cb.View.State = formState(t, tt.fields)
			answer := app.Interaction(t.Context(), cb)
			app.Wait()
			if tt.errors == nil {
				if answer != nil {
					t.Fatalf("answer %+v, want none", answer)
				}
				post := f.waitPost(t, "/api/chat.postMessage")
				msg := string(post.body)
				if !strings.Contains(msg, "channel=U1") || !strings.Contains(msg, "Added+%231") || strings.Contains(msg, "%3C%21channel") {
					t.Errorf("confirmation %s, want an escaped 'Added #1' to U1", msg)
				}
			} else {
				resp, ok := answer.(*slack.ViewSubmissionResponse)
				if !ok || resp.ResponseAction != slack.RAErrors || !reflect.DeepEqual(resp.Errors, tt.errors) {
					t.Fatalf("answer %+v, want the errors %q", answer, tt.errors)
				}
				// Slack shows an error under the input block whose block_id it names.
				inputs := map[string]bool{}
				for _, b := range newItemForm(planner.English, plannertest.Day(t, "2025-11-17")).Blocks.BlockSet {
					inputs[b.ID()] = b.BlockType() == slack.MBTInput
				}
				for id := range resp.Errors {
					if !inputs[id] {
						t.Errorf("an error for %q, which is no input block of the form", id)
					}
				}
			}
			if n := len(teamItems(t, h, "T1")); n != tt.items {
				t.Errorf("team has %d items, want %d", n, tt.items)
			}
		})
	}
}

// hasHan reports whether s holds Chinese characters.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}
