package bot

import "planbot/planner"

// The sentences of pipeline deadlines, 督办 (render_due.go).
const (
	MsgDue          Msg = "due"           // a deadline: "due 2026-03-31"
	MsgDueStep      Msg = "due_step"      // a deadline with its step: "construction due 2026-03-31"
	MsgDueOverdue   Msg = "due_overdue"   // the mark of a deadline passed
	MsgDueSet       Msg = "due_set"       // a lead line that only set a deadline
	MsgDueSentence  Msg = "due_sentence"  // a new company's deadline, after the sentence saying it was added
	MsgDueMet       Msg = "due_met"       // a move that made its deadline's step, which is cleared
	MsgDueReminder  Msg = "due_reminder"  // the direct message to the owner after the deadline
	MsgRetroOverdue Msg = "retro_overdue" // the retrospective's line of overdue companies
	MsgOverdueEntry Msg = "overdue_entry" // one overdue company there: name, owner, deadline
)

// dueCatalog are the sentences of pipeline deadlines, 督办 (render_due.go), in both languages.
var dueCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgDue:          "due %s",
		MsgDueStep:      "%s due %s",
		MsgDueOverdue:   "⚠ overdue",
		MsgDueSet:       "%s (%s): %s.",
		MsgDueSentence:  " Deadline: %s.",
		MsgDueMet:       "deadline met (%s)",
		MsgDueReminder:  "⏰ Deadline passed: %s (%s), %s. Move it on: /plan lead “%[1]s” <stage>, or give it a new deadline: /plan lead “%[1]s” due <day>",
		MsgRetroOverdue: "⚠ Overdue: %s",
		MsgOverdueEntry: "%s (%s, %s)",
	},
	planner.Chinese: {
		MsgDue:          "截止 %s",
		MsgDueStep:      "%s 截止 %s",
		MsgDueOverdue:   "⚠ 超期",
		MsgDueSet:       "%s（%s）：%s。",
		MsgDueSentence:  " 督办：%s。",
		MsgDueMet:       "督办已完成（%s）",
		MsgDueReminder:  "⏰ 督办提醒：%s（%s）%s，已超期。推进后请更新：/plan 线索 “%[1]s” <阶段>；或重新设定期限：/plan 线索 “%[1]s” 截止 <日期>",
		MsgRetroOverdue: "⚠ 超期未推进：%s",
		MsgOverdueEntry: "%s（%s，%s）",
	},
}
