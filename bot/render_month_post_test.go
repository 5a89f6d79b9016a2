package bot

import (
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// novemberReport is a month's report as planner builds it: visits, a trip
// with enterprises met, a signing, a leave; two projects signed for
// CNY 1.55 bn; three members, one with a name that spans lines and one with no name,
// who logged nothing (listed first, as planner orders them: by name).
func novemberReport(t *testing.T) planner.Report {
	t.Helper()
	day := func(s string) planner.Date { return plannertest.Day(t, s) }
	items := []planner.Item{
		{TeamID: "T1", UserID: "U1", Start: day("2025-11-03"), End: day("2025-11-03"), Kind: planner.KindVisit, Count: 4, Status: planner.StatusDone},
		{TeamID: "T1", UserID: "U1", Start: day("2025-11-12"), End: day("2025-11-14"), Kind: planner.KindTrip, Count: 1, Visits: 3, Status: planner.StatusDone},
		{TeamID: "T1", UserID: "U2", Start: day("2025-11-20"), End: day("2025-11-20"), Kind: planner.KindSigning, Count: 1, Status: planner.StatusPlanned},
		{TeamID: "T1", UserID: "U2", Start: day("2025-11-21"), End: day("2025-11-21"), Kind: planner.KindLeave, Count: 1, Status: planner.StatusPlanned},
		{TeamID: "T1", UserID: "U2", Start: day("2025-11-24"), End: day("2025-11-24"), Kind: planner.KindVisit, Count: 2, Status: planner.StatusCancelled},
	}
	members := []planner.Member{{UserID: "U1", Name: "王芳"}, {UserID: "U2", Name: "Bob\nSmith"}, {UserID: "U3"}}
	money := planner.Money{SignedProjects: 2, SignedWan: 155000, Bands: planner.Bands{From3: 1, From10: 1}}
	return planner.BuildReport(planner.Team{ID: "T1", Name: "招商一组"}, day("2025-11-01"), day("2025-11-30"), "", items, members, money)
}

func TestMonthPostText(t *testing.T) {
	tests := []struct {
		lang planner.Lang
		want string
	}{
		{planner.English, `招商一组 · November 2025 report
Completion 67% (2 of 3 items done)
By kind (done/planned):
  Enterprises met: 7/7 (visits)
  Signings: 0/1
  Trips: 1/1
  Leave: 1
2 projects signed, CNY 1.55 bn total investment
  By size: CNY 0.3–1 bn 1, CNY 1–2 bn 1
Members:
  U3: 0 of 0 done
  Bob Smith: 0 of 1 done
  王芳: 2 of 2 done · 3 days out`},
		{planner.Chinese, `招商一组 · 2025年11月 月报
完成率 67%（完成 2 项，共 3 项）
分类（完成/计划）：
  拜访企业：7/7 家
  签约：0/1 项
  出差：1/1 次
  请假：1 人次
签约项目2个，总投资15.5亿元
  按规模：3–10亿元1个、10–20亿元1个
成员：
  U3：完成 0 / 0
  Bob Smith：完成 0 / 1
  王芳：完成 2 / 2 · 外出3天`},
	}
	r := novemberReport(t)
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			if got := MonthPostText(tc.lang, r); got != tc.want {
				t.Errorf("MonthPostText:\n%s\nwant:\n%s", got, tc.want)
			}
		})
	}
}

// A month with no items says so, and still lists the members.
func TestMonthPostTextEmpty(t *testing.T) {
	r := planner.BuildReport(planner.Team{}, plannertest.Day(t, "2026-02-01"), plannertest.Day(t, "2026-02-28"), "", nil,
		[]planner.Member{{UserID: "U1", Name: "王芳"}}, planner.Money{})
	tests := map[planner.Lang]string{
		planner.English: "February 2026 report\nNo items that month.\nMembers:\n  王芳: 0 of 0 done",
		planner.Chinese: "2026年2月 月报\n该月没有事项。\n成员：\n  王芳：完成 0 / 0",
	}
	for l, want := range tests {
		if got := MonthPostText(l, r); got != want {
			t.Errorf("%s:\n%s\nwant:\n%s", l, got, want)
		}
	}
}
