package slack

import (
	"maps"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// The reasons of the command language's forgiving refusals (bot/catalog_forgive.go), which bot keeps to itself.
const (
	reasonDidYouMean planner.Reason = "did_you_mean"
	reasonOneItem    planner.Reason = "one_item"
)

// seedForgive gives team T1 Ann's items #1–#4 and Bob's #5.
func seedForgive(t *testing.T, h *bot.Handler) {
	t.Helper()
	for _, line := range []string{"tue visit 4 enterprises", "thu-fri trip to Beijing", "wed call investors", "fri training"} {
		mustHandle(t, h, plannertest.Ann, line)
	}
	mustHandle(t, h, plannertest.Bob, "tue visit 2 enterprises")
}

// statuses returns each item's status and outcome in team T1, by id.
func statuses(t *testing.T, h *bot.Handler) map[int64]string {
	t.Helper()
	out := map[int64]string{}
	for _, it := range teamItems(t, h, "T1") {
		out[it.ID] = string(it.Status) + " " + it.Outcome
	}
	return out
}

// The command language forgives: ids as Chinese input methods type them,
// lists of ids, the id first, and mistyped verbs. A line it cannot take as
// meant is refused with a hint and stores nothing; never is an id an outcome.
func TestHandleForgivingCommands(t *testing.T) {
	const planned, done, cancelled = "planned ", "done ", "cancelled "
	tests := []struct {
		name, line string
		changed    map[int64]string // statuses after, of the items that change
		reason     planner.Reason   // a refusal: nothing changes
		reply      []string         // in the reply's text
	}{
		{"mistyped verb", "dnoe 2", nil, reasonDidYouMean,
			[]string{"Did you mean /plan done 2? Nothing was saved", "你是不是想输入 /plan done 2？"}},
		{"mistyped verb with an outcome", "dnoe 3 2 of 4 interested", nil, reasonDidYouMean,
			[]string{"Did you mean /plan done 3 2 of 4 interested?"}},
		{"mistyped cancel", "cancle 3", nil, reasonDidYouMean, []string{"Did you mean /plan cancel 3?"}},
		{"mistyped chinese verb", "完戍 3", nil, reasonDidYouMean,
			[]string{"你是不是想输入 /plan 完成 3？什么都没有保存", "Did you mean /plan 完成 3?"}},
		{"mistyped verb after the id", "2 dnoe", nil, reasonDidYouMean, []string{"Did you mean /plan done 2?"}},
		{"the id first", "2 done", map[int64]string{2: done}, "", []string{"Done #2"}},
		{"a verb run into its id", "done1", map[int64]string{1: done}, "", []string{"Done #1"}},
		{"the id run into a chinese verb", "1完成", map[int64]string{1: done}, "", []string{"已完成 #1"}},
		{"a mistyped verb before a weekday", "mvoe 3 周五", nil, reasonDidYouMean, []string{"Did you mean /plan move 3 周五?"}},
		{"the id first with a hash", "#2 done", map[int64]string{2: done}, "", []string{"Done #2"}},
		{"the id first in chinese", "3 完成 两家有意向", map[int64]string{3: done + "两家有意向"}, "", []string{"已完成 #3"}},
		{"a full-width id", "完成 ２ 有意向", map[int64]string{2: done + "有意向"}, "", []string{"已完成 #2", "“有意向”"}},
		{"a full-width hash", "完成＃2", map[int64]string{2: done}, "", []string{"已完成 #2"}},
		{"a hash", "done #2", map[int64]string{2: done}, "", []string{"Done #2"}},
		{"a list", "done 1,2", map[int64]string{1: done, 2: done}, "", []string{"Done #1", "Done #2"}},
		{"a chinese list", "完成 1、2", map[int64]string{1: done, 2: done}, "", []string{"已完成 #1", "已完成 #2"}},
		{"a range", "done 1-3", map[int64]string{1: done, 2: done, 3: done}, "", []string{"Done #1", "Done #2", "Done #3"}},
		{"a list of hashes", "done #1,#2", map[int64]string{1: done, 2: done}, "", []string{"Done #1", "Done #2"}},
		{"a list with an outcome for all", "done 1,2 signed both", map[int64]string{1: done + "signed both", 2: done + "signed both"}, "",
			[]string{"Done #1", "Done #2", "“signed both”"}},
		{"an outcome that starts with a number", "done 3 2 of 4 interested", map[int64]string{3: done + "2 of 4 interested"}, "",
			[]string{"Done #3", "“2 of 4 interested”"}},
		{"a list cancelled", "cancel 1-2 client postponed", map[int64]string{1: cancelled + "client postponed", 2: cancelled + "client postponed"}, "",
			[]string{"Cancelled #1", "Cancelled #2"}},
		{"a list moved", "move 1,3 fri", nil, "", []string{"Moved #1 ⬜ Fri Nov 21", "Moved #3 ⬜ Fri Nov 21"}},
		{"an id is no outcome", "done 1 2", nil, reasonDidYouMean, []string{"Did you mean /plan done 1,2?"}},
		{"an id is no outcome, in chinese", "完成 1 ＃2", nil, reasonDidYouMean, []string{"你是不是想输入 /plan 完成 1,2？"}},
		{"an id is no reason", "cancel 1 2,3", nil, reasonDidYouMean, []string{"Did you mean /plan cancel 1,2,3?"}},
		{"a list with someone else's item", "done 1,5", nil, planner.ReasonNotYours, []string{"Item #5 belongs to someone else"}},
		{"a list with a missing item", "done 1,99", nil, planner.ReasonNoItem, []string{"There is no item #99"}},
		{"a list to edit", "edit 1,2 fri visit 2 enterprises", nil, reasonOneItem, []string{"one item at a time"}},
		{"a list's history", "history 1-2", nil, reasonOneItem, []string{"one item at a time"}},
		{"a range too long", "done 1-100", nil, planner.ReasonBadID, []string{"\"1-100\" is not an item number"}},
		{"a range backwards", "done 3-1", nil, planner.ReasonBadID, []string{"\"3-1\" is not an item number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			seedForgive(t, h)
			before := teamStateOf(t, h, "T1")
			want := statuses(t, h)
			r := handle(t, h, plannertest.Ann, tt.line)
			text := bot.RenderText(r)
			checkSlackReply(t, r)
			for _, s := range tt.reply {
				if !strings.Contains(text, s) {
					t.Errorf("%q answered\n%s\nwant %q in it", tt.line, text, s)
				}
			}
			if tt.reason != "" {
				if e := failure(t, r); e.Reason != tt.reason {
					t.Errorf("%q refused for %s, want %s", tt.line, e.Reason, tt.reason)
				}
				if after := teamStateOf(t, h, "T1"); !reflect.DeepEqual(before, after) {
					t.Errorf("%q was refused but changed the store:\nbefore %+v\nafter  %+v", tt.line, before, after)
				}
				return
			}
			if f, failed := r.Body.(bot.Failure); failed {
				t.Fatalf("%q failed: %v", tt.line, f.Err)
			}
			maps.Copy(want, tt.changed)
			if got := statuses(t, h); !reflect.DeepEqual(got, want) {
				t.Errorf("%q left the items %v, want %v", tt.line, got, want)
			}
			if got := len(teamItems(t, h, "T1")); got != 5 {
				t.Errorf("%q: the team has %d items, want 5: a command was filed as an item", tt.line, got)
			}
		})
	}
}

// Marking an item that is done already says so and changes nothing, unless
// an outcome is given; a list marks what is open and says which were done.
func TestHandleDoneTwice(t *testing.T) {
	h := newHandler(t)
	seedForgive(t, h)
	mustHandle(t, h, plannertest.Ann, "done 1 2 of 4 interested")
	_, changes := history(t, h, "T1", 1)

	r := mustHandle(t, h, plannertest.Ann, "done 1")
	if c, ok := r.Body.(bot.Changed); !ok || !c.Already || c.Item.Outcome != "2 of 4 interested" {
		t.Errorf("done again: %+v, want Already with the outcome kept", r.Body)
	}
	if got, want := bot.RenderText(r), "Already done, nothing changed: #1 ✅ Tue Nov 18 · visit ×4 · visit 4 enterprises · “2 of 4 interested”. To record what came of it: /plan done 1 2 of 4 interested"; got != want {
		t.Errorf("done again says\n%q, want\n%q", got, want)
	}
	if _, again := history(t, h, "T1", 1); len(again) != len(changes) {
		t.Errorf("done again wrote history: %d changes, want %d", len(again), len(changes))
	}

	r = mustHandle(t, h, plannertest.Ann, "done 1,2")
	all, ok := r.Body.(bot.ChangedAll)
	if !ok || len(all.Changes) != 2 || !all.Changes[0].Already || all.Changes[1].Already || all.Changes[1].Item.Status != planner.StatusDone {
		t.Fatalf("done 1,2: %+v, want #1 already done and #2 done", r.Body)
	}
	if text := bot.RenderText(r); !strings.Contains(text, "Already done, nothing changed: #1") || !strings.Contains(text, "\nDone #2") {
		t.Errorf("done 1,2 says\n%s", text)
	}

	r = mustHandle(t, h, plannertest.Ann, "完成 1 三家有意向")
	if c, ok := r.Body.(bot.Changed); !ok || !c.Outcome || c.Item.Outcome != "三家有意向" {
		t.Errorf("done with a new outcome: %+v, want the outcome updated", r.Body)
	}
	if got := bot.RenderText(r); !strings.HasPrefix(got, "已经完成了，结果已更新：#1 ✅") {
		t.Errorf("done with a new outcome says %q", got)
	}
	checkSlackReply(t, r)
}

// sunday is Sunday 2025-11-23 20:00 in Shanghai: this week's Monday is gone.
var sunday = time.Date(2025, 11, 23, 20, 0, 0, 0, plannertest.Shanghai)

// A bare weekday that falls on a day gone by this week is filed as written,
// and the reply says so with next week's day: the exact command in text, a
// button in Slack, whose click moves the item there.
func TestHandleAddPastDay(t *testing.T) {
	tests := []struct {
		line  string
		past  bool
		text  string
		later string // the day the button moves to, when not next week's 2025-11-24
	}{
		{"17-18日 出差上海", true, "已添加 #1 ⬜ 11月17日周一至11月18日周二 · 出差 → 上海 · 出差上海\n⚠ 11月17日周一 已经过去了。如要改到下个月的 12月17日周三：/plan 改期 1 2025-12-17", "2025-12-17"},
		{"review the week on the 17th", true, "Added #1 ⬜ Mon Nov 17 · review · review the week\n⚠ Mon Nov 17 has already passed. To do it next month, on Wed Dec 17: /plan move 1 2025-12-17", "2025-12-17"},
		{"周一 制定本周计划", true, "已添加 #1 ⬜ 11月17日周一 · 其他 · 制定本周计划\n⚠ 11月17日周一 已经过去了。如要改到下周的 11月24日周一：/plan 改期 1 2025-11-24", ""},
		{"mon plan the week", true, "Added #1 ⬜ Mon Nov 17 · other · plan the week\n⚠ Mon Nov 17 has already passed. To do it next week, on Mon Nov 24: /plan move 1 2025-11-24", ""},
		{"next mon plan the week", false, "Added #1 ⬜ Mon Nov 24 · other · plan the week", ""},
		{"2025-11-17 plan the week", false, "Added #1 ⬜ Mon Nov 17 · other · plan the week", ""},
		{"sun review the week", false, "Added #1 ⬜ Sun Nov 23 · review · review the week", ""},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			h.Service.Now = func() time.Time { return sunday }
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			if got := bot.RenderText(r); got != tt.text {
				t.Errorf("RenderText =\n%s\nwant\n%s", got, tt.text)
			}
			checkSlackReply(t, r)
			button, found := findButton(t, r, ActionNextWeek+":1")
			if found != tt.past {
				t.Fatalf("a move-to-next-week button: %v, want %v", found, tt.past)
			}
			if !tt.past {
				return
			}
			later := tt.later
			if later == "" {
				later = "2025-11-24"
			}
			v, ok := parseButtonValue(button)
			cmd, known := clickCommand(ActionNextWeek+":1", v)
			if !ok || !known || !reflect.DeepEqual(cmd, commandOf("move 1 "+later)) {
				t.Fatalf("the button's value %q runs %+v (%v, %v), want move 1 %s", button, cmd, ok, known, later)
			}
			line := "move 1 " + later
			moved := h.Handle(t.Context(), &workLog{}, plannertest.Ann, cmd)
			if c, ok := moved.Body.(bot.Changed); !ok || c.Item.Start != plannertest.Day(t, later) {
				t.Errorf("the click's command gave %+v, want #1 on %s", moved.Body, later)
			}
			// A second click on the same button moves it nowhere new.
			if again := mustHandle(t, h, plannertest.Ann, line); again.Body.(bot.Changed).Item.Start != plannertest.Day(t, later) {
				t.Errorf("a second click moved #1 to %v", again.Body.(bot.Changed).Item.Start)
			}
		})
	}
}

// findButton returns the value of the button with actionID in r's blocks.
func findButton(t *testing.T, r bot.Reply, actionID string) (string, bool) {
	t.Helper()
	for _, b := range renderBlocks(r) {
		if a, ok := b.(*slack.ActionBlock); ok {
			for _, e := range a.Elements.ElementSet {
				if btn, ok := e.(*slack.ButtonBlockElement); ok && btn.ActionID == actionID {
					return btn.Value, true
				}
			}
		}
	}
	return "", false
}

func TestButtonValueWithDay(t *testing.T) {
	for _, v := range []buttonValue{
		{ID: 12, Where: "added", Lang: planner.Chinese, Day: planner.Date{Year: 2025, Month: 11, Day: 24}},
		{ID: 3, Where: "week:2025-W47", Lang: planner.English},
	} {
		if got, ok := parseButtonValue(v.String()); !ok || got != v {
			t.Errorf("parseButtonValue(%q) = %+v, %v; want %+v", v.String(), got, ok, v)
		}
	}
	for _, bad := range []string{"12|added|zh|2025-13-40", "12|added|zh|", "12|added|zh|2025-11-24|x"} {
		if v, ok := parseButtonValue(bad); ok {
			t.Errorf("parseButtonValue(%q) = %+v, want refused", bad, v)
		}
	}
	for _, tt := range []struct {
		action, value, want string
	}{
		{ActionNextWeek + ":12", "12|added|en|2025-11-24", "move 12 2025-11-24"},
		{ActionNextWeek + ":12", "12|added|en", ""},            // no day: nothing to do
		{ActionNextWeek + ":13", "12|added|en|2025-11-24", ""}, // another item's button
		{ActionNextWeek, "12|added|en|2025-11-24", ""},         // no id in the action
		{ActionDone + ":12", "12|added|en", "done 12"},
	} {
		v, _ := parseButtonValue(tt.value)
		if got, _ := clickCommand(tt.action, v); !reflect.DeepEqual(got, commandOf(tt.want)) {
			t.Errorf("clickCommand(%q, %q) = %+v, want %q", tt.action, tt.value, got, tt.want)
		}
	}
}
