package bot

import (
	"reflect"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The seed week, typed by one member in English and in Chinese.
func TestHandleAddSeedWeek(t *testing.T) {
	h := newHandler(t)
	tests := []struct {
		line       string
		id         int64
		start, end string
		kind       planner.Kind
		count      int
		place      string
		title      string
		lang       planner.Lang
		text       string
	}{
		{"tue visit 4 enterprises", 1, "2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.English,
			"Added #1 ⬜ Tue Nov 18 · visit ×4 · visit 4 enterprises"},
		{"thu-fri trip to Beijing", 2, "2025-11-20", "2025-11-21", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.English,
			"Added #2 ⬜ Thu Nov 20 – Fri Nov 21 · trip → Beijing · trip to Beijing"},
		{"周二 对接4家企业", 3, "2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "对接4家企业", planner.Chinese,
			"已添加 #3 ⬜ 11月18日周二 · 拜访 ×4 · 对接4家企业"},
		{"周三 对接基金公司开展以商引商", 4, "2025-11-19", "2025-11-19", planner.KindFund, 1, "", "对接基金公司开展以商引商", planner.Chinese,
			"已添加 #4 ⬜ 11月19日周三 · 基金 · 对接基金公司开展以商引商"},
		{"周四至周五 出差北京", 5, "2025-11-20", "2025-11-21", planner.KindTrip, 1, "北京", "出差北京", planner.Chinese,
			"已添加 #5 ⬜ 11月20日周四至11月21日周五 · 出差 → 北京 · 出差北京"},
		{"周末 回常总结复盘", 6, "2025-11-22", "2025-11-23", planner.KindReview, 1, "", "回常总结复盘", planner.Chinese,
			"已添加 #6 ⬜ 11月22日周六至11月23日周日 · 复盘 · 回常总结复盘"},
		// Ann wrote Chinese above: she is answered in Chinese from then on.
		{"sun 参加招商培训", 7, "2025-11-23", "2025-11-23", planner.KindTraining, 1, "", "参加招商培训", planner.Chinese,
			"已添加 #7 ⬜ 11月23日周日 · 培训 · 参加招商培训"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			b, ok := r.Body.(Added)
			if !ok || len(b.Items) != 1 {
				t.Fatalf("reply %T %+v, want Added with one item", r.Body, r.Body)
			}
			it := b.Items[0]
			want := planner.Item{
				ID: tt.id, TeamID: "T1", UserID: "U1", UserName: "Ann",
				Start: plannertest.Day(t, tt.start), End: plannertest.Day(t, tt.end), Kind: tt.kind, Count: tt.count,
				Place: tt.place, Title: tt.title, Status: planner.StatusPlanned,
				CreatedAt: it.CreatedAt, UpdatedAt: it.UpdatedAt,
			}
			if !reflect.DeepEqual(it, want) {
				t.Errorf("added %+v\nwant  %+v", it, want)
			}
			if r.Lang != tt.lang {
				t.Errorf("reply language %q, want %q", r.Lang, tt.lang)
			}
			if got := RenderText(r); got != tt.text {
				t.Errorf("RenderText = %q, want %q", got, tt.text)
			}
			if stored, _ := history(t, h, "T1", tt.id); !reflect.DeepEqual(stored, it) {
				t.Errorf("stored %+v, replied %+v", stored, it)
			}
		})
	}
	if got := len(teamItems(t, h, "T1")); got != len(tests) {
		t.Errorf("team has %d items, want %d", got, len(tests))
	}
}

func TestHandleAddSeveralDays(t *testing.T) {
	h := newHandler(t)
	r := mustHandle(t, h, plannertest.Ann, "mon and wed visit 2 companies")
	b, ok := r.Body.(Added)
	if !ok || len(b.Items) != 2 {
		t.Fatalf("reply %T %+v, want Added with two items", r.Body, r.Body)
	}
	for i, want := range []string{"2025-11-17", "2025-11-19"} {
		if it := b.Items[i]; it.ID != int64(i+1) || it.Start != plannertest.Day(t, want) || it.Count != 2 {
			t.Errorf("item %d = #%d %s ×%d, want #%d %s ×2", i, it.ID, it.Start, it.Count, i+1, want)
		}
	}
	want := "Added 2 items:\n  #1 ⬜ Mon Nov 17 · visit ×2 · visit 2 companies\n  #2 ⬜ Wed Nov 19 · visit ×2 · visit 2 companies"
	if got := RenderText(r); got != want {
		t.Errorf("RenderText = %q, want %q", got, want)
	}
}

// The reply language is the member's setting, else the verb's language (but
// for a view's English name: week, team, digest), else
// the language of the line's when, else Chinese if the line has Chinese words,
// else the team's. A member who wrote Chinese in a command that changed
// something is set to Chinese.
func TestHandleReplyLanguage(t *testing.T) {
	tests := []struct {
		name     string
		teamLang planner.Lang
		setup    []string
		line     string
		want     planner.Lang
	}{
		{"english when", planner.Chinese, nil, "tue visit 4 enterprises", planner.English},
		{"chinese when", planner.English, nil, "周二 对接4家企业", planner.Chinese},
		{"english when, chinese what", planner.Chinese, nil, "sun 参加招商培训", planner.English},
		{"english verb", planner.Chinese, nil, "help", planner.English},
		{"english view verb", planner.Chinese, nil, "week", planner.Chinese},
		{"chinese verb", planner.English, nil, "本周", planner.Chinese},
		{"chinese verb, english when", planner.English, []string{"tue visit"}, "改期 1 fri", planner.Chinese},
		{"member setting over english when", planner.English, []string{"lang zh"}, "tue visit 4 enterprises", planner.Chinese},
		{"member setting over chinese verb", planner.Chinese, []string{"语言 英文"}, "本周", planner.English},
		{"member setting on a failure", planner.English, []string{"lang zh"}, "done 42", planner.Chinese},
		{"team default zh", planner.Chinese, nil, "visit 2 companies", planner.Chinese},
		{"team default en", planner.English, nil, "visit 2 companies", planner.English},
		{"team default on a failure", planner.Chinese, nil, "13/45 visit", planner.Chinese},
		{"chinese words, no verb or when", planner.English, nil, "出差北京", planner.Chinese},
		{"chinese count, no verb or when", planner.English, nil, "拜访2家企业", planner.Chinese},
		{"chinese words on a failure", planner.English, nil, "周八 拜访", planner.Chinese},
		{"chinese words, english tag", planner.English, nil, "#trip 去北京看展", planner.Chinese},
		{"english verb over chinese words", planner.Chinese, nil, "note 两家有意向", planner.English},
		{"english when over chinese words", planner.Chinese, nil, "tue 拜访2家企业", planner.English},
		{"member setting over chinese words", planner.Chinese, []string{"lang en"}, "出差北京", planner.English},
		{"english words, team default zh", planner.Chinese, nil, "trip to Beijing", planner.Chinese},
		// Once a member writes Chinese, every reply is Chinese until they set another.
		{"week after a chinese item", planner.English, []string{"周二 对接4家企业"}, "week", planner.Chinese},
		{"done after a chinese item", planner.English, []string{"周二 对接4家企业"}, "done 1", planner.Chinese},
		{"english item after a chinese one", planner.English, []string{"出差北京"}, "tue visit 4 enterprises", planner.Chinese},
		{"help after a chinese verb", planner.English, []string{"tue visit", "完成 1"}, "help", planner.Chinese},
		{"set english after chinese", planner.English, []string{"周二 对接4家企业", "lang en"}, "week", planner.English},
		{"english when, chinese what, not learnt", planner.English, []string{"tue 拜访2家企业"}, "week", planner.English},
		{"a chinese company name is not learnt", planner.English, []string{"visit 常诚车业"}, "week", planner.English},
		{"a lead is not learnt", planner.English, []string{"lead 常诚车业 在谈"}, "week", planner.English},
		{"a chinese view is not learnt", planner.English, []string{"本周"}, "week", planner.English},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			h.Service.Lang = tt.teamLang
			for _, line := range tt.setup {
				mustHandle(t, h, plannertest.Ann, line)
			}
			r := handle(t, h, plannertest.Ann, tt.line)
			if r.Lang != tt.want {
				t.Errorf("%q replied in %q, want %q: %s", tt.line, r.Lang, tt.want, RenderText(r))
			}
		})
	}
}

func TestHandleLangSet(t *testing.T) {
	h := newHandler(t)
	for _, tt := range []struct {
		line string
		want planner.Lang
		text string
	}{
		{"lang zh", planner.Chinese, "之后我会用中文回复。"},
		{"语言 en", planner.English, "I will reply in English."},
		{"语言 中文", planner.Chinese, "之后我会用中文回复。"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			if r.Body != (LangSet{Lang: tt.want}) || r.Lang != tt.want {
				t.Errorf("reply %+v, want LangSet %q in %q", r, tt.want, tt.want)
			}
			if got := RenderText(r); got != tt.text {
				t.Errorf("RenderText = %q, want %q", got, tt.text)
			}
			members, err := dbOf(h).Members(t.Context(), "T1")
			if err != nil || len(members) != 1 || members[0].Lang != tt.want {
				t.Errorf("members %+v, %v; want Ann with language %q", members, err, tt.want)
			}
		})
	}
}

func TestHandleHelp(t *testing.T) {
	h := newHandler(t)
	h.Service.Lang = planner.Chinese
	for _, tt := range []struct {
		line  string
		lang  planner.Lang
		start string
	}{
		{"help", planner.English, "planbot — your week in one line."},
		{"帮助", planner.Chinese, "planbot：一句话记下这一周。"},
		{"?", planner.Chinese, "planbot：一句话记下这一周。"},
		{"--help", planner.Chinese, "planbot：一句话记下这一周。"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			if r.Body != (Help{}) || r.Lang != tt.lang {
				t.Errorf("reply %+v, want Help in %q", r, tt.lang)
			}
			if text := RenderText(r); !strings.HasPrefix(text, tt.start) || strings.Count(text, "/plan ") < 10 {
				t.Errorf("RenderText =\n%s\nwant the command reference starting %q", text, tt.start)
			}
		})
	}
	if n := len(teamItems(t, h, "T1")); n != 0 {
		t.Errorf("help added %d items", n)
	}
}

func TestHandleWeekViews(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Ann, "next wed trip to Shanghai") // the vague_week example
	mustHandle(t, h, plannertest.Bob, "下周三 出差上海")                  // and in Chinese
	for _, tt := range []struct {
		line  string
		week  planner.Week
		team  bool
		items []int64
	}{
		{"", plannertest.W47, false, []int64{1}},
		{"week", plannertest.W47, false, []int64{1}},
		{"week next", planner.Week{Year: 2025, Num: 48}, false, []int64{2}},
		{"week W48", planner.Week{Year: 2025, Num: 48}, false, []int64{2}},
		{"下周", planner.Week{Year: 2025, Num: 48}, false, []int64{2}},
		{"下星期", planner.Week{Year: 2025, Num: 48}, false, []int64{2}},
		{"这周", plannertest.W47, false, []int64{1}},
		{"上周", planner.Week{Year: 2025, Num: 46}, false, nil},
		{"team next", planner.Week{Year: 2025, Num: 48}, true, []int64{2, 3}},
		{"团队 下星期", planner.Week{Year: 2025, Num: 48}, true, []int64{2, 3}},
		{"团队 2025-W47", plannertest.W47, true, []int64{1}},
	} {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			v, ok := r.Body.(WeekView)
			if !ok || v.Week != tt.week || v.Team != tt.team {
				t.Fatalf("reply %T %+v, want the week %s (team %t)", r.Body, r.Body, tt.week, tt.team)
			}
			var ids []int64
			for _, it := range v.Items {
				ids = append(ids, it.ID)
			}
			if !reflect.DeepEqual(ids, tt.items) {
				t.Errorf("items %v, want %v", ids, tt.items)
			}
		})
	}
	if n := len(teamItems(t, h, "T1")); n != 3 {
		t.Errorf("week views added items: the team has %d, want 3", n)
	}
}

// A multi-day item is listed in full once, on its first day, with its span,
// and marked on the days that follow; under a day's heading no line repeats
// the day's date.
func TestHandleWeekMultiDay(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "thu-fri trip to Beijing") // #1
	mustHandle(t, h, plannertest.Bob, "周末 回常总结复盘")               // #2
	mustHandle(t, h, plannertest.Ann, "sun 参加招商培训")              // #3
	for _, tt := range []struct {
		line string
		want string
	}{
		{"week", "Your week 2025-W47 (Nov 17–23)\n" +
			"Mon Nov 17\n  —\nTue Nov 18\n  —\nWed Nov 19\n  —\n" +
			"Thu Nov 20\n  #1 ⬜ until Fri Nov 21 (2 days) · trip → Beijing · trip to Beijing\n" +
			"Fri Nov 21\n  ↳ #1 (2/2) · trip to Beijing\n" +
			"Sat Nov 22\n  —\n" +
			"Sun Nov 23\n  #3 ⬜ training · 参加招商培训"},
		{"团队", "团队 招商一组 · 2025-W47（11月17日–23日）\n" +
			"11月17日周一\n  —\n11月18日周二\n  —\n11月19日周三\n  —\n" +
			"11月20日周四\n  #1 ⬜ 至11月21日周五（共2天） · 出差 → Beijing · Ann · trip to Beijing\n" +
			"11月21日周五\n  ↳ #1 (2/2) · Ann · trip to Beijing\n" +
			"11月22日周六\n  #2 ⬜ 至11月23日周日（共2天） · 复盘 · Bob · 回常总结复盘\n" +
			"11月23日周日\n  ↳ #2 (2/2) · Bob · 回常总结复盘\n" +
			"  #3 ⬜ 培训 · Ann · 参加招商培训"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			if got := RenderText(mustHandle(t, h, plannertest.Ann, tt.line)); got != tt.want {
				t.Errorf("RenderText =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
