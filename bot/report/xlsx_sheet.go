package report

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"planbot/planner"
)

// Row heights, in points. Excel does not size rows to wrapped text that a
// program wrote, so each row is given the height its longest cell needs.
const (
	lineHeight   = 16.0  // a line of wrapped text
	maxRowHeight = 409.0 // Excel's limit
)

// sheetWriter writes the report's sheets cell by cell, keeping the first
// error; this file holds its primitives (styles, page setup, safe text, row
// heights), xlsx.go the sheets themselves.
type sheetWriter struct {
	f    *excelize.File
	lang planner.Lang
	l    xlsxLabels
	st   styles
	err  error
}

// styles are the ids of the report's cell styles.
type styles struct {
	title, header, legend                         int
	text, bold, weekend, number, percent          int
	totalText, totalNumber, totalPercent, grayRow int
}

func (x *sheetWriter) check(err error) {
	if x.err == nil {
		x.err = err
	}
}

func (x *sheetWriter) newStyles() {
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	percent := 9 // 0%
	style := func(s excelize.Style) int {
		id, err := x.f.NewStyle(&s)
		x.check(err)
		return id
	}
	x.st = styles{
		title: style(excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}, Alignment: &excelize.Alignment{Vertical: "center"}}),
		header: style(excelize.Style{Font: &excelize.Font{Bold: true}, Fill: fill("DDEBF7"), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		legend:       style(excelize.Style{Font: &excelize.Font{Italic: true, Size: 9, Color: "595959"}}),
		text:         style(excelize.Style{Border: border, Alignment: top}),
		bold:         style(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Alignment: top}),
		weekend:      style(excelize.Style{Border: border, Alignment: top, Fill: fill("F2F2F2")}),
		number:       style(excelize.Style{Border: border, Alignment: top}),
		percent:      style(excelize.Style{Border: border, Alignment: top, NumFmt: percent}),
		totalText:    style(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: fill("F2F2F2"), Alignment: top}),
		totalNumber:  style(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: fill("F2F2F2"), Alignment: top}),
		totalPercent: style(excelize.Style{Font: &excelize.Font{Bold: true}, Border: border, Fill: fill("F2F2F2"), Alignment: top, NumFmt: percent}),
		grayRow:      style(excelize.Style{Font: &excelize.Font{Color: "595959"}, Border: border, Alignment: top}),
	}
}

// cell names the cell at column col and row, both from 1.
func cell(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col, row)
	return name
}

// colName names column col, from 1.
func colName(col int) string {
	name, _ := excelize.ColumnNumberToName(col)
	return name
}

// sheet starts a sheet: the workbook's first one replaces the default sheet.
// It prints on A4 landscape, one page wide, with the first titleRows rows on
// every page and the page number in the footer.
func (x *sheetWriter) sheet(name string, first bool, titleRows int) {
	if first {
		x.check(x.f.SetSheetName(x.f.GetSheetName(0), name))
	} else {
		_, err := x.f.NewSheet(name)
		x.check(err)
	}
	a4, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	x.check(x.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}))
	x.check(x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	side, edge := 0.4, 0.5
	x.check(x.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge}))
	x.check(x.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&C&P / &N"}))
	x.check(x.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$1:$%d", name, titleRows), Scope: name,
	}))
}

// text writes s into a cell as a string, never a formula; an empty s leaves
// the cell blank, with its style.
func (x *sheetWriter) text(sheet string, col, row int, s string, style int) {
	if s != "" {
		x.check(x.f.SetCellStr(sheet, cell(col, row), escapeXstring(s)))
	}
	x.check(x.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
}

func (x *sheetWriter) number(sheet string, col, row, n int, style int) {
	x.check(x.f.SetCellInt(sheet, cell(col, row), int64(n)))
	x.check(x.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
}

// ratio writes done/of as a percentage, or a dash when of is 0.
func (x *sheetWriter) ratio(sheet string, col, row, done, of int, percent, dash int) {
	if of == 0 {
		x.text(sheet, col, row, "—", dash)
		return
	}
	x.check(x.f.SetCellFloat(sheet, cell(col, row), float64(done)/float64(of), -1, 64))
	x.check(x.f.SetCellStyle(sheet, cell(col, row), cell(col, row), percent))
}

// line writes s across columns 1..cols of row, merged.
func (x *sheetWriter) line(sheet string, row, cols int, s string, style int) {
	x.text(sheet, 1, row, s, style)
	if cols > 1 {
		x.check(x.f.SetCellStyle(sheet, cell(1, row), cell(cols, row), style))
		x.check(x.f.MergeCell(sheet, cell(1, row), cell(cols, row)))
	}
}

// headers writes a row of column headers, in columns of the given widths.
func (x *sheetWriter) headers(sheet string, row int, widths []float64, labels ...string) {
	for i, label := range labels {
		x.text(sheet, i+1, row, label, x.st.header)
	}
	x.check(x.f.SetRowHeight(sheet, row, rowHeight(maxLines(labels, widths))))
}

// widths sets the widths of the first len(ws) columns.
func (x *sheetWriter) widths(sheet string, ws ...float64) {
	for i, w := range ws {
		x.check(x.f.SetColWidth(sheet, colName(i+1), colName(i+1), w))
	}
}

// freeze keeps the first cols columns and rows rows in view while the rest scrolls.
func (x *sheetWriter) freeze(sheet string, cols, rows int) {
	x.check(x.f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, XSplit: cols, YSplit: rows, TopLeftCell: cell(cols+1, rows+1), ActivePane: "bottomRight",
	}))
}

// maxLines estimates the most lines any of texts wraps to, texts[i] in a
// column widths[i] wide.
func maxLines(texts []string, widths []float64) int {
	most := 1
	for i, t := range texts {
		perLine := max(int(widths[i])-2, 4)
		n := 0
		for _, line := range strings.Split(t, "\n") {
			n += max(1, (displayWidth(line)+perLine-1)/perLine)
		}
		most = max(most, n)
	}
	return most
}

// displayWidth is how many Latin characters' room s takes: two for each
// wide (Chinese) character.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch width.LookupRune(r).Kind() {
		case width.EastAsianWide, width.EastAsianFullwidth:
			n += 2
		default:
			n++
		}
	}
	return n
}

// rowHeight is the height in points of a row of lines lines of text.
func rowHeight(lines int) float64 { return min(float64(lines)*lineHeight+4, maxRowHeight) }

// xEscape is an escape of the xlsx format's strings: _x0007_ is read as U+0007.
var xEscape = regexp.MustCompile(`^_x[0-9A-Fa-f]{4}_`)

// escapeXstring keeps text that looks like an escape of the xlsx format
// ("_x0041_") from being read as one, the way Excel does: such an underscore
// is written as its own escape, _x005F_. excelize writes the text as it is.
func escapeXstring(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	for i := range len(s) {
		if s[i] == '_' && xEscape.MatchString(s[i:min(i+7, len(s))]) {
			b.WriteString("_x005F_")
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// cellText makes text someone typed safe for one line of a cell: on one
// line, without control characters or bidirectional overrides
// (planner.OneLine), and without the non-characters XML cannot carry.
func cellText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, planner.OneLine(s))
}
