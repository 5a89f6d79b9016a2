package bot

import (
	"fmt"
	"strings"
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

// The monthly post says what /plan 月报 says, in both languages: its lines,
// read in order, are the report's text (ReportText); a large team's members
// come in parts of monthMembersPerPart, every one listed.
func TestMonthPostMatchesTheReport(t *testing.T) {
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			v := MonthReport(novemberReport(t), plannertest.Day(t, "2025-12-01"))
			post := NewMonthPostView(l, v)
			lines := []string{post.PlainHeader()}
			for _, chunk := range post.Chunks() {
				for _, ln := range chunk {
					lines = append(lines, ln.Plain(0))
				}
			}
			if got, want := strings.Join(lines, "\n"), ReportText(l, v); got != want {
				t.Errorf("the post:\n%s\nthe report:\n%s", got, want)
			}
			if !strings.Contains(lines[0], PeriodReportTitle(l, v.Period)) {
				t.Errorf("the post's header %q lacks the month's title", lines[0])
			}
		})
	}
	big := novemberReport(t)
	for i := range 45 {
		big.Members = append(big.Members, planner.MemberReport{UserID: fmt.Sprintf("X%02d", i)})
	}
	post := NewMonthPostView(planner.Chinese, MonthReport(big, plannertest.Day(t, "2025-12-01")))
	if n := len(post.Members); n != 3 {
		t.Errorf("48 members in %d parts, want 3 of at most %d", n, monthMembersPerPart)
	}
}
