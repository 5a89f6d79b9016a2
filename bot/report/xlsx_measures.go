package report

import (
	"planbot/bot"
	"planbot/planner"
)

// measures writes, from row on across cols columns, what a period is
// measured against: each target's 完成率 against the time gone, green when on
// pace and red when behind (Excel's own good and bad colours), then the
// companies overdue (超期). It returns the row after them; nothing when there
// are neither.
func (x *sheetWriter) measures(s string, row, cols int, targets []planner.TargetProgress, overdue []bot.RetroLine) int {
	l := reportLang(x.lang)
	if len(targets) > 0 {
		x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
		x.line(s, row, cols, bot.Say(l, bot.MsgTargetHead), x.st.header)
		row++
		for _, tl := range bot.TargetLines(l, targets) {
			style := x.st.behind
			if tl.OnPace {
				style = x.st.onPace
			}
			text := cellText(tl.Text)
			x.check(x.f.SetRowHeight(s, row, rowHeight(maxLines([]string{text}, []float64{sumWidths(x, s, cols)}))))
			x.line(s, row, cols, text, style)
			row++
		}
		row++
	}
	for _, ln := range overdue {
		text := cellText(ln.Text)
		x.check(x.f.SetRowHeight(s, row, rowHeight(maxLines([]string{text}, []float64{sumWidths(x, s, cols)}))))
		x.line(s, row, cols, text, x.st.behind)
		row++
	}
	return row
}

// sumWidths is the width of the first cols columns of sheet s.
func sumWidths(x *sheetWriter, s string, cols int) float64 {
	var w float64
	for c := 1; c <= cols; c++ {
		cw, err := x.f.GetColWidth(s, colName(c))
		x.check(err)
		w += cw
	}
	return w
}
