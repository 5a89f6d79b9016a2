package bot

import (
	"strings"

	"planbot/planner"
)

// Notes are the sentences said after the items a line added, in l: the
// names in brackets that are no company of the pipeline, and the money that
// was written as a range or a band and so stored as no amount.
func (a Added) Notes(l planner.Lang) []string {
	var notes []string
	if len(a.Unlinked) > 0 { // names planner made one-line
		notes = append(notes, Say(l, MsgUnlinked, strings.Join(a.Unlinked, ListSep(l)), a.Unlinked[0]))
	}
	if len(a.Vague) > 0 { // one sentence however many: a reply has room for two notes
		notes = append(notes, Say(l, MsgAmountVague, strings.Join(a.Vague, ListSep(l))))
	}
	return notes
}

// vagueAmounts are the ranges and bands of money (planner.VagueAmount) in
// the titles of items that have no amount, each made one line.
func vagueAmounts(items []planner.Item) []string {
	var vague []string
	for _, it := range items {
		if v, ok := planner.VagueAmount(it.Title); ok && it.Amount.IsZero() {
			vague = append(vague, planner.OneLine(v))
		}
	}
	return vague
}
