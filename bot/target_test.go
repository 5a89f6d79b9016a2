package bot

import (
	"reflect"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// /plan target and /plan setup target in both languages, and the lines
// whose first word is "target" or 目标 but that are items.
func TestParseTargetCommands(t *testing.T) {
	tests := []struct {
		line    string
		verb    Verb
		lang    planner.Lang
		setting string
		value   string
		member  bool // NamesMember
	}{
		{"target", VerbTarget, planner.English, "", "", false},
		{"targets 2026-Q1", VerbTarget, planner.English, "", "", false},
		{"目标", VerbTarget, planner.Chinese, "", "", false},
		{"目标 2026年一季度", VerbTarget, planner.Chinese, "", "", false},
		{"目标2026", VerbTarget, planner.Chinese, "", "", false},
		{"setup target 2026 signed 20 amount 100e8 visits 400", VerbSetup, planner.English, "target", "2026 signed 20 amount 100e8 visits 400", true},
		{"setup target", VerbSetup, planner.English, "target", "", true},
		{"设置 目标 2026 U2 签约项目 5 个", VerbSetup, planner.Chinese, "target", "2026 U2 签约项目 5 个", true},
		{"target companies in Suzhou tomorrow", VerbAdd, "", "", "", false},
		{"目标企业 走访 周二", VerbAdd, "", "", "", false},
		{"forget U2", VerbForget, planner.English, "", "", true},
		{"setup tz Asia/Shanghai", VerbSetup, planner.English, "tz", "Asia/Shanghai", false},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			cmd := ParseCommand(tc.line)
			if cmd.Verb != tc.verb || cmd.Lang != tc.lang || cmd.Setting != tc.setting || cmd.Value != tc.value {
				t.Errorf("ParseCommand = %+v, want %s %q setting %q value %q", cmd, tc.verb, tc.lang, tc.setting, tc.value)
			}
			if cmd.NamesMember() != tc.member {
				t.Errorf("NamesMember() = %t", cmd.NamesMember())
			}
			if cmd.Verb == VerbSetup && !cmd.AdminOnly() {
				t.Error("setup is not admin only")
			}
		})
	}
}

// targetTeam is a handler whose team has targets for 2025 and for Bob's
// fourth quarter, set by its admin in each language, with Ann's visits done
// and Bob's project signed on the fixed clock's Monday.
func targetTeam(t *testing.T) *Handler {
	t.Helper()
	h := newHandler(t)
	mustHandle(t, h, plannertest.Bob, "week") // Bob joins
	mustHandle(t, h, plannertest.Boss, "setup target 2025 签约项目 4 个 签约额 10 亿元 拜访 10 家")
	mustHandle(t, h, plannertest.Boss, "设置 目标 2025年第四季度 U2 visits 4 receptions 2")
	mustHandle(t, h, plannertest.Ann, "mon visit 3 enterprises")
	mustHandle(t, h, plannertest.Ann, "done 1")
	mustHandle(t, h, plannertest.Ann, "tue visit 2 enterprises") // planned: not done
	mustHandle(t, h, plannertest.Bob, "周一 出差上海 拜访2家企业")
	mustHandle(t, h, plannertest.Bob, "完成 3")
	mustHandle(t, h, plannertest.Bob, "lead 常诚车业 签约 总投资6亿元")
	return h
}

// /plan target shows this year's and this quarter's targets with their
// 完成率 and the time gone, green when on pace and red when behind, in the
// member's language; /plan setup target answers with what it set.
func TestTargetCommands(t *testing.T) {
	h := targetTeam(t)
	tests := []struct {
		who  planner.Actor
		line string
		want string
	}{
		{plannertest.Ann, "target", `Targets as of Mon Nov 17
  🔴 2025 Signed projects: 25% done (1 of 4), 88% of the year gone
  🔴 2025 Signed amount: 60% done (CNY 600 m of CNY 1 bn), 88% of the year gone
  🔴 2025 Enterprises visited: 50% done (5 of 10), 88% of the year gone
  🔴 Bob · 2025 Q4 Enterprises visited: 50% done (2 of 4), 52% of the quarter gone
  🔴 Bob · 2025 Q4 Receptions: 0% done (0 of 2), 52% of the quarter gone`},
		{plannertest.Bob, "目标", `目标完成率（截至11月17日周一）
  🔴 2025年 签约项目 完成 25%（1/4个），时间过半 88%
  🔴 2025年 签约额 完成 60%（6亿元/10亿元），时间过半 88%
  🔴 2025年 拜访企业 完成 50%（5/10家），时间过半 88%
  🔴 Bob · 2025年第四季度 拜访企业 完成 50%（2/4家），时间过半 52%
  🔴 Bob · 2025年第四季度 接待 完成 0%（0/2批），时间过半 52%`},
		{plannertest.Ann, "target 2026", "No targets for 2026 yet. An admin sets them: /plan setup target 2026 signed 20 amount CNY 10 bn visits 400"},
		{plannertest.Boss, "setup target 2025-Q4 U2 visits 2", `Targets of 2025 Q4 updated (Bob).
Targets as of Mon Nov 17
  🔴 2025 Signed projects: 25% done (1 of 4), 88% of the year gone
  🔴 2025 Signed amount: 60% done (CNY 600 m of CNY 1 bn), 88% of the year gone
  🔴 2025 Enterprises visited: 50% done (5 of 10), 88% of the year gone
  🟢 Bob · 2025 Q4 Enterprises visited: 100% done (2 of 2), 52% of the quarter gone
  🔴 Bob · 2025 Q4 Receptions: 0% done (0 of 2), 52% of the quarter gone`},
		{plannertest.Boss, "设置 目标 2026 签约项目 30个", `已更新2026年目标（团队）。
目标完成率（截至11月17日周一）
  🟢 2026年 签约项目 完成 0%（0/30个），年度尚未开始`},
		{plannertest.Boss, "setup target 2025 clear", `Targets of 2025 cleared (the team).
Targets as of Mon Nov 17
  🟢 Bob · 2025 Q4 Enterprises visited: 100% done (2 of 2), 52% of the quarter gone
  🔴 Bob · 2025 Q4 Receptions: 0% done (0 of 2), 52% of the quarter gone`},
		{plannertest.Boss, "设置 目标 2025年第四季度 U2 清除", `已清除2025年第四季度目标（Bob）。
2025年第四季度还没有目标。管理员设置：/plan 设置 目标 2025 签约项目 20个 签约额 100亿元 拜访 400家`},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			if got := RenderText(mustHandle(t, h, tc.who, tc.line)); got != tc.want {
				t.Errorf("got\n%s\nwant\n%s", got, tc.want)
			}
		})
	}
}

// A target line refused is explained in both languages with an example,
// and nothing is stored: a member who is no admin, no period or one gone,
// a word that is no metric nor member, a goal without its number or unit.
func TestTargetRefused(t *testing.T) {
	h := targetTeam(t)
	before, err := dbOf(h).Targets(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		who    planner.Actor
		line   string
		reason planner.Reason
		lang   planner.Lang
	}{
		{plannertest.Ann, "setup target 2025 signed 30", planner.ReasonNotAdmin, planner.English},
		{plannertest.Boss, "setup target signed 30", planner.ReasonTargetPeriod, planner.English},
		{plannertest.Boss, "设置 目标 2024 签约项目 30个", planner.ReasonTargetPeriod, planner.Chinese},
		{plannertest.Boss, "setup target 2025 sigend 30", planner.ReasonBadTarget, planner.English},
		{plannertest.Boss, "setup target 2025 @bob signed 3", planner.ReasonBadTarget, planner.English},
		{plannertest.Boss, "设置 目标 2025 签约额 100", planner.ReasonBadTarget, planner.Chinese},
		{plannertest.Boss, "设置 目标 2025 签约项目", planner.ReasonBadTarget, planner.Chinese},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			r := handle(t, h, tc.who, tc.line)
			if e := failure(t, r); e.Reason != tc.reason {
				t.Errorf("reason %s, want %s", e.Reason, tc.reason)
			}
			if tc.reason != planner.ReasonNotAdmin {
				checkBilingual(t, RenderText(r), tc.lang, failure(t, r).Detail)
			}
			after, err := dbOf(h).Targets(t.Context(), "T1")
			if err != nil || !reflect.DeepEqual(after, before) {
				t.Errorf("targets changed:\nbefore %+v\nafter  %+v (%v)", before, after, err)
			}
		})
	}
}

// The retrospective has a section of targets when the team has any, in
// both languages, with the time gone at the week's Sunday; none without.
func TestRetroTargetSection(t *testing.T) {
	h := targetTeam(t)
	r, err := h.Service.Retro(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	want := map[planner.Lang]string{
		planner.English: `
1 project signed, CNY 600 m total investment
  By size: CNY 0.3–1 bn 1
Targets
  🔴 2025 Signed projects: 25% done (1 of 4), 90% of the year gone
  🔴 2025 Signed amount: 60% done (CNY 600 m of CNY 1 bn), 90% of the year gone
  🔴 2025 Enterprises visited: 50% done (5 of 10), 90% of the year gone
  🔴 Bob · 2025 Q4 Enterprises visited: 50% done (2 of 4), 59% of the quarter gone
  🔴 Bob · 2025 Q4 Receptions: 0% done (0 of 2), 59% of the quarter gone
`,
		planner.Chinese: `
签约项目1个，总投资6亿元
  按规模：3–10亿元1个
目标完成率
  🔴 2025年 签约项目 完成 25%（1/4个），时间过半 90%
  🔴 2025年 签约额 完成 60%（6亿元/10亿元），时间过半 90%
  🔴 2025年 拜访企业 完成 50%（5/10家），时间过半 90%
  🔴 Bob · 2025年第四季度 拜访企业 完成 50%（2/4家），时间过半 59%
  🔴 Bob · 2025年第四季度 接待 完成 0%（0/2批），时间过半 59%
`,
	}
	for l, section := range want {
		if text := RetroText(l, r); !strings.Contains(text, section) {
			t.Errorf("%s retrospective has no section\n%s\nin\n%s", l, section, text)
		}
	}
	none := newHandler(t)
	mustHandle(t, none, plannertest.Ann, "mon visit 3 enterprises")
	r, err = none.Service.Retro(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range plannertest.Langs {
		if text := RetroText(l, r); strings.Contains(text, Say(l, MsgTargetHead)) || strings.Contains(text, "🔴") {
			t.Errorf("%s: a team without targets has a targets section:\n%s", l, text)
		}
	}
}

// Each target's line, in both languages: on pace or behind, a year half gone
// (时间过半, exactly), a period over or not begun, an amount of 0 and of
// several 亿, a member's name made inert.
func TestTargetLines(t *testing.T) {
	y2026, q3 := planner.TargetPeriod{Year: 2026}, planner.TargetPeriod{Year: 2026, Quarter: 3}
	mid := plannertest.Day(t, "2026-06-30")
	progress := []planner.TargetProgress{
		{Metric: planner.MetricSigned, Period: y2026, Goal: 20, Done: 10, AsOf: mid},
		{Metric: planner.MetricAmount, Period: y2026, Goal: 1000000, Done: 620000, AsOf: mid},
		{Metric: planner.MetricAmount, Period: y2026, Goal: 1000000, AsOf: mid},
		{Metric: planner.Metric(planner.KindEvent), Period: q3, Goal: 6, AsOf: mid},
		{Metric: planner.MetricVisits, Period: planner.TargetPeriod{Year: 2026, Quarter: 1}, Member: "U2", MemberName: "王\n芳", Goal: 40, Done: 39, AsOf: mid},
	}
	tests := []struct {
		lang planner.Lang
		want []TargetLine
	}{
		{planner.English, []TargetLine{
			{"2026 Signed projects: 50% done (10 of 20), 50% of the year gone", true},
			{"2026 Signed amount: 62% done (CNY 6.2 bn of CNY 10 bn), 50% of the year gone", true},
			{"2026 Signed amount: 0% done (0 of CNY 10 bn), 50% of the year gone", false},
			{"2026 Q3 Events: 0% done (0 of 6), the quarter has not begun", true},
			{"王 芳 · 2026 Q1 Enterprises visited: 98% done (39 of 40), the quarter is over", false},
		}},
		{planner.Chinese, []TargetLine{
			{"2026年 签约项目 完成 50%（10/20个），时间过半 50%", true},
			{"2026年 签约额 完成 62%（62亿元/100亿元），时间过半 50%", true},
			{"2026年 签约额 完成 0%（0/100亿元），时间过半 50%", false},
			{"2026年第三季度 活动 完成 0%（0/6场），季度尚未开始", true},
			{"王 芳 · 2026年第一季度 拜访企业 完成 98%（39/40家），季度已结束", false},
		}},
	}
	for _, tc := range tests {
		if got := TargetLines(tc.lang, progress); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\ngot  %+v\nwant %+v", tc.lang, got, tc.want)
		}
	}
}

// Every metric a target may count has a name, and each but the amount a way
// to write its count, in both languages.
func TestMetricsNamed(t *testing.T) {
	for _, m := range planner.Metrics {
		msgs, ok := metricMsgs[m]
		if !ok || msgs.name == "" || (msgs.count == "") != (m == planner.MetricAmount) {
			t.Errorf("metric %q: %+v", m, msgs)
		}
	}
	if len(metricMsgs) != len(planner.Metrics) {
		t.Errorf("%d metrics named, planner has %d", len(metricMsgs), len(planner.Metrics))
	}
}
