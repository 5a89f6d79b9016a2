package planner

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// The numbers a second new-user test found read as dates, or refused though
// clear: a time of day, an amount, a count or a name is no date, and is
// kept in the title; a bare 10.30 far from today is asked, never guessed.
func TestParseItineraryNumbers(t *testing.T) {
	mon := time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai)
	sun := time.Date(2025, 11, 23, 20, 0, 0, 0, shanghai)
	const today, tue, wed, thu, fri = "2025-11-17", "2025-11-18", "2025-11-19", "2025-11-20", "2025-11-21"
	tests := []struct {
		now    time.Time
		text   string
		day    string // "" when refused
		title  string
		reason Reason
	}{
		// A. times of day
		{mon, "上午10.30 拜访企业", today, "上午10.30 拜访企业", ""},
		{mon, "10.30 开会", "", "", ReasonDateOrTime}, // Oct 30 is weeks past: date or time? asked
		{mon, "晚上7.30 宴请客商", today, "晚上7.30 宴请客商", ""},
		{mon, "晚7.30 宴请", today, "晚7.30 宴请", ""},
		{mon, "8.15 早会", "", "", ReasonDateOrTime},
		{mon, "中午12.15 午餐", today, "中午12.15 午餐", ""},
		{mon, "12.30 午餐会", "", "", ReasonDateOrTime}, // Dec 30 is six weeks away
		{mon, "at 11.30 lunch with investor", today, "at 11.30 lunch with investor", ""},
		{mon, "下午 4.30 接待", today, "下午 4.30 接待", ""},
		{sun, "下午 4.30 接待", "2025-11-23", "下午 4.30 接待", ""},
		{mon, "14.30 接待", today, "14.30 接待", ""}, // cannot be a date
		{mon, "11.20 拜访", thu, "拜访", ""},         // near: a date
		// A. amounts and counts
		{mon, "签约 1.2 亿元 项目", today, "签约 1.2 亿元 项目", ""},
		{mon, "对接 12.5 亿 项目", today, "对接 12.5 亿 项目", ""},
		{mon, "投资 5.6 亿", today, "投资 5.6 亿", ""},
		{mon, "厂房 1.5 万平 洽谈", today, "厂房 1.5 万平 洽谈", ""},
		{mon, "二期 3.2 万平米 开工", today, "二期 3.2 万平米 开工", ""},
		{mon, "sign 3.5 M USD deal", today, "sign 3.5 M USD deal", ""},
		{mon, "接待 3-5 人 考察团", today, "接待 3-5 人 考察团", ""},
		{mon, "对接 2-3 家 企业", today, "对接 2-3 家 企业", ""},
		{mon, "1-2 site visits", today, "1-2 site visits", ""},
		{mon, "pitch to 3/4 VCs", today, "pitch to 3/4 VCs", ""},
		{mon, "拜访 10-15 家企业", today, "拜访 10-15 家企业", ""},
		{mon, "拜访10-15家企业", today, "拜访10-15家企业", ""},
		{mon, "12.5亿项目", today, "12.5亿项目", ""},
		{mon, "2.0版本 发布", today, "2.0版本 发布", ""},
		// B. names
		{mon, "7天酒店 签约", today, "7天酒店 签约", ""},
		{mon, "周三 拜访7天酒店", wed, "拜访7天酒店", ""},
		{mon, "1号店 开业", today, "1号店 开业", ""},
		{mon, "3号厂房 走访", today, "3号厂房 走访", ""},
		{mon, "12号地块 签约", today, "12号地块 签约", ""},
		// refused though clear
		{mon, "周三 9.30 开会", wed, "9.30 开会", ""},
		{mon, "周三 10.30-11.30 接待客商", wed, "10.30-11.30 接待客商", ""},
		{mon, "明天 10.30 拜访", tue, "10.30 拜访", ""},
		{mon, "tmrw 10.30 call", tue, "10.30 call", ""},
		{mon, "Wed 10-12 meeting", wed, "10-12 meeting", ""},
		{mon, "周四 下午3.30 拜访企业", thu, "下午3.30 拜访企业", ""},
		{mon, "明早8.30 拜访", tue, "早上8.30 拜访", ""},
		{mon, "周三上午9-11 拜访企业", wed, "上午9-11 拜访企业", ""},
		{mon, "周五 对接12号地块项目", fri, "对接12号地块项目", ""},
		{mon, "周三 走访3号厂房", wed, "走访3号厂房", ""},
		{mon, "周四 带客户看5号地块、6号地块", thu, "带客户看5号地块、6号地块", ""},
		{mon, "周三 对接 2.5 亿 项目", wed, "对接 2.5 亿 项目", ""},
		{mon, "周四 接待 3-5 人 考察团", thu, "接待 3-5 人 考察团", ""},
		{mon, "周三 洽谈 6.18 项目", wed, "洽谈 6.18 项目", ""},
		{mon, "周三 接待客商 3日游", wed, "接待客商 3日游", ""},
		{mon, "周三 对接 3/4家企业", wed, "对接 3/4家企业", ""},
		{mon, "24/11 visit plant", "2025-11-24", "visit plant", ""},
		// dates that must stay dates
		{mon, "12.3 拜访", "2025-12-03", "拜访", ""},
		{mon, "12-4 拜访", "2025-12-04", "拜访", ""},
		{mon, "12/5 拜访", "2025-12-05", "拜访", ""},
		{mon, "11.25日 拜访企业", "2025-11-25", "拜访企业", ""},
		{mon, "21.11. visit plant", "2025-11-21", "visit plant", ""},
		{mon, "周二 拜访 12.3", "", "", ReasonSeveralDays},
		{mon, "拜访企业 12.30", "", "", ReasonDateOrTime}, // Dec 30 or 12:30 today: asked
		{mon, "拜访 8.15 企业", "", "", ReasonDateOrTime},
		{mon, "21.11 拜访", "", "", ReasonDateOrTime}, // 21 Nov or 21:11
		{mon, "24.11 拜访", "", "", ReasonBadDate},
		{mon, "20.00 晚宴", today, "20.00 晚宴", ""},
		{mon, "最晚 12.5 交材料", "2025-12-05", "最晚 交材料", ""}, // "at the latest", a date
		{mon, "from 12.3 to 12.5 trip", "2025-12-03..2025-12-05", "trip", ""},
		{mon, "周三 拜访 8.15", wed, "拜访 8.15", ""}, // after a day: a time
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, tc.now, shanghai)
			if tc.day == "" {
				var e *Error
				if !errors.As(err, &e) || e.Reason != tc.reason {
					t.Fatalf("%+v, %v; want refused %s", got.Drafts, err, tc.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			start, end, _ := strings.Cut(tc.day, "..")
			checkDays(t, got, []day{{start, end}})
			if len(got.Drafts) != 1 || got.Drafts[0].Title != tc.title {
				t.Errorf("drafts %+v, want title %q", got.Drafts, tc.title)
			}
		})
	}
}
