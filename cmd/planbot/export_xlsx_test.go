package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openReport opens an Excel report and returns the values of the named cells of sheet.
func openReport(t *testing.T, b []byte, sheet string, names ...string) map[string]string {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open the report: %v", err)
	}
	defer f.Close()
	got := map[string]string{}
	for _, name := range names {
		if got[name], err = f.GetCellValue(sheet, name); err != nil {
			t.Fatalf("%s!%s: %v", sheet, name, err)
		}
	}
	return got
}

// The seed week's Excel report, written with --out and read back, in the
// team's language; without --out it goes to stdout when that is not a terminal.
func TestExportXLSX(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANBOT_DB": filepath.Join(dir, "planbot.db"), "PLANBOT_NOW": seedNow}
	mustPlanbot(t, env, englishWeek, "console", "--user", "ann", "--team", "en")
	mustPlanbot(t, env, chineseWeek, "console", "--user", "王芳", "--team", "zh")

	out := filepath.Join(dir, "report.xlsx")
	if printed := mustPlanbot(t, env, "", "export", "--team", "en", "--week", "2025-W47", "--format", "xlsx", "--out", out); printed != "" {
		t.Errorf("export --out printed %q, want nothing", printed)
	}
	info, err := os.Stat(out)
	if err != nil {
		t.Fatal(err)
	}
	if info.Mode().Perm() != 0o600 {
		t.Errorf("report mode %v, want 0600: it holds the team's week", info.Mode().Perm())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := openReport(t, b, "Board", "A3", "B3", "A4", "C4", "D4", "E4", "F4", "G4", "H4")
	want := map[string]string{
		"A3": "Member", "B3": "Mon 11/17", "A4": "ann",
		"C4": "√ #1 visit 4 enterprises — 2 of 4 interested", "D4": "○ #2 meet a fund company",
		"E4": "√ #3 trip to Beijing (1/2)", "F4": "√ #3 trip to Beijing (2/2)",
		"G4": "○ #4 retrospective and investment training (1/2)", "H4": "○ #4 retrospective and investment training (2/2)",
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("Board!%s = %q, want %q", name, got[name], w)
		}
	}
	sum := openReport(t, b, "Summary", "A15", "B15", "C15", "F15", "G20")
	if sum["A15"] != "Total" || sum["B15"] != "4" || sum["C15"] != "2" || sum["F15"] != "50%" || sum["G20"] != "Two companies want a second visit." {
		t.Errorf("Summary totals %v, want 4 items, 2 done, 50%%, and Ann's note", sum)
	}

	// The Chinese team's, in Chinese (--lang), to stdout, which here is not a terminal.
	printed := mustPlanbot(t, env, "", "export", "--team", "zh", "--week", "2025-W47", "--format", "xlsx", "--lang", "zh")
	zh := openReport(t, []byte(printed), "作战图", "A3", "H3", "A4", "B4", "G4", "H4")
	if zh["A3"] != "成员" || zh["H3"] != "周日 11/23" || zh["A4"] != "王芳" || zh["B4"] != "" ||
		zh["G4"] != "○ #4 回常总结复盘 (1/2)" || zh["H4"] != "○ #4 回常总结复盘 (2/2)\n○ #5 参加招商培训" {
		t.Errorf("Chinese board %v", zh)
	}

	// CSV stays the default, and --out works for it too.
	csvOut := filepath.Join(dir, "week.csv")
	mustPlanbot(t, env, "", "export", "--team", "en", "--week", "2025-W47", "--out", csvOut)
	if b, err := os.ReadFile(csvOut); err != nil || !strings.HasPrefix(string(b), "id,user_id,user_name,") {
		t.Errorf("CSV --out wrote %q (%v)", b, err)
	}
}

func TestExportXLSXUsage(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANBOT_DB": filepath.Join(dir, "planbot.db"), "PLANBOT_NOW": seedNow}
	mustPlanbot(t, env, "tue visit 4 enterprises\n", "console", "--user", "ann", "--team", "en")
	for _, tt := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"export", "--format", "pdf"}, "csv or xlsx"},
		{"no such directory", []string{"export", "--format", "xlsx", "--out", filepath.Join(dir, "missing", "r.xlsx")}, "--out"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			out, err := planbot(t, env, "", tt.args...)
			if !isUsage(err) || !strings.Contains(err.Error()+out, tt.want) {
				t.Errorf("got %v (%s), want a usage error about %q", err, out, tt.want)
			}
		})
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("a failed export left %v", err)
	}
}
