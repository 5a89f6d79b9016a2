package report

import (
	"planbot/bot"
	"planbot/planner"
)

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
	amount                                          string // the pipeline's amounts' header, in 亿元

	block      string // the title block: unit, first and last day, week, the day it was made
	noName     string // a team with no name yet
	unnamed    string // a member with no name yet, by number
	pageFooter string // the page's number, in Excel's codes
}

// labelsFor returns the report's words in lang (English when the catalog
// has no such language), from the message catalog.
func labelsFor(lang planner.Lang) xlsxLabels {
	lang = reportLang(lang)
	return xlsxLabels{
		boardSheet:    bot.Sentence(lang, bot.MsgXlsxBoardSheet),
		summarySheet:  bot.Sentence(lang, bot.MsgXlsxSummarySheet),
		pipelineSheet: bot.Sentence(lang, bot.MsgXlsxPipelineSheet),
		boardTitle:    bot.Sentence(lang, bot.MsgXlsxBoardTitle),
		summaryTitle:  bot.Sentence(lang, bot.MsgXlsxSummaryTitle),
		pipelineTitle: bot.Sentence(lang, bot.MsgXlsxPipelineTitle),
		fileTitle:     bot.Sentence(lang, bot.MsgXlsxFileTitle),
		legend:        bot.Sentence(lang, bot.MsgXlsxLegend),
		member:        bot.Sentence(lang, bot.MsgXlsxMember),
		kind:          bot.Sentence(lang, bot.MsgXlsxKind),
		plannedItems:  bot.Sentence(lang, bot.MsgXlsxPlannedItems),
		doneItems:     bot.Sentence(lang, bot.MsgXlsxDoneItems),
		plannedCount:  bot.Sentence(lang, bot.MsgXlsxPlannedCount),
		doneCount:     bot.Sentence(lang, bot.MsgXlsxDoneCount),
		completion:    bot.Sentence(lang, bot.MsgXlsxCompletion),
		note:          bot.Sentence(lang, bot.MsgXlsxNote),
		total:         bot.Sentence(lang, bot.MsgXlsxTotal),
		lastWeek:      bot.Sentence(lang, bot.MsgXlsxLastWeek),
		noMember:      bot.Sentence(lang, bot.MsgXlsxNoMember),
		enterprises:   bot.Sentence(lang, bot.MsgXlsxEnterprises),
		company:       bot.Sentence(lang, bot.MsgXlsxCompany),
		stage:         bot.Sentence(lang, bot.MsgXlsxStage),
		owner:         bot.Sentence(lang, bot.MsgXlsxOwner),
		lastContact:   bot.Sentence(lang, bot.MsgXlsxLastContact),
		next:          bot.Sentence(lang, bot.MsgXlsxNext),
		notes:         bot.Sentence(lang, bot.MsgXlsxNotes),
		noCompanies:   bot.Sentence(lang, bot.MsgXlsxNoCompanies),
		amount:        bot.Sentence(lang, bot.MsgWorkbookAmount),
		block:         bot.Sentence(lang, bot.MsgWorkbookBlock),
		noName:        bot.Sentence(lang, bot.MsgWorkbookNoName),
		unnamed:       bot.Sentence(lang, bot.MsgWorkbookUnnamed),
		pageFooter:    bot.Sentence(lang, bot.MsgWorkbookPageFooter),
	}
}
