package planner

import (
	"errors"
	"testing"
	"time"
)

// The dates staff write (issue 13 part 2), at Monday 2025-11-17 in Shanghai.
func TestParseItineraryDateForms(t *testing.T) {
	tests := []struct {
		text  string
		days  []day
		title string // "" when not checked
	}{
		// month.day, month-day, month/day and their ranges, across the year too.
		{"12.3 拜访企业", []day{{"2025-12-03", ""}}, "拜访企业"},
		{"12-3 拜访企业", []day{{"2025-12-03", ""}}, ""},
		{"12/3 visit", []day{{"2025-12-03", ""}}, ""},
		{"12.3-12.5 出差深圳", []day{{"2025-12-03", "2025-12-05"}}, ""},
		{"12.30-1.2 出差深圳", []day{{"2025-12-30", "2026-01-02"}}, ""},
		{"12.3-5 出差深圳", []day{{"2025-12-03", "2025-12-05"}}, ""},
		// Day-only and shortened ranges, lists of days.
		{"24-26日 出差深圳", []day{{"2025-11-24", "2025-11-26"}}, "出差深圳"},
		{"24日至26日 出差深圳", []day{{"2025-11-24", "2025-11-26"}}, ""},
		{"24号到26号 出差深圳", []day{{"2025-11-24", "2025-11-26"}}, ""},
		{"23至25日 出差深圳", []day{{"2025-11-23", "2025-11-25"}}, ""},
		{"28日-2日 出差深圳", []day{{"2025-11-28", "2025-12-02"}}, ""},
		{"8月3—5日 赴深圳东莞对接项目", []day{{"2025-08-03", "2025-08-05"}}, ""},
		{"9月23至25日 带队赴上海", []day{{"2025-09-23", "2025-09-25"}}, ""},
		{"2015年1月26-29日 走访台企", []day{{"2015-01-26", "2015-01-29"}}, ""},
		{"12月30日至1月2日 出差", []day{{"2025-12-30", "2026-01-02"}}, ""},
		{"9月6日、7日、8日 举办推介会", []day{{"2025-09-06", "2025-09-08"}}, ""},
		// Weekday ranges and lists written short.
		{"周二至四 出差", []day{{"2025-11-18", "2025-11-20"}}, "出差"},
		{"周二到四 出差", []day{{"2025-11-18", "2025-11-20"}}, ""},
		{"周二、三 拜访企业", []day{{"2025-11-18", "2025-11-19"}}, "拜访企业"},
		{"周一、三、五 拜访企业", []day{{"2025-11-17", ""}, {"2025-11-19", ""}, {"2025-11-21", ""}}, ""},
		{"下周二至四 出差", []day{{"2025-11-25", "2025-11-27"}}, ""},
		{"周二—周四 出差", []day{{"2025-11-18", "2025-11-20"}}, ""},
		{"周二至三亚出差", []day{{"2025-11-18", ""}}, "至三亚出差"},
		{"周二、三家企业来访", []day{{"2025-11-18", ""}}, ""},
		{"週二 拜訪企業", []day{{"2025-11-18", ""}}, "拜訪企業"},
		{"禮拜五 開會", []day{{"2025-11-21", ""}}, ""},
		// Full-width digits and Chinese numerals.
		{"１２月３日 拜访企业", []day{{"2025-12-03", ""}}, ""},
		{"１２．３ 拜访企业", []day{{"2025-12-03", ""}}, ""},
		{"十月三十一日 广交会", []day{{"2025-10-31", ""}}, "广交会"},
		{"十月三十一日至十一月四日 广交会第三期", []day{{"2025-10-31", "2025-11-04"}}, ""},
		{"十月十五至十九日 广交会第一期", []day{{"2025-10-15", "2025-10-19"}}, ""},
		// Durations from a start.
		{"周二起出差两天", []day{{"2025-11-18", "2025-11-19"}}, ""},
		{"周三出发 3天", []day{{"2025-11-19", "2025-11-21"}}, ""},
		{"周四 赴上海（4天）", []day{{"2025-11-20", "2025-11-23"}}, ""},
		{"12月1日 飞赴德国 为期10天", []day{{"2025-12-01", "2025-12-10"}}, ""},
		{"周一 赴北京开展为期一周的招商", []day{{"2025-11-17", "2025-11-23"}}, ""},
		{"two-day trip from Tue", []day{{"2025-11-18", "2025-11-19"}}, "two-day trip"},
		{"3-day trip to Shenzhen from wed", []day{{"2025-11-19", "2025-11-21"}}, ""},
		{"前往湖北武汉 开展为期四天的考察", []day{{"2025-11-17", "2025-11-20"}}, ""},
		{"tue present the 30-day plan", []day{{"2025-11-18", ""}}, ""},
		{"周二 拜访企业 3天内回复", []day{{"2025-11-18", ""}}, ""},
		{"2月10日-16日 赴北京开展为期一周的活动", []day{{"2026-02-10", "2026-02-16"}}, ""},
		// Relative days.
		{"大后天 拜访企业", []day{{"2025-11-20", ""}}, ""},
		{"大前天 拜访企业", []day{{"2025-11-14", ""}}, ""},
		{"下下周三 拜访企业", []day{{"2025-12-03", ""}}, ""},
		{"明年1月8日 签约", []day{{"2026-01-08", ""}}, ""},
		{"今年12月3日 签约", []day{{"2025-12-03", ""}}, ""},
		{"next week Tue-Thu visit", []day{{"2025-11-25", "2025-11-27"}}, "visit"},
		{"next week: tue visit", []day{{"2025-11-25", ""}}, "visit"},
		{"Tue-Thu next week visit", []day{{"2025-11-25", "2025-11-27"}}, "visit"},
		{"the 20th visit", []day{{"2025-11-20", ""}}, "visit"},
		{"3rd Dec visit", []day{{"2025-12-03", ""}}, "visit"},
		{"Dec 3rd visit", []day{{"2025-12-03", ""}}, ""},
		{"3 Dec visit", []day{{"2025-12-03", ""}}, ""},
		{"3 December visit", []day{{"2025-12-03", ""}}, ""},
		{"21th-28th December out of office", []day{{"2025-12-21", "2025-12-28"}}, ""},
		{"tmrw visit", []day{{"2025-11-18", ""}}, ""},
		{"tmr visit", []day{{"2025-11-18", ""}}, ""},
		{"visit tmrw", []day{{"2025-11-18", ""}}, "visit"},
		// Misspelt day words.
		{"thrusday visit", []day{{"2025-11-20", ""}}, "visit"},
		{"wendesday visit", []day{{"2025-11-19", ""}}, ""},
		{"wensday visit", []day{{"2025-11-19", ""}}, ""},
		{"fridya visit", []day{{"2025-11-21", ""}}, ""},
		{"tomorow visit", []day{{"2025-11-18", ""}}, ""},
		{"tommorrow visit", []day{{"2025-11-18", ""}}, ""},
		{"next thrusday visit", []day{{"2025-11-27", ""}}, ""},
		{"call investors on thrusday", []day{{"2025-11-20", ""}}, "call investors"},
		// A weekday and a date together.
		{"周三（11月19日）拜访企业", []day{{"2025-11-19", ""}}, "拜访企业"},
		{"周三（12月3日）拜访企业", []day{{"2025-12-03", ""}}, "拜访企业"},
		{"Wed 12/3 visit", []day{{"2025-12-03", ""}}, "visit"},
		{"2025年12月2日（星期二）签约", []day{{"2025-12-02", ""}}, "签约"},
		{"tomorrow, Nov 18, visit", []day{{"2025-11-18", ""}}, "visit"},
		{"下周三（11月26日）拜访企业", []day{{"2025-11-26", ""}}, ""},
		{"Wednesday, November 19 – Thursday, November 20 trip to Tokyo", []day{{"2025-11-19", "2025-11-20"}}, "trip to Tokyo"},
		// Bracketed whens.
		{"【周四】拜访企业", []day{{"2025-11-20", ""}}, "拜访企业"},
		{"[Thu] visit", []day{{"2025-11-20", ""}}, "visit"},
		{"（周四）拜访企业", []day{{"2025-11-20", ""}}, "拜访企业"},
		{"周四：拜访企业", []day{{"2025-11-20", ""}}, "拜访企业"},
		// Times of day stay in the title and are no date.
		{"周二上午 拜访企业", []day{{"2025-11-18", ""}}, "上午 拜访企业"},
		{"周三 9:30 会议", []day{{"2025-11-19", ""}}, "9:30 会议"},
		{"下午3点 开会", []day{{"2025-11-17", ""}}, "下午3点 开会"},
		{"Thu 10:30am meeting", []day{{"2025-11-20", ""}}, "10:30am meeting"},
		{"lunch appointment at 11.30 am", []day{{"2025-11-17", ""}}, ""},
		{"4月27日9∶00-11∶30 推介会", []day{{"2026-04-27", ""}}, ""},
		// A when in the middle of a line, and an end after a start.
		{"first round of roadshows on December 9 in London", []day{{"2025-12-09", ""}}, "first round of roadshows in London"},
		{"out this Thursday and Friday for Thanksgiving", []day{{"2025-11-20", "2025-11-21"}}, "out for Thanksgiving"},
		{"On Wednesday, meet with two companies", []day{{"2025-11-19", ""}}, "meet with two companies"},
		{"trade mission starts Tuesday and continues through Nov 21", []day{{"2025-11-18", "2025-11-21"}}, ""},
		{"昨天 赴日本开展招商 直至本月23日", []day{{"2025-11-16", "2025-11-23"}}, ""},
		{"trade mission to Europe from Nov 15–21, 2021", []day{{"2021-11-15", "2021-11-21"}}, ""},
		// Lines a recruiter writes whose numbers and words are no day.
		{"周二 召开2024深圳全球招商大会筹备会", []day{{"2025-11-18", ""}}, ""},
		{"召开1-10月招商引资工作调度会", []day{{"2025-11-17", ""}}, ""},
		{"周五 部门周例会", []day{{"2025-11-21", ""}}, ""},
		{"与北京融奥科技完成48亿元的签约", []day{{"2025-11-17", ""}}, ""},
		{"拜访常诚车业年产150万套车灯项目", []day{{"2025-11-17", ""}}, ""},
		{"周一 制定本周计划", []day{{"2025-11-17", ""}}, ""},
		{"周五 制定下周计划", []day{{"2025-11-21", ""}}, ""},
		{"fri plan next week's visits", []day{{"2025-11-21", ""}}, ""},
		{"3号楼 会议", []day{{"2025-11-17", ""}}, ""},
		{"参观今日集团等10余家企业", []day{{"2025-11-17", ""}}, ""},
		{"investment of 2.5 billion signed", []day{{"2025-11-17", ""}}, ""},
		{"走访园区落户企业近30家", []day{{"2025-11-17", ""}}, ""},
		{"tue marketing plan", []day{{"2025-11-18", ""}}, "marketing plan"},
		{"monitor the fund", []day{{"2025-11-17", ""}}, ""},
		{"visit 2 companies b-g5-4", []day{{"2025-11-17", ""}}, ""},
		{"release v1.2 to the client", []day{{"2025-11-17", ""}}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, monday, shanghai)
			if tc.days == nil {
				if err == nil {
					t.Fatalf("got %+v, want an error", got.Drafts)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDays(t, got, tc.days)
			if tc.title != "" && got.Drafts[0].Title != tc.title {
				t.Errorf("title %q, want %q", got.Drafts[0].Title, tc.title)
			}
		})
	}
}

// A year given after an English date and a year-less date in its own year.
func TestParseItineraryStatedYear(t *testing.T) {
	now := time.Date(2012, 6, 7, 9, 0, 0, 0, shanghai)
	for text, want := range map[string]day{
		"Monday, June 11, 2012 private meeting with the ambassador": {"2012-06-11", ""},
		"departing tomorrow, June 8, on a trade mission to China":   {"2012-06-08", ""},
	} {
		got, err := ParseItinerary(text, now, shanghai)
		if err != nil {
			t.Fatalf("%q: %v", text, err)
		}
		checkDays(t, got, []day{want})
	}
}

// Never silent: a line whose what still names a day the when did not read is
// refused, with the reason the reply explains.
func TestParseItineraryUnreadDay(t *testing.T) {
	tests := []struct {
		text   string
		reason Reason
	}{
		{"周二 拜访企业 12.3", ReasonSeveralDays},
		{"周二 拜访企业 12-3", ReasonSeveralDays},
		{"周二 拜访企业 3日", ReasonSeveralDays},
		{"周二 拜访企业 周5 出差", ReasonSeveralDays},
		{"周三 拜访 明天 签约", ReasonSeveralDays},
		{"tue visit, thrusday follow-up", ReasonSeveralDays},
		{"tue visit Dec 3rd", ReasonSeveralDays},
		{"tue visit 12/3", ReasonSeveralDays},
		{"mon visit tmrw", ReasonSeveralDays},
		{"周二 拜访企业 十二月三日", ReasonSeveralDays},
		{"tue ship order 12-3-7", ReasonSeveralDays}, // reads as Dec 3–7: asked, not guessed
		{"拜访企业 下下周", ReasonVagueWeek},
		{"下下周 拜访企业", ReasonVagueWeek},
		{"月底 项目集中签约", ReasonVagueDate},
		{"12月初 举行项目集中签约活动", ReasonVagueDate},
		{"周二 拜访企业 月底前签约", ReasonVagueDate},
		{"signing at the end of the month", ReasonVagueDate},
		{"拜访企业 周八", ReasonBadWeekday},
		{"周三（12月4日）拜访企业", ReasonDateMismatch},
		{"Wed 12/4 visit", ReasonDateMismatch},
		{"明天（11月19日）拜访企业", ReasonDateMismatch},
		{"下周三（11月19日）拜访企业", ReasonDateMismatch},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, monday, shanghai)
			var e *Error
			if !errors.As(err, &e) || e.Code != Invalid || e.Reason != tc.reason {
				t.Fatalf("got %+v, %v; want invalid %s", got.Drafts, err, tc.reason)
			}
			if e.Detail == "" || len(got.Drafts) != 0 {
				t.Errorf("detail %q, drafts %+v", e.Detail, got.Drafts)
			}
		})
	}
}

func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"thrusday", "thursday", 1}, {"fridya", "friday", 1}, {"wensday", "wednesday", 2},
		{"total", "today", 2}, {"money", "monday", 2}, {"", "abc", 3}, {"friday", "friday", 0},
	} {
		if got := editDistance(tc.a, tc.b); got != tc.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
