package slack

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"planbot/bot"
	"planbot/planner"
)

var update = flag.Bool("update", false, "rewrite golden files")

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with go test ./bot/slack -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (rewrite it with -update if the change is meant):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}

// retroItem is an item of team T1 on days start..end.
func retroItem(t *testing.T, id int64, user, start, end string, kind planner.Kind, count int, title string, status planner.Status, outcome string) planner.Item {
	t.Helper()
	return planner.Item{ID: id, TeamID: "T1", UserID: user, UserName: retroNames[user], Start: day(t, start), End: day(t, end),
		Kind: kind, Count: count, Title: title, Status: status, Outcome: outcome}
}

// retroTrip is a trip of team T1 to place on days start..end.
func retroTrip(t *testing.T, id int64, user, start, end, place, title string, status planner.Status, outcome string) planner.Item {
	t.Helper()
	it := retroItem(t, id, user, start, end, planner.KindTrip, 1, title, status, outcome)
	it.Place = place
	return it
}

// retroNames are the members of the scripted week.
var retroNames = map[string]string{"U1": "Ann", "U2": "王芳", "U3": "Mike", "U4": "陈静", "U5": "赵敏"}

// scriptedRetro is team 招商一组's week 47: Ann, 王芳 and Mike logged their
// week (Ann's trip visited 3 enterprises, 王芳 hosted a delegation, Mike has
// a promotion event planned and a day off), 陈静 logged nothing (but did the
// week before), 赵敏 is on a leave that began the week before.
func scriptedRetro(t *testing.T) planner.Retro {
	done, planned, cancelled := planner.StatusDone, planner.StatusPlanned, planner.StatusCancelled
	items := []planner.Item{
		retroItem(t, 21, "U1", "2025-11-17", "2025-11-17", planner.KindVisit, 4, "visit 4 enterprises in the Software Park", done, "2 of 4 interested, one wants a site visit"),
		retroItem(t, 22, "U1", "2025-11-18", "2025-11-18", planner.KindFund, 1, "meet Sequoia China about a co-investment fund", done, "term sheet by Dec 5"),
		retroTrip(t, 23, "U1", "2025-11-20", "2025-11-20", "Shanghai", "trip to Shanghai to meet battery makers", done, "met 3 battery makers"),
		retroItem(t, 24, "U1", "2025-11-21", "2025-11-21", planner.KindVisit, 2, "visit 2 logistics companies", planned, ""),
		retroItem(t, 25, "U2", "2025-11-17", "2025-11-17", planner.KindVisit, 3, "拜访3家新能源企业", done, "两家有意向，下周二再谈"),
		retroTrip(t, 26, "U2", "2025-11-19", "2025-11-20", "北京", "出差北京 对接央企总部", done, "约定12月初来园区考察"),
		retroItem(t, 27, "U2", "2025-11-21", "2025-11-21", planner.KindSigning, 1, "签约常诚车业二期项目", done, "签约金额2亿元"),
		retroItem(t, 28, "U3", "2025-11-18", "2025-11-18", planner.KindTraining, 1, "training for new investment staff", done, "12 attended"),
		retroItem(t, 29, "U3", "2025-11-19", "2025-11-19", planner.KindVisit, 2, "visit 2 chip designers", cancelled, "client postponed"),
		retroItem(t, 30, "U3", "2025-11-20", "2025-11-20", planner.KindReview, 1, "review the Q4 pipeline", done, ""),
		retroItem(t, 35, "U2", "2025-11-20", "2025-11-20", planner.KindReception, 1, "接待深圳客商考察团", done, "对方月底再来"),
		retroItem(t, 36, "U3", "2025-11-21", "2025-11-21", planner.KindEvent, 1, "Yangtze Delta investment promotion fair", planned, ""),
		retroItem(t, 37, "U3", "2025-11-21", "2025-11-21", planner.KindLeave, 1, "day off (调休)", planned, ""),
	}
	items[2].Visits = 3 // Ann's trip to Shanghai met 3 battery makers
	longLeave := retroItem(t, 15, "U5", "2025-11-13", "2025-11-28", planner.KindLeave, 1, "年假", planned, "")
	previous := []planner.Item{
		retroItem(t, 11, "U1", "2025-11-11", "2025-11-11", planner.KindVisit, 3, "visit 3 enterprises", done, ""),
		retroItem(t, 12, "U2", "2025-11-12", "2025-11-12", planner.KindFund, 1, "对接基金公司", planned, ""),
		retroItem(t, 13, "U4", "2025-11-13", "2025-11-13", planner.KindVisit, 2, "拜访2家企业", done, ""),
		retroItem(t, 14, "U3", "2025-11-14", "2025-11-14", planner.KindTraining, 1, "training", done, ""),
		longLeave,
	}
	next := []planner.Item{
		retroItem(t, 31, "U1", "2025-11-24", "2025-11-24", planner.KindVisit, 3, "visit 3 battery makers", planned, ""),
		retroItem(t, 32, "U1", "2025-11-26", "2025-11-26", planner.KindFund, 1, "meet Sequoia China again", planned, ""),
		retroTrip(t, 33, "U2", "2025-11-25", "2025-11-26", "深圳", "出差深圳", planned, ""),
		retroItem(t, 34, "U3", "2025-11-27", "2025-11-27", planner.KindMeeting, 1, "weekly sync", cancelled, ""),
	}
	notes := map[string]string{
		"U1": "Battery makers want land prices before the next visit.",
		"U2": "北京的央企需要一份园区配套清单，周一前整理好。",
	}
	var members []planner.Member
	for _, id := range []string{"U1", "U2", "U3", "U4", "U5"} {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: retroNames[id]})
	}
	r := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, w47, items, previous, countsOf(next), usersOf(previous), notes, members)
	r.SetLeaves([]planner.Item{longLeave, items[len(items)-1]})
	return r
}

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
	r := scriptedRetro(t)
	for _, l := range langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, r)
			golden(t, "retro_"+string(l)+".json", retroJSON(t, messages))
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
			recent = append(recent, planner.Item{ID: id, TeamID: "T1", UserID: user, Start: w47.Start().AddDays(-7),
				End: w47.Start().AddDays(-7), Kind: planner.KindVisit, Count: 1, Title: "拜访", Status: planner.StatusDone})
			continue
		}
		for k := range 10 {
			id++
			start := w47.Start().AddDays(k % 7)
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
		next = append(next, planner.Item{ID: id, TeamID: "T1", UserID: user, Start: w47.Next().Start(), End: w47.Next().Start(),
			Kind: planner.KindVisit, Count: 1, Title: "拜访", Status: planner.StatusPlanned})
		notes[user] = longTitle(m, 500) + extra
	}
	return planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组" + extra}, w47, items, nil, countsOf(next), usersOf(recent), notes, members)
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
	for _, l := range langs {
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
	r := scriptedRetro(t)
	empty := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, w47, nil, nil, nil, nil, nil, nil)
	for _, tt := range []struct {
		name string
		r    planner.Retro
	}{{"three members", r}, {"nothing logged", empty}} {
		for _, l := range langs {
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
		start := w47.Start().AddDays(i % 7)
		items = append(items, planner.Item{ID: int64(i + 1), TeamID: "T1", UserID: "U1", UserName: "Ann", Start: start, End: start,
			Kind: planner.KindVisit, Count: 1, Title: longTitle(i+1, 900), Status: planner.StatusDone, Outcome: "两家有意向"})
	}
	members := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"}}
	small := planner.Item{ID: 201, TeamID: "T1", UserID: "U2", UserName: "王芳", Start: w47.Start(), End: w47.Start(),
		Kind: planner.KindFund, Count: 1, Title: "对接基金", Status: planner.StatusDone}
	r := planner.BuildRetro(planner.Team{ID: "T1", Name: "招商一组"}, w47, append(items, small), nil, nil, nil, map[string]string{"U1": "note"}, members)
	itemLine := regexp.MustCompile(`^• #\d+ `)
	for _, l := range langs {
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
	small := scriptedRetro(t)
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
		for _, l := range langs {
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
		for _, l := range langs {
			t.Run(tt.name+" "+string(l), func(t *testing.T) {
				r := scriptedRetro(t)
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
				if week := escape(bot.Say(l, bot.MsgRetroTitle, 47, bot.ShortSpan(l, w47.Start(), w47.End()))); !strings.Contains(header, week) {
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

// usersOf returns the owners of items, each once: who logged anything.
func usersOf(items []planner.Item) []string {
	var users []string
	for _, it := range items {
		if !slices.Contains(users, it.UserID) {
			users = append(users, it.UserID)
		}
	}
	return users
}

// countsOf counts items by owner, as planner.Store.CountItems does.
func countsOf(items []planner.Item) map[string]planner.ItemCounts {
	counts := map[string]planner.ItemCounts{}
	for _, it := range items {
		c := counts[it.UserID]
		c.All++
		if it.Status != planner.StatusCancelled {
			c.NotCancelled++
		}
		counts[it.UserID] = c
	}
	return counts
}
