package bot

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// A week's text writes each item once: a one-day item without the date its
// heading names, a multi-day item on the first of its days the week shows,
// with its span, and a mark on each day after, however far it reaches
// before or after the week.
func TestWeekTextDays(t *testing.T) {
	item := func(id int64, start, end string, kind planner.Kind, title string) planner.Item {
		return planner.Item{ID: id, TeamID: "T1", UserID: "U1", UserName: "王芳", Kind: kind, Count: 1, Title: title,
			Start: plannertest.Day(t, start), End: plannertest.Day(t, end), Status: planner.StatusPlanned}
	}
	items := []planner.Item{
		item(4, "2025-11-14", "2025-11-18", planner.KindTrip, "驻点上海"), // began the week before
		item(5, "2025-11-19", "2025-11-19", planner.KindVisit, "visit CATL"),
		item(6, "2025-11-22", "2025-11-25", planner.KindTrip, "trip to Shenzhen"), // runs into the next week
	}
	tests := []struct {
		lang planner.Lang
		team bool
		want string
	}{
		{planner.English, false, "Your week 2025-W47 (Nov 17–23)\n" +
			"Mon Nov 17\n  #4 ⬜ Fri Nov 14 – Tue Nov 18 (5 days) · trip · 驻点上海\n" +
			"Tue Nov 18\n  ↳ #4 (5/5) · 驻点上海\n" +
			"Wed Nov 19\n  #5 ⬜ visit · visit CATL\n" +
			"Thu Nov 20\n  —\nFri Nov 21\n  —\n" +
			"Sat Nov 22\n  #6 ⬜ until Tue Nov 25 (4 days) · trip · trip to Shenzhen\n" +
			"Sun Nov 23\n  ↳ #6 (2/4) · trip to Shenzhen"},
		{planner.Chinese, true, "团队 · 2025-W47（11月17日–23日）\n" +
			"11月17日周一\n  #4 ⬜ 11月14日周五至11月18日周二（共5天） · 出差 · 王芳 · 驻点上海\n" +
			"11月18日周二\n  ↳ #4 (5/5) · 王芳 · 驻点上海\n" +
			"11月19日周三\n  #5 ⬜ 拜访 · 王芳 · visit CATL\n" +
			"11月20日周四\n  —\n11月21日周五\n  —\n" +
			"11月22日周六\n  #6 ⬜ 至11月25日周二（共4天） · 出差 · 王芳 · trip to Shenzhen\n" +
			"11月23日周日\n  ↳ #6 (2/4) · 王芳 · trip to Shenzhen"},
	}
	for _, tt := range tests {
		t.Run(string(tt.lang), func(t *testing.T) {
			got := WeekText(tt.lang, WeekView{Week: plannertest.W47, Team: tt.team, Items: items}, 0)
			if got != tt.want {
				t.Errorf("WeekText =\n%s\nwant\n%s", got, tt.want)
			}
			heading := ""
			for _, line := range strings.Split(got, "\n")[1:] {
				if !strings.HasPrefix(line, " ") {
					heading = line
				} else if strings.Contains(line, heading) {
					t.Errorf("under %s, %q repeats the day", heading, line)
				}
			}
		})
	}
}

// An item's companies are listed with the list separator of its language.
func TestItemLineCompanies(t *testing.T) {
	it := planner.Item{ID: 7, Kind: planner.KindVisit, Count: 1, Title: "visit", Status: planner.StatusPlanned,
		Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
		Companies: []planner.Company{{Name: "常诚车业"}, {Name: "小米"}}}
	for l, want := range map[planner.Lang]string{
		planner.English: "#7 ⬜ Tue Nov 18 · visit · visit · 🏢 常诚车业, 小米",
		planner.Chinese: "#7 ⬜ 11月18日周二 · 拜访 · visit · 🏢 常诚车业、小米",
	} {
		if got := ItemLine(l, it, false); got != want {
			t.Errorf("ItemLine(%s) = %q, want %q", l, got, want)
		}
	}
}
