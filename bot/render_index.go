package bot

import (
	"strings"

	"planbot/planner"
)

// measureNames are the sentences that name each measure of the activity index.
var measureNames = map[planner.Measure]Msg{
	planner.MeasureSigning: MsgIndexSigning, planner.MeasureConstruction: MsgIndexConstruction,
	planner.MeasureVisit: MsgIndexVisit, planner.MeasureReception: MsgIndexReception,
	planner.MeasureEvent: MsgIndexEvent, planner.MeasureLead: MsgIndexLead,
}

// indexSettingsText says whether the team's activity index is on, and its
// weights.
func indexSettingsText(l planner.Lang, v IndexSettingsView) string {
	if v.Settings.On {
		return Say(l, MsgIndexOn, indexFormula(l, v.Settings.Weights))
	}
	return Say(l, MsgIndexOff, indexFormula(l, v.Settings.Weights))
}

// indexFormula writes the weights as a sum: "signings ×30 + construction starts ×20 + …".
func indexFormula(l planner.Lang, weights map[planner.Measure]int) string {
	terms := make([]string, len(planner.Measures))
	for i, m := range planner.Measures {
		terms[i] = Say(l, MsgIndexTerm, Say(l, measureNames[m]), weights[m])
	}
	return strings.Join(terms, " + ")
}

// retroIndex is the retrospective's ranking by activity index (龙虎榜): a
// line per member who scored, highest first, with what they scored for;
// the members who scored nothing on one line, sharing the last rank; then
// how the index is computed. It is empty when the team has the index off.
func retroIndex(l planner.Lang, r planner.Retro) []RetroLine {
	return indexLines(l, r.Index, func(userID, name string) string { return nameOf(l, r, userID, name) })
}

// indexLines are the lines of activity index ix (none when it is nil, the
// index off), naming each member by name(userID, the name ix has).
func indexLines(l planner.Lang, ix *planner.Index, name func(userID, name string) string) []RetroLine {
	if ix == nil {
		return nil
	}
	lines := []RetroLine{{Text: Say(l, MsgIndexHead), Head: true}}
	var idle []string
	idleRank := 0
	for _, m := range ix.Members {
		who := name(m.UserID, m.UserName)
		if m.Index == 0 {
			idle, idleRank = append(idle, who), m.Rank
			continue
		}
		var counts []string // what scored: a measure weighted 0 scores nothing
		for _, measure := range planner.Measures {
			if n := m.Counts[measure]; n > 0 && ix.Weights[measure] > 0 {
				counts = append(counts, Say(l, MsgIndexCount, Say(l, measureNames[measure]), n))
			}
		}
		text := Say(l, MsgIndexRank, m.Rank, who, m.Index) + Say(l, MsgIndexCounts, strings.Join(counts, " · "))
		lines = append(lines, RetroLine{Text: text, Indent: 1})
	}
	if len(idle) > 0 {
		lines = append(lines, RetroLine{Text: Say(l, MsgIndexRank, idleRank, strings.Join(idle, ListSep(l)), 0), Indent: 1})
	}
	return append(lines, RetroLine{Text: Say(l, MsgIndexFormula, indexFormula(l, ix.Weights)), Indent: 1})
}
