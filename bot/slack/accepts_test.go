package slack

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// openWeekNames are the display names of openWeek's members.
var openWeekNames = map[string]string{"U1": "Ann", "U2": "王芳", "U3": "Carol <!here>", "U4": "李*强*"}

// openWeek is 80 items of week 47 for four members, as a busy team's week
// looks: every day Ann (U1) has 2 to 6 open items and 王芳 (U2) two, Carol
// one open and one done, 李强 one cancelled; the rest are done items and
// three-day trips. Titles are short, long (300 and 900 characters), Chinese,
// English, and full of mrkdwn and mentions.
func openWeek() []planner.Item {
	var items []planner.Item
	titles := []func(id int) string{
		func(id int) string { return longTitle(id, 300) },
		func(int) string { return "visit 4 enterprises <!channel> & *partners*" },
		func(int) string { return "对接基金公司（以商引商）" },
		func(id int) string { return longTitle(id, 900) },
	}
	add := func(user string, d int, status planner.Status) *planner.Item {
		id := len(items) + 1
		start := plannertest.W47.Start().AddDays(d)
		it := planner.Item{ID: int64(id), TeamID: "T1", UserID: user, UserName: openWeekNames[user], Start: start, End: start,
			Kind: planner.Kinds[id%len(planner.Kinds)], Count: 1 + id%4, Title: titles[id%len(titles)](id), Status: status}
		if it.Kind == planner.KindTrip {
			it.Place = "北京"
		}
		if status == planner.StatusDone {
			it.Outcome = "两家有意向 <@U9>"
		}
		items = append(items, it)
		return &items[len(items)-1]
	}
	for d := range 7 {
		for range 2 + d%5 {
			add("U1", d, planner.StatusPlanned)
		}
		add("U2", d, planner.StatusPlanned)
		add("U2", d, planner.StatusPlanned)
		add("U3", d, planner.StatusPlanned)
		add("U3", d, planner.StatusDone)
		add("U4", d, planner.StatusCancelled)
	}
	for i := 0; len(items) < 80; i++ {
		it := add([]string{"U2", "U3", "U4"}[i%3], i%5, planner.StatusDone)
		if i%2 == 0 {
			it.Kind, it.Place, it.End, it.Status, it.Outcome = planner.KindTrip, "深圳", it.Start.AddDays(2), planner.StatusPlanned, ""
		}
	}
	return items
}

// ownItems are the items of user among items.
func ownItems(items []planner.Item, user string) []planner.Item {
	var own []planner.Item
	for _, it := range items {
		if it.UserID == user {
			own = append(own, it)
		}
	}
	return own
}

// buttonIDs are the item ids of the buttons in blocks with the action id
// prefix ("item_done"), in order.
func buttonIDs(t *testing.T, blocks []slack.Block, action string) []int64 {
	t.Helper()
	var ids []int64
	for _, b := range partsOf(decodeBlocks(t, blocks)).buttons {
		if name, _, _ := strings.Cut(b.action, ":"); name == action {
			v, ok := parseButtonValue(b.value)
			if !ok {
				t.Errorf("button %q has the value %q", b.label, b.value)
			}
			ids = append(ids, v.ID)
		}
	}
	return ids
}

// Slack accepts everything planbot renders of a busy week, for every member,
// in both languages: their week, the team's (fresh and from the cache), the
// Home tab, reminders and an add's confirmation; and each member still gets
// a Done and a Cancel button for every open item of theirs.
func TestSlackAcceptsBusyWeek(t *testing.T) {
	items := openWeek()
	for d := range 7 {
		day := plannertest.W47.Start().AddDays(d)
		n := 0
		for _, it := range ownItems(items, "U1") {
			if it.Start == day && it.Status == planner.StatusPlanned {
				n++
			}
		}
		if len(items) != 80 || n < 2 || n > 6 {
			t.Fatalf("%d items, Ann has %d open on %s; want 80, and 2 to 6 open each day", len(items), n, day)
		}
	}
	var members []planner.Member
	for _, id := range []string{"U1", "U2", "U3", "U4"} {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: openWeekNames[id]})
	}
	digest := planner.BuildDigest(plannertest.W47, items, nil, nil, members)
	// The team's week as a WeekCache keeps it, read back from the database.
	h := newHandler(t)
	storeWeek(t, h, items)
	kept := keptWeek(t, h, plannertest.Ann, true)
	if len(kept.Items) != len(items) || kept.TeamName != "招商一组" {
		t.Fatalf("the kept view has %d items of %q, want %d of 招商一组", len(kept.Items), kept.TeamName, len(items))
	}
	for _, l := range plannertest.Langs {
		for _, m := range members {
			t.Run(string(l)+" "+m.UserID, func(t *testing.T) {
				own := ownItems(items, m.UserID)
				var open []int64
				var openItems []planner.Item
				for _, it := range own {
					if it.Status == planner.StatusPlanned {
						open = append(open, it.ID)
						openItems = append(openItems, it)
					}
				}
				week := bot.WeekView{Week: plannertest.W47, Viewer: m.UserID, Items: own}
				team := bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Viewer: m.UserID, Items: items}
				teamKept := kept // the same kept rendering for every viewer, with their buttons
				teamKept.Viewer = m.UserID
				for name, r := range map[string]bot.Reply{
					"week":           {Lang: l, Body: week},
					"team":           {Lang: l, Body: team},
					"team, kept":     {Lang: l, Body: teamKept},
					"log reminder":   {Lang: l, Body: bot.Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: openItems}},
					"plan reminder":  {Lang: l, Body: bot.Reminder{Job: planner.JobPlan, Week: plannertest.W47, Items: openItems}},
					"added, several": {Lang: l, Body: bot.Added{Items: own}},
				} {
					t.Run(name, func(t *testing.T) { checkSlackReply(t, r) })
				}
				home := homeBlocks(l, week, digest)
				checkSlackView(t, slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: home}})
				for name, blocks := range map[string][]slack.Block{
					"week": renderBlocks(bot.Reply{Lang: l, Body: week}), "team": renderBlocks(bot.Reply{Lang: l, Body: team}),
					"team, kept": NewSlackResponse(bot.Reply{Lang: l, Body: teamKept}).Blocks.BlockSet,
					"home":       home,
				} {
					for _, action := range []string{ActionDone, ActionCancel} {
						got := buttonIDs(t, blocks, action)
						if slices.Sort(got); !slices.Equal(got, open) {
							t.Errorf("%s: %s buttons on %v, want one on each open item of %s: %v", name, action, got, m.UserID, open)
						}
					}
				}
			})
		}
	}
}

// The report, end to end: two items on one Tuesday, then the week,
// the team's week, the Home tab and a click on the second item's Done
// button, whose redraw Slack accepts too. The fake Slack checks every post.
func TestSlackAcceptsTwoItemsOnADay(t *testing.T) {
	h := newHandler(t)
	f := newFakeSlack(t)
	app := newTestApp(h, f)
	command := func(text string) SlackResponse {
		return app.Command(t.Context(), slack.SlashCommand{TeamID: "T1", TeamDomain: "zhaoshang", UserID: "U1", UserName: "ann",
			ChannelID: "C1", Command: "/plan", Text: text, ResponseURL: f.ResponseURL("cmd"), TriggerID: "t1"})
	}
	command("tue visit 4 enterprises")
	command("tue fund meeting with 2 investors")
	var week SlackResponse
	for _, line := range []string{"week", "team", "本周", "团队"} {
		resp := command(line)
		checkSlackMessage(t, resp)
		if line == "week" {
			week = resp
		}
	}
	var done *button
	for _, b := range partsOf(decodeBlocks(t, week.Blocks.BlockSet)).buttons {
		if b.label == "Done #2" {
			done = &b
		}
	}
	if done == nil {
		t.Fatalf("no Done #2 button in the week: %s", blockJSON(t, week.Blocks.BlockSet))
	}
	app.Interaction(t.Context(), slack.InteractionCallback{
		Type: slack.InteractionTypeBlockActions, Team: slack.Team{ID: "T1"}, User: slack.User{ID: "U1"},
		ResponseURL: f.ResponseURL("click"),
		ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{
			{ActionID: done.action, BlockID: "b1", Value: done.value},
		}},
	})
	app.Wait()
	redraw := f.waitPost(t, "/response/click")
	if r := decodeReply(t, redraw.body); !r.ReplaceOriginal || !strings.Contains(r.Text, "#2 ✅") || !strings.Contains(r.Text, "#1 ⬜") {
		t.Errorf("redraw %s, want the week with #2 done and #1 open", redraw.body)
	}
	if it, _ := history(t, h, "T1", 2); it.Status != planner.StatusDone {
		t.Errorf("item 2 is %s, want done", it.Status)
	}
	app.Event(slackevents.EventsAPIEvent{Type: slackevents.CallbackEvent, TeamID: "T1",
		InnerEvent: slackevents.EventsAPIInnerEvent{Data: &slackevents.AppHomeOpenedEvent{User: "U1", Tab: "home"}}})
	app.Wait()
	if home := f.waitPost(t, "/api/views.publish"); !strings.Contains(string(home.body), fmt.Sprintf("%q", ActionCancel+":1")) {
		t.Errorf("Home tab %s, want a Cancel button on item 1", home.body)
	}
}

// Slack accepts every kind of reply (and every failure) in both languages,
// as a command's answer and as a post (renderBlocks and fallback).
func TestSlackAcceptsEveryReply(t *testing.T) {
	bodies := sampleBodies(t)
	// Notices are said after the answer, in the words of the one who asked.
	bodies["notice"] = bot.Notice{Text: "Set up: the retrospective goes to #investment. 设置完成。"}
	for name, body := range bodies {
		for _, l := range plannertest.Langs {
			t.Run(name+" "+string(l), func(t *testing.T) {
				r := bot.Reply{Lang: l, Body: body}
				checkSlackReply(t, r)
				checkSlackMessage(t, url.Values{"channel": {"C1"}, "text": {Fallback(r)}, "blocks": {blockJSON(t, renderBlocks(r))}})
			})
		}
	}
}
