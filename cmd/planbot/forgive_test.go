package main

import (
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	slackbot "planbot/bot/slack"
)

// statusesIn returns "<id> <status> <outcome>" of each item of team T1 in
// week, in the export's order.
func statusesIn(t *testing.T, env map[string]string, week string) []string {
	t.Helper()
	var got []string
	for _, r := range exportRows(t, env, week) {
		got = append(got, strings.TrimSpace(r[0]+" "+r[8]+" "+r[10]))
	}
	return got
}

// The forgiving command language through the real console: typos and an id
// used as an outcome are refused with a hint, the id first, full-width ids
// and id lists work, done twice changes nothing, the member who wrote
// Chinese is answered in Chinese, and quit leaves before the next line.
func TestConsoleForgivesEndToEnd(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	in := strings.Join([]string{
		"/plan tue visit 4 enterprises", // #1
		"/plan wed call investors",      // #2
		"/plan thu visit 2 companies",   // #3
		"/plan fri training",            // #4
		"/plan dnoe 2",
		"/plan done 1 2",
		"/plan 2 done",
		"/plan done 2",
		"/plan done 3,4 signed both",
		"/plan 完成 ２ 有意向",
		"/plan week",
		"quit",
		"/plan sat never filed",
	}, "\n")
	out := mustPlanbot(t, env, in, "console", "--team", "T1", "--user", "U1")
	for _, want := range []string{
		"Did you mean /plan done 2? Nothing was saved",
		"你是不是想输入 /plan done 2？",
		"Did you mean /plan done 1,2?",
		"Done #2 ✅ Wed Nov 19",
		"Already done, nothing changed: #2",
		"Done #3 ✅ Thu Nov 20 · visit ×2 · visit 2 companies · “signed both”\nDone #4 ✅ Fri Nov 21",
		"已经完成了，结果已更新：#2 ✅ 11月19日周三",
		"我的一周 2025-W47", // week, in Chinese once the member wrote Chinese
		"再见。",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	got := statusesIn(t, env, "2025-W47")
	want := []string{"1 planned", "2 done 有意向", "3 done signed both", "4 done signed both"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stored %q, want %q (nothing filed from a command, nothing after quit)", got, want)
	}
}

// The same through signed Slack requests: a typo is a hint that stores
// nothing, an id list marks each, and a member who wrote Chinese has week
// answered in Chinese.
func TestServeForgivesEndToEnd(t *testing.T) {
	s := startServe(t, "")
	s.command(t, s.slash("U1", "tue visit 4 enterprises"))
	s.command(t, s.slash("U1", "wed call investors"))
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"dnoe 2", []string{"Did you mean /plan done 2?", "你是不是想输入 /plan done 2？"}},
		{"完戍 ２", []string{"你是不是想输入 /plan 完成 ２？"}},
		{"done 1 2", []string{"Did you mean /plan done 1,2?"}},
		{"done #1,#2", []string{"Done #1 ✅ Tue Nov 18", "Done #2 ✅ Wed Nov 19"}},
		{"done 2", []string{"Already done, nothing changed: #2"}},
		{"周五 对接3家企业", []string{"已添加 #3 ⬜ 11月21日周五"}},
		{"week", []string{"我的一周 2025-W47"}},
	} {
		a := s.command(t, s.slash("U1", tc.text))
		for _, want := range tc.want {
			if !strings.Contains(a.Text, want) {
				t.Errorf("/plan %s answered %q, want %q in it", tc.text, a.Text, want)
			}
		}
	}
	got := statusesIn(t, s.env, "2025-W47")
	if want := []string{"1 done", "2 done", "3 planned"}; strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("stored %q, want %q", got, want)
	}
}

// On a Sunday evening, "周一 制定本周计划" is filed on the Monday gone by and
// the reply says so: in Slack with a button that, clicked, moves it to next
// Monday and redraws the message.
func TestServePastDayButtonEndToEnd(t *testing.T) {
	s := startServeEnv(t, "", map[string]string{"PLANBOT_NOW": "2025-11-23T20:00:00+08:00"})
	a := s.command(t, s.slash("U1", "周一 制定本周计划"))
	if !strings.Contains(a.Text, "11月17日周一 已经过去了。如要改到下周的 11月24日周一：/plan 改期 1 2025-11-24") {
		t.Errorf("the answer does not say the day has passed: %q", a.Text)
	}
	value := "1|added|zh|2025-11-24"
	if !a.hasButton(t, slackbot.ActionNextWeek, value) {
		t.Fatalf("no move-to-next-week button with value %q:\n%s", value, a.blocksJSON(t))
	}
	code, body := s.interact(t, s.click("U1", slackbot.ActionNextWeek+":1", value, "next"))
	if code != http.StatusOK || len(body) != 0 {
		t.Fatalf("click: status %d, body %q; want 200 and nothing", code, body)
	}
	got := s.Slack.waitFor(t, "the redraw", isCall("response/next"))
	redraw := decode[map[string]any](t, got.JSON)
	if redraw["replace_original"] != true || !strings.Contains(decode[answer](t, got.JSON).Text, "已改期 #1 ⬜ 11月24日周一") {
		t.Errorf("the redraw %s, want the added message replaced by the move", got.JSON)
	}
	if rows := statusesIn(t, s.env, "2025-W48"); len(rows) != 1 || rows[0] != "1 planned" {
		t.Errorf("week 2025-W48 holds %q, want #1 moved there", rows)
	}
	// Someone else's click changes nothing.
	code, _ = s.interact(t, s.click("U2", slackbot.ActionNextWeek+":1", "1|added|zh|2025-12-01", "other"))
	s.Slack.waitFor(t, "the refusal", isCall("response/other"))
	if rows := statusesIn(t, s.env, "2025-W48"); code != http.StatusOK || len(rows) != 1 {
		t.Errorf("after someone else's click week 2025-W48 holds %q, want #1 still there", rows)
	}
}
