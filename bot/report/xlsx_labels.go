package report

import "planbot/planner"

// xlsxLabels are the words of the Excel report in one language: sheet names
// (at most 31 characters, as Excel requires), titles and column headers.
type xlsxLabels struct {
	boardSheet, summarySheet, pipelineSheet string

	boardTitle    string // team, week, its dates
	summaryTitle  string // team, week, its dates
	pipelineTitle string // team, week
	fileTitle     string // week, its dates: the title of the file in Slack
	legend        string

	member                    string
	kind                      string
	plannedItems, doneItems   string
	plannedCount, doneCount   string
	completion, note          string
	total, lastWeek, noMember string
	enterprises               string // the enterprises met, planned and done

	company, stage, owner, lastContact, next, notes string
	noCompanies                                     string
}

// xlsxLabelsByLang are the report's words by language.
var xlsxLabelsByLang = map[planner.Lang]xlsxLabels{
	planner.English: {
		boardSheet: "Board", summarySheet: "Summary", pipelineSheet: "Pipeline",
		boardTitle:    "%s · the week's board, %s (%s)",
		summaryTitle:  "%s · summary of %s (%s)",
		pipelineTitle: "%s · the pipeline at week %s",
		fileTitle:     "Weekly report %s (%s)",
		legend:        "✓ done   ✗ cancelled   · planned   (2/3): day 2 of a 3-day item",
		member:        "Member",
		kind:          "Kind",
		plannedItems:  "Planned items", doneItems: "Done items",
		plannedCount: "Planned count", doneCount: "Done count",
		completion: "Completion", note: "Note",
		total: "Total", lastWeek: "Last week", noMember: "Nobody in the team yet.",
		enterprises: "Enterprises met",
		company:     "Company", stage: "Stage", owner: "Owner", lastContact: "Last contact",
		next: "Next step", notes: "Notes",
		noCompanies: "No companies in the pipeline yet.",
	},
	planner.Chinese: {
		boardSheet: "作战图", summarySheet: "汇总", pipelineSheet: "招商项目",
		boardTitle:    "%s · 本周作战图 %s（%s）",
		summaryTitle:  "%s · %s 汇总（%s）",
		pipelineTitle: "%s · 招商项目进展（截至 %s）",
		fileTitle:     "%s 周报（%s）",
		legend:        "✓ 完成   ✗ 取消   · 计划   (2/3)：3 天事项的第 2 天",
		member:        "成员",
		kind:          "类型",
		plannedItems:  "计划（项）", doneItems: "完成（项）",
		plannedCount: "计划（数量）", doneCount: "完成（数量）",
		completion: "完成率", note: "心得",
		total: "合计", lastWeek: "上周", noMember: "团队还没有成员。",
		enterprises: "对接企业（家）",
		company:     "公司", stage: "阶段", owner: "负责人", lastContact: "最近接触",
		next: "下一步", notes: "备注",
		noCompanies: "还没有招商项目。",
	},
}

// labelsFor returns the report's words in lang, English when lang is unknown.
func labelsFor(lang planner.Lang) xlsxLabels {
	if l, ok := xlsxLabelsByLang[lang]; ok {
		return l
	}
	return xlsxLabelsByLang[planner.English]
}
