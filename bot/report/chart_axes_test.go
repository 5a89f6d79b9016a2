package report

import (
	"strings"
	"testing"

	"planbot/planner"
)

// Each chart's axes say what they count — items, or enterprises — and name
// the weeks as the title names the chart's week: by their Monday, never the
// title by its ISO number and the axis by its date.
func TestChartAxes(t *testing.T) {
	f := chineseFont(t)
	d := chineseData("王芳", "李强")
	tests := []struct {
		lang                         planner.Lang
		membersTitle, lastWeek       string
		items, enterprises, weekAxis string
		monthItems                   string
	}{
		{planner.English, "Items planned and done, by member · week of Nov 17", "Nov 17",
			"Items", "Enterprises", "Week of (Monday)", "Items"},
		{planner.Chinese, "成员事项：计划与完成 · 11月17日当周", "11月17日",
			"事项（项）", "企业（家）", "周（周一日期）", "事项（项）"},
	}
	for _, tc := range tests {
		t.Run(string(tc.lang), func(t *testing.T) {
			l := weekChartLabels(d, tc.lang)
			members, visits := membersChart(d, l, f), visitsChart(d, l, f)
			if got := members.Title.Text; got != tc.membersTitle {
				t.Errorf("members' title %q, want %q", got, tc.membersTitle)
			}
			weeks := visits.CategoryAxis.Labels
			if last := weeks[len(weeks)-1]; last != tc.lastWeek || !strings.Contains(members.Title.Text, last) {
				t.Errorf("the week is %q on the axis, %q in the title", last, members.Title.Text)
			}
			if strings.Contains(members.Title.Text, d.Week.String()) {
				t.Errorf("the title names the week %s, the axis by its Monday: %q", d.Week, members.Title.Text)
			}
			for _, a := range []struct{ axis, got, want string }{
				{"members' value axis", members.ValueAxis[0].Title, tc.items},
				{"visits' value axis", visits.ValueAxis[0].Title, tc.enterprises},
				{"visits' week axis", visits.CategoryAxis.Title, tc.weekAxis},
			} {
				if a.got != a.want {
					t.Errorf("%s titled %q, want %q", a.axis, a.got, a.want)
				}
			}
			// The month's chart counts items done by week, not enterprises.
			month := monthChartLabels(tc.lang, "November 2025")
			if got := visitsChart(d, month, f).ValueAxis[0].Title; got != tc.monthItems {
				t.Errorf("the month's weeks' value axis titled %q, want %q", got, tc.monthItems)
			}
		})
	}
}
