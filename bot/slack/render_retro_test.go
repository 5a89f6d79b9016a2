package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// retroJSON is messages as chat.postMessage receives them, indented, with <, > and & as they are.
func retroJSON(t *testing.T, messages []RetroMessage) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(messages); err != nil {
		t.Fatalf("encode messages: %v", err)
	}
	return buf.Bytes()
}

// checkRetroMessages checks every message against Slack's limits and planbot's budget.
func checkRetroMessages(t *testing.T, messages []RetroMessage) {
	t.Helper()
	for i, m := range messages {
		t.Run(fmt.Sprintf("message %d", i+1), func(t *testing.T) {
			checkLimits(t, m.Blocks, slackMessageBlocks, maxMessageChars)
			checkSlackMessage(t, m)
			if n := utf8.RuneCountInString(m.Text); n > maxFallbackChars || n == 0 {
				t.Errorf("fallback of %d characters, want 1..%d", n, maxFallbackChars)
			}
			for _, b := range decodeBlocks(t, m.Blocks) {
				if b["type"] == "actions" {
					t.Errorf("a retrospective has no buttons: %v", b)
				}
			}
		})
	}
}

// The scripted week's retrospective is one Slack message, the golden file's,
// whose fallback is the retrospective's text (bot's TestRetroTextGolden keeps that text).
func TestRetroGolden(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, r)
			plannertest.Golden(t, "retro_"+string(l)+".json", retroJSON(t, messages))
			if len(messages) != 1 {
				t.Errorf("%d messages for a team of 4, want 1", len(messages))
			}
			checkRetroMessages(t, messages)
			if want := truncate(escape(bot.RetroText(l, r)), maxFallbackChars); messages[0].Text != want {
				t.Errorf("fallback\n%s\nwant the text\n%s", messages[0].Text, want)
			}
		})
	}
}

// bigRetro is the retrospective of a team of 60: six went silent, the others
// logged ten items each with ~200-character Chinese titles and outcomes, a
// ~500-character note, and items for next week. Names and notes may hold extra text.
func bigRetro(extra string) planner.Retro {
	var members []planner.Member
	var items, recent, next []planner.Item
	notes := map[string]string{}
	id := int64(0)
	for m := range 60 {
		user := fmt.Sprintf("U%03d", m)
		members = append(members, planner.Member{TeamID: "T1", UserID: user, Name: fmt.Sprintf("成员%02d%s", m, extra)})
		if m%10 == 9 {
			id++
			recent = append(recent, planner.Item{ID: id, TeamID: "T1", UserID: user, Start: plannertest.W47.Start().AddDays(-7),
				End: plannertest.W47.Start().AddDays(-7), Kind: planner.KindVisit, Count: 1, Title: "拜访", Status: planner.StatusDone})
			continue
		}
		for k := range 10 {
			id++
			start := plannertest.W47.Start().AddDays(k % 7)
			it := planner.Item{ID: id, TeamID: "T1", UserID: user, UserName: members[m].Name, Start: start, End: start,
				Kind: planner.Kinds[k%len(planner.Kinds)], Count: 1 + k%5, Title: longTitle(int(id), 200) + extra, Status: planner.StatusPlanned}
			if it.Kind == planner.KindTrip {
				it.Place, it.End, it.Count = "深圳"+extra, start.AddDays(1), 1
			}
			if k%3 != 2 {
				it.Status, it.Outcome = planner.StatusDone, "两家有意向，约定下周再谈"+extra
			}
			items = append(items, it)
		}
		id++
		next = append(next, planner.Item{ID: id, TeamID: "T1", UserID: user, Start: plannertest.W47.Next().Start(), End: plannertest.W47.Next().Start(),
			Kind: planner.KindVisit, Count: 1, Title: "拜访", Status: planner.StatusPlanned})
		notes[user] = longTitle(m, 500) + extra
	}
	return planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组" + extra}, plannertest.W47, items, nil, plannertest.CountsOf(next), plannertest.UsersOf(recent), notes, members)
}

// memberHeads are the Slack headings of the retrospective's members.
func memberHeads(l planner.Lang, r planner.Retro) []string {
	var heads []string
	for _, m := range bot.NewRetroView(l, r).Members {
		heads = append(heads, mrkdwn(m[0]))
	}
	return heads
}

// A retrospective too big for one message goes on in more, each within
// Slack's limits, with every member in exactly one of them and nothing left out.
func TestRetroMessagesLimits(t *testing.T) {
	big := bigRetro("")
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, big)
			if len(messages) < 2 {
				t.Fatalf("%d message for a team of 60, want more", len(messages))
			}
			checkRetroMessages(t, messages)
			jsons := make([]string, len(messages))
			for i, m := range messages {
				jsons[i] = blockJSON(t, m.Blocks)
				if moreMarker.MatchString(strings.Join(partsOf(decodeBlocks(t, m.Blocks)).contexts, "\n")) {
					t.Errorf("message %d leaves something out", i+1)
				}
			}
			for _, head := range memberHeads(l, big) {
				n := 0
				for _, js := range jsons {
					n += strings.Count(js, head)
				}
				if n != 1 {
					t.Errorf("member %q is in %d messages, want 1", head, n)
				}
			}
			all := strings.Join(jsons, "\n")
			for _, items := range big.Items {
				for _, it := range items {
					if !strings.Contains(all, itemMark(l, it)) {
						t.Errorf("item #%d left out", it.ID)
					}
				}
			}
			summary := partsOf(decodeBlocks(t, messages[0].Blocks))
			for _, want := range []string{bot.Say(l, bot.MsgRetroThread), bot.Say(l, bot.MsgDigestSilent, "")} {
				if !strings.Contains(all, escape(want)) {
					t.Errorf("the summary lacks %q: %v", want, summary)
				}
			}
			if first := escape(bot.Say(l, bot.MsgDigestMember, big.Members[0].UserName, big.Members[0].DoneItems, big.Members[0].Items)); !strings.HasPrefix(messages[1].Text, first) {
				t.Errorf("the first reply's fallback starts %.60q, want %q", messages[1].Text, first)
			}
		})
	}
}

// A small team's retrospective is one message.
func TestRetroMessagesOne(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	empty := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, plannertest.W47, nil, nil, nil, nil, nil, nil)
	for _, tt := range []struct {
		name string
		r    planner.Retro
	}{{"three members", r}, {"nothing logged", empty}} {
		for _, l := range plannertest.Langs {
			t.Run(tt.name+" "+string(l), func(t *testing.T) {
				messages := RetroMessages(l, tt.r)
				if len(messages) != 1 {
					t.Fatalf("%d messages, want 1", len(messages))
				}
				checkRetroMessages(t, messages)
			})
		}
	}
}

// A member whose own week is too long for a message is cut, as a last
// resort, with "…and N more" counting what is left out.
func TestRetroMessagesCutMember(t *testing.T) {
	var items []planner.Item
	for i := range 200 {
		start := plannertest.W47.Start().AddDays(i % 7)
		items = append(items, planner.Item{ID: int64(i + 1), TeamID: "T1", UserID: "U1", UserName: "Ann", Start: start, End: start,
			Kind: planner.KindVisit, Count: 1, Title: longTitle(i+1, 900), Status: planner.StatusDone, Outcome: "两家有意向"})
	}
	members := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"}}
	small := planner.Item{ID: 201, TeamID: "T1", UserID: "U2", UserName: "王芳", Start: plannertest.W47.Start(), End: plannertest.W47.Start(),
		Kind: planner.KindFund, Count: 1, Title: "对接基金", Status: planner.StatusDone}
	r := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, plannertest.W47, append(items, small), nil, nil, nil, map[string]string{"U1": "note"}, members)
	itemLine := regexp.MustCompile(`^• #\d+ `)
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, r)
			checkRetroMessages(t, messages)
			shown := 0
			for _, m := range messages[1:] {
				n, _ := accounted(partsOf(decodeBlocks(t, m.Blocks)), itemLine)
				shown += n
			}
			// Ann's 200 items and note, and 王芳's item.
			if shown != 202 {
				t.Errorf("the replies show or count %d of 202 lines", shown)
			}
			if !strings.Contains(blockJSON(t, messages[len(messages)-1].Blocks), "#201 ") {
				t.Errorf("王芳's item is not in the last message")
			}
		})
	}
}

// No user text reaches Slack as markup, in the blocks or the fallback.
func TestRetroEscapes(t *testing.T) {
	const evil = "<!channel> <!here> <@U1> <!subteam^S1> & <https://evil|click>"
	small := plannertest.ScriptedRetro(t)
	small.TeamName = evil
	for user, items := range small.Items {
		for i := range items {
			items[i].Title += evil
			items[i].Outcome += evil
			items[i].Place += evil
			items[i].UserName += evil
		}
		small.Items[user] = items
	}
	for i := range small.Members {
		small.Members[i].UserName += evil
		small.Members[i].Note += evil
	}
	for i := range small.Trips {
		small.Trips[i].Place += evil
		small.Trips[i].UserName += evil
	}
	for id := range small.Names {
		small.Names[id] += evil
	}
	tests := []struct {
		name string
		r    planner.Retro
	}{{"one message", small}, {"many messages", bigRetro(evil)}}
	for _, tt := range tests {
		for _, l := range plannertest.Langs {
			t.Run(tt.name+" "+string(l), func(t *testing.T) {
				messages := RetroMessages(l, tt.r)
				checkRetroMessages(t, messages)
				for i, m := range messages {
					for what, text := range map[string]string{"blocks": string(retroJSON(t, []RetroMessage{m})), "fallback": m.Text} {
						for _, raw := range []string{"<!channel>", "<!here>", "<@U1>", "<!subteam^S1>", "<https://", " & "} {
							if strings.Contains(text, raw) {
								t.Errorf("message %d: %s contains %q", i+1, what, raw)
							}
						}
						if !strings.Contains(text, "&lt;!channel&gt;") {
							t.Errorf("message %d: %s lacks the escaped user text", i+1, what)
						}
					}
				}
			})
		}
	}
}

// A late retrospective says so in its header, even under a long team name.
func TestRetroLate(t *testing.T) {
	for _, tt := range []struct {
		name string
		team string
		late bool
	}{
		{"on time", "招商一组", false},
		{"late", "招商一组", true},
		{"late, long name", strings.Repeat("<招商>", 100), true},
	} {
		for _, l := range plannertest.Langs {
			t.Run(tt.name+" "+string(l), func(t *testing.T) {
				r := plannertest.ScriptedRetro(t)
				r.TeamName, r.Late = tt.team, tt.late
				messages := RetroMessages(l, r)
				checkRetroMessages(t, messages)
				header := textOf(decodeBlocks(t, messages[0].Blocks)[0], "text")
				marker := bot.Say(l, bot.MsgRetroLate)
				for what, text := range map[string]string{"text": strings.SplitN(bot.RetroText(l, r), "\n", 2)[0], "header": header, "fallback": messages[0].Text} {
					if got := strings.Contains(text, marker); got != tt.late {
						t.Errorf("%s %q: late marker %t, want %t", what, text, got, tt.late)
					}
				}
				if week := escape(bot.Say(l, bot.MsgRetroTitle, 47, bot.ShortSpan(l, plannertest.W47.Start(), plannertest.W47.End()))); !strings.Contains(header, week) {
					t.Errorf("header %q lacks the week %q", header, week)
				}
			})
		}
	}
}

// A section never splits an escaped character.
func TestSplitEscaped(t *testing.T) {
	for _, tt := range []struct {
		in   string
		max  int
		want []string
	}{
		{"abcdef", 3, []string{"abc", "def"}},
		{"ab&lt;cd", 4, []string{"ab", "&lt;", "cd"}},
		{"a&amp;bc", 5, []string{"a", "&amp;", "bc"}},
		{"&lt;&gt;", 4, []string{"&lt;", "&gt;"}},
		{"短文本", 10, []string{"短文本"}},
	} {
		t.Run(tt.in+" "+strconv.Itoa(tt.max), func(t *testing.T) {
			got := splitEscaped(tt.in, tt.max)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("splitEscaped(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
			}
		})
	}
}

// itemMark is how an item's line starts, "#12 ✅ ", as bot.ItemLine writes it.
func itemMark(l planner.Lang, it planner.Item) string {
	return strings.Join(strings.Fields(bot.ItemLine(l, it, false))[:2], " ") + " "
}
