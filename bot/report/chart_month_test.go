package report

import (
	"slices"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// monthReport is November 2025's report of a team of three, one of whom
// logged nothing, with items done in two of its weeks.
func monthReport(t *testing.T) planner.Report {
	t.Helper()
	day := func(s string) planner.Date { return plannertest.Day(t, s) }
	items := []planner.Item{
		{UserID: "U1", Start: day("2025-11-01"), End: day("2025-11-01"), Kind: planner.KindVisit, Count: 2, Status: planner.StatusDone},
		{UserID: "U1", Start: day("2025-11-18"), End: day("2025-11-18"), Kind: planner.KindVisit, Count: 1, Status: planner.StatusDone},
		{UserID: "U2", Start: day("2025-11-19"), End: day("2025-11-19"), Kind: planner.KindEvent, Count: 1, Status: planner.StatusPlanned},
	}
	members := []planner.Member{{UserID: "U1", Name: "王芳"}, {UserID: "U2", Name: "李强"}, {UserID: "U3", Name: "赵敏"}}
	return planner.BuildReport(planner.Team{Name: "招商一组"}, day("2025-11-01"), day("2025-11-30"), "", items, members, planner.Money{})
}

// The month's chart shows the members with items, planned and done, and the
// items done in each week of the month; it is named after the month.
func TestMonthChart(t *testing.T) {
	r := monthReport(t)
	d := monthChartData(r)
	if got := barsText(d); got != "[李强 1/0 王芳 2/2]" {
		t.Errorf("members %+v, want 李强 0/1 and 王芳 2/2, not 赵敏, who had nothing", d.Members)
	}
	for i := range r.Members {
		if r.Members[i].UserID == "U2" {
			r.Members[i].UserName = "" // a member with no name yet is numbered, never shown by id
		}
	}
	if got := barsText(withNames(monthChartData(r), planner.Chinese)); got != "[成员1（未登记姓名） 1/0 王芳 2/2]" {
		t.Errorf("members %s, want 李强 numbered", got)
	}
	var weeks []int
	for _, w := range d.Visits {
		weeks = append(weeks, w.Count)
	}
	if want := []int{1, 0, 0, 1, 0}; !slices.Equal(weeks, want) {
		t.Errorf("items done by week %v, want %v (W44, from Saturday the 1st, to W48)", weeks, want)
	}
	for _, tc := range []struct {
		lang         planner.Lang
		title, inAlt string
	}{
		{planner.English, "November 2025 at a glance", "November 2025"},
		{planner.Chinese, "2025年11月 月报图表", "2025年11月"},
	} {
		t.Run(string(tc.lang), func(t *testing.T) {
			f, ok, err := MonthChart(r, tc.lang, chineseFont(t))
			if err != nil || !ok {
				t.Fatalf("MonthChart: drawn %v, %v", ok, err)
			}
			if f.Name != "planbot-2025-11.png" || f.Title != tc.title || !containsAll(f.AltText, tc.inAlt) {
				t.Errorf("file %q titled %q, alt %q", f.Name, f.Title, f.AltText)
			}
			decode(t, f.Data, chartHeight(d))
		})
	}
}

// A month in which nobody had an item has no chart.
func TestMonthChartNothingToDraw(t *testing.T) {
	r := monthReport(t)
	r = planner.BuildReport(planner.Team{}, r.From, r.To, "", nil, []planner.Member{{UserID: "U1", Name: "王芳"}}, planner.Money{})
	if f, ok, err := MonthChart(r, planner.English, latinFont(t)); ok || err != nil || f.Data != nil {
		t.Errorf("MonthChart of an empty month = %q drawn %v, %v; want nothing", f.Name, ok, err)
	}
}

func containsAll(s string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(s, p) {
			return false
		}
	}
	return true
}
