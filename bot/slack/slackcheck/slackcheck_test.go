package slackcheck

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
)

// button is a button's JSON.
func button(action, label, value string) string {
	return fmt.Sprintf(`{"type":"button","action_id":%q,"text":{"type":"plain_text","text":%q},"value":%q}`, action, label, value)
}

// section is a mrkdwn section's JSON.
func section(text string) string {
	return fmt.Sprintf(`{"type":"section","text":{"type":"mrkdwn","text":%q}}`, text)
}

// message is a message's JSON with the fallback text and the blocks.
func message(text string, blocks ...string) []byte {
	return fmt.Appendf(nil, `{"response_type":"ephemeral","text":%q,"blocks":[%s]}`, text, strings.Join(blocks, ","))
}

// repeat is n copies of block.
func repeat(block string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = block
	}
	return out
}

// Each rule finds what breaks it, and only that; a valid message has no problem.
func TestMessage(t *testing.T) {
	valid := message("Your week", `{"type":"header","text":{"type":"plain_text","text":"Week 47"}}`, section("*Mon*\n#1 visit"),
		`{"type":"actions","elements":[`+button("item_done:1", "Done #1", "1|week|en")+","+button("item_cancel:1", "Cancel #1", "1|week|en")+`]}`,
		`{"type":"context","elements":[{"type":"mrkdwn","text":"…and 3 more"}]}`, `{"type":"divider"}`)
	if p := Message(valid); len(p) != 0 {
		t.Fatalf("a valid message: %q", p)
	}
	long := func(n int) string { return strings.Repeat("字", n) }
	fields := func(n int) string {
		return `{"type":"section","fields":[` + strings.Join(repeat(`{"type":"mrkdwn","text":"x"}`, n), ",") + `]}`
	}
	context := func(n int) string {
		return `{"type":"context","elements":[` + strings.Join(repeat(`{"type":"mrkdwn","text":"x"}`, n), ",") + `]}`
	}
	actions := func(buttons ...string) string {
		return `{"type":"actions","elements":[` + strings.Join(buttons, ",") + `]}`
	}
	for _, tt := range []struct {
		name    string
		payload []byte
		want    string // a problem that must be found; every test finds exactly one
	}{
		{"same action_id twice in a block", message("x", actions(button("item_done", "Done #1", "1"), button("item_done", "Done #2", "2"))),
			`blocks[0].elements[1]: action_id "item_done" also on element 0`},
		{"action_id too long", message("x", actions(button(long(256), "Done", "1"))), "blocks[0].elements[0].action_id: 256 characters"},
		{"same block_id twice", message("x", `{"type":"divider","block_id":"d"}`, `{"type":"divider","block_id":"d"}`),
			`blocks[1]: block_id "d" also on blocks[0]`},
		{"block_id too long", message("x", `{"type":"divider","block_id":"`+long(256)+`"}`), "blocks[0].block_id: 256 characters"},
		{"51 blocks", message("x", repeat(`{"type":"divider"}`, 51)...), "blocks: 51 blocks, at most 50"},
		{"no fallback", message("", section("x")), "text: no fallback text"},
		{"fallback too long", message(long(4001), section("x")), "text: fallback of 4001 characters"},
		{"section of 3001", message("x", section(long(3001))), "blocks[0].text: text of 3001 characters"},
		{"empty section", message("x", section("")), "blocks[0].text: text of 0 characters"},
		{"header of 151", message("x", `{"type":"header","text":{"type":"plain_text","text":"`+long(151)+`"}}`), "blocks[0].text: text of 151 characters"},
		{"mrkdwn header", message("x", `{"type":"header","text":{"type":"mrkdwn","text":"*x*"}}`), "blocks[0].text: of type mrkdwn, want plain_text"},
		{"11 fields", message("x", fields(11)), "blocks[0]: 11 fields, at most 10"},
		{"field of 2001", message("x", `{"type":"section","fields":[{"type":"mrkdwn","text":"`+long(2001)+`"}]}`), "blocks[0].fields[0]: text of 2001"},
		{"11 context elements", message("x", context(11)), "blocks[0]: 11 elements in a context block"},
		{"26 buttons", message("x", actions(func() []string {
			var b []string
			for i := range 26 {
				b = append(b, button(fmt.Sprint("a", i), "x", "1"))
			}
			return b
		}()...)), "blocks[0]: 26 elements in an actions block"},
		{"empty actions", message("x", actions()), "blocks[0]: 0 elements in an actions block"},
		{"button text of 76", message("x", actions(button("a", long(76), "1"))), "blocks[0].elements[0].text: text of 76 characters"},
		{"button value of 2001", message("x", actions(button("a", "x", long(2001)))), "blocks[0].elements[0].value: 2001 characters"},
		{"12,001 characters in all", message("x", repeat(section(long(2001)), 6)...), "blocks: 12006 characters of text"},
		{"unknown block", message("x", `{"type":"table"}`), "blocks[0]: block of unknown type table"},
		{"not JSON", []byte(`{"text":`), "not a JSON object"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := Message(tt.payload)
			if len(p) != 1 || !strings.Contains(p[0], tt.want) {
				t.Errorf("problems %q, want one: %q", p, tt.want)
			}
		})
	}
}

// A two-item day as planbot rendered it before issue 12: Slack refused it.
func TestPostMessageForm(t *testing.T) {
	blocks := `[{"type":"actions","elements":[` + button("item_done", "Done #1", "1|week|en") + "," + button("item_done", "Done #2", "2|week|en") + `]}]`
	p := PostMessage(url.Values{"channel": {"C1"}, "text": {"Your week"}, "blocks": {blocks}})
	if len(p) != 1 || !strings.Contains(p[0], `action_id "item_done" also on element 0`) {
		t.Errorf("problems %q, want the action_id used twice", p)
	}
	if p := PostMessage(url.Values{"channel": {"C1"}, "text": {"Hello"}}); len(p) != 0 {
		t.Errorf("a text-only post: %q", p)
	}
}

func TestView(t *testing.T) {
	input := func(id, element string) string {
		return fmt.Sprintf(`{"type":"input","block_id":%q,"label":{"type":"plain_text","text":"What"},"element":%s}`, id, element)
	}
	text := func(id string, max int) string {
		return fmt.Sprintf(`{"type":"plain_text_input","action_id":%q,"max_length":%d}`, id, max)
	}
	modal := func(title, submit, extra string, blocks ...string) []byte {
		return fmt.Appendf(nil, `{"type":"modal","callback_id":"new_item","title":{"type":"plain_text","text":%q},%s"submit":{"type":"plain_text","text":%q},"blocks":[%s]}`,
			title, extra, submit, strings.Join(blocks, ","))
	}
	if p := View(modal("New item", "Add", "", input("title", text("title", 1000)), input("place", text("place", 1000)))); len(p) != 0 {
		t.Fatalf("a valid modal: %q", p)
	}
	if p := View(fmt.Appendf(nil, `{"type":"home","blocks":[%s]}`, strings.Join(repeat(`{"type":"divider"}`, 100), ","))); len(p) != 0 {
		t.Fatalf("a Home tab of 100 blocks: %q", p)
	}
	long := strings.Repeat("x", 25)
	for _, tt := range []struct {
		name string
		view []byte
		want string
	}{
		{"title of 25", modal(long, "Add", "", input("t", text("t", 10))), "title: text of 25 characters"},
		{"submit of 25", modal("New", long, "", input("t", text("t", 10))), "submit: text of 25 characters"},
		{"close of 25", modal("New", "Add", `"close":{"type":"plain_text","text":"`+long+`"},`, input("t", text("t", 10))), "close: text of 25 characters"},
		{"no submit with an input", []byte(`{"type":"modal","title":{"type":"plain_text","text":"New"},"blocks":[` + input("t", text("t", 10)) + `]}`), "submit: missing"},
		{"no title", []byte(`{"type":"modal","blocks":[]}`), "title: missing"},
		{"private_metadata of 3001", modal("New", "Add", `"private_metadata":"`+strings.Repeat("x", 3001)+`",`), "private_metadata: 3001 characters"},
		{"same block_id twice", modal("New", "Add", "", input("t", text("a", 10)), input("t", text("b", 10))), `blocks[1]: block_id "t" also on blocks[0]`},
		{"max_length of 3001", modal("New", "Add", "", input("t", text("t", 3001))), "max_length 3001"},
		{"a home tab of 251 kB", fmt.Appendf(nil, `{"type":"home","blocks":[%s]}`, strings.Join(repeat(section(strings.Repeat("x", 2900)), 90), ",")), "view: 26"},
		{"101 blocks in a home tab", fmt.Appendf(nil, `{"type":"home","blocks":[%s]}`, strings.Join(repeat(`{"type":"divider"}`, 101), ",")), "blocks: 101 blocks, at most 100"},
		{"option text of 76", modal("New", "Add", "", input("k", `{"type":"static_select","action_id":"k","options":[{"text":{"type":"plain_text","text":"`+strings.Repeat("x", 76)+`"},"value":"v"}]}`)),
			"options[0].text: text of 76 characters"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := View(tt.view)
			if len(p) != 1 || !strings.Contains(p[0], tt.want) {
				t.Errorf("problems %q, want one: %q", p, tt.want)
			}
		})
	}
}
