package planner

import (
	"testing"
	"time"
)

// Every line of the new-user test (items 1–5 and 9 of its findings), at the
// time it was tried: understood on the days it says, or refused; never filed
// on a day the person did not write.
func TestParseItineraryNewUser(t *testing.T) {
	mon := time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai)
	sun := time.Date(2025, 11, 23, 20, 0, 0, 0, shanghai)
	ye := time.Date(2025, 12, 29, 9, 0, 0, 0, shanghai)
	tests := []dayCase{
		// 1. dates and relative days that were filed today
		{mon, "11月20 拜访企业", []day{{"2025-11-20", ""}}, "", ""},
		{mon, "12 月 3 日 拜访企业", []day{{"2025-12-03", ""}}, "", ""},
		{mon, "11.25日 拜访企业", []day{{"2025-11-25", ""}}, "", ""},
		{mon, "21.11. visit plant", []day{{"2025-11-21", ""}}, "", ""},
		{mon, "3.4. visit plant", nil, ReasonBadDate, ""}, // day.month or month.day: both are dates
		{mon, "明早 拜访常诚车业", []day{{"2025-11-18", ""}}, "", ""},
		{mon, "明晚 宴请客商", []day{{"2025-11-18", ""}}, "", ""},
		{mon, "宴请客商 明晚", nil, ReasonUnreadDate, ""},
		{mon, "周二 准备今晚的材料", []day{{"2025-11-18", ""}}, "", ""}, // only a first word is spelt out
		{mon, "明", []day{{"2025-11-17", ""}}, "", ""},          // too short to spell out: no panic, no day
		{mon, "两周后 回访企业", []day{{"2025-12-01", ""}}, "", ""},
		{mon, "3天后 回访企业", []day{{"2025-11-20", ""}}, "", ""},
		{mon, "二、三 走访企业", nil, ReasonUnreadDate, ""}, // 周二、三? or a numbered list: ask
		{mon, "双休日 加班", []day{{"2025-11-22", "2025-11-23"}}, "", ""},
		{mon, "下个月 出差北京", nil, ReasonVagueDate, ""},
		{mon, "近期 走访企业", nil, ReasonVagueDate, ""},
		{mon, "年前 走访企业", nil, ReasonVagueDate, ""},
		{mon, "次日 走访企业", nil, ReasonVagueDate, ""},
		{mon, "节后 出差", nil, ReasonVagueDate, ""},
		{mon, "wk48 trip", nil, ReasonVagueDate, ""},
		{mon, "end of week wrap up", nil, ReasonVagueDate, ""},
		{mon, "early next week visit plant", nil, ReasonVagueDate, ""},
		{ye, "元旦 休假", []day{{"2026-01-01", ""}}, "", ""},
		{ye, "元旦后 出差上海", nil, ReasonVagueDate, ""},
		{ye, "年底 冲刺签约", nil, ReasonVagueDate, ""},
		{sun, "in 2 days visit plant", []day{{"2025-11-25", ""}}, "", ""},
		{sun, "day after tomorrow visit plant", []day{{"2025-11-25", ""}}, "", ""},
		// 2. a weekday and a day number
		{mon, "Tues 25th visit plant", []day{{"2025-11-25", ""}}, "", ""},
		{mon, "Fri 22nd visit plant", nil, ReasonDateMismatch, ""},
		{mon, "nxt tue visit plant", []day{{"2025-11-25", ""}}, "", ""},
		{sun, "Monday 24th visit CATL", []day{{"2025-11-24", ""}}, "", ""},
		// 3. ranges and durations
		{mon, "thu-fir trip to Beijing", []day{{"2025-11-20", "2025-11-21"}}, "", ""},
		{mon, "周六日 加班", []day{{"2025-11-22", "2025-11-23"}}, "", ""},
		{mon, "周二三 走访企业", []day{{"2025-11-18", "2025-11-19"}}, "", ""},
		{mon, "周二三点 开会", []day{{"2025-11-18", ""}}, "", ""}, // Tuesday at three
		{mon, "明后两天 走访企业", []day{{"2025-11-18", "2025-11-19"}}, "", ""},
		{mon, "过两天 回访企业", nil, ReasonVagueDate, ""}, // "in a couple of days": no day
		{mon, "明天起 出差一周", []day{{"2025-11-18", "2025-11-24"}}, "", ""},
		{mon, "下周一起 驻点深圳两周", []day{{"2025-11-24", "2025-12-07"}}, "", ""},
		{mon, "周二至周四（2天）出差北京", nil, ReasonDurationMismatch, ""},
		{mon, "周二至周四（3天）出差北京", []day{{"2025-11-18", "2025-11-20"}}, "", ""},
		// 4. a day of the month alone, already gone: filed as written, next month offered
		{mon, "3-5日 赴苏州、无锡精准招商", []day{{"2025-11-03", "2025-11-05"}}, "", "2025-12-03"},
		{mon, "3日至5日 赴杭州招商", []day{{"2025-11-03", "2025-11-05"}}, "", "2025-12-03"},
		{mon, "3号到5号 驻点深圳", []day{{"2025-11-03", "2025-11-05"}}, "", "2025-12-03"},
		{mon, "the 3rd follow up with 3 leads", []day{{"2025-11-03", ""}}, "", "2025-12-03"},
		{mon, "visit Changcheng on the 3rd", []day{{"2025-11-03", ""}}, "", "2025-12-03"},
		{mon, "19-21日 出差", []day{{"2025-11-19", "2025-11-21"}}, "", ""},
		{sun, "周一至周三 出差北京", []day{{"2025-11-17", "2025-11-19"}}, "", "2025-11-24"},
		// 9. several whens in one line, one item per segment
		{mon, "周一 梳理好一周工作计划，周二对接4家企业，周三对接基金公司开展以商引商", []day{{"2025-11-17", ""}, {"2025-11-18", ""}, {"2025-11-19", ""}}, "", ""},
		{mon, "周四、周五出差北京，周末回常总结复盘、并且参加招商培训", []day{{"2025-11-20", "2025-11-21"}, {"2025-11-22", "2025-11-23"}}, "", ""},
		{mon, "周二 对接4家企业；周三 对接基金公司", []day{{"2025-11-18", ""}, {"2025-11-19", ""}}, "", ""},
		{mon, "tue visit 3 leads; wed prep MOU", []day{{"2025-11-18", ""}, {"2025-11-19", ""}}, "", ""},
		{sun, "26-28 Nov trip to Guangzhou", []day{{"2025-11-26", "2025-11-28"}}, "", ""},
		{mon, "12月3号周三 拜访企业", []day{{"2025-12-03", ""}}, "", ""},
		{mon, "12月4号周三 拜访企业", nil, ReasonDateMismatch, ""},
		{ye, "本周 周二 走访企业", []day{{"2025-12-30", ""}}, "", ""},
		{mon, "thu meet the 2nd batch of investors", []day{{"2025-11-20", ""}}, "", ""},
		{mon, "Fri 2nd visit to CATL", nil, ReasonDateMismatch, ""}, // "the 20th visit" is a day: asked, not guessed
		{mon, "周二 拜访A 周三 拜访B", nil, ReasonSeveralDays, ""},          // no ；: each day on its own line
		{mon, "tue visit A, wed visit B", nil, ReasonSeveralDays, ""},
		{mon, "12月3日 签约仪式，3日下午 参观", nil, ReasonSeveralDays, ""}, // not Nov 3
		{mon, "3日 出差，周二 拜访企业", []day{{"2025-11-03", ""}, {"2025-11-18", ""}}, "", "2025-12-03"},
	}
	checkDayCases(t, tests)
}

// The time of 明早/明晚 stays in the title; 起 does not.
func TestParseItineraryNewUserTitles(t *testing.T) {
	for text, title := range map[string]string{
		"明早 拜访常诚车业":             "早上 拜访常诚车业",
		"明天起 出差一周":              "出差一周",
		"thu-fir trip":          "trip",
		"周六日 加班":                "加班",
		"Tues 25th visit plant": "visit plant",
	} {
		got, err := ParseItinerary(text, monday, shanghai)
		if err != nil {
			t.Errorf("%q: %v", text, err)
			continue
		}
		if got.Drafts[0].Title != title {
			t.Errorf("%q: title %q, want %q", text, got.Drafts[0].Title, title)
		}
	}
}

// The seed's sentence gives one item per activity, each with its kind.
func TestParseItinerarySegmentsKinds(t *testing.T) {
	got, err := ParseItinerary("周四、周五出差北京，周末回常总结复盘、并且参加招商培训", monday, shanghai)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []Kind
	for _, d := range got.Drafts {
		kinds = append(kinds, d.Kind)
	}
	if len(kinds) != 3 || kinds[0] != KindTrip || kinds[1] != KindReview || kinds[2] != KindTraining {
		t.Errorf("kinds %v, want trip, review, training", kinds)
	}
}

// What the new-user test found working keeps working (Monday 2025-11-17).
func TestParseItineraryWorkedWell(t *testing.T) {
	for text, want := range map[string][]day{
		"12.3 拜访": {{"2025-12-03", ""}}, "12-4 拜访": {{"2025-12-04", ""}}, "12/5 拜访": {{"2025-12-05", ""}},
		"１２月３日 拜访": {{"2025-12-03", ""}}, "12.30-1.2 出差": {{"2025-12-30", "2026-01-02"}},
		"明年1月8日 签约": {{"2026-01-08", ""}}, "大后天 拜访": {{"2025-11-20", ""}}, "下下周三 拜访": {{"2025-12-03", ""}},
		"下周二至四 出差": {{"2025-11-25", "2025-11-27"}}, "周一、三、五 拜访": {{"2025-11-17", ""}, {"2025-11-19", ""}, {"2025-11-21", ""}},
		"周二—周四 出差": {{"2025-11-18", "2025-11-20"}}, "週二 拜訪": {{"2025-11-18", ""}}, "下週一 拜訪企業": {{"2025-11-24", ""}},
		"【周四】拜访": {{"2025-11-20", ""}}, "周四：拜访": {{"2025-11-20", ""}}, "周四至下周二 出差": {{"2025-11-20", "2025-11-25"}},
		"周三出发 3天": {{"2025-11-19", "2025-11-21"}}, "周四 赴上海（4天）": {{"2025-11-20", "2025-11-23"}},
		"19-21日 出差": {{"2025-11-19", "2025-11-21"}}, "11.19-21 出差": {{"2025-11-19", "2025-11-21"}},
		"Tue-Thu next week trip": {{"2025-11-25", "2025-11-27"}}, "Dec 3rd visit": {{"2025-12-03", ""}},
		"3rd Dec visit": {{"2025-12-03", ""}}, "19 Nov visit": {{"2025-11-19", ""}}, "tmrw visit": {{"2025-11-18", ""}},
		"tommorow visit": {{"2025-11-18", ""}}, "thrusday visit": {{"2025-11-20", ""}}, "wendesday visit": {{"2025-11-19", ""}},
		"fridya visit": {{"2025-11-21", ""}}, "Mon. visit": {{"2025-11-17", ""}}, "Nov 19 visit": {{"2025-11-19", ""}},
		"two-day trip from Tue to Suzhou": {{"2025-11-18", "2025-11-19"}}, "3-day trip to Hefei from Wed": {{"2025-11-19", "2025-11-21"}},
		"next mon-fri vacation": {{"2025-11-24", "2025-11-28"}}, "visit plant on thursday": {{"2025-11-20", ""}},
		"周二起出差两天 成都": {{"2025-11-18", "2025-11-19"}}, "周三 9:30 会议": {{"2025-11-19", ""}}, "Thu 10:30am meeting": {{"2025-11-20", ""}},
	} {
		t.Run(text, func(t *testing.T) {
			got, err := ParseItinerary(text, monday, shanghai)
			if err != nil {
				t.Fatal(err)
			}
			checkDays(t, got, want)
		})
	}
	for _, text := range []string{"周三（12月4日）拜访", "Wed 12/4 visit", "11月20日(周三) 拜访", "月底 签约", "12月初 签约",
		"上旬 签约", "11月底 签约", "end of month sign", "下周 出差", "next week trip", "本周 出差", "周二 拜访 12.3"} {
		if got, err := ParseItinerary(text, monday, shanghai); err == nil {
			t.Errorf("%q: %+v, want refused", text, got.Drafts)
		}
	}
}
