package report

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planbot/planner"
)

// needLibreOffice is the variable that makes a missing LibreOffice or
// poppler-utils a failure instead of a skip: .ci/run installs them and sets it.
const needLibreOffice = "PLANBOT_TEST_NEED_LIBREOFFICE"

// needTool returns the path of program, or skips the test when it is not
// installed (fails it when needLibreOffice is set).
func needTool(t *testing.T, program, pkg string) string {
	t.Helper()
	path, err := exec.LookPath(program)
	if err != nil {
		if os.Getenv(needLibreOffice) != "" {
			t.Fatalf("%s is not installed (Debian: apt-get install %s), and %s is set", program, pkg, needLibreOffice)
		}
		t.Skipf("%s is not installed (Debian: apt-get install %s)", program, pkg)
	}
	return path
}

// needChineseFont skips the test (fails it when needLibreOffice is set)
// unless fontconfig, where LibreOffice finds its fonts, has a Chinese one.
func needChineseFont(t *testing.T) {
	t.Helper()
	fcList := needTool(t, "fc-list", "fontconfig")
	if strings.TrimSpace(toolOutput(t, fcList, ":lang=zh-cn", "family")) != "" {
		return
	}
	if os.Getenv(needLibreOffice) != "" {
		t.Fatalf("no Chinese font for LibreOffice (Debian: apt-get install fonts-wqy-microhei), and %s is set", needLibreOffice)
	}
	t.Skip("no Chinese font for LibreOffice (Debian: apt-get install fonts-wqy-microhei)")
}

// toPDF converts the workbooks to PDF with LibreOffice, headless and with a
// profile of its own, and returns the PDFs' paths, in the same order.
func toPDF(t *testing.T, soffice string, workbooks ...string) []string {
	t.Helper()
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(t.Context(), 3*time.Minute)
	defer cancel()
	args := []string{"--headless", "--norestore", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir}
	out, err := exec.CommandContext(ctx, soffice, append(args, workbooks...)...).CombinedOutput()
	if err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	var pdfs []string
	for _, w := range workbooks {
		pdf := filepath.Join(dir, strings.TrimSuffix(filepath.Base(w), ".xlsx")+".pdf")
		if _, err := os.Stat(pdf); err != nil {
			t.Fatalf("soffice wrote no %s: %v\n%s", pdf, err, out)
		}
		pdfs = append(pdfs, pdf)
	}
	return pdfs
}

// toolOutput runs a program and returns what it printed.
func toolOutput(t *testing.T, program string, args ...string) string {
	t.Helper()
	out, err := exec.Command(program, args...).Output()
	if err != nil {
		t.Fatalf("%s %s: %v", filepath.Base(program), strings.Join(args, " "), err)
	}
	return string(out)
}

// The week of a team of ten, as LibreOffice prints it, in both languages: one
// page each for the board, the summary and the pipeline, each under the
// title block; the members by name, never by id; the status marks drawn;
// amounts in 亿元; every font a sans-serif (before, Latin text with no font
// named came out in a serif).
func TestWorkbookPrints(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	pdffonts := needTool(t, "pdffonts", "poppler-utils")
	needChineseFont(t)
	dir := t.TempDir()
	langs := []planner.Lang{planner.Chinese, planner.English}
	var workbooks []string
	for _, lang := range langs {
		path := filepath.Join(dir, "week-"+string(lang)+".xlsx")
		if err := os.WriteFile(path, writeXLSXBytes(t, teamWeek(t, lang)), 0o600); err != nil {
			t.Fatal(err)
		}
		workbooks = append(workbooks, path)
	}
	pdfs := toPDF(t, soffice, workbooks...)
	want := map[planner.Lang]struct {
		titles         []string // of the pages, in order
		block, unnamed string
	}{
		planner.Chinese: {[]string{"武进区招商局 · 本周作战图", "武进区招商局 · 2025-W47 汇总", "武进区招商局 · 招商项目进展"},
			"填报单位：武进区招商局|统计周期：2025-11-17 至 2025-11-23（2025-W47）|制表日期：2025-11-24", "成员1"},
		planner.English: {[]string{"武进区招商局 · the week's board", "武进区招商局 · summary of 2025-W47", "武进区招商局 · the pipeline"},
			"Reporting unit: 武进区招商局|Period: 2025-11-17 to 2025-11-23 (2025-W47)|Made on 2025-11-24", "Member 1"},
	}
	for i, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			w := want[lang]
			text := toolOutput(t, pdftotext, pdfs[i], "-")
			pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
			if len(pages) != len(w.titles) {
				t.Fatalf("%d pages, want %d: one each for the board, the summary and the pipeline", len(pages), len(w.titles))
			}
			for p, page := range pages {
				if !strings.Contains(page, w.titles[p]) {
					t.Errorf("page %d has no title %q", p+1, w.titles[p])
				}
				for _, part := range strings.Split(w.block, "|") {
					if !strings.Contains(page, part) {
						t.Errorf("page %d has no %q in its title block", p+1, part)
					}
				}
			}
			board := pages[0]
			for _, name := range append(teamWeekNames[:9:9], w.unnamed) {
				if !strings.Contains(board, name) {
					t.Errorf("the board names no %q", name)
				}
			}
			for _, id := range append(teamWeekIDs[:10:10], "U07LEFT") {
				if strings.Contains(text, id) {
					t.Errorf("the id %s is printed", id)
				}
			}
			for _, mark := range []string{"○ #", "√ #", "× #"} {
				if !strings.Contains(board, mark) {
					t.Errorf("the board shows no %q", mark)
				}
			}
			for _, amount := range []string{"12.0", "35.0", "80.0", "0.4"} {
				if !strings.Contains(pages[2], amount) {
					t.Errorf("the pipeline shows no amount %s (亿元)", amount)
				}
			}
			fonts := toolOutput(t, pdffonts, pdfs[i])
			if strings.Contains(fonts, "Serif") {
				t.Errorf("a serif font is used:\n%s", fonts)
			}
		})
	}
}
