package planner

import (
	"strings"
	"unicode/utf8"
)

// IsZero reports whether a is no amount. An item or a company without an
// amount holds the zero Amount: FindAmount never reads a Value below 1, so
// zero is free to mean none, and an Amount (not a *Amount) keeps Item and
// Company plain values that copy and compare without sharing.
func (a Amount) IsZero() bool { return a.Value == 0 }

// CompanyAmountFrom is the amount an item gives the pipeline companies it is
// linked to: a signing item (KindSigning) that is not cancelled and has an
// amount (`签约【常诚车业】 总投资12亿元`) gives that amount, as the project's
// total investment. It is set only on a company that has no amount yet: an
// amount set by a lead line (`/plan lead 常诚车业 总投资12亿元`) or by an
// earlier signing item wins. A lead line is a statement about the company
// itself, where an item's text may name a phase or a part (二期签约 5亿), and
// never overwriting keeps one project's investment counted once, however
// many signing items name it.
func CompanyAmountFrom(it Item) (Amount, bool) {
	if it.Kind != KindSigning || it.Status == StatusCancelled || it.Amount.IsZero() {
		return Amount{}, false
	}
	return it.Amount, true
}

// VagueAmount returns the first money text is written with that is no
// amount — a range (`5-8亿`) or a band (`10亿元以上`) — when text holds no
// amount at all: what a reply asks to be written as one number, since
// nothing of it was stored.
func VagueAmount(text string) (string, bool) {
	if !mayHoldMoney(text) {
		return "", false
	}
	vague := ""
	for i := 0; i < len(text); {
		m, found := moneyAt(text, i)
		switch {
		case found && m.ok:
			return "", false
		case found:
			if vague == "" {
				vague = strings.TrimSpace(text[m.start:m.end])
			}
			i = m.end
		default:
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
		}
	}
	return vague, vague != ""
}

// mayHoldMoney is a quick test that text may hold an amount, so that the
// grammar reads amounts only in lines that can have one: every amount
// FindAmount reads has 万 or 亿, a currency sign, a Chinese currency word
// (all of which end in 元, 币, 金 or 镑), or a Latin word (a code, a scale)
// with a number.
func mayHoldMoney(text string) bool {
	letters := false
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c == '$' {
			return true
		}
		letters = letters || c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	return strings.ContainsAny(text, "万亿萬億元币金镑¥￥€£") || letters && strings.ContainsFunc(text, isNumberRune)
}
