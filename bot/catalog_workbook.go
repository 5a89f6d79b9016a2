package bot

import "planbot/planner"

// The sentences of the team's name (/plan setup name) and of the
// forwardable Excel workbook (bot/report): its title block, its amounts, the
// members it cannot name.
const (
	MsgTeamNamed          Msg = "team_named"
	MsgTeamNameReset      Msg = "team_name_reset"
	MsgTeamNameResetLater Msg = "team_name_reset_later"
	MsgWorkbookNoName     Msg = "workbook_no_name"
	MsgWorkbookBlock      Msg = "workbook_block"
	MsgWorkbookUnnamed    Msg = "workbook_unnamed"
	MsgWorkbookAmount     Msg = "workbook_amount"
	MsgWorkbookPageFooter Msg = "workbook_page_footer"
)

// workbookCatalog are the sentences of the forwardable Excel workbook (bot/report), in both languages.
var workbookCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgTeamNamed:          "The team reports as “%s” now: the reporting unit of the reports and Excel workbooks, and the name in the weekly titles. To take Slack's or Feishu's name again: /plan setup name default",
		MsgTeamNameReset:      "The team's name follows Slack or Feishu again: %s. To set one: /plan setup name Wujin Investment Promotion Bureau",
		MsgTeamNameResetLater: "The team's name will follow the Feishu group's from the next /plan setup in the group; till then it stays “%s”.",
		MsgWorkbookNoName:     "not set (/plan setup name …)",
		// The title block: the reporting unit, the period's first and last days, the week, the day it was made.
		MsgWorkbookBlock:   "Reporting unit: %s     Period: %s to %s (%s)     Made on %s",
		MsgWorkbookUnnamed: "Member %d (no name yet)",
		MsgWorkbookAmount:  "Amount (CNY 100 m)",
		// A page's footer, in Excel's codes: &P the page, &N the pages.
		MsgWorkbookPageFooter: "Page &P of &N",
	},
	planner.Chinese: {
		MsgTeamNamed:          "团队名称（填报单位）已设为“%s”：周报、月报等报表和 Excel 的填报单位及每周标题都用这个名称。恢复 Slack 或飞书的名称：/plan 设置 名称 默认",
		MsgTeamNameReset:      "团队名称已恢复为 Slack 或飞书的名称：%s。设置名称：/plan 设置 名称 武进区招商局",
		MsgTeamNameResetLater: "下次在飞书群里运行 /plan 设置 时，团队名称将改用群名称；在此之前仍为“%s”。",
		MsgWorkbookNoName:     "未设置（/plan 设置 名称 …）",
		MsgWorkbookBlock:      "填报单位：%s　　统计周期：%s 至 %s（%s）　　制表日期：%s",
		MsgWorkbookUnnamed:    "成员%d（未登记姓名）",
		MsgWorkbookAmount:     "投资额（亿元）",
		MsgWorkbookPageFooter: "第 &P 页，共 &N 页",
	},
}
