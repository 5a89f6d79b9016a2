package report

import (
	"math"

	"github.com/xuri/excelize/v2"
)

// The printable height of an A4 page, in points, within the top and bottom
// margins sheet sets (half an inch each; the footer is in the bottom one).
const (
	landscapeHeight = 595.3 - 72
	portraitHeight  = 841.9 - 72
)

// minScale is the least a sheet is shrunk to print on one page fewer.
const minScale = 0.75

// pagesTall is how many pages tall rows of height points print on, pages of
// printable points: as many as they fill at full size, less one when the
// last page would be less than half full and the rows fit one page fewer
// shrunk to no less than minScale. A team of ten's week prints on one page,
// not one and a fifth.
func pagesTall(height, printable float64) int {
	n := max(1, int(math.Ceil(height/printable)))
	if n > 1 && height-float64(n-1)*printable < printable/2 && float64(n-1)*printable/height >= minScale {
		n--
	}
	return n
}

// fitPages sets how many pages tall each sheet prints on (pagesTall), from
// the heights of its rows; the sheets are one page wide already.
func (x *sheetWriter) fitPages() {
	for _, sheet := range x.f.GetSheetList() {
		layout, err := x.f.GetPageLayout(sheet)
		x.check(err)
		rows, err := x.f.GetRows(sheet)
		x.check(err)
		if x.err != nil {
			return
		}
		height := 0.0
		for i := range rows {
			h, err := x.f.GetRowHeight(sheet, i+1)
			x.check(err)
			height += h
		}
		printable := portraitHeight
		if *layout.Orientation == "landscape" {
			printable = landscapeHeight
		}
		pages := pagesTall(height, printable)
		x.check(x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{FitToHeight: &pages}))
	}
}
