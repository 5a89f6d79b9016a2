package report

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/planner"
)

// The month's workbook prints as a reader of the PDF expects, in both
// languages, converted by LibreOffice: each of its five sheets on a page of
// its own (none spills onto a second), each page with the report's title
// and reporting unit, the members by name, the signings in 亿元 (CNY 100
// m), and no serif font.
func TestPeriodWorkbookPrints(t *testing.T) {
	soffice := needTool(t, "soffice", "libreoffice-calc-nogui")
	pdftotext := needTool(t, "pdftotext", "poppler-utils")
	pdffonts := needTool(t, "pdffonts", "poppler-utils")
	needChineseFont(t)
	dir := t.TempDir()
	langs := []planner.Lang{planner.Chinese, planner.English}
	var workbooks []string
	for _, lang := range langs {
		path := filepath.Join(dir, "month-"+string(lang)+".xlsx")
		if err := os.WriteFile(path, periodBytes(t, scriptedNovember(t), lang), 0o600); err != nil {
			t.Fatal(err)
		}
		workbooks = append(workbooks, path)
	}
	pdfs := toPDF(t, soffice, workbooks...)
	want := map[planner.Lang][]string{
		planner.Chinese: {"2025年11月 月报", "填报单位：招商一组", "王芳", "Ann", "常诚车业", "12.0"},
		planner.English: {"November 2025 report", "Reporting unit: 招商一组", "王芳", "Ann", "常诚车业", "12.0"},
	}
	for i, lang := range langs {
		t.Run(string(lang), func(t *testing.T) {
			text := toolOutput(t, pdftotext, pdfs[i], "-")
			pages := strings.Split(strings.TrimSuffix(text, "\f"), "\f")
			if len(pages) != 5 {
				t.Errorf("%d pages, want 5: the summary, the members, the projects, the trend and the pipeline", len(pages))
			}
			for p, page := range pages {
				if !strings.Contains(page, want[lang][0]) || !strings.Contains(page, want[lang][1]) {
					t.Errorf("page %d lacks the title or the unit:\n%s", p+1, page)
				}
			}
			for _, s := range want[lang][2:] {
				if !strings.Contains(text, s) {
					t.Errorf("the PDF has no %q", s)
				}
			}
			if fonts := toolOutput(t, pdffonts, pdfs[i]); strings.Contains(fonts, "Serif") {
				t.Errorf("a serif font is used:\n%s", fonts)
			}
		})
	}
}
