package bot

import (
	"strings"

	"planbot/planner"
)

// DueReminder is the direct message a company's owner gets on the first
// working day after its deadline, once (督办): the company as it stands.
type DueReminder struct{ Company planner.Company }

func (DueReminder) isBody() {}

// DueLabel writes a deadline as typed: "construction due 2026-03-31", "开工
// 截止 2026-03-31", "截止 2026-03-31" (the Excel report's next step shows it too).
func DueLabel(l planner.Lang, d planner.Deadline) string {
	if d.Step == "" {
		return Say(l, MsgDue, d.Date)
	}
	return Say(l, MsgDueStep, stageNames[l][d.Step], d.Date)
}

// duePart is " · " and a company's deadline for a line about it, marked when
// it has passed by today (a zero today marks none), or "" when it has none.
func duePart(l planner.Lang, d planner.Deadline, today planner.Date) string {
	if d.IsZero() {
		return ""
	}
	part := " · " + DueLabel(l, d)
	if today != (planner.Date{}) && d.Overdue(today) {
		part += " " + Say(l, MsgDueOverdue)
	}
	return part
}

// leadDueText is what a lead line said of deadlines after what it did: the
// deadline it set, or the one its move made.
func leadDueText(l planner.Lang, v LeadView) string {
	switch {
	case v.DueSet && v.Created:
		return Say(l, MsgDueSentence, DueLabel(l, v.Company.Due))
	case v.DueSet:
		return " · " + DueLabel(l, v.Company.Due)
	case !v.DueMet.IsZero():
		return " · " + Say(l, MsgDueMet, DueLabel(l, v.DueMet))
	}
	return ""
}

// dueSetText says that a lead line set a company's deadline, and nothing else.
func dueSetText(l planner.Lang, c planner.Company) string {
	return Say(l, MsgDueSet, planner.OneLine(c.Name), stageNames[l][c.Stage], DueLabel(l, c.Due))
}

// dueReminderText is the owner's direct message about a deadline passed.
func dueReminderText(l planner.Lang, r DueReminder) string {
	c := r.Company
	return Say(l, MsgDueReminder, planner.OneLine(c.Name), stageNames[l][c.Stage], DueLabel(l, c.Due))
}

// retroOverdue is the retrospective's line of the companies whose deadline
// has passed (超期): each with its owner and deadline; none when there are none.
func retroOverdue(l planner.Lang, r planner.Retro) []RetroLine {
	return OverdueLines(l, r.Pipeline.Overdue, func(userID, name string) string { return nameOf(l, r, userID, name) })
}

// OverdueLines is the line of the companies overdue (超期), each with its
// owner (named by name(userID, the name it has)) and deadline, for every
// report that lists them; none without any.
func OverdueLines(l planner.Lang, overdue []planner.OverdueCompany, name func(userID, name string) string) []RetroLine {
	if len(overdue) == 0 {
		return nil
	}
	entries := make([]string, len(overdue))
	for i, o := range overdue {
		owner := Say(l, MsgNoOwner)
		if o.Owner != "" {
			owner = name(o.Owner, o.OwnerName)
		}
		entries[i] = Say(l, MsgOverdueEntry, planner.OneLine(o.Company), owner,
			DueLabel(l, planner.Deadline{Date: o.Due, Step: o.Step}))
	}
	return []RetroLine{{Text: Say(l, MsgRetroOverdue, strings.Join(entries, ListSep(l)))}}
}
