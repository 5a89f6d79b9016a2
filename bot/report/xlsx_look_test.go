package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// eachCell calls visit with every cell of every sheet of f that holds a value
// or a style.
func eachCell(t *testing.T, f *excelize.File, visit func(sheet, name, value string)) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, value := range row {
				visit(sheet, cell(j+1, i+1), value)
			}
		}
	}
}

// Every cell, and the workbook's default, is in the one font, declared East
// Asian: no text falls back to a font a spreadsheet picks (LibreOffice's
// serif for a style that names none).
func TestWriteXLSXOneFont(t *testing.T) {
	for _, lang := range plannertest.Langs {
		t.Run(string(lang), func(t *testing.T) {
			f := writeXLSX(t, teamWeek(t, lang))
			if name, err := f.GetDefaultFont(); err != nil || name != fontFamily {
				t.Errorf("default font %q (%v), want %q", name, err, fontFamily)
			}
			cells := 0
			eachCell(t, f, func(sheet, name, _ string) {
				id, err := f.GetCellStyle(sheet, name)
				if err != nil {
					t.Fatal(err)
				}
				style, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				cells++
				if style.Font == nil || style.Font.Family != fontFamily || style.Font.Charset == nil || *style.Font.Charset != fontCharset || style.Font.Size < legendSize {
					t.Errorf("%s!%s: font %+v, want %s (charset %d)", sheet, name, style.Font, fontFamily, fontCharset)
				}
			})
			if cells < 200 {
				t.Errorf("only %d cells looked at", cells)
			}
		})
	}
}

// Each sheet opens with its title block: the title, then the reporting unit
// (the team's name), the week's first and last days and the day the report
// was made; the column headers follow.
func TestWriteXLSXTitleBlock(t *testing.T) {
	for _, tt := range []struct {
		lang  planner.Lang
		team  string
		block string
	}{
		{planner.Chinese, teamWeekUnit, "填报单位：武进区招商局　　统计周期：2025-11-17 至 2025-11-23（2025-W47）　　制表日期：2025-11-24"},
		{planner.English, teamWeekUnit, "Reporting unit: 武进区招商局     Period: 2025-11-17 to 2025-11-23 (2025-W47)     Made on 2025-11-24"},
		{planner.English, "", "Reporting unit: not set (/plan setup name …)     Period: 2025-11-17 to 2025-11-23 (2025-W47)     Made on 2025-11-24"},
		{planner.Chinese, "Wujin & Co", "填报单位：Wujin & Co　　统计周期：2025-11-17 至 2025-11-23（2025-W47）　　制表日期：2025-11-24"},
	} {
		t.Run(string(tt.lang)+" "+tt.team, func(t *testing.T) {
			r := teamWeek(t, tt.lang)
			r.Team.Name = tt.team
			f := writeXLSX(t, r)
			for _, sheet := range f.GetSheetList() {
				title, _ := f.GetCellValue(sheet, "A1")
				block, _ := f.GetCellValue(sheet, "A2")
				if tt.team != "" && !strings.HasPrefix(title, tt.team+" · ") {
					t.Errorf("%s: title %q does not begin with the unit", sheet, title)
				}
				if block != tt.block {
					t.Errorf("%s: block %q, want %q", sheet, block, tt.block)
				}
				footer, err := f.GetHeaderFooter(sheet)
				if err != nil {
					t.Fatal(err)
				}
				// An ampersand starts a code in a footer: the unit's is doubled.
				if want := "&L" + strings.ReplaceAll(tt.team, "&", "&&") + "&C"; !strings.HasPrefix(footer.OddFooter, want) {
					t.Errorf("%s: footer %q, want it to begin %q", sheet, footer.OddFooter, want)
				}
			}
		})
	}
}

// Members are named as people know them, never by their ids: one without a
// name yet is numbered, and the owner of a company who left the team is a
// dash.
func TestWriteXLSXNamesNotIDs(t *testing.T) {
	for lang, unnamed := range map[planner.Lang]string{planner.Chinese: "成员1（未登记姓名）", planner.English: "Member 1 (no name yet)"} {
		t.Run(string(lang), func(t *testing.T) {
			f := writeXLSX(t, teamWeek(t, lang))
			seen := map[string]bool{}
			eachCell(t, f, func(sheet, name, value string) {
				seen[strings.ReplaceAll(value, "\n", "")] = true
				for _, id := range slices.Concat(teamWeekIDs, []string{"U07LEFT"}) {
					if strings.Contains(value, id) {
						t.Errorf("%s!%s = %q shows the id %s", sheet, name, value, id)
					}
				}
			})
			for _, name := range slices.Concat(teamWeekNames[:9], []string{unnamed}) {
				if !seen[name] {
					t.Errorf("no cell names %q", name)
				}
			}
		})
	}
}

// A sheet prints on as many pages as its rows fill, but not on a last page
// less than half full when shrinking it to 75% or more saves that page.
func TestPagesTall(t *testing.T) {
	for _, tt := range []struct {
		name   string
		height float64
		want   int
	}{
		{"a few rows", 100, 1},
		{"a full page", 500, 1},
		{"a fifth more: shrunk to 83%", 600, 1},
		{"a third more: shrunk to 75%", 666, 1},
		{"two fifths more: 71% would be too small", 700, 2},
		{"over half a page more", 800, 2},
		{"two pages and a fifth: shrunk to 91%", 1100, 2},
		{"two pages and two thirds", 1333, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := pagesTall(tt.height, 500); got != tt.want {
				t.Errorf("pagesTall(%g, 500) = %d, want %d", tt.height, got, tt.want)
			}
		})
	}
	// A team of ten's week: the board on one landscape page, the summary on
	// one portrait page, the pipeline on one landscape page.
	f := writeXLSX(t, teamWeek(t, planner.Chinese))
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil || layout.FitToHeight == nil || *layout.FitToHeight != 1 {
			t.Errorf("%s: %v pages tall (%v), want 1", sheet, layout.FitToHeight, err)
		}
	}
}
