package bot

import (
	"fmt"
	"slices"
	"strings"

	"planbot/planner"
)

// leadText renders what /plan lead did: the company saved, or its lifecycle
// and linked items. Each text people typed is on one line (planner.OneLine).
func leadText(l planner.Lang, v LeadView) string {
	c := v.Company
	c.Name = planner.OneLine(c.Name)
	switch {
	case v.Alias != "":
		return aliasText(l, v)
	case v.Created:
		return Say(l, MsgLeadCreated, c.Name, stageNames[l][c.Stage]) + amountSentence(l, c.Amount) + leadDueText(l, v)
	case v.DueSet && v.Change == (planner.StageChange{}):
		return dueSetText(l, c)
	case v.Change.From != v.Change.To:
		line := Say(l, MsgLeadMoved, c.Name, stageNames[l][v.Change.From], stageNames[l][v.Change.To])
		if movedBack(v.Change) {
			line += " " + Say(l, MsgLeadMovedBack)
		}
		if v.Change.Note != "" {
			line += " · " + planner.OneLine(v.Change.Note)
		}
		return line + leadDueText(l, v)
	case v.Change.Note != "":
		return Say(l, MsgLeadNoted, c.Name, stageNames[l][c.Stage], planner.OneLine(v.Change.Note)) + leadDueText(l, v)
	}
	lines := []string{Say(l, MsgLeadHead, c.Name, stageNames[l][c.Stage], ownerName(l, c)) + amountPart(l, c.Amount) + duePart(l, c.Due, v.Today)}
	if len(c.Aliases) > 0 {
		lines = append(lines, aliasesLine(l, c.Aliases))
	}
	if c.Notes != "" {
		lines = append(lines, "“"+planner.OneLine(c.Notes)+"”")
	}
	lines = append(lines, Say(l, MsgLeadStages))
	who := PeopleNames(l, v.Names)
	for _, s := range v.History {
		line := fmt.Sprintf("  %s · %s", s.At.In(v.Zone).Format("2006-01-02"), stageNames[l][s.To])
		if s.From != "" && s.From != s.To {
			line = fmt.Sprintf("  %s · %s → %s", s.At.In(v.Zone).Format("2006-01-02"), stageNames[l][s.From], stageNames[l][s.To])
		}
		line += " · " + who(s.By)
		if s.Note != "" {
			line += " · " + planner.OneLine(s.Note)
		}
		lines = append(lines, line)
	}
	if len(v.Items) == 0 {
		return strings.Join(append(lines, Say(l, MsgLeadNoItems, c.Name)), "\n")
	}
	lines = append(lines, Say(l, MsgLeadItems))
	for _, it := range v.Items {
		it.Companies = nil // each is this company's
		lines = append(lines, "  "+ItemLine(l, it, true))
	}
	return strings.Join(lines, "\n")
}

// pipelineText renders the pipeline by stage: each company with its owner,
// last contact and next planned item.
func pipelineText(l planner.Lang, v PipelineView) string {
	if len(v.Companies) == 0 {
		if stage, ok := planner.ParseStage(v.Filter); ok {
			return Say(l, MsgPipelineNoneAt, stageNames[l][stage])
		}
		if v.Filter != "" {
			return Say(l, MsgPipelineNoneMine)
		}
		return Say(l, MsgPipelineEmpty)
	}
	lines := []string{Say(l, MsgPipelineTitle, len(v.Companies))}
	var stage planner.Stage
	for _, c := range v.Companies {
		if c.Stage != stage {
			stage = c.Stage
			head := stageNames[l][stage] + ":"
			if l == planner.Chinese {
				head = "【" + stageNames[l][stage] + "】"
			}
			lines = append(lines, head)
		}
		parts := []string{"  " + planner.OneLine(c.Name), ownerName(l, c.Company)}
		if !c.Amount.IsZero() {
			parts = append(parts, c.Amount.Format(l))
		}
		if c.LastContact != (planner.Date{}) {
			parts = append(parts, Say(l, MsgLastContact, DayLabel(l, c.LastContact)))
		}
		if c.Next.ID != 0 {
			parts = append(parts, Say(l, MsgNextItem, fmt.Sprintf("#%d %s %s", c.Next.ID, DayLabel(l, c.Next.Start), planner.OneLine(c.Next.Title))))
		}
		lines = append(lines, strings.Join(parts, " · ")+duePart(l, c.Due, v.Today))
	}
	return strings.Join(lines, "\n")
}

// amountPart is " · " and a company's amount for a line about it, or "" when it has none.
func amountPart(l planner.Lang, a planner.Amount) string {
	if a.IsZero() {
		return ""
	}
	return " · " + a.Format(l)
}

// amountSentence is a sentence that follows another and says a company's
// amount (" 投资额：12亿元。", " Amount: CNY 1.2 bn."), or "" when it has none.
func amountSentence(l planner.Lang, a planner.Amount) string {
	switch {
	case a.IsZero():
		return ""
	case l == planner.Chinese:
		return " 投资额：" + a.Format(l) + "。"
	}
	return " Amount: " + a.Format(l) + "."
}

// ownerName is who follows a company, on one line, "—" for an owner without
// a name yet (never their user id), or says it has no owner.
func ownerName(l planner.Lang, c planner.Company) string {
	switch {
	case planner.OneLine(c.OwnerName) != "":
		return planner.OneLine(c.OwnerName)
	case c.OwnerID != "":
		return noOne
	}
	return Say(l, MsgNoOwner)
}

// companyNames lists the names of companies, for an item's line.
func companyNames(l planner.Lang, companies []planner.Company) string {
	names := make([]string, len(companies))
	for i, c := range companies {
		names[i] = planner.OneLine(c.Name)
	}
	return strings.Join(names, ListSep(l))
}

// retroPipeline renders the pipeline's part of a retrospective: the week's
// moves by stage ("签约 2：A、B · 开工 1：C"), the companies at each stage,
// those untouched for a month, and companies several members worked on.
func retroPipeline(l planner.Lang, p planner.PipelineWeek, r planner.Retro) []RetroLine {
	if p.Empty() {
		return nil
	}
	var moves, counts []string
	for _, stage := range planner.Stages {
		var names []string
		for _, m := range p.Moves {
			if m.To == stage {
				names = append(names, planner.OneLine(m.Company))
			}
		}
		if len(names) > 0 {
			moves = append(moves, fmt.Sprintf("%s %d%s%s", stageNames[l][stage], len(names), colon(l), strings.Join(names, ListSep(l))))
		}
		if n := p.Counts[stage]; n > 0 {
			counts = append(counts, fmt.Sprintf("%s %d", stageNames[l][stage], n))
		}
	}
	lines := []RetroLine{{Text: Say(l, MsgRetroPipelineNone)}}
	if len(moves) > 0 {
		lines[0] = RetroLine{Text: Say(l, MsgRetroPipeline, strings.Join(moves, " · "))}
	}
	lines = append(lines, RetroLine{Text: Say(l, MsgRetroStageCounts, strings.Join(counts, " · "))})
	if len(p.Untouched) > 0 {
		untouched := make([]string, len(p.Untouched))
		for i, name := range p.Untouched {
			untouched[i] = planner.OneLine(name)
		}
		lines = append(lines, RetroLine{Text: Say(l, MsgRetroUntouched, strings.Join(untouched, ListSep(l)))})
	}
	for _, c := range p.Collisions {
		names := make([]string, len(c.Members))
		for i, id := range c.Members {
			names[i] = nameOf(l, r, id, "")
		}
		open, closing := " (", ")"
		if l == planner.Chinese {
			open, closing = "（", "）"
		}
		lines = append(lines, RetroLine{Text: Say(l, MsgRetroCollision, planner.OneLine(c.Company)+open+strings.Join(names, ListSep(l))+closing)})
	}
	return lines
}

// movedBack reports whether a change moved a company to an earlier stage of
// the pipeline (on hold and lost are off it: neither way is back).
func movedBack(c planner.StageChange) bool {
	from, to := slices.Index(planner.Stages, c.From), slices.Index(planner.Stages, c.To)
	production := slices.Index(planner.Stages, planner.StageProduction)
	return from >= 0 && to >= 0 && from <= production && to < from
}
