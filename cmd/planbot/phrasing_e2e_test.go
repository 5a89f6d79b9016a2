package main

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// Lines as staff write them, through the real console: a date the when did
// not read is refused and nothing is stored (never filed today); one line of
// two activities is two items; a leave is a leave; forms of dates real text
// uses are read.
func TestConsolePhrasingEndToEnd(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	in := strings.Join([]string{
		"/plan 周二 拜访 12.3 签约企业",         // refused: a date the when did not read
		"/plan 月底 出差深圳",                 // refused: vague
		"/plan 周三（11月20日） 对接企业",         // refused: Wednesday is the 19th
		"/plan 周末 总结复盘 + 招商培训",          // #1 review, #2 training
		"/plan 周二至四 赴苏州、无锡精准招商",         // #3 trip to 苏州、无锡
		"/plan 11.20-11.21 出差上海 拜访3家企业", // #4 trip, 3 visits
		"/plan 周一至周五 请假 年假",             // a leave, though in a week already begun
	}, "\n")
	out := mustPlanbot(t, env, in, "console", "--team", "T1", "--user", "U1")
	for _, want := range []string{"已添加 2 项", "#2 ⬜ 11月22日周六至11月23日周日 · 培训", "已添加 #3", "拜访 ×3", "已添加 #5 ⬜ 11月17日周一至11月21日周五 · 请假"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	if strings.Count(out, "没有保存") < 3 {
		t.Errorf("want three refusals that say nothing was saved:\n%s", out)
	}
	got := kindsIn(t, env, "2025-W47")
	want := []string{
		"1 2025-11-22..2025-11-23 review 1 ",
		"2 2025-11-22..2025-11-23 training 1 ",
		"3 2025-11-18..2025-11-20 trip 1 苏州、无锡",
		"4 2025-11-20..2025-11-21 trip 1 上海",
		"5 2025-11-17..2025-11-21 leave 1 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stored\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var digest struct {
		OnLeave []string `json:"on_leave"`
		Silent  []string `json:"silent"`
		Trips   []struct {
			Visits int `json:"visits"`
		} `json:"trips"`
	}
	if err := json.Unmarshal([]byte(mustPlanbot(t, env, "", "digest", "--team", "T1", "--format", "json")), &digest); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(digest.OnLeave, "U1") || slices.Contains(digest.Silent, "U1") {
		t.Errorf("on_leave %v, silent %v: want U1 on leave, never silent", digest.OnLeave, digest.Silent)
	}
	visits := 0
	for _, trip := range digest.Trips {
		visits += trip.Visits
	}
	if visits != 3 {
		t.Errorf("the trips visit %d enterprises, want the 3 of #4", visits)
	}
}

// The same lines through signed Slack requests: refusals store nothing and
// say so in both languages, two activities are two items, places are kept,
// and a member on leave all week is shown so in the retrospective.
func TestServePhrasingEndToEnd(t *testing.T) {
	s := startServe(t, "")
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"tue visit, thrusday follow-up", []string{"nothing was saved", "没有保存"}},
		{"周二 拜访 12.3 签约企业", []string{"没有保存", "nothing was saved"}},
		{"周末 总结复盘 + 招商培训", []string{"已添加 2 项", "#1 ⬜ 11月22日周六至11月23日周日 · 复盘", "#2 ⬜ 11月22日周六至11月23日周日 · 培训"}},
		// The member wrote Chinese: answered in Chinese from then on.
		{"Tue-Thu next week trip to Shenzhen and Dongguan", []string{"已添加 #3", "Shenzhen, Dongguan"}},
		// U2 is on leave all week: the retrospective says so, and does not list U2 as silent.
		{"U2: 周一至周五 年假", []string{"已添加 #4 ⬜ 11月17日周一至11月21日周五 · 请假"}},
		{"U2: 周报", []string{"本周请假："}},
	} {
		user, text := "U1", tc.text
		if u, rest, ok := strings.Cut(text, ": "); ok {
			user, text = u, rest
		}
		a := s.command(t, s.slash(user, text))
		for _, want := range tc.want {
			if !strings.Contains(a.Text, want) {
				t.Errorf("/plan %s answered %q, want %q in it", tc.text, a.Text, want)
			}
		}
		if _, silent, ok := strings.Cut(a.Text, "本周未记录："); ok && strings.Contains(strings.ToLower(strings.SplitN(silent, "\n", 2)[0]), "u2") {
			t.Errorf("/plan %s lists U2, on leave, as logging nothing: %q", tc.text, a.Text)
		}
	}
	got := kindsIn(t, s.env, "2025-W47")
	want := []string{"1 2025-11-22..2025-11-23 review 1 ", "2 2025-11-22..2025-11-23 training 1 ", "4 2025-11-17..2025-11-21 leave 1 "}
	if !slices.Equal(got, want) {
		t.Errorf("week 47 stored\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := kindsIn(t, s.env, "2025-W48"); len(got) != 1 || got[0] != "3 2025-11-25..2025-11-27 trip 1 Shenzhen, Dongguan" {
		t.Errorf("week 48 stored %q, want the trip to Shenzhen and Dongguan", got)
	}
}

// A new user's lines about what and with whom, through the real console:
// commands typed close together are commands (or a hint, nothing stored), a
// weekday is never a typo of 延期, places are the places (the digest lists
// them), and kinds and counts are what the line says.
func TestConsoleNewUserWhatEndToEnd(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	in := strings.Join([]string{
		"/plan 周二 拜访企业",        // #1
		"/plan done1",          // #1 done
		"/plan mvoe 1 周五",      // a hint, nothing stored
		"/plan 星期3 拜访企业",       // #2 on Wednesday, no hint
		"/plan 2完成",            // #2 done
		"/plan 周二 出差 苏州 无锡 常州", // #3 trip to three places
		"/plan 周五 在上海驻点",       // #4 trip to 上海
		"/plan 周三 上午拜访常诚车业 下午拜访金士博", // #5, #6 visits
		"/plan 周二上午 接待客商 下午 走访企业",   // #7 reception, #8 visit
		"/plan 明天 拜访常诚车业 + 金士博",     // #9, #10 visits
		"/plan fri leave", // #11 leave
		"/plan wed visit 10+ companies at the expo", // #12 visit ×10
		"/plan 周四 参加世界500强企业座谈",                     // #13 meeting
		"/plan tue follow up with 3 leads",          // #14 visit ×3
	}, "\n")
	out := mustPlanbot(t, env, in, "console", "--team", "T1", "--user", "U1")
	for _, want := range []string{"已完成 #1", "/plan move 1 周五", "已完成 #2", "已添加 2 项"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "延期") {
		t.Errorf("星期3 was taken for a typo of 延期:\n%s", out)
	}
	got := kindsIn(t, env, "2025-W47")
	want := []string{
		"1 2025-11-18..2025-11-18 visit 1 ",
		"10 2025-11-18..2025-11-18 visit 1 ",
		"11 2025-11-21..2025-11-21 leave 1 ",
		"12 2025-11-19..2025-11-19 visit 10 ",
		"13 2025-11-20..2025-11-20 meeting 1 ",
		"14 2025-11-18..2025-11-18 visit 3 ",
		"2 2025-11-19..2025-11-19 visit 1 ",
		"3 2025-11-18..2025-11-18 trip 1 苏州、无锡、常州",
		"4 2025-11-21..2025-11-21 trip 1 上海",
		"5 2025-11-19..2025-11-19 visit 1 ",
		"6 2025-11-19..2025-11-19 visit 1 ",
		"7 2025-11-18..2025-11-18 reception 1 ",
		"8 2025-11-18..2025-11-18 visit 1 ",
		"9 2025-11-18..2025-11-18 visit 1 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stored\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	var digest struct {
		Trips []struct {
			Place  string   `json:"place"`
			Places []string `json:"places"`
		} `json:"trips"`
	}
	if err := json.Unmarshal([]byte(mustPlanbot(t, env, "", "digest", "--team", "T1", "--format", "json")), &digest); err != nil {
		t.Fatal(err)
	}
	var places [][]string
	for _, trip := range digest.Trips {
		places = append(places, trip.Places)
	}
	if wantPlaces := [][]string{{"苏州", "无锡", "常州"}, {"上海"}}; !reflect.DeepEqual(places, wantPlaces) {
		t.Errorf("the digest's trips have places %q, want %q", places, wantPlaces)
	}
}
