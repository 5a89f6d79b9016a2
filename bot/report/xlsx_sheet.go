package report

import (
	"fmt"
	"regexp"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/width"

	"planbot/planner"
)

// Row heights, in points. Excel does not size rows to wrapped text that a
// program wrote, so each row is given the height its longest cell needs.
const (
	lineHeight   = 14.0  // a line of wrapped text in textSize
	rowPadding   = 4.0   // above and below a row's lines
	maxRowHeight = 409.0 // Excel's limit
)

// The workbook's one font, on every style: 微软雅黑 (Microsoft YaHei), which
// every Windows since Vista has, in every language, with Latin and Chinese
// glyphs of one design, so Excel and WPS draw both in it. It is declared
// East Asian (GB2312's charset, as Chinese Excel writes it). LibreOffice,
// without it, draws the text in a sans-serif of the same weight: a Chinese one
// for the Chinese (Debian's fonts-wqy-microhei or fonts-noto-cjk) and its
// Latin sans for the rest. Without a family named, as before, it drew the
// Latin text in a serif.
const (
	fontFamily  = "微软雅黑"
	fontCharset = 134  // GB2312
	textSize    = 10.5 // 五号, the body size of Chinese documents
	titleSize   = 16.0 // 三号
	legendSize  = 9.0
)

// sheetWriter writes the report's sheets cell by cell, keeping the first
// error; this file holds its primitives (styles, page setup, safe text, row
// heights), xlsx.go the sheets themselves.
type sheetWriter struct {
	f     *excelize.File
	lang  planner.Lang
	l     xlsxLabels
	st    styles
	block string // the title block's line: the reporting unit, the period, the day it was made
	unit  string // the reporting unit, for the pages' footers
	err   error
}

// styles are the ids of the report's cell styles.
type styles struct {
	title, block, header, legend                  int
	text, bold, weekend, number, percent          int
	totalText, totalNumber, totalPercent, grayRow int
	amount, amountText                            int // an amount in 亿元; one in another currency, as text
	onPace, behind                                int // a target on pace (green) or behind (red)
}

func (x *sheetWriter) check(err error) {
	if x.err == nil {
		x.err = err
	}
}

// newStyles makes the report's cell styles, every one in the one font
// (fontFamily), and makes it the workbook's default font too.
func (x *sheetWriter) newStyles() {
	x.check(x.f.SetDefaultFont(fontFamily))
	border := []excelize.Border{
		{Type: "left", Color: "A6A6A6", Style: 1}, {Type: "right", Color: "A6A6A6", Style: 1},
		{Type: "top", Color: "A6A6A6", Style: 1}, {Type: "bottom", Color: "A6A6A6", Style: 1},
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	fill := func(color string) excelize.Fill {
		return excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{color}}
	}
	right := &excelize.Alignment{Horizontal: "right", Vertical: "top"}
	percent, tenths := 9, "0.0" // 0%; 12.5
	charset := fontCharset
	// font is the one font in a size, bold or not, in a color ("" black).
	font := func(size float64, bold bool, color string) *excelize.Font {
		return &excelize.Font{Family: fontFamily, Charset: &charset, Size: size, Bold: bold, Color: color}
	}
	plain, bold := font(textSize, false, ""), font(textSize, true, "")
	style := func(s excelize.Style) int {
		id, err := x.f.NewStyle(&s)
		x.check(err)
		return id
	}
	x.st = styles{
		title: style(excelize.Style{Font: font(titleSize, true, ""), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}),
		block: style(excelize.Style{Font: plain, Alignment: &excelize.Alignment{Vertical: "center"}}),
		header: style(excelize.Style{Font: bold, Fill: fill("DDEBF7"), Border: border,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}),
		legend:       style(excelize.Style{Font: font(legendSize, false, "595959")}),
		text:         style(excelize.Style{Font: plain, Border: border, Alignment: top}),
		bold:         style(excelize.Style{Font: bold, Border: border, Alignment: top}),
		weekend:      style(excelize.Style{Font: plain, Border: border, Alignment: top, Fill: fill("F2F2F2")}),
		number:       style(excelize.Style{Font: plain, Border: border, Alignment: right}),
		percent:      style(excelize.Style{Font: plain, Border: border, Alignment: top, NumFmt: percent}),
		totalText:    style(excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: top}),
		totalNumber:  style(excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: right}),
		totalPercent: style(excelize.Style{Font: bold, Border: border, Fill: fill("F2F2F2"), Alignment: top, NumFmt: percent}),
		grayRow:      style(excelize.Style{Font: font(textSize, false, "595959"), Border: border, Alignment: top}),
		amount:       style(excelize.Style{Font: plain, Border: border, Alignment: right, CustomNumFmt: &tenths}),
		amountText:   style(excelize.Style{Font: plain, Border: border, Alignment: right}),
		onPace:       style(excelize.Style{Font: font(textSize, false, "006100"), Border: border, Alignment: top, Fill: fill("C6EFCE")}),
		behind:       style(excelize.Style{Font: font(textSize, false, "9C0006"), Border: border, Alignment: top, Fill: fill("FFC7CE")}),
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

// headerRow is the row of each sheet's column headers, under its title
// block (titleBlock): the row printed at the top of every page.
const headerRow = 3

// sheet starts a sheet: the workbook's first one replaces the default sheet.
// It prints on A4 in orientation (landscape for the wide sheets), one page
// wide and centred, with its header row (headerAt) on every page and, in the
// footer, the reporting unit, the page's number and the sheet's name.
func (x *sheetWriter) sheet(name string, first bool, orientation string, headerAt int) {
	if first {
		x.check(x.f.SetSheetName(x.f.GetSheetName(0), name))
	} else {
		_, err := x.f.NewSheet(name)
		x.check(err)
	}
	a4, one, zero, fit, centred := 9, 1, 0, true, true
	x.check(x.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}))
	x.check(x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}))
	side, edge, footer := 0.4, 0.5, 0.25
	x.check(x.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{
		Left: &side, Right: &side, Top: &edge, Bottom: &edge, Footer: &footer, Horizontally: &centred,
	}))
	x.check(x.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddFooter: "&L" + footerText(x.unit) + "&C" + x.l.pageFooter + "&R&A",
	}))
	x.check(x.f.SetDefinedName(&excelize.DefinedName{
		Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$%d:$%[2]d", name, headerAt), Scope: name,
	}))
}

// footerText is text as a page's footer shows it: an ampersand, which starts
// a code there (&P, the page), doubled, and at most 60 characters.
func footerText(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:60])
	}
	return strings.ReplaceAll(s, "&", "&&")
}

// text writes s into a cell as a string, never a formula; an empty s leaves
// the cell blank, with its style.
func (x *sheetWriter) text(sheet string, col, row int, s string, style int) {
	if s != "" {
		x.check(x.f.SetCellStr(sheet, cell(col, row), escapeXstring(s)))
	}
	x.check(x.f.SetCellStyle(sheet, cell(col, row), cell(col, row), style))
}

// number writes n into a cell, in style.
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
	labels = slices.Clone(labels)
	for i, label := range labels {
		labels[i] = wrapBeforeBracket(label, widths[i])
		x.text(sheet, i+1, row, labels[i], x.st.header)
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
// column widths[i] wide. A column's unit is a digit of the default font
// (11 pt); the cells' textSize text fits about 1.2 of its Latin
// characters, or half as many Chinese ones, to a unit, less one for the
// cell's margins and a word wrapped whole.
func maxLines(texts []string, widths []float64) int {
	most := 1
	for i, t := range texts {
		room := perLine(widths[i])
		n := 0
		for _, line := range strings.Split(t, "\n") {
			n += max(1, (displayWidth(line)+room-1)/room)
		}
		most = max(most, n)
	}
	return most
}

// perLine is how many Latin characters' room a line of a column width wide
// has (see maxLines).
func perLine(width float64) int { return max(int(width*1.2)-1, 4) }

// wrapBeforeBracket breaks s, when it is too wide for a column width wide,
// before its bracketed part: "计划（数量）" becomes "计划\n（数量）", where a
// spreadsheet would leave "）" alone on the second line.
func wrapBeforeBracket(s string, width float64) string {
	at := strings.Index(s, "（")
	if at <= 0 || strings.Contains(s, "\n") || displayWidth(s) <= perLine(width) {
		return s
	}
	return s[:at] + "\n" + s[at:]
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
func rowHeight(lines int) float64 { return min(float64(lines)*lineHeight+rowPadding, maxRowHeight) }

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

// totalsRow writes a row of totals: a label, the four numbers of t and the
// completion (none for a leave, which is no work to complete).
func (x *sheetWriter) totalsRow(s string, row int, label string, t planner.Totals, work bool, text, number, percent int) {
	x.text(s, 1, row, label, text)
	for i, n := range []int{t.Items, t.DoneItems, t.Count, t.DoneCount} {
		x.number(s, 2+i, row, n, number)
	}
	if !work {
		t.DoneItems, t.Items = 0, 0
	}
	x.ratio(s, 6, row, t.DoneItems, t.Items, percent, number)
}

// itemsRow writes a row of items of several kinds (a total, a member's
// week): a label, the items planned and done and the completion. Its count
// cells stay empty: a count is of one kind's things (enterprises visited,
// delegations hosted, events held), and counts of different kinds do not add
// up; they are shown per kind only.
func (x *sheetWriter) itemsRow(s string, row int, label string, items, done int, text, number, percent int) {
	x.text(s, 1, row, label, text)
	x.number(s, 2, row, items, number)
	x.number(s, 3, row, done, number)
	x.text(s, 4, row, "", number)
	x.text(s, 5, row, "", number)
	x.ratio(s, 6, row, done, items, percent, number)
}
