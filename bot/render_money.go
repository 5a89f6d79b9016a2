package bot

import (
	"strings"

	"planbot/planner"
)

// MoneyLine is the line every 招商 report has for a period's signings, in l:
// "签约项目2个，总投资15.5亿元" / "2 projects signed, CNY 1.55 bn total
// investment", with how many have no amount in CNY; "" when nothing was
// signed.
func MoneyLine(l planner.Lang, m planner.Money) string {
	switch {
	case m.SignedProjects == 0:
		return ""
	case m.SignedWan == 0:
		return Say(l, MsgMoneyNoAmount, m.SignedProjects)
	}
	total := planner.Amount{Value: m.SignedWan, Currency: "CNY"}.Format(l)
	msg := MsgMoneySigned
	if m.SignedProjects == 1 {
		msg = MsgMoneySignedOne
	}
	line := Say(l, msg, m.SignedProjects, total)
	if m.Unpriced > 0 {
		line += Say(l, MsgMoneyUnpriced, m.Unpriced)
	}
	return line
}

// BandsLine counts the signed projects of m by size (in 亿元), the bands
// that have any, in l; "" when no project has an amount in CNY.
func BandsLine(l planner.Lang, m planner.Money) string {
	var parts []string
	for _, b := range []struct {
		n    int
		name Msg
	}{
		{m.Bands.Lt3, MsgMoneyBandLt3}, {m.Bands.From3, MsgMoneyBand3to10},
		{m.Bands.From10, MsgMoneyBand10to20}, {m.Bands.Ge20, MsgMoneyBandGe20},
	} {
		if b.n > 0 {
			parts = append(parts, Say(l, MsgMoneyBand, Say(l, b.name), b.n))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return Say(l, MsgMoneyBands, strings.Join(parts, ListSep(l)))
}

// moneyLines are the retrospective's lines of the week's signings: the
// report line, and the projects by size under it; none when nothing was
// signed.
func moneyLines(l planner.Lang, m planner.Money) []RetroLine {
	line := MoneyLine(l, m)
	if line == "" {
		return nil
	}
	lines := []RetroLine{{Text: line, Head: true}}
	if bands := BandsLine(l, m); bands != "" {
		lines = append(lines, RetroLine{Text: bands, Indent: 1})
	}
	return lines
}
