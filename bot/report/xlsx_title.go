package report

import (
	"fmt"

	"planbot/planner"
)

// Heights of the title block's rows, in points.
const (
	titleHeight = 30.0
	blockHeight = 20.0
)

// unitName is the reporting unit as a title shows it: the team's name, or
// that it has none yet.
func (x *sheetWriter) unitName() string {
	if x.unit == "" {
		return x.l.noName
	}
	return x.unit
}

// titleLine is the title block's line of a report of the days from to to
// (a week, named by label): the reporting unit, the period and the day made
// ("—" when not known).
func (x *sheetWriter) titleLine(from, to planner.Date, label string, made planner.Date) string {
	day := "—"
	if made != (planner.Date{}) {
		day = made.String()
	}
	return fmt.Sprintf(x.l.block, x.unitName(), from, to, label, day)
}

// titleBlock writes a sheet's title block across its first cols columns: the
// title, large and centred, in row 1; the reporting unit, the period and the
// day the report was made (x.block) in row 2. The column headers follow, in
// headerRow.
func (x *sheetWriter) titleBlock(sheet string, cols int, title string) {
	x.line(sheet, 1, cols, title, x.st.title)
	x.check(x.f.SetRowHeight(sheet, 1, titleHeight))
	x.line(sheet, 2, cols, x.block, x.st.block)
	x.check(x.f.SetRowHeight(sheet, 2, blockHeight))
}
