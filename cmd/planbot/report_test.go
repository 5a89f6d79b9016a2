package main

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// planbot report prints the scripted October as text (in the team's
// language, or --lang's), writes it as JSON of the shape, one
// member's alone with --member, and as an Excel workbook of four sheets:
// the summary with its title block and money, each member's numbers, the
// projects signed with their amounts in 亿元, and the trend with its chart.
func TestReportCommand(t *testing.T) {
	env := typeOctober(t)
	text := mustPlanbot(t, env, "", "report", "--month", "2025-10")
	for _, want := range []string{"招商局 · October 2025 report\nPeriod 2025-10-01 to 2025-10-31 · made 2025-11-03\nCompletion",
		"3 projects signed, CNY 4.05 bn total investment", "  王芳: 3 of 4 done · 2 days away · 1 signed, CNY 2.5 bn", "Items done by week:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	if zh := mustPlanbot(t, env, "", "report", "--quarter", "2025-Q4", "--lang", "zh"); !strings.HasPrefix(zh, "招商局 · 2025年第四季度 季报\n") ||
		!strings.Contains(zh, "签约项目4个，总投资45.5亿元") {
		t.Errorf("the quarter in Chinese:\n%s", zh)
	}

	ann := reportJSON(t, env, "--from", "2025-10-01", "--to", "2025-10-31", "--member", "ann")
	if ann.Member != "ann" || len(ann.Members) != 1 || ann.Members[0].UserID != "ann" || ann.Money.SignedProjects != 2 || ann.Totals["leave"].Items != 0 {
		t.Errorf("ann's report: member %q, members %+v, money %+v, leave %+v", ann.Member, ann.Members, ann.Money, ann.Totals["leave"])
	}
	team := reportJSON(t, env, "--year", "2025")
	if team.From != "2025-01-01" || team.To != "2025-12-31" || len(team.Weeks) != 53 || team.Money.SignedProjects != 4 {
		t.Errorf("the year: %s..%s, %d weeks, %d signed", team.From, team.To, len(team.Weeks), team.Money.SignedProjects)
	}

	out := filepath.Join(t.TempDir(), "october.xlsx")
	if printed := mustPlanbot(t, env, "", "report", "--month", "2025-10", "--format", "xlsx", "--lang", "zh", "--out", out); printed != "" {
		t.Errorf("report --out printed %q", printed)
	}
	info, err := os.Stat(out)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("the workbook: %v, %v; want mode 0600", info, err)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	defer f.Close()
	if got := strings.Join(f.GetSheetList(), ","); got != "汇总,成员,签约项目,趋势,招商项目" {
		t.Errorf("sheets %s", got)
	}
	for _, c := range []struct{ sheet, cell, want string }{
		{"汇总", "A1", "2025年10月 月报"},
		{"汇总", "A2", "填报单位：招商局"},
		{"汇总", "A3", "统计期：2025-10-01 至 2025-10-31 · 制表日期：2025-11-03"},
		{"汇总", "A5", "类型"},
		{"汇总", "A17", "合计"},
		{"汇总", "B17", "7"},
		{"汇总", "C17", "6"},
		{"汇总", "F17", "86%"},
		{"汇总", "A21", "签约项目（个）"},
		{"汇总", "B21", "3"},
		{"汇总", "A22", "总投资（亿元）"},
		{"汇总", "B22", "40.5"},
		{"成员", "A6", "ann"},
		{"成员", "E6", "5"},
		{"成员", "G6", "15.5"},
		{"成员", "A7", "王芳"},
		{"成员", "E7", "2"},
		{"招商项目", "A6", "宁德时代"}, // the pipeline as it stands, by stage then name, with amounts
		{"招商项目", "C6", "3.5"},
		{"签约项目", "A6", "常诚车业"},
		{"签约项目", "C6", "2025-10-08"},
		{"签约项目", "D6", "12.0"},
		{"签约项目", "E6", "12亿元"},
		{"签约项目", "D7", "3.5"},
		{"签约项目", "B9", "3"},
		{"签约项目", "D9", "40.5"},
		{"趋势", "A6", "2025-W40"},
		{"趋势", "B6", "2025-10-01 – 2025-10-05"},
		{"趋势", "C6", "2"},
		{"趋势", "A10", "2025-W44"},
		{"趋势", "B10", "2025-10-27 – 2025-10-31"},
	} {
		if got, err := f.GetCellValue(c.sheet, c.cell); err != nil || got != c.want {
			t.Errorf("%s!%s = %q (%v), want %q", c.sheet, c.cell, got, err, c.want)
		}
	}
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	chart, err := z.Open("xl/charts/chart1.xml")
	if err != nil {
		t.Fatalf("the workbook has no chart: %v", err)
	}
	chart.Close()
}

// Bad flags are usage errors (exit 2) that say what to write, and write nothing.
func TestReportCommandUsage(t *testing.T) {
	env := typeOctober(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"no period", []string{"report"}, "--month 2025-11, --quarter 2025-Q4"},
		{"two periods", []string{"report", "--month", "2025-10", "--year", "2025"}, "one of --month"},
		{"a month that is none", []string{"report", "--month", "2025-13"}, `--month: "2025-13" is not a month like 2025-11`},
		{"a month without its year", []string{"report", "--month", "10月"}, "is not a month"},
		{"a quarter given as a month", []string{"report", "--month", "2025-Q4"}, "is not a month"},
		{"a quarter that is none", []string{"report", "--quarter", "2025-Q5"}, "is not a quarter like 2025-Q4"},
		{"a year that is none", []string{"report", "--year", "25"}, "is not a year like 2025"},
		{"from without to", []string{"report", "--from", "2025-10-01"}, "--from and --to go together"},
		{"backwards", []string{"report", "--from", "2025-10-31", "--to", "2025-10-01"}, "the first not after the last"},
		{"unknown format", []string{"report", "--month", "2025-10", "--format", "pdf"}, "text, json or xlsx"},
		{"unknown member", []string{"report", "--month", "2025-10", "--member", "bob"}, `no member "bob" in team 招商局 (members: ann, 王芳)`},
		{"no such directory", []string{"report", "--month", "2025-10", "--format", "xlsx", "--out", filepath.Join(dir, "missing", "r.xlsx")}, "--out"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := planbot(t, env, "", tt.args...)
			if !isUsage(err) || !strings.Contains(err.Error(), tt.want) || strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("got %v (%s), want a one-line usage error about %q", err, out, tt.want)
			}
		})
	}
	if entries, err := os.ReadDir(dir); err != nil || len(entries) != 0 {
		t.Errorf("a failed report left %v (%v)", entries, err)
	}
	// A period with nothing in it still prints its report, and says so on stderr.
	stdout, stderr, err := planbotStreams(t, env, "report", "--month", "2025-06")
	if err != nil || !strings.Contains(stdout, "No items in this period.") || stderr != "planbot: team 招商局 has nothing in 2025-06\n" {
		t.Errorf("an empty month: %v, stdout %q, stderr %q", err, stdout, stderr)
	}
}
