package bot

import "planbot/planner"

// The sentences of a report over a period (render_report.go, reply_report.go).
const (
	MsgReportTitleMonth       Msg = "report_title_month"
	MsgReportTitleQuarter     Msg = "report_title_quarter"
	MsgReportTitleYear        Msg = "report_title_year"
	MsgReportTitleDays        Msg = "report_title_days"
	MsgReportDates            Msg = "report_dates"
	MsgReportRunning          Msg = "report_running"
	MsgReportJustEndedMonth   Msg = "report_just_ended_month"
	MsgReportJustEndedQuarter Msg = "report_just_ended_quarter"
	MsgReportJustEndedYear    Msg = "report_just_ended_year"
	MsgReportEmpty            Msg = "report_empty"
	MsgReportTrips            Msg = "report_trips"
	MsgReportNoSignings       Msg = "report_no_signings"
	MsgReportNoAmount         Msg = "report_no_amount"
	MsgReportMemberNone       Msg = "report_member_none"
	MsgReportDaysOut          Msg = "report_days_out"
	MsgReportMemberSigned     Msg = "report_member_signed"
	MsgReportMemberSignedOnly Msg = "report_member_signed_only"
	MsgReportTrend            Msg = "report_trend"
	MsgReportWeek             Msg = "report_week"
	MsgReportMore             Msg = "report_more"
	MsgReportFileSending      Msg = "report_file_sending"
	MsgReportFileConsole      Msg = "report_file_console"
	MsgReportFileFailed       Msg = "report_file_failed"
	MsgReportFileFailedFeishu Msg = "report_file_failed_feishu"
)

// The words of a report's Excel workbook (bot/report/period*.go).
const (
	MsgReportXlsxSummarySheet  Msg = "report_xlsx_summary_sheet"
	MsgReportXlsxMembersSheet  Msg = "report_xlsx_members_sheet"
	MsgReportXlsxProjectsSheet Msg = "report_xlsx_projects_sheet"
	MsgReportXlsxTrendSheet    Msg = "report_xlsx_trend_sheet"
	MsgReportXlsxUnit          Msg = "report_xlsx_unit"
	MsgReportXlsxMoney         Msg = "report_xlsx_money"
	MsgReportXlsxSigned        Msg = "report_xlsx_signed"
	MsgReportXlsxInvestment    Msg = "report_xlsx_investment"
	MsgReportXlsxUnpriced      Msg = "report_xlsx_unpriced"
	MsgReportXlsxBand          Msg = "report_xlsx_band"
	MsgReportXlsxProjects      Msg = "report_xlsx_projects"
	MsgReportXlsxDaysOut       Msg = "report_xlsx_days_out"
	MsgReportXlsxCompany       Msg = "report_xlsx_company"
	MsgReportXlsxSignedOn      Msg = "report_xlsx_signed_on"
	MsgReportXlsxAmountNote    Msg = "report_xlsx_amount_note"
	MsgReportXlsxNoProjects    Msg = "report_xlsx_no_projects"
	MsgReportXlsxWeek          Msg = "report_xlsx_week"
	MsgReportXlsxDays          Msg = "report_xlsx_days"
	MsgReportXlsxDone          Msg = "report_xlsx_done"
	MsgReportXlsxChartTitle    Msg = "report_xlsx_chart_title"
	MsgReportXlsxFileTitle     Msg = "report_xlsx_file_title"
)

// reportCatalog are the sentences of reports over a period (render_report.go), in both languages.
var reportCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgReportTitleMonth:       "%s report",
		MsgReportTitleQuarter:     "%s report",
		MsgReportTitleYear:        "%s annual report",
		MsgReportTitleDays:        "Report %s",
		MsgReportDates:            "Period %s to %s · made %s",
		MsgReportRunning:          " (the period is still running)",
		MsgReportJustEndedMonth:   "In a month's first %d days, the report is of the month just ended. This month so far: /plan report month",
		MsgReportJustEndedQuarter: "In a quarter's first %d days, the report is of the quarter just ended. This quarter so far: /plan report quarter",
		MsgReportJustEndedYear:    "In a year's first %d days, the report is of the year just ended. This year so far: /plan report year",
		MsgReportEmpty:            "No items in this period.",
		MsgReportTrips:            "Trips: %d/%d, %d days away in all",
		MsgReportNoSignings:       "No project signed",
		MsgReportNoAmount:         "no amount",
		MsgReportMemberNone:       "%s: no items in this period",
		MsgReportDaysOut:          "%d days away",
		MsgReportMemberSigned:     "%d signed, %s",
		MsgReportMemberSignedOnly: "%d signed",
		MsgReportTrend:            "Items done by week:",
		MsgReportWeek:             "W%d (%s)",
		MsgReportMore:             "…and %d more (the whole report: /plan report %s xlsx)",
		MsgReportFileSending:      "Making the Excel report of %s: it will be in your direct messages in a moment.",
		MsgReportFileConsole:      "The Excel report is sent in Slack or Feishu. Here, write it to a file: planbot report %s --format xlsx --out report.xlsx",
		MsgReportFileFailed:       "I could not send you the Excel report of %s (%s). Try again in a moment; if it says missing_scope, an admin must give planbot the files:write scope and reinstall it.",
		MsgReportFileFailedFeishu: "I could not send you the Excel report of %s (%s). Try again in a moment; if it names a permission, an admin must give planbot the im:resource scope (README, \"Run it in Feishu\").",

		MsgReportXlsxSummarySheet:  "Summary",
		MsgReportXlsxMembersSheet:  "Members",
		MsgReportXlsxProjectsSheet: "Signed projects",
		MsgReportXlsxTrendSheet:    "Trend",
		MsgReportXlsxUnit:          "Reporting unit: %s",
		MsgReportXlsxMoney:         "Signings",
		MsgReportXlsxSigned:        "Projects signed",
		MsgReportXlsxInvestment:    "Total investment (CNY 100 m)",
		MsgReportXlsxUnpriced:      "Signed without an amount in CNY",
		MsgReportXlsxBand:          "By size",
		MsgReportXlsxProjects:      "Projects",
		MsgReportXlsxDaysOut:       "Days away",
		MsgReportXlsxCompany:       "Company / project",
		MsgReportXlsxSignedOn:      "Signed on",
		MsgReportXlsxAmountNote:    "Amount as written",
		MsgReportXlsxNoProjects:    "No project signed in this period.",
		MsgReportXlsxWeek:          "Week",
		MsgReportXlsxDays:          "Days",
		MsgReportXlsxDone:          "Items done",
		MsgReportXlsxChartTitle:    "Items done by week",
		MsgReportXlsxFileTitle:     "planbot · %s",
	},
	planner.Chinese: {
		MsgReportTitleMonth:       "%s 月报",
		MsgReportTitleQuarter:     "%s 季报",
		MsgReportTitleYear:        "%s 年报",
		MsgReportTitleDays:        "%s 报表",
		MsgReportDates:            "统计期：%s 至 %s · 制表日期：%s",
		MsgReportRunning:          "（本期尚未结束）",
		MsgReportJustEndedMonth:   "每月前%d天的月报统计上个月；本月至今：/plan 报表 本月",
		MsgReportJustEndedQuarter: "每季度前%d天的季报统计上一季度；本季度至今：/plan 报表 本季度",
		MsgReportJustEndedYear:    "每年前%d天的年报统计上一年；今年至今：/plan 报表 今年",
		MsgReportEmpty:            "本期没有事项。",
		MsgReportTrips:            "出差：%d/%d 次，共外出 %d 人天",
		MsgReportNoSignings:       "签约项目0个",
		MsgReportNoAmount:         "未填金额",
		MsgReportMemberNone:       "%s：本期无事项",
		MsgReportDaysOut:          "外出%d天",
		MsgReportMemberSigned:     "签约%d个，%s",
		MsgReportMemberSignedOnly: "签约%d个",
		MsgReportTrend:            "各周完成事项：",
		MsgReportWeek:             "第%d周（%s）",
		MsgReportMore:             "……还有 %d 项（完整报表：/plan 报表 %s xlsx）",
		MsgReportFileSending:      "正在生成 %s 的 Excel 报表，稍后发到你的私信。",
		MsgReportFileConsole:      "Excel 报表在 Slack 或飞书里发送。这里请写入文件：planbot report %s --format xlsx --out report.xlsx",
		MsgReportFileFailed:       "没能把 %s 的 Excel 报表发给你（%s）。请稍后再试；如果提示 missing_scope，需要管理员为 planbot 添加 files:write 权限并重新安装。",
		MsgReportFileFailedFeishu: "没能把 %s 的 Excel 报表发给你（%s）。请稍后再试；如果提示缺少权限，需要管理员为 planbot 开通 im:resource 权限（见 README“Run it in Feishu”）。",

		MsgReportXlsxSummarySheet:  "汇总",
		MsgReportXlsxMembersSheet:  "成员",
		MsgReportXlsxProjectsSheet: "签约项目",
		MsgReportXlsxTrendSheet:    "趋势",
		MsgReportXlsxUnit:          "填报单位：%s",
		MsgReportXlsxMoney:         "签约情况",
		MsgReportXlsxSigned:        "签约项目（个）",
		MsgReportXlsxInvestment:    "总投资（亿元）",
		MsgReportXlsxUnpriced:      "其中未填人民币投资额（个）",
		MsgReportXlsxBand:          "按规模",
		MsgReportXlsxProjects:      "项目数（个）",
		MsgReportXlsxDaysOut:       "外出天数",
		MsgReportXlsxCompany:       "企业/项目",
		MsgReportXlsxSignedOn:      "签约日期",
		MsgReportXlsxAmountNote:    "填报金额",
		MsgReportXlsxNoProjects:    "本期无签约项目。",
		MsgReportXlsxWeek:          "周",
		MsgReportXlsxDays:          "日期",
		MsgReportXlsxDone:          "完成事项",
		MsgReportXlsxChartTitle:    "各周完成事项",
		MsgReportXlsxFileTitle:     "planbot · %s",
	},
}
