package planner

import (
	"errors"
	"testing"
	"time"
)

// The examples at Monday 2025-11-17 09:00 +08:00.
func TestParseItinerarySeedWeek(t *testing.T) {
	tests := []struct {
		text  string
		want  want
		title string
		lang  Lang
	}{
		{"tue visit 4 enterprises", want{"2025-11-18", "", KindVisit, 4, ""}, "visit 4 enterprises", English},
		{"thu-fri trip to Beijing", want{"2025-11-20", "2025-11-21", KindTrip, 1, "Beijing"}, "trip to Beijing", English},
		{"周二 对接4家企业", want{"2025-11-18", "", KindVisit, 4, ""}, "对接4家企业", Chinese},
		{"周三 对接基金公司开展以商引商", want{"2025-11-19", "", KindFund, 1, ""}, "对接基金公司开展以商引商", Chinese},
		{"周四至周五 出差北京", want{"2025-11-20", "2025-11-21", KindTrip, 1, "北京"}, "出差北京", Chinese},
		{"周末 回常总结复盘", want{"2025-11-22", "2025-11-23", KindReview, 1, ""}, "回常总结复盘", Chinese},
		{"sun 参加招商培训", want{"2025-11-23", "", KindTraining, 1, ""}, "参加招商培训", English},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, monday, shanghai)
			if err != nil {
				t.Fatal(err)
			}
			checkDrafts(t, got, []want{tc.want})
			if got.Drafts[0].Title != tc.title || got.Lang != tc.lang {
				t.Errorf("title %q lang %q, want %q %q", got.Drafts[0].Title, got.Lang, tc.title, tc.lang)
			}
		})
	}
}

func TestParseItineraryWhen(t *testing.T) {
	o := KindOther
	tests := []struct {
		text string
		want []want
	}{
		// English weekdays, full names, relative days.
		{"mon x", []want{{"2025-11-17", "", o, 1, ""}}},
		{"Wednesday x", []want{{"2025-11-19", "", o, 1, ""}}},
		{"SAT x", []want{{"2025-11-22", "", o, 1, ""}}},
		{"today x", []want{{"2025-11-17", "", o, 1, ""}}},
		{"tomorrow x", []want{{"2025-11-18", "", o, 1, ""}}},
		{"yesterday x", []want{{"2025-11-16", "", o, 1, ""}}},
		{"next tue x", []want{{"2025-11-25", "", o, 1, ""}}},
		{"last fri x", []want{{"2025-11-14", "", o, 1, ""}}},
		{"this fri x", []want{{"2025-11-21", "", o, 1, ""}}},
		// English ranges and lists.
		{"thu–fri x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"thu to fri x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"thursday through friday x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"fri-mon x", []want{{"2025-11-21", "2025-11-24", o, 1, ""}}},
		{"next wed-fri x", []want{{"2025-11-26", "2025-11-28", o, 1, ""}}},
		{"mon, wed x", []want{{"2025-11-17", "", o, 1, ""}, {"2025-11-19", "", o, 1, ""}}},
		{"thu and fri x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"mon, thu-fri x", []want{{"2025-11-17", "", o, 1, ""}, {"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"weekend x", []want{{"2025-11-22", "2025-11-23", o, 1, ""}}},
		{"next weekend x", []want{{"2025-11-29", "2025-11-30", o, 1, ""}}},
		// English dates.
		{"2025-11-20 x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"11/20 x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"Nov 20 x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"november 20th x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"1/5 x", []want{{"2026-01-05", "", o, 1, ""}}},
		{"12/30-1/2 x", []want{{"2025-12-30", "2026-01-02", o, 1, ""}}},
		{"tue: x", []want{{"2025-11-18", "", o, 1, ""}}},
		// Chinese weekdays, relative days.
		{"周一 x", []want{{"2025-11-17", "", o, 1, ""}}},
		{"周日 x", []want{{"2025-11-23", "", o, 1, ""}}},
		{"周天 x", []want{{"2025-11-23", "", o, 1, ""}}},
		{"星期三 x", []want{{"2025-11-19", "", o, 1, ""}}},
		{"星期天 x", []want{{"2025-11-23", "", o, 1, ""}}},
		{"礼拜二 x", []want{{"2025-11-18", "", o, 1, ""}}},
		{"礼拜天 x", []want{{"2025-11-23", "", o, 1, ""}}},
		{"今天 x", []want{{"2025-11-17", "", o, 1, ""}}},
		{"明天 x", []want{{"2025-11-18", "", o, 1, ""}}},
		{"后天 x", []want{{"2025-11-19", "", o, 1, ""}}},
		{"昨天 x", []want{{"2025-11-16", "", o, 1, ""}}},
		{"下周二 x", []want{{"2025-11-25", "", o, 1, ""}}},
		{"上周五 x", []want{{"2025-11-14", "", o, 1, ""}}},
		{"本周五 x", []want{{"2025-11-21", "", o, 1, ""}}},
		{"这周五 x", []want{{"2025-11-21", "", o, 1, ""}}},
		// Chinese ranges, lists, weekend, dates.
		{"周四到周五 x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"周四-周五 x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"下周三至周五 x", []want{{"2025-11-26", "2025-11-28", o, 1, ""}}},
		{"周四、周五 x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"周一和周三 x", []want{{"2025-11-17", "", o, 1, ""}, {"2025-11-19", "", o, 1, ""}}},
		{"周末 x", []want{{"2025-11-22", "2025-11-23", o, 1, ""}}},
		{"下周末 x", []want{{"2025-11-29", "2025-11-30", o, 1, ""}}},
		{"11月20日 x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"11月20号 x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"2026年1月3日 x", []want{{"2026-01-03", "", o, 1, ""}}},
		// No separator after a Chinese when, as the seed article writes it.
		{"周二对接4家企业", []want{{"2025-11-18", "", KindVisit, 4, ""}}},
		{"周四、周五出差北京", []want{{"2025-11-20", "2025-11-21", KindTrip, 1, "北京"}}},
		{"周二：拜访企业", []want{{"2025-11-18", "", KindVisit, 1, ""}}},
		// Forms people type beyond the basics.
		{"下下周一 x", []want{{"2025-12-01", "", o, 1, ""}}},
		{"周2 x", []want{{"2025-11-18", "", o, 1, ""}}},
		{"星期7 x", []want{{"2025-11-23", "", o, 1, ""}}},
		{"20号 x", []want{{"2025-11-20", "", o, 1, ""}}},
		{"1号 x", []want{{"2025-12-01", "", o, 1, ""}}},
		{"Nov 20-21 x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"11月20日至21日 x", []want{{"2025-11-20", "2025-11-21", o, 1, ""}}},
		{"11/30-2 x", []want{{"2025-11-30", "2025-12-02", o, 1, ""}}},
		{"11/17/2025 x", []want{{"2025-11-17", "", o, 1, ""}}},
		{"mon/wed x", []want{{"2025-11-17", "", o, 1, ""}, {"2025-11-19", "", o, 1, ""}}},
		{"周五，复盘会议", []want{{"2025-11-21", "", KindReview, 1, ""}}},
		{"tue. visit", []want{{"2025-11-18", "", KindVisit, 1, ""}}},
		// No when: today; a when at the end of the line.
		{"visit 2 companies", []want{{"2025-11-17", "", KindVisit, 2, ""}}},
		{"team meeting tomorrow", []want{{"2025-11-18", "", KindMeeting, 1, ""}}},
		{"call investors on fri", []want{{"2025-11-21", "", KindFund, 1, ""}}},
		// Words that start like a day are not days.
		{"monitor the fund", []want{{"2025-11-17", "", KindFund, 1, ""}}},
		{"周边企业走访", []want{{"2025-11-17", "", KindVisit, 1, ""}}},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, monday, shanghai)
			if err != nil {
				t.Fatal(err)
			}
			checkDrafts(t, got, tc.want)
		})
	}
}

// Week boundaries: a bare weekday is in the current Monday–Sunday week, on a
// Sunday evening as on a Monday morning.
func TestParseItineraryWeekBoundaries(t *testing.T) {
	sunday := time.Date(2025, 11, 23, 23, 30, 0, 0, shanghai)
	mondayMidnight := time.Date(2025, 11, 24, 0, 0, 0, 0, shanghai)
	tests := []struct {
		name string
		now  time.Time
		loc  *time.Location
		text string
		want string
	}{
		{"sunday: mon is six days back", sunday, shanghai, "mon x", "2025-11-17"},
		{"sunday: next mon is tomorrow", sunday, shanghai, "next mon x", "2025-11-24"},
		{"sunday: 周日 is today", sunday, shanghai, "周日 x", "2025-11-23"},
		{"monday 00:00: sun is six days on", mondayMidnight, shanghai, "sun x", "2025-11-30"},
		{"monday 00:00: 上周日 is yesterday", mondayMidnight, shanghai, "上周日 x", "2025-11-23"},
		// 2025-11-24 00:00 in Shanghai is still Sunday 2025-11-23 in New York.
		{"zone decides the day", mondayMidnight, mustZone("America/New_York"), "today x", "2025-11-23"},
		// New York leaves DST on Sunday 2025-11-02: the week still runs Mon..Sun.
		{"DST week in New York", time.Date(2025, 11, 2, 12, 0, 0, 0, mustZone("America/New_York")), mustZone("America/New_York"), "mon x", "2025-10-27"},
		{"DST: next sat", time.Date(2025, 11, 1, 23, 0, 0, 0, mustZone("America/New_York")), mustZone("America/New_York"), "next sat x", "2025-11-08"},
		{"year end: 1/2 is next year", time.Date(2025, 12, 30, 9, 0, 0, 0, shanghai), shanghai, "1/2 x", "2026-01-02"},
		{"year start: 12/30 is last year", time.Date(2026, 1, 2, 9, 0, 0, 0, shanghai), shanghai, "12月30日 x", "2025-12-30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, tc.now, tc.loc)
			if err != nil {
				t.Fatal(err)
			}
			if got.Drafts[0].Start != d(tc.want) {
				t.Errorf("%q at %s = %s, want %s", tc.text, tc.now, got.Drafts[0].Start, tc.want)
			}
		})
	}
}

func TestParseItineraryWhat(t *testing.T) {
	tests := []struct {
		text  string
		kind  Kind
		count int
		place string
	}{
		{"visit four companies", KindVisit, 4, ""},
		{"meet two fund managers", KindFund, 2, ""},
		{"meet 3 local investors", KindFund, 3, ""},
		{"拜访两家企业", KindVisit, 2, ""},
		{"走访十二家企业", KindVisit, 12, ""},
		{"走访二十三家企业", KindVisit, 23, ""},
		{"拜访常诚车业年产150万套车灯项目", KindVisit, 1, ""},
		{"business trip to New York for the expo", KindTrip, 1, "New York"},
		{"赴上海参加进博会", KindTrip, 1, "上海"},
		{"sign contract with 常诚车业", KindSigning, 1, ""},
		{"签约2个项目", KindSigning, 2, ""},
		{"以商引商座谈", KindFund, 1, ""},
		{"招商培训", KindTraining, 1, ""},
		{"weekly retro", KindReview, 1, ""},
		{"部门例会", KindMeeting, 1, ""},
		{"design the brochure", KindOther, 1, ""},
		{"#trip 去北京看展", KindTrip, 1, "北京"},
		{"#meeting visit plan", KindMeeting, 1, ""},
		{"#出差 赴杭州", KindTrip, 1, "杭州"},
		{"去北京出差", KindTrip, 1, "北京"},
		{"北京出差", KindTrip, 1, "北京"},
		{"赴上海、杭州招商", KindTrip, 1, "上海、杭州"},
		{"拜访４家企业", KindVisit, 4, ""},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary("mon "+tc.text, monday, shanghai)
			if err != nil {
				t.Fatal(err)
			}
			checkDrafts(t, got, []want{{"2025-11-17", "", tc.kind, tc.count, tc.place}})
		})
	}
}

func TestParseItineraryErrors(t *testing.T) {
	long := make([]rune, MaxTitle+1)
	for i := range long {
		long[i] = '好'
	}
	tests := []struct {
		text   string
		reason Reason
	}{
		{"周八 拜访企业", ReasonBadWeekday},
		{"星期十 开会", ReasonBadWeekday},
		{"2025-02-30 visit", ReasonBadDate},
		{"13/45 visit", ReasonBadDate},
		{"Feb 30 visit", ReasonBadDate},
		{"2月30日 拜访", ReasonBadDate},
		{"0001-01-01 visit", ReasonDateRange},
		{"9999-12-31 visit", ReasonDateRange},
		{"tue", ReasonNoWhat},
		{"周二：", ReasonNoWhat},
		{"", ReasonNoWhat},
		{"tue " + string(long), ReasonTooLong},
		{"拜访999999家企业", ReasonBadCount},
		{"visit 1000 companies", ReasonBadCount},
		{"visit 0 companies", ReasonBadCount},
		{"visit -3 companies", ReasonBadCount},
		{"2025-11-20 to 2025-11-18 trip", ReasonEndBefore},
		{"下周 出差上海", ReasonVagueWeek},
		{"next week trip to Shanghai", ReasonVagueWeek},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, monday, shanghai)
			var e *Error
			if !errors.As(err, &e) || e.Code != Invalid || e.Reason != tc.reason {
				t.Fatalf("got %+v, %v; want invalid %s", got, err, tc.reason)
			}
			if len(got.Drafts) != 0 {
				t.Errorf("error came with drafts: %+v", got.Drafts)
			}
		})
	}
}

func TestParseWhen(t *testing.T) {
	w, err := ParseWhen("下周三至周五", monday, shanghai)
	if err != nil || len(w.Spans) != 1 || w.Spans[0] != (Span{d("2025-11-26"), d("2025-11-28")}) || w.Lang != Chinese {
		t.Fatalf("ParseWhen = %+v, %v", w, err)
	}
	if _, err := ParseWhen("thu visit", monday, shanghai); err == nil {
		t.Fatal("ParseWhen accepted trailing text")
	}
}

func FuzzParseItinerary(f *testing.F) {
	for _, s := range []string{
		"tue visit 4 enterprises", "thu-fri trip to Beijing", "周二 对接4家企业", "周三 对接基金公司开展以商引商",
		"周四至周五 出差北京", "周末 回常总结复盘", "sun 参加招商培训", "周八", "2025-02-30 x", "13/45",
		"下周三至周五 x", "mon, wed x", "fri-mon x", "12/30-1/2 x", "team meeting tomorrow", "拜访999999家企业",
		// bot's hostile table (bot/hostile_test.go), but for its longest lines.
		"", " \t \u3000 \u00a0 ", "\n\n", "tue visit \xff\xfe companies", "\xc3\x28", "周二 对接\xe4\xbc", "meeting \xed\xa0\x80",
		"meeting \xc0\xaf", "tue visit\x00 2 companies", "\x07 meeting", "\x1b[31mred meeting\x1b[0m", "tue meeting\roverwritten",
		"meeting\x7f", "meeting \u009b2J", "fri \x1b]0;pwned\x07 visit", "tue visit\t2 companies", "tue meeting\nsecond line",
		"tue \u202emeeting with investors", "wed 👩\u200d💻 training", "thu 🇨🇳🇺🇸 trip to Beijing 👍🏽", "🎉",
		"fri m\u0336e\u0335e\u0337t\u0338ing", "\ufeffmeeting", "tue call\u2028investors", "'; DROP TABLE items;--", "1 OR 1=1",
		"<b>x</b>", "*bold* _it_ ~s~ `code`", `{"type":"section"}`, "]]}", "tue visit &lt;2&gt; companies &amp; more",
		"<!channel>", "<!here> meeting tomorrow", "<!everyone>", "<@U123> call fri", "<!subteam^S1|@team> sync", "<#C1|general> review",
		"<https://evil.example|click> visit", "fri <!everyone> visit 2 companies", "999999家企业", "-3 companies", "visit 1e9 companies",
		"0001-01-01 x", "9999-12-31 x", "2025-02-30 x", "周八 x", "13/45 x", "frobnicate 3", "done 99999999999999999999", "done 0", "done -1",
		// The dates staff write (when_forms_test.go), and days left in the what.
		"12.30-1.2 出差深圳", "28日-2日 出差", "8月3—5日 赴深圳", "9月6日、7日、8日 推介会", "周一、三、五 拜访", "下周二至四 x",
		"十月三十一日至十一月四日 广交会", "周二起出差两天", "two-day trip from Tue", "明年1月8日 签约", "next week Tue-Thu visit",
		"Tue-Thu next week visit", "21th-28th December out", "thrusday visit", "周三（12月4日）x", "【周四】x", "[Thu] x",
		"trade mission starts Tuesday and continues through Nov 21", "昨天 赴日本 直至本月23日", "May 15–21, 2021 x",
		"周二 拜访 12.3", "月底 签约", "拜访 下下周", "4月27日9∶00-11∶30 推介会", "１２．３ x",
		// The new-user lines (when_newuser_test.go).
		"11月20 拜访企业", "12 月 3 日 x", "11.25日 x", "21.11. visit", "明早 拜访", "两周后 回访", "in 2 days x",
		"day after tomorrow x", "二、三 x", "双休日 加班", "元旦 休假", "元旦后 x", "Tues 25th x", "Fri 22nd x", "nxt tue x",
		"thu-fir trip", "周六日 加班", "周二三点 开会", "明后两天 x", "过两天 x", "明天起 出差一周", "下周一起 驻点深圳两周",
		"周二至周四（2天）出差", "3-5日 赴苏州", "the 3rd follow up", "周一 A，周二 B；周三 C", "tue A; wed B", "26-28 Nov x",
		"12月3号周三 x", "本周 周二 x", "thu meet the 2nd batch", "wk48 trip", "early next week x",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		it, err := ParseItinerary(text, monday, shanghai)
		if err != nil {
			if len(it.Drafts) != 0 {
				t.Fatalf("error %v came with drafts", err)
			}
			var e *Error
			if !errors.As(err, &e) || e.Code != Invalid {
				t.Fatalf("unexpected error kind %v", err)
			}
			return
		}
		if len(it.Drafts) == 0 {
			t.Fatal("no drafts and no error")
		}
		for _, dr := range it.Drafts {
			if dr.End.Before(dr.Start) || dr.Title == "" || dr.Count < 1 || dr.Count > MaxCount || (dr.Later != (Date{}) && !dr.Later.After(dr.Start)) {
				t.Fatalf("bad draft %+v from %q", dr, text)
			}
		}
	})
}
