package slack

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/slack/slackcheck"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// Block Kit's limits that these tests name; slackcheck checks them all.
const (
	slackMessageBlocks = 50
	slackViewBlocks    = 100
	slackMessageChars  = 12000 // all the text of a message's blocks, before msg_blocks_too_long
	slackFallbackChars = 4000
)

// names are the display names of the users of the big samples.
var names = map[string]string{"U1": "Ann", "U2": "王芳"}

// longTitle returns a Chinese title of n characters that starts with its item's number.
func longTitle(id, n int) string {
	s := fmt.Sprintf("%d号 ", id) + strings.Repeat("对接新能源汽车零部件企业洽谈项目落地", n/17+1)
	return string([]rune(s)[:n])
}

// bigWeek is 80 items of week 47 with ~900-character Chinese titles, spread
// over the seven days and owned by users in turn. Every fifth is a three-day
// trip, every sixth is done and every sixth from the fourth on is cancelled.
func bigWeek(users ...string) []planner.Item {
	var items []planner.Item
	for i := range 80 {
		it := planner.Item{
			ID: int64(i + 1), TeamID: "T1", UserID: users[i%len(users)], UserName: names[users[i%len(users)]],
			Start: plannertest.W47.Start().AddDays(i % 7), Kind: planner.KindVisit, Count: 1 + i%5,
			Title: longTitle(i+1, 900), Status: planner.StatusPlanned,
		}
		it.End = it.Start
		if i%5 == 4 {
			it.End, it.Kind, it.Place = it.Start.AddDays(2), planner.KindTrip, "北京"
		}
		switch i % 6 {
		case 0:
			it.Status, it.Outcome = planner.StatusDone, "两家有意向"
		case 3:
			it.Status, it.Outcome = planner.StatusCancelled, "客户改期"
		}
		items = append(items, it)
	}
	return items
}

// bigDigest is the retrospective of a team of 60: six of them went silent,
// the others logged five items each with 300-character titles, and every
// third wrote a note.
func bigDigest() planner.Digest {
	var members []planner.Member
	var items, recent []planner.Item
	notes := map[string]string{}
	id := int64(0)
	for m := range 60 {
		user := fmt.Sprintf("U%03d", m)
		members = append(members, planner.Member{TeamID: "T1", UserID: user, Name: fmt.Sprintf("成员%02d", m)})
		if m%10 == 9 {
			id++
			recent = append(recent, planner.Item{ID: id, TeamID: "T1", UserID: user, Start: plannertest.W47.Start().AddDays(-7),
				End: plannertest.W47.Start().AddDays(-7), Kind: planner.KindVisit, Count: 1, Title: "拜访", Status: planner.StatusDone})
			continue
		}
		for k := range 5 {
			id++
			start := plannertest.W47.Start().AddDays(k)
			it := planner.Item{ID: id, TeamID: "T1", UserID: user, UserName: members[m].Name, Start: start, End: start,
				Kind: planner.Kinds[k], Count: 1 + k, Title: longTitle(int(id), 300), Status: planner.StatusPlanned}
			if k == 0 {
				it.Place = "深圳"
			}
			if k%2 == 1 {
				it.Status, it.Outcome = planner.StatusDone, "两家有意向"
			}
			items = append(items, it)
		}
		if m%3 == 0 {
			notes[user] = longTitle(m, 200)
		}
	}
	return planner.BuildDigest(plannertest.W47, items, plannertest.UsersOf(recent), notes, members)
}

// bigExport is a week's export of at least 40 KB.
func bigExport(t *testing.T) bot.ExportView {
	var items []planner.Item
	var csv strings.Builder
	for id := int64(1); csv.Len() < 40<<10; id++ {
		start := plannertest.W47.Start().AddDays(int(id % 7))
		items = append(items, planner.Item{ID: id, TeamID: "T1", UserID: "U1", UserName: "Ann", Start: start, End: start,
			Kind: planner.KindVisit, Count: 2, Title: longTitle(int(id), 100), Status: planner.StatusPlanned})
		csv.Reset()
		if err := bot.WriteCSV(&csv, items); err != nil {
			t.Fatal(err)
		}
	}
	return bot.ExportView{Week: plannertest.W47, CSV: csv.String()}
}

// addedMany is an Added reply of n items with the given titles.
func addedMany(n int, title func(id int) string) bot.Added {
	var items []planner.Item
	for i := range n {
		start := plannertest.W47.Start().AddDays(2 * (i % 4))
		items = append(items, planner.Item{ID: int64(i + 1), TeamID: "T1", UserID: "U1", UserName: "Ann", Start: start, End: start,
			Kind: planner.KindVisit, Count: 4, Title: title(i + 1), Status: planner.StatusPlanned})
	}
	return bot.Added{Items: items}
}

// blockJSON is blocks as Slack receives them, with <, > and & written as they are.
func blockJSON(t *testing.T, blocks []slack.Block) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(blocks); err != nil {
		t.Fatalf("encode blocks: %v", err)
	}
	return buf.String()
}

// decodeBlocks is blocks as generic JSON objects.
func decodeBlocks(t *testing.T, blocks []slack.Block) []map[string]any {
	t.Helper()
	var out []map[string]any
	if err := json.Unmarshal([]byte(blockJSON(t, blocks)), &out); err != nil {
		t.Fatalf("decode blocks: %v", err)
	}
	return out
}

// textOf returns obj[key].text, the text of a text object.
func textOf(obj map[string]any, key string) string {
	text, _ := obj[key].(map[string]any)
	s, _ := text["text"].(string)
	return s
}

// button is one button of an actions block.
type button struct {
	action, label, value string
}

// blockParts are the texts and buttons of decoded blocks.
type blockParts struct {
	sections []string // section texts
	contexts []string // context element texts
	buttons  []button
}

func partsOf(decoded []map[string]any) blockParts {
	var p blockParts
	for _, b := range decoded {
		switch b["type"] {
		case "section":
			p.sections = append(p.sections, textOf(b, "text"))
		case "context":
			elems, _ := b["elements"].([]any)
			for _, e := range elems {
				s, _ := e.(map[string]any)["text"].(string)
				p.contexts = append(p.contexts, s)
			}
		case "actions":
			elems, _ := b["elements"].([]any)
			for _, e := range elems {
				el := e.(map[string]any)
				action, _ := el["action_id"].(string)
				value, _ := el["value"].(string)
				p.buttons = append(p.buttons, button{action, textOf(el, "text"), value})
			}
		}
	}
	return p
}

// checkLimits checks blocks with the Slack checker, as a list of at most
// maxBlocks, and when maxChars is not 0 planbot's own budget: that many
// characters of text in all. It returns the blocks decoded.
func checkLimits(t *testing.T, blocks []slack.Block, maxBlocks, maxChars int) []map[string]any {
	t.Helper()
	checkSlackBlocks(t, blocks, maxBlocks)
	decoded := decodeBlocks(t, blocks)
	total := 0
	for _, b := range decoded {
		total += slackcheck.TextChars(b)
	}
	if maxChars > 0 && total > maxChars {
		t.Errorf("%d characters of text in the blocks, want at most %d", total, maxChars)
	}
	return decoded
}

// moreMarker finds "…and N more" (or "……还有 N 项") and its N.
var moreMarker = regexp.MustCompile(`^(?:…and (\d+) more|……还有 (\d+) 项)`)

// accounted counts what the blocks show of a reply: the section lines that
// match unit (every line when unit is nil), plus the N of every "…and N more".
// It also tells whether there was such a marker.
func accounted(p blockParts, unit *regexp.Regexp) (int, bool) {
	n, marked := 0, false
	for _, text := range append(slices.Clone(p.sections), p.contexts...) {
		for _, line := range strings.Split(text, "\n") {
			if m := moreMarker.FindStringSubmatch(line); m != nil {
				more, _ := strconv.Atoi(m[1] + m[2])
				n, marked = n+more, true
			}
		}
	}
	for _, text := range p.sections {
		for _, line := range strings.Split(text, "\n") {
			if !moreMarker.MatchString(line) && (unit == nil || unit.MatchString(line)) {
				n++
			}
		}
	}
	return n, marked
}

// weekDays counts the item lines a week view has to show: each item once for
// every day of the week it covers.
func weekDays(items []planner.Item) int {
	n := 0
	for day := plannertest.W47.Start(); !day.After(plannertest.W47.End()); day = day.AddDays(1) {
		for _, it := range items {
			if bot.Covers(it, day) {
				n++
			}
		}
	}
	return n
}

// lineCount counts the lines of a reply's plain text.
func lineCount(r bot.Reply) int { return strings.Count(bot.RenderText(r), "\n") + 1 }

// Every reply, however big, fits Slack's limits, and what does not fit is
// counted in a "…and N more" line rather than dropped.
func TestRenderBlocksLimits(t *testing.T) {
	itemLine := regexp.MustCompile(`^#\d+ `)
	addedLine := regexp.MustCompile(`^(?:Added|已添加) #\d+ `)
	own, team := bigWeek("U1"), bigWeek("U1", "U2")
	digest, export := bigDigest(), bigExport(t)
	added := addedMany(30, func(id int) string { return longTitle(id, 900) })
	// Escaped, each of these characters takes four: "&lt;".
	markup := addedMany(30, func(int) string { return strings.Repeat("<>", planner.MaxTitle/2) })
	tests := []struct {
		name  string
		reply bot.Reply
		units int            // the item lines (or lines) the reply has to show
		unit  *regexp.Regexp // a section line that shows one; nil for any line
		more  bool           // whether some must be left out
	}{
		{"week of 80 en", bot.Reply{Lang: planner.English, Body: bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: own}}, weekDays(own), itemLine, true},
		{"week of 80 zh", bot.Reply{Lang: planner.Chinese, Body: bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: own}}, weekDays(own), itemLine, true},
		{"team week of 80", bot.Reply{Lang: planner.Chinese, Body: bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Viewer: "U1", Items: team}},
			weekDays(team), itemLine, true},
		{"digest of 60 en", bot.Reply{Lang: planner.English, Body: bot.DigestView{Retro: planner.Retro{Digest: digest}}}, lineCount(bot.Reply{Lang: planner.English, Body: bot.DigestView{Retro: planner.Retro{Digest: digest}}}), nil, true},
		{"digest of 60 zh", bot.Reply{Lang: planner.Chinese, Body: bot.DigestView{Retro: planner.Retro{Digest: digest}}}, lineCount(bot.Reply{Lang: planner.Chinese, Body: bot.DigestView{Retro: planner.Retro{Digest: digest}}}), nil, true},
		{"help en", bot.Reply{Lang: planner.English, Body: bot.Help{}}, lineCount(bot.Reply{Lang: planner.English, Body: bot.Help{}}), nil, false},
		{"help zh", bot.Reply{Lang: planner.Chinese, Body: bot.Help{}}, lineCount(bot.Reply{Lang: planner.Chinese, Body: bot.Help{}}), nil, false},
		{"added 30 en", bot.Reply{Lang: planner.English, Body: added}, 30, addedLine, true},
		{"added 30 zh", bot.Reply{Lang: planner.Chinese, Body: added}, 30, addedLine, true},
		{"added 30 of markup", bot.Reply{Lang: planner.English, Body: markup}, 30, addedLine, true},
		{"export of 40 KB", bot.Reply{Lang: planner.English, Body: export}, lineCount(bot.Reply{Lang: planner.English, Body: export}), nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			blocks := renderBlocks(tt.reply)
			p := partsOf(checkLimits(t, blocks, slackMessageBlocks, slackMessageChars))
			if n := utf8.RuneCountInString(Fallback(tt.reply)); n > slackFallbackChars {
				t.Errorf("fallback of %d characters, want at most %d", n, slackFallbackChars)
			}
			shown, marked := accounted(p, tt.unit)
			if shown != tt.units {
				t.Errorf("blocks show or count %d of %d", shown, tt.units)
			}
			if marked != tt.more {
				t.Errorf("a \"…and N more\" line: %t, want %t", marked, tt.more)
			}
		})
	}
}

// In a week too big for its message, each day says how many of its items it leaves out.
func TestRenderBlocksWeekMore(t *testing.T) {
	items := bigWeek("U1")
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			p := partsOf(decodeBlocks(t, renderBlocks(bot.Reply{Lang: l, Body: bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: items}})))
			if len(p.sections) != 7 {
				t.Fatalf("%d sections, want one for each day", len(p.sections))
			}
			for i, text := range p.sections {
				day := plannertest.W47.Start().AddDays(i)
				if !strings.HasPrefix(text, "*"+bot.DayLabel(l, day)+"*\n") {
					t.Errorf("section %d starts %.40q, want the day %s", i, text, bot.DayLabel(l, day))
				}
				var onDay []planner.Item
				for _, it := range items {
					if bot.Covers(it, day) {
						onDay = append(onDay, it)
					}
				}
				shown, marked := accounted(blockParts{sections: []string{text}}, regexp.MustCompile(`^#\d+ `))
				if shown != len(onDay) || !marked {
					t.Errorf("%s: shows or counts %d of %d items (marker %t):\n%.300s", day, shown, len(onDay), marked, text)
				}
			}
		})
	}
}

func TestHomeBlocksLimits(t *testing.T) {
	items := bigWeek("U1")
	digest := planner.BuildDigest(plannertest.W47, bigWeek("U1", "U2"), nil, nil,
		[]planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"}})
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			blocks := homeBlocks(l, bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: items}, digest)
			p := partsOf(checkLimits(t, blocks, slackViewBlocks, 0))
			if shown, marked := accounted(p, regexp.MustCompile(`^#\d+ `)); shown != weekDays(items) || !marked {
				t.Errorf("Home shows or counts %d of %d item lines (marker %t)", shown, weekDays(items), marked)
			}
			if team := p.sections[len(p.sections)-1]; !strings.Contains(team, bot.KindName(l, planner.KindVisit)+" ") {
				t.Errorf("last section %q, want the team's counts", team)
			}
		})
	}
}

// Buttons are only on the viewer's own planned items, on the day each starts.
func TestRenderBlocksButtons(t *testing.T) {
	item := func(id int64, user string, start, end string, status planner.Status) planner.Item {
		return planner.Item{ID: id, TeamID: "T1", UserID: user, UserName: names[user], Start: plannertest.Day(t, start), End: plannertest.Day(t, end),
			Kind: planner.KindVisit, Count: 1, Title: "visit", Status: status}
	}
	items := []planner.Item{
		item(1, "U1", "2025-11-18", "2025-11-18", planner.StatusPlanned),
		item(2, "U1", "2025-11-18", "2025-11-18", planner.StatusDone),
		item(3, "U1", "2025-11-19", "2025-11-19", planner.StatusCancelled),
		item(4, "U2", "2025-11-19", "2025-11-19", planner.StatusPlanned),
		item(5, "U2", "2025-11-20", "2025-11-20", planner.StatusDone),
		item(6, "U1", "2025-11-20", "2025-11-21", planner.StatusPlanned),
	}
	own := []planner.Item{items[0], items[1], items[2], items[5]}
	digest := planner.BuildDigest(plannertest.W47, items, nil, nil, nil)
	tests := []struct {
		name   string
		blocks []slack.Block
		want   []string // action, label and value of each button
	}{
		{"own week", renderBlocks(bot.Reply{Lang: planner.English, Body: bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: own}}), []string{
			"item_done:1 Done #1 1|week:2025-W47|en", "item_cancel:1 Cancel #1 1|week:2025-W47|en",
			"item_done:6 Done #6 6|week:2025-W47|en", "item_cancel:6 Cancel #6 6|week:2025-W47|en",
		}},
		{"team week", renderBlocks(bot.Reply{Lang: planner.Chinese, Body: bot.WeekView{Week: plannertest.W47, Team: true, Viewer: "U1", Items: items}}), []string{
			"item_done:1 完成 #1 1|team:2025-W47|zh", "item_cancel:1 取消 #1 1|team:2025-W47|zh",
			"item_done:6 完成 #6 6|team:2025-W47|zh", "item_cancel:6 取消 #6 6|team:2025-W47|zh",
		}},
		{"team week of another", renderBlocks(bot.Reply{Lang: planner.English, Body: bot.WeekView{Week: plannertest.W47, Team: true, Viewer: "U2", Items: items}}), []string{
			"item_done:4 Done #4 4|team:2025-W47|en", "item_cancel:4 Cancel #4 4|team:2025-W47|en",
		}},
		{"team week of an outsider", renderBlocks(bot.Reply{Lang: planner.English, Body: bot.WeekView{Week: plannertest.W47, Team: true, Viewer: "U9", Items: items}}), nil},
		{"home", homeBlocks(planner.English, bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: own}, digest), []string{
			"item_done:1 Done #1 1|home|en", "item_cancel:1 Cancel #1 1|home|en",
			"item_done:6 Done #6 6|home|en", "item_cancel:6 Cancel #6 6|home|en",
		}},
		{"added", renderBlocks(bot.Reply{Lang: planner.Chinese, Body: bot.Added{Items: items[:1]}}), []string{
			"item_done:1 完成 #1 1|added|zh", "item_undo:1 撤销 1|added|zh",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, b := range partsOf(decodeBlocks(t, tt.blocks)).buttons {
				got = append(got, b.action+" "+b.label+" "+b.value)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("buttons\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// In the big weeks too, every button is on one of the viewer's planned items.
func TestRenderBlocksButtonsBigWeek(t *testing.T) {
	items := bigWeek("U1", "U2")
	byID := map[int64]planner.Item{}
	for _, it := range items {
		byID[it.ID] = it
	}
	for _, tt := range []struct {
		name string
		view bot.WeekView
	}{
		{"own", bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: items}},
		{"team", bot.WeekView{Week: plannertest.W47, Team: true, Viewer: "U2", Items: items}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			buttons := partsOf(decodeBlocks(t, renderBlocks(bot.Reply{Lang: planner.English, Body: tt.view}))).buttons
			if len(buttons) == 0 {
				t.Fatal("no buttons")
			}
			for _, b := range buttons {
				v, ok := parseButtonValue(b.value)
				it := byID[v.ID]
				if !ok || it.UserID != tt.view.Viewer || it.Status != planner.StatusPlanned {
					t.Errorf("button %q %q on item %+v, want only the viewer's planned items", b.label, b.value, it)
				}
			}
		})
	}
}

// evil is user text that would ping, link or mark up if Slack read it as mrkdwn.
const evil = "<!channel> <!here> <!everyone> <@U123> <!subteam^S1|@team> <#C1> & <https://evil|click>"

// No user text reaches Slack as markup: names, titles, places, outcomes,
// notes and details are all escaped.
func TestRenderBlocksEscapes(t *testing.T) {
	it := planner.Item{ID: 1, TeamID: "T1", UserID: "U1", UserName: evil, Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-19"),
		Kind: planner.KindTrip, Count: 2, Place: evil, Title: "trip " + evil, Status: planner.StatusPlanned}
	done := it
	done.ID, done.Status, done.Outcome = 2, planner.StatusDone, evil
	items := []planner.Item{it, done}
	members := []planner.Member{{TeamID: "T1", UserID: "U1", Name: evil}, {TeamID: "T1", UserID: "U2", Name: evil}}
	silent := planner.Item{ID: 3, TeamID: "T1", UserID: "U2", Start: plannertest.Day(t, "2025-11-10"), End: plannertest.Day(t, "2025-11-10"),
		Kind: planner.KindVisit, Count: 1, Title: evil, Status: planner.StatusPlanned}
	digest := planner.BuildDigest(plannertest.W47, items, plannertest.UsersOf([]planner.Item{silent}), map[string]string{"U1": evil}, members)
	bodies := map[string]bot.Body{
		"added":     bot.Added{Items: items},
		"week":      bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: items},
		"team week": bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Viewer: "U1", Items: items},
		"changed":   bot.Changed{Verb: bot.VerbDone, Item: done},
		"digest":    bot.DigestView{Retro: planner.Retro{Digest: digest}},
		"history": bot.HistoryView{Item: done, Zone: plannertest.Shanghai, Changes: []planner.Change{
			{TeamID: "T1", ItemID: 2, By: "U1", Action: "add", Detail: evil},
			{TeamID: "T1", ItemID: 2, By: "U1", Action: "done", Detail: evil},
		}},
		"note":            bot.NoteView{Week: plannertest.W47, Text: evil},
		"failure":         bot.Failure{Err: planner.Errorf(planner.Invalid, planner.ReasonBadDate, evil)},
		"failure no item": bot.Failure{Err: planner.Errorf(planner.Invalid, planner.ReasonNoItem, evil)},
	}
	check := func(t *testing.T, what, text string) {
		t.Helper()
		for _, raw := range []string{"<!", "<@", "<#", "<http", " & "} {
			if strings.Contains(text, raw) {
				t.Errorf("%s contains %q:\n%s", what, raw, text)
			}
		}
		if !strings.Contains(text, "&lt;!channel&gt;") || !strings.Contains(text, "&lt;https://evil|click&gt;") {
			t.Errorf("%s lacks the escaped user text:\n%s", what, text)
		}
	}
	for name, body := range bodies {
		for _, l := range plannertest.Langs {
			t.Run(name+" "+string(l), func(t *testing.T) {
				check(t, "blocks", blockJSON(t, renderBlocks(bot.Reply{Lang: l, Body: body})))
				check(t, "fallback", Fallback(bot.Reply{Lang: l, Body: body}))
			})
		}
	}
	for _, l := range plannertest.Langs {
		t.Run("home "+string(l), func(t *testing.T) {
			check(t, "blocks", blockJSON(t, homeBlocks(l, bot.WeekView{Week: plannertest.W47, Viewer: "U1", Items: items}, digest)))
		})
	}
}

// planbot's own channel links stay links.
func TestRenderBlocksChannelLink(t *testing.T) {
	for _, tt := range []struct {
		name string
		body func(l planner.Lang) bot.Body
	}{
		{"setup channel", func(planner.Lang) bot.Body { return bot.SetupChannel{Channel: "C123"} }},
		{"setup done", func(planner.Lang) bot.Body {
			return bot.SetupDone{Team: planner.Team{ID: "T1", TZ: "Asia/Shanghai", DigestChannel: "C123"}}
		}},
		{"notice", func(l planner.Lang) bot.Body { return bot.Notice{Text: bot.Say(l, bot.MsgSetupReady, "C123", 3)} }},
	} {
		for _, l := range plannertest.Langs {
			t.Run(tt.name+" "+string(l), func(t *testing.T) {
				blocks := renderBlocks(bot.Reply{Lang: l, Body: tt.body(l)})
				checkLimits(t, blocks, slackMessageBlocks, slackMessageChars)
				if js := blockJSON(t, blocks); !strings.Contains(js, "<#C123>") || strings.Contains(js, "&lt;") {
					t.Errorf("blocks %s, want the link <#C123>", js)
				}
			})
		}
	}
}

func TestUnescape(t *testing.T) {
	// What a slash command's text becomes for the command language.
	for _, tt := range []struct{ in, want string }{
		{"&lt;!here&gt; &amp;amp;", "<!here> &amp;"},
		{"R&amp;D &lt;3", "R&D <3"},
		{"&lt;@U123&gt; 对接&amp;洽谈", "<@U123> 对接&洽谈"},
		{"tue visit 4 enterprises", "tue visit 4 enterprises"},
		{"&amp;lt;", "&lt;"},
		// A mention becomes the member's id, a word of its own, before bot sees it.
		{"forget <@U2>", "forget U2"},
		{"forget <@U2|bob>", "forget U2"},
		{"忘记<@U2|王芳>", "忘记 U2"},
		{"forget <@W0123ABC|>", "forget W0123ABC"},
		{"拜访 <@U2> 的客户", "拜访 U2 的客户"},
		{"&lt;@U2|bob&gt; typed as text", "<@U2|bob> typed as text"},
	} {
		t.Run(tt.in, func(t *testing.T) {
			if got := unescape(tt.in); got != tt.want {
				t.Errorf("unescape(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
	for _, line := range []string{"forget <@U2>", "forget <@U2|bob>", "忘记<@U2|王芳>"} {
		if cmd := bot.ParseCommand(unescape(line)); cmd.Verb != bot.VerbForget || cmd.Args != "U2" {
			t.Errorf("%q reads as %+v, want forget U2", line, cmd)
		}
	}
}

func TestButtonValueRoundTrip(t *testing.T) {
	for _, tt := range []struct {
		value buttonValue
		text  string
	}{
		{buttonValue{ID: 12, Where: "week:2025-W47", Lang: planner.Chinese}, "12|week:2025-W47|zh"},
		{buttonValue{ID: 1, Where: "team:2026-W01", Lang: planner.English}, "1|team:2026-W01|en"},
		{buttonValue{ID: 7, Where: "added", Lang: planner.English}, "7|added|en"},
		{buttonValue{ID: math.MaxInt64, Where: "home", Lang: planner.Chinese}, "9223372036854775807|home|zh"},
	} {
		t.Run(tt.text, func(t *testing.T) {
			if got := tt.value.String(); got != tt.text {
				t.Errorf("String() = %q, want %q", got, tt.text)
			}
			got, ok := parseButtonValue(tt.text)
			if !ok || got != tt.value {
				t.Errorf("parseButtonValue(%q) = %+v, %t; want %+v", tt.text, got, ok, tt.value)
			}
		})
	}
}

func TestParseButtonValueRejects(t *testing.T) {
	for _, s := range []string{
		"", "x|y|en", "0|added|en", "-1|added|en", "1|added|fr", "1|added", "1|added|en|x",
		"9223372036854775808|added|en", "99999999999999999999|added|en", " 1|added|en",
	} {
		t.Run(s, func(t *testing.T) {
			if v, ok := parseButtonValue(s); ok {
				t.Errorf("parseButtonValue(%q) = %+v, accepted", s, v)
			}
		})
	}
}

// The fallback of a week view, rendered only as far as it is kept, is the
// text the whole view would give, cut the same way: short weeks, a team's week
// many times the limit, and text that escaping lengthens (&, <, >).
func TestWeekFallbackIsTheTruncatedText(t *testing.T) {
	escapes := bigWeek("U1", "U2")
	for i := range escapes {
		escapes[i].Title = strings.Repeat("R&D <b> ", 60)
	}
	for name, v := range map[string]bot.WeekView{
		"empty":            {Week: plannertest.W47, TeamName: "East"},
		"one item":         {Week: plannertest.W47, Items: bigWeek("U1")[:1]},
		"team, 80 items":   {Week: plannertest.W47, Team: true, TeamName: "招商一组", Items: bigWeek("U1", "U2", "U3")},
		"escapes lengthen": {Week: plannertest.W47, Team: true, TeamName: "R&D", Items: escapes},
	} {
		for _, l := range plannertest.Langs {
			r := bot.Reply{Lang: l, Body: v}
			if got, want := Fallback(r), truncate(slackText(r), maxFallbackChars); got != want {
				t.Errorf("%s, %s: fallback differs from the truncated whole text\n got %.200q…\nwant %.200q…", name, l, got, want)
			}
		}
	}
}

// fitLinesRef is how a day's section was cut before fitText: render every
// line, keep those that fit, count the rest.
func fitLinesRef(l planner.Lang, lines []string, max int) string {
	out, size := []string{}, 0
	for i, line := range lines {
		n := len([]rune(line)) + 1
		if size+n > max-40 && i > 0 {
			return strings.Join(append(out, escape(bot.Say(l, bot.MsgMore, len(lines)-i))), "\n")
		}
		out = append(out, line)
		size += n
	}
	return strings.Join(out, "\n")
}

// fitText, which renders only the lines it keeps, cuts a day exactly as
// rendering every line and then cutting did.
func TestFitTextCutsAsBefore(t *testing.T) {
	long := bigWeek("U1", "U2", "U3")
	for _, l := range plannertest.Langs {
		for _, max := range []int{60, 400, 3000} {
			for n := 0; n <= len(long); n += 7 {
				lines := []string{"*Mon*"}
				f := newFitText("*Mon*", max)
				for _, it := range long[:n] {
					line := escape(bot.ItemLine(l, it, true))
					lines = append(lines, line)
					f.add(func() string { return line })
				}
				if f.empty() {
					lines = append(lines, bot.Say(l, bot.MsgNothing))
					f.add(func() string { return bot.Say(l, bot.MsgNothing) })
				}
				if got, want := f.String(l), fitLinesRef(l, lines, max); got != want {
					t.Fatalf("%s, max %d, %d lines:\n got %.300q\nwant %.300q", l, max, n, got, want)
				}
			}
		}
	}
}

// commandOf is the command line a click is meant to run, as a command built
// by hand runs it (no verb word, so no language of its own); "" is none.
func commandOf(line string) bot.Command {
	if line == "" {
		return bot.Command{}
	}
	cmd := bot.ParseCommand(line)
	cmd.Lang = ""
	return cmd
}

// A click runs what its button's action_id says on the item its value names;
// buttons from before the ids were added ("item_done") still work.
func TestClickCommand(t *testing.T) {
	v := buttonValue{ID: 12, Where: "week:2025-W47", Lang: planner.English}
	for _, tt := range []struct {
		action, want string
	}{
		{"item_done:12", "done 12"},
		{"item_cancel:12", "cancel 12"},
		{"item_undo:12", "cancel 12 undo"},
		{"item_done", "done 12"},
		{"item_cancel", "cancel 12"},
		{"item_done:13", ""},
		{"item_done:", ""},
		{"item_done:12:x", ""},
		{"item_delete:12", ""},
		{"", ""},
	} {
		t.Run(tt.action, func(t *testing.T) {
			cmd, ok := clickCommand(tt.action, v)
			if !reflect.DeepEqual(cmd, commandOf(tt.want)) || ok != (tt.want != "") {
				t.Errorf("clickCommand(%q) = %+v, %t; want %q", tt.action, cmd, ok, tt.want)
			}
		})
	}
}
