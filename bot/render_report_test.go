package bot

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// bar is a trend bar of n blocks and its space.
func bar(n int) string { return strings.Repeat("▇", n) + " " }

// The scripted November, asked for on December 3rd (so a 月报 covers the
// month just ended, and says why), as text in each language: the title with
// the team, the period and the day made; completion and the totals by kind
// as the retrospective words them, trips with their days away; the money
// line, its bands and each project; each member's done of planned, days
// away and signings; the trend by week, whose first week is the two days of
// November in W44.
func TestReportText(t *testing.T) {
	v := ReportView{Report: plannertest.ScriptedMonth(t), Period: plannertest.November, Made: plannertest.Day(t, "2025-12-03")}
	v.Period.JustEnded = true
	want := map[planner.Lang][]string{
		planner.English: {
			"招商一组 · November 2025 report",
			"Period 2025-11-01 to 2025-11-30 · made 2025-12-03",
			"In a month's first 7 days, the report is of the month just ended. This month so far: /plan report month",
			"Completion 83% (5 of 6 items done)",
			"By kind (done/planned):",
			"  Enterprises met: 4/6 (visits)",
			"  Signings: 1/1",
			"  Trips: 2/2, 5 days away in all",
			"  Meetings: 1/1",
			"  Leave: 1",
			"2 projects signed, CNY 1.2 bn total investment (1 without an amount in CNY)",
			"  By size: CNY 1–2 bn 1",
			"  常诚车业 · CNY 1.2 bn · Tue Nov 18 · 王芳",
			"  CATL · USD 200 m · Thu Nov 20 · Ann",
			"Members:",
			"  Ann: 2 of 3 done · 1 signed",
			"  Mike: no items in this period",
			"  王芳: 3 of 3 done · 5 days away · 1 signed, CNY 1.2 bn",
			"Items done by week:",
			"  W44 (Nov 1–2) 0",
			"  W45 (Nov 3–9) " + bar(10) + "1",
			"  W46 (Nov 10–16) " + bar(20) + "2",
			"  W47 (Nov 17–23) " + bar(10) + "1",
			"  W48 (Nov 24–30) " + bar(10) + "1",
		},
		planner.Chinese: {
			"招商一组 · 2025年11月 月报",
			"统计期：2025-11-01 至 2025-11-30 · 制表日期：2025-12-03",
			"每月前7天的月报统计上个月；本月至今：/plan 报表 本月",
			"完成率 83%（完成 5 项，共 6 项）",
			"分类（完成/计划）：",
			"  拜访企业：4/6 家",
			"  签约：1/1 项",
			"  出差：2/2 次，共外出 5 人天",
			"  会议：1/1 场",
			"  请假：1 人次",
			"签约项目2个，总投资12亿元（其中1个未填人民币投资额）",
			"  按规模：10–20亿元1个",
			"  常诚车业 · 12亿元 · 11月18日周二 · 王芳",
			"  CATL · 2亿美元 · 11月20日周四 · Ann",
			"成员：",
			"  Ann：完成 2 / 3 · 签约1个",
			"  Mike：本期无事项",
			"  王芳：完成 3 / 3 · 外出5天 · 签约1个，12亿元",
			"各周完成事项：",
			"  第44周（11月1日–2日） 0",
			"  第45周（11月3日–9日） " + bar(10) + "1",
			"  第46周（11月10日–16日） " + bar(20) + "2",
			"  第47周（11月17日–23日） " + bar(10) + "1",
			"  第48周（11月24日–30日） " + bar(10) + "1",
		},
	}
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			got := strings.Split(ReportText(l, v), "\n")
			if strings.Join(got, "\n") != strings.Join(want[l], "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want[l], "\n"))
			}
		})
	}
}

// The title and the dates line say what the period is, in each language,
// and whether it is still running on the day the report is made.
func TestReportTitles(t *testing.T) {
	period := func(spec, today string) planner.Period {
		p, err := planner.ParsePeriod(spec, plannertest.Day(t, today))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, tt := range []struct {
		spec, made string
		en, zh     string
		running    bool
	}{
		{"2025-11", "2025-11-17", "November 2025 report", "2025年11月 月报", true},
		{"2025-11", "2025-12-01", "November 2025 report", "2025年11月 月报", false},
		{"2025-Q4", "2026-01-05", "Q4 2025 report", "2025年第四季度 季报", false},
		{"2025-Q1", "2025-11-17", "Q1 2025 report", "2025年第一季度 季报", false},
		{"2025", "2025-11-17", "2025 annual report", "2025年 年报", true},
		{"2025-11-03..2025-11-16", "2025-11-17", "Report Nov 3 – Nov 16, 2025", "2025年11月3日至11月16日 报表", false},
		{"2025-12-15..2026-01-15", "2025-11-17", "Report Dec 15, 2025 – Jan 15, 2026", "2025年12月15日至2026年1月15日 报表", true},
	} {
		t.Run(tt.spec+"@"+tt.made, func(t *testing.T) {
			p := period(tt.spec, tt.made)
			v := ReportView{Report: planner.Report{From: p.From, To: p.To}, Period: p, Made: plannertest.Day(t, tt.made)}
			for l, want := range map[planner.Lang]string{planner.English: tt.en, planner.Chinese: tt.zh} {
				ly := NewReportLayout(l, v)
				if ly.Header() != want {
					t.Errorf("%s title %q, want %q", l, ly.Header(), want)
				}
				if running := strings.Contains(ly.Dates, Say(l, MsgReportRunning)); running != tt.running {
					t.Errorf("%s dates %q: running %t, want %t", l, ly.Dates, running, tt.running)
				}
				if ly.Note != "" {
					t.Errorf("%s: a period named has no note, got %q", l, ly.Note)
				}
			}
		})
	}
}

// One member's report names them in its title; a name or a company typed
// with line breaks or control characters stays on its line.
func TestReportTextInert(t *testing.T) {
	r := plannertest.ScriptedMonth(t)
	r.Team = "招商\n一组"
	r.Members[0].UserName = "Ann\r\n<!channel>"
	r.Money.Projects[0].Company = "常诚\u202e车业\n"
	r.Member = r.Members[0].UserID
	for _, l := range plannertest.Langs {
		text := ReportText(l, ReportView{Report: r, Period: plannertest.November, Made: plannertest.Day(t, "2025-12-03")})
		first := strings.Split(text, "\n")[0]
		if !strings.HasPrefix(first, "招商 一组 · ") || !strings.HasSuffix(first, " · Ann <!channel>") {
			t.Errorf("%s: first line %q, want the team and the member on it", l, first)
		}
		if strings.ContainsAny(text, "\r\u202e") || strings.Contains(text, "车业\n") {
			t.Errorf("%s: user text broke a line:\n%s", l, text)
		}
		if m := leftover.FindString(text); m != "" {
			t.Errorf("%s: %q left in:\n%s", l, m, text)
		}
	}
}

// A report measures the period as the retrospective does, in both languages:
// the targets' 完成率 against time gone, the companies overdue and the
// activity index's ranking, each a part of its own, in the order a lead reads
// them; a report without them has none of those parts (TestReportText).
func TestReportMeasures(t *testing.T) {
	r := plannertest.ScriptedMonth(t)
	asOf := plannertest.Day(t, "2025-11-30")
	r.Targets = []planner.TargetProgress{{Metric: planner.MetricAmount, Period: planner.TargetPeriod{Year: 2025}, Goal: 100000, Done: 60000, AsOf: asOf}}
	r.Overdue = []planner.OverdueCompany{{CompanyID: 1, Company: "常诚车业", Owner: r.Members[0].UserID, Due: plannertest.Day(t, "2025-11-20")}}
	r.Index = &planner.Index{From: r.From, To: r.To, Weights: map[planner.Measure]int{planner.Measures[0]: 30},
		Members: []planner.MemberIndex{{UserID: r.Members[0].UserID, UserName: r.Members[0].UserName,
			Counts: map[planner.Measure]int{planner.Measures[0]: 1}, Index: 30, Rank: 1}}}
	for _, l := range plannertest.Langs {
		v := ReportView{Report: r, Period: plannertest.November, Made: plannertest.Day(t, "2025-12-03")}
		ly := NewReportLayout(l, v)
		text := ReportText(l, v)
		parts := []struct {
			name  string
			lines []RetroLine
			want  string
		}{
			{"targets", ly.Targets, TargetLines(l, r.Targets)[0].Text},
			{"overdue", ly.Overdue, "常诚车业"},
			{"index", ly.Index, Say(l, MsgIndexHead)},
		}
		at := -1
		for _, p := range parts {
			if len(p.lines) == 0 {
				t.Errorf("%s: no %s part", l, p.name)
				continue
			}
			joined := ""
			for _, ln := range p.lines {
				joined += ln.Text + "\n"
			}
			if !strings.Contains(joined, p.want) {
				t.Errorf("%s: the %s part lacks %q:\n%s", l, p.name, p.want, joined)
			}
			i := strings.Index(text, p.lines[0].Text)
			if i < 0 || i < at {
				t.Errorf("%s: the %s part is missing from the text or out of order:\n%s", l, p.name, text)
			}
			at = i
		}
		if !strings.Contains(text, r.Members[0].UserName) {
			t.Errorf("%s: members by name:\n%s", l, text)
		}
	}
}
