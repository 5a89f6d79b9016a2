package planner

import (
	"testing"
	"time"
)

// Day words, holidays, periods, stays and lists a second new-user test found
// filed on a wrong day, at the time each was tried: read on the days they
// say, or refused with nothing filed.
func TestParseItineraryDayWords(t *testing.T) {
	mon := time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai)
	ye := time.Date(2025, 12, 29, 9, 0, 0, 0, shanghai)
	tests := []dayCase{
		// C. day words whose meaning is exact
		{mon, "明儿 拜访企业", []day{{"2025-11-18", ""}}, "", ""},
		{mon, "2moro visit", []day{{"2025-11-18", ""}}, "", ""},
		{mon, "大大后天 拜访企业", []day{{"2025-11-21", ""}}, "", ""},
		{mon, "廿四 拜访企业", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "二十四号 拜访企业", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "20251124 visit plant", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "下一个周一 拜访", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "this coming Monday visit plant", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "Monday week visit plant", []day{{"2025-12-01", ""}}, "", ""},
		{mon, "a week from today visit plant", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "the following Monday visit plant", []day{{"2025-11-24", ""}}, "", ""},
		{mon, "the Monday after next visit plant", []day{{"2025-12-01", ""}}, "", ""},
		{mon, "in a fortnight visit plant", []day{{"2025-12-01", ""}}, "", ""},
		{mon, "EOW send report", []day{{"2025-11-21", ""}}, "", ""},
		{mon, "a week Tuesday visit plant", []day{{"2025-11-25", ""}}, "", ""},
		{mon, "Tuesday next visit plant", []day{{"2025-11-25", ""}}, "", ""},
		{mon, "Tue after next visit plant", []day{{"2025-11-25", ""}}, "", ""},
		{mon, "follow up on last Tuesday visit", nil, ReasonUnreadDate, ""}, // a past day mid-line is what it is about
		{mon, "visit plant on the 3rd", []day{{"2025-11-03", ""}}, "", "2025-12-03"},
		{mon, "拜访企业 明儿", []day{{"2025-11-18", ""}}, "", ""},
		{mon, "visit plant Monday week", []day{{"2025-12-01", ""}}, "", ""},
		{mon, "周中 走访企业", nil, ReasonVagueDate, ""},
		{mon, "下半周 出差", nil, ReasonVagueDate, ""},
		{mon, "上半周 走访", nil, ReasonVagueDate, ""},
		{mon, "周初 走访企业", nil, ReasonVagueDate, ""},
		// D. holidays on a fixed date are read; lunar ones and periods refused
		{mon, "五一 休假", []day{{"2026-05-01", ""}}, "", ""},
		{mon, "劳动节 休假", []day{{"2026-05-01", ""}}, "", ""},
		{mon, "十一 休假", []day{{"2026-10-01", ""}}, "", ""},
		{mon, "国庆 休假", []day{{"2026-10-01", ""}}, "", ""},
		{mon, "双十一 活动", []day{{"2026-11-11", ""}}, "", ""},
		{mon, "圣诞 活动", []day{{"2025-12-25", ""}}, "", ""},
		{mon, "christmas party", []day{{"2025-12-25", ""}}, "", ""},
		{mon, "Xmas leave", []day{{"2025-12-25", ""}}, "", ""},
		{mon, "new year leave", []day{{"2026-01-01", ""}}, "", ""},
		{ye, "new years day off", []day{{"2026-01-01", ""}}, "", ""},
		{ye, "NYE party", []day{{"2025-12-31", ""}}, "", ""},
		{mon, "十一月 出差", nil, ReasonVagueDate, ""},
		{mon, "christmas week trip", nil, ReasonVagueDate, ""},
		{mon, "Xmas holidays leave", nil, ReasonVagueDate, ""},
		{mon, "五一黄金周 休假", nil, ReasonVagueDate, ""},
		{mon, "国庆长假 出游", nil, ReasonVagueDate, ""},
		{mon, "圣诞周 活动", nil, ReasonVagueDate, ""},
		{mon, "拜访十一家企业", []day{{"2025-11-17", ""}}, "", ""},
		{mon, "国庆后 出差", nil, ReasonVagueDate, ""},
		{mon, "清明 休假", nil, ReasonVagueDate, ""},
		{mon, "元宵 团拜", nil, ReasonVagueDate, ""},
		{mon, "正月十五 团拜", nil, ReasonVagueDate, ""},
		{mon, "除夕 值班", nil, ReasonVagueDate, ""},
		{mon, "小年 回家", nil, ReasonVagueDate, ""},
		{mon, "初八 上班 拜访企业", nil, ReasonVagueDate, ""},
		{mon, "冬至 聚餐", nil, ReasonVagueDate, ""},
		{mon, "CNY leave", nil, ReasonVagueDate, ""},
		{mon, "Q1 roadshow", nil, ReasonVagueDate, ""},
		{mon, "Q1 2026 roadshow", nil, ReasonVagueDate, ""},
		{mon, "Q4 review", nil, ReasonVagueDate, ""},
		{mon, "H2 expansion plan", nil, ReasonVagueDate, ""},
		{mon, "1H 2026 plan", nil, ReasonVagueDate, ""},
		{mon, "一季度 招商推介", nil, ReasonVagueDate, ""},
		{mon, "上半年 签约", nil, ReasonVagueDate, ""},
		{mon, "2026年 目标", nil, ReasonVagueDate, ""},
		{mon, "EOM report", nil, ReasonVagueDate, ""},
		{mon, "mid Dec trip", nil, ReasonVagueDate, ""},
		{mon, "late Nov visit", nil, ReasonVagueDate, ""},
		{mon, "~25th visit", nil, ReasonVagueDate, ""},
		{mon, "25th-ish visit", nil, ReasonVagueDate, ""},
		{mon, "sometime next week visit plant", nil, ReasonVagueDate, ""},
		{mon, "midweek visit plant", nil, ReasonVagueDate, ""},
		{mon, "这两天 拜访企业", nil, ReasonVagueDate, ""},
		{mon, "三天内 回访", nil, ReasonVagueDate, ""},
		{mon, "待定 拜访企业", nil, ReasonVagueDate, ""},
		{mon, "隔周 例会", nil, ReasonVagueDate, ""},
		{ye, "元旦假期 休假", nil, ReasonVagueDate, ""},
		{ye, "新年第一天 值班", nil, ReasonVagueDate, ""},
		{ye, "跨年 值班", nil, ReasonVagueDate, ""},
		{ye, "明年 招商", nil, ReasonVagueDate, ""},
		{mon, "周三 讨论下个月计划", []day{{"2025-11-19", ""}}, "", ""}, // a day of its own: no refusal
		{mon, "周三 讨论Q1计划", []day{{"2025-11-19", ""}}, "", ""},
		// E. durations and lists
		{mon, "周三起 驻点一个月", []day{{"2025-11-19", "2025-12-18"}}, "", ""},
		{mon, "周二 出差 2晚", []day{{"2025-11-18", "2025-11-20"}}, "", ""},
		{mon, "周三 住两晚", []day{{"2025-11-19", "2025-11-21"}}, "", ""},
		{mon, "3、4号 拜访", []day{{"2025-11-03", "2025-11-04"}}, "", "2025-12-03"},
		{mon, "3,4号 拜访", []day{{"2025-11-03", "2025-11-04"}}, "", "2025-12-03"},
		{mon, "3、5号 拜访", nil, ReasonUnreadDate, ""},
		{time.Date(2025, 11, 19, 9, 0, 0, 0, shanghai), "this coming Monday and Tuesday visit", []day{{"2025-11-24", "2025-11-25"}}, "", ""},
	}
	checkDayCases(t, tests)
}

// move and edit offer the day after a past one as add does (F).
func TestLaterOf(t *testing.T) {
	today := Date{2025, 11, 17}
	for text, want := range map[string]string{"3号": "2025-12-03", "the 3rd": "2025-12-03", "11月3日": "", "周五": "", "20号": "", "明儿 拜访": ""} {
		got := ""
		if l := LaterOf(text, today); l != (Date{}) {
			got = l.String()
		}
		if got != want {
			t.Errorf("LaterOf(%q) = %q, want %q", text, got, want)
		}
	}
	sun := Date{2025, 11, 23}
	if got := LaterOf("周一", sun); got != (Date{2025, 11, 24}) {
		t.Errorf("LaterOf(周一) on Sunday = %v, want 2025-11-24", got)
	}
}

// A day in Chinese numerals is read only where a when ends: names stay names.
func TestChineseNumeralDayNames(t *testing.T) {
	mon := time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai)
	for text, want := range map[string]string{"一号店 开业": "2025-11-17", "三号楼 走访": "2025-11-17", "三号 拜访": "2025-11-03", "廿四上午 拜访": "2025-11-24", "十一点 开会": "2025-11-17"} {
		got, err := ParseItinerary(text, mon, shanghai)
		if err != nil {
			t.Errorf("%s: %v", text, err)
			continue
		}
		if got.Drafts[0].Start.String() != want {
			t.Errorf("%s: %s, want %s", text, got.Drafts[0].Start, want)
		}
	}
}
