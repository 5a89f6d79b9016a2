package feishu

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// checked is what checkCard found in a valid card: its buttons' values and
// the texts of its plain_text and lark_md elements.
type checked struct {
	buttons []map[string]any
	plain   []string
	md      []string
}

// The properties each component planbot uses may have: card JSON 2.0
// refuses a card with one it does not know.
var cardProps = map[string]map[string]bool{
	"div":        {"tag": true, "text": true},
	"plain_text": {"tag": true, "content": true},
	"lark_md":    {"tag": true, "content": true},
	"button":     {"tag": true, "text": true, "type": true, "size": true, "behaviors": true},
	"column_set": {"tag": true, "flex_mode": true, "horizontal_spacing": true, "columns": true},
	"column":     {"tag": true, "width": true, "elements": true},
}

// checkCard fails the test unless s is a card Feishu accepts: JSON of
// schema 2.0 with a shared config, a header of plain text, body elements of
// the components planbot uses with the properties they have, buttons whose
// value planbot reads back, within 30 KB and 200 components.
func checkCard(t *testing.T, s string) checked {
	t.Helper()
	if len(s) > maxCardBytes {
		t.Fatalf("card of %d bytes, over Feishu's %d", len(s), maxCardBytes)
	}
	var c struct {
		Schema string         `json:"schema"`
		Config map[string]any `json:"config"`
		Header *struct {
			Title    map[string]any `json:"title"`
			Template string         `json:"template"`
		} `json:"header"`
		Body struct {
			Elements []any `json:"elements"`
		} `json:"body"`
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		t.Fatalf("card is not the JSON of a card: %v\n%s", err, s)
	}
	if c.Schema != "2.0" || c.Config["update_multi"] != true || len(c.Config) != 1 {
		t.Fatalf("schema %q, config %v: want 2.0 and a shared card", c.Schema, c.Config)
	}
	if len(c.Body.Elements) == 0 {
		t.Fatal("card has no elements")
	}
	var got checked
	var tags int
	var walk func(v any, where string)
	walk = func(v any, where string) {
		m, ok := v.(map[string]any)
		if !ok {
			t.Fatalf("%s: %T is no component", where, v)
		}
		tag, _ := m["tag"].(string)
		props, known := cardProps[tag]
		if !known {
			t.Fatalf("%s: component %q planbot does not use", where, tag)
		}
		tags++
		for k := range m {
			if !props[k] {
				t.Fatalf("%s: %s has property %q", where, tag, k)
			}
		}
		switch tag {
		case "div":
			walk(m["text"], where+".text")
		case "plain_text", "lark_md":
			content, ok := m["content"].(string)
			if !ok || content == "" {
				t.Fatalf("%s: %s without content", where, tag)
			}
			if tag == "plain_text" {
				got.plain = append(got.plain, content)
			} else {
				got.md = append(got.md, content)
			}
		case "button":
			walk(m["text"], where+".text")
			if text := m["text"].(map[string]any); text["tag"] != "plain_text" {
				t.Fatalf("%s: button text %v", where, text)
			}
			if ty := m["type"]; ty != "primary" && ty != "default" {
				t.Fatalf("%s: button type %v", where, ty)
			}
			b, _ := m["behaviors"].([]any)
			if len(b) != 1 {
				t.Fatalf("%s: behaviors %v", where, m["behaviors"])
			}
			behavior, _ := b[0].(map[string]any)
			value, _ := behavior["value"].(map[string]any)
			if behavior["type"] != "callback" || len(behavior) != 2 || value == nil {
				t.Fatalf("%s: behavior %v", where, behavior)
			}
			if _, ok := parseButtonValue(value); !ok {
				t.Fatalf("%s: value %v is none planbot reads", where, value)
			}
			if _, ok := clickCommand(mustValue(t, value)); !ok {
				t.Fatalf("%s: value %v runs no command", where, value)
			}
			got.buttons = append(got.buttons, value)
		case "column_set":
			cols, _ := m["columns"].([]any)
			if len(cols) == 0 {
				t.Fatalf("%s: column_set without columns", where)
			}
			for i, col := range cols {
				walk(col, fmt.Sprintf("%s.columns[%d]", where, i))
			}
		case "column":
			els, _ := m["elements"].([]any)
			for i, el := range els {
				walk(el, fmt.Sprintf("%s.elements[%d]", where, i))
			}
		}
	}
	if c.Header != nil {
		walk(c.Header.Title, "header.title")
		if c.Header.Title["tag"] != "plain_text" || c.Header.Template == "" {
			t.Fatalf("header %v", c.Header)
		}
	}
	for i, el := range c.Body.Elements {
		walk(el, fmt.Sprintf("body.elements[%d]", i))
	}
	if tags > maxCardComponents {
		t.Fatalf("card of %d components, over Feishu's %d", tags, maxCardComponents)
	}
	return got
}

// mustValue reads a button's value, failing the test when it is none of planbot's.
func mustValue(t *testing.T, m map[string]any) buttonValue {
	t.Helper()
	v, ok := parseButtonValue(m)
	if !ok {
		t.Fatalf("value %v is none planbot reads", m)
	}
	return v
}

// mustCard renders reply as a card and checks it.
func mustCard(t *testing.T, reply bot.Reply) (string, checked) {
	t.Helper()
	card, ok := cardOf(reply)
	if !ok {
		t.Fatalf("%T in %s: no card", reply.Body, reply.Lang)
	}
	return card, checkCard(t, card)
}

// item is an item of team T1 on days start..end, owned by user.
func item(t *testing.T, id int64, user, start, end, title string, status planner.Status) planner.Item {
	return plannertest.RetroItem(t, id, user, start, end, planner.KindVisit, 1, title, status, "")
}

// buttonIDs are the item ids of the buttons with action, in order.
func buttonIDs(t *testing.T, c checked, action string) []int64 {
	var ids []int64
	for _, b := range c.buttons {
		if v := mustValue(t, b); v.Action == action {
			ids = append(ids, v.ID)
		}
	}
	return ids
}

func TestCardsOfEachViewAreValidInBothLanguages(t *testing.T) {
	done, planned, cancelled := planner.StatusDone, planner.StatusPlanned, planner.StatusCancelled
	ann := []planner.Item{
		item(t, 1, "U1", "2025-11-17", "2025-11-17", "对接4家企业", planned),
		item(t, 2, "U1", "2025-11-18", "2025-11-19", "出差北京", planned),
		item(t, 3, "U1", "2025-11-18", "2025-11-18", "拜访园区", done),
		item(t, 4, "U1", "2025-11-20", "2025-11-20", "接待客商", cancelled),
	}
	bob := []planner.Item{
		item(t, 5, "U2", "2025-11-17", "2025-11-17", "招商推介会", planned),
		item(t, 6, "U2", "2025-11-21", "2025-11-21", "洽谈项目", planned),
	}
	team := append(append([]planner.Item{}, ann...), bob...)
	later := map[int64]planner.Date{2: plannertest.Day(t, "2025-11-25")}
	cases := []struct {
		name          string
		body          bot.Body
		done, cancel  []int64 // the items that get Done, Cancel buttons
		undo, move    []int64
		listed, shown []string // titles the card must show
	}{
		{name: "own week", body: bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: ann},
			done: []int64{1, 2}, cancel: []int64{1, 2}, listed: []string{"对接4家企业", "拜访园区", "接待客商"}},
		{name: "team week", body: bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Viewer: "U1", Items: team},
			done: []int64{1, 2}, cancel: []int64{1, 2}, listed: []string{"招商推介会", "洽谈项目", "Ann", "王芳"}},
		{name: "team week of one with no items", body: bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Viewer: "U3", Items: team},
			listed: []string{"对接4家企业", "洽谈项目"}},
		{name: "empty week", body: bot.WeekView{Week: plannertest.W47, Viewer: "U1"}},
		{name: "added one", body: bot.Added{Items: ann[:1]}, done: []int64{1}, undo: []int64{1}, listed: []string{"对接4家企业"}},
		{name: "added several, one on a day gone by, a name unknown", body: bot.Added{Items: ann, Later: later, Unlinked: []string{"华为"}},
			done: []int64{1, 2}, undo: []int64{1, 2}, move: []int64{2}, listed: []string{"出差北京", "华为"}},
		{name: "plan reminder", body: bot.Reminder{Job: planner.JobPlan, Week: plannertest.W47, Items: ann[:2]},
			done: []int64{1, 2}, listed: []string{"出差北京"}},
		{name: "log reminder", body: bot.Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: ann},
			done: []int64{1, 2}, listed: []string{"接待客商"}},
	}
	for _, tc := range cases {
		for _, l := range plannertest.Langs {
			t.Run(tc.name+"/"+string(l), func(t *testing.T) {
				card, c := mustCard(t, bot.Reply{Lang: l, Body: tc.body})
				for action, want := range map[string][]int64{actionDone: tc.done, actionCancel: tc.cancel, actionUndo: tc.undo, actionMove: tc.move} {
					if got := buttonIDs(t, c, action); fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("%s buttons on items %v, want %v", action, got, want)
					}
				}
				for _, b := range c.buttons {
					if v := mustValue(t, b); v.Lang != l {
						t.Errorf("button %v in %s", b, l)
					}
				}
				for _, title := range tc.listed {
					if !strings.Contains(strings.Join(c.plain, "\n"), title) {
						t.Errorf("card does not show %q:\n%s", title, card)
					}
				}
			})
		}
	}
}

// TestOtherViewsStayText: only weeks, added items and reminders are cards;
// the rest fall back to text.
func TestOtherViewsStayText(t *testing.T) {
	for _, body := range []bot.Body{bot.Help{}, bot.Notice{Text: "x"}, bot.NoteView{Week: plannertest.W47, Text: "x"}, bot.Changed{Verb: bot.VerbDone}} {
		if _, ok := cardOf(bot.Reply{Lang: planner.Chinese, Body: body}); ok {
			t.Errorf("%T rendered as a card", body)
		}
		if msgType, _ := render(bot.Reply{Lang: planner.Chinese, Body: body}); msgType != "text" {
			t.Errorf("%T sent as %s", body, msgType)
		}
	}
}

// moreCount reads the N of each "…and N more" line in l.
func moreCount(t *testing.T, l planner.Lang, lines []string) int {
	pattern := regexp.MustCompile("^" + strings.Replace(regexp.QuoteMeta(bot.Say(l, bot.MsgMore, 987654)), "987654", `(\d+)`, 1) + "$")
	n := 0
	for _, line := range lines {
		if m := pattern.FindStringSubmatch(line); m != nil {
			k, _ := strconv.Atoi(m[1])
			n += k
		}
	}
	return n
}

// TestLargeTeamWeekIsSummarised: a 50-member team's week of 500 items makes
// a card within Feishu's limits in which each day shows what fits and counts
// the rest, and each of the viewer's open items shown gets its buttons.
func TestLargeTeamWeekIsSummarised(t *testing.T) {
	var items []planner.Item
	for m := range 50 {
		for i := range 10 {
			day := plannertest.W47.Start().AddDays(i % 7)
			it := item(t, int64(m*10+i+1), fmt.Sprintf("U%d", m+1), day.String(), day.String(),
				strings.Repeat("对接新能源企业洽谈投资项目", 3), planner.StatusPlanned)
			it.UserName = fmt.Sprintf("成员%02d", m+1)
			items = append(items, it)
		}
	}
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			card, c := mustCard(t, bot.Reply{Lang: l, Body: bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商局", Viewer: "U1", Items: items}})
			var lines []string
			for _, p := range c.plain {
				lines = append(lines, strings.Split(p, "\n")...)
			}
			shown := 0
			for _, line := range lines {
				if strings.HasPrefix(line, "#") {
					shown++
				}
			}
			more := moreCount(t, l, lines)
			if more == 0 || shown+more != len(items) {
				t.Errorf("%d items shown and %d counted as more, want %d in all with some counted (%d bytes)", shown, more, len(items), len(card))
			}
			if len(c.md) != 7 {
				t.Errorf("%d days shown, want 7", len(c.md))
			}
			for _, id := range buttonIDs(t, c, actionDone) {
				if items[id-1].UserID != "U1" {
					t.Errorf("a Done button on %s's item %d", items[id-1].UserID, id)
				}
			}
		})
	}
}

// TestManyAddedItemsAreCounted: an added card lists what fits and counts the rest.
func TestManyAddedItemsAreCounted(t *testing.T) {
	var items []planner.Item
	for i := range 60 {
		items = append(items, item(t, int64(i+1), "U1", "2025-11-18", "2025-11-18", "拜访企业", planner.StatusPlanned))
	}
	for _, l := range plannertest.Langs {
		for _, body := range []bot.Body{bot.Added{Items: items}, bot.Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: items}} {
			_, c := mustCard(t, bot.Reply{Lang: l, Body: body})
			shown := len(buttonIDs(t, c, actionDone))
			if more := moreCount(t, l, c.plain); shown == 0 || shown+more != len(items) {
				t.Errorf("%T in %s: %d items with buttons and %d counted as more, want %d", body, l, shown, more, len(items))
			}
		}
	}
}

// TestTypedTextIsInertInCards: what people typed (a title, a team's name, a
// company) holding Feishu's mention markup, lark_md markers and line breaks
// is shown as text on one line, never as a mention or formatting.
func TestTypedTextIsInertInCards(t *testing.T) {
	hostile := "<at user_id=\"all\">所有人</at> **粗体** _斜体_ ~~删~~ [链接](https://example.com) `code`\n第二行"
	it := item(t, 7, "U1", "2025-11-18", "2025-11-18", hostile, planner.StatusPlanned)
	it.UserName = "<at id=all></at>\nAnn"
	bodies := []bot.Body{
		bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: []planner.Item{it}},
		bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "<at user_id=\"all\"></at>\n**组**", Viewer: "U1", Items: []planner.Item{it}},
		bot.Added{Items: []planner.Item{it}, Unlinked: []string{"<at user_id=\"all\"></at>"}},
		bot.Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: []planner.Item{it}},
	}
	for _, l := range plannertest.Langs {
		for _, body := range bodies {
			card, c := mustCard(t, bot.Reply{Lang: l, Body: body})
			if strings.Contains(card, "<at") || strings.Contains(card, "</at>") {
				t.Errorf("%T in %s: a mention's markup in the card:\n%s", body, l, card)
			}
			for _, md := range c.md {
				if strings.Contains(md, "粗体") || strings.Contains(md, "组") {
					t.Errorf("%T in %s: typed text in lark_md %q", body, l, md)
				}
			}
			found := false
			for _, p := range c.plain {
				for _, line := range strings.Split(p, "\n") {
					if strings.Contains(line, "所有人") {
						found = true
						if !strings.Contains(line, "**粗体**") || !strings.Contains(line, "第二行") {
							t.Errorf("%T in %s: the title is not shown as typed on one line: %q", body, l, line)
						}
					}
				}
			}
			if !found {
				t.Errorf("%T in %s: the title is not shown:\n%s", body, l, card)
			}
		}
	}
}
