package report

import (
	"planbot/bot"
	"planbot/planner"
)

// money writes the period's signings under the totals from row on — the
// projects signed, their total investment in 亿元 and the projects by size
// (README: "What is summed") — and returns the row after them; nothing when
// nothing was signed.
func (x *sheetWriter) money(s string, row int, m planner.Money) int {
	if m.SignedProjects == 0 {
		return row
	}
	l, st := reportLang(x.lang), x.st
	x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
	x.text(s, 1, row, bot.Sentence(l, bot.MsgXlsxSignedProjects), st.text)
	x.number(s, 2, row, m.SignedProjects, st.number)
	row++
	x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
	x.text(s, 1, row, bot.Sentence(l, bot.MsgXlsxSignedAmount), st.text)
	x.amount(s, 2, row, planner.Amount{Value: m.SignedWan, Currency: "CNY"})
	row++
	for _, line := range []string{bot.BandsLine(l, m), unpriced(l, m)} {
		if line != "" {
			x.check(x.f.SetRowHeight(s, row, rowHeight(1)))
			x.line(s, row, len(summaryWidths), line, st.text)
			row++
		}
	}
	return row
}

// unpriced says how many signed projects have no amount in CNY, or "".
func unpriced(l planner.Lang, m planner.Money) string {
	if m.Unpriced == 0 {
		return ""
	}
	return bot.Say(l, bot.MsgXlsxUnpriced, m.Unpriced)
}
