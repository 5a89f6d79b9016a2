package bot

import (
	"fmt"
	"maps"
	"strings"

	"planbot/planner"
)

// Msg names a sentence planbot says; each language's catalog has every Msg.
type Msg string

// The sentences of the catalogs.
const (
	MsgAdded           Msg = "added"
	MsgAddedMany       Msg = "added_many"
	MsgYourWeek        Msg = "your_week"
	MsgTeamWeek        Msg = "team_week"
	MsgTeamWeekUnnamed Msg = "team_week_unnamed"
	MsgNothing         Msg = "nothing"
	MsgWeekEmpty       Msg = "week_empty"
	MsgDone            Msg = "done"
	MsgCancelled       Msg = "cancelled"
	MsgMoved           Msg = "moved"
	MsgEdited          Msg = "edited"
	MsgNoteSaved       Msg = "note_saved"
	MsgNoteShow        Msg = "note_show"
	MsgNoteNone        Msg = "note_none"
	MsgLangSet         Msg = "lang_set"
	MsgDigestMembers   Msg = "digest_members"
	MsgDigestMember    Msg = "digest_member"
	MsgDigestNote      Msg = "digest_note"
	MsgDigestSilent    Msg = "digest_silent"
	MsgDigestEmpty     Msg = "digest_empty"
	MsgExportTitle     Msg = "export_title"
	MsgHelp            Msg = "help"
	MsgTryAdd          Msg = "try_add"
	MsgHistoryTitle    Msg = "history_title"
	MsgSetupChannel    Msg = "setup_channel"
	MsgSetupDone       Msg = "setup_done"
	MsgDefault         Msg = "default"
	MsgNotSet          Msg = "not_set"
	MsgNewForm         Msg = "new_form"
	MsgMore            Msg = "more"
	MsgSetupHello      Msg = "setup_hello"
	MsgHomeTeam        Msg = "home_team"
	MsgHomeHelp        Msg = "home_help"
	MsgFormOpening     Msg = "form_opening"
	MsgPosting         Msg = "posting"
	MsgPosted          Msg = "posted"
	MsgScheduleView    Msg = "schedule_view"
	MsgScheduleOff     Msg = "schedule_off"
	MsgRemindOff       Msg = "remind_off"
	MsgRemindOn        Msg = "remind_on"
	MsgRemindPlan      Msg = "remind_plan"
	MsgRemindPlanOpen  Msg = "remind_plan_open"
	MsgRemindLog       Msg = "remind_log"
	MsgFormTitle       Msg = "form_title"
	MsgFormSubmit      Msg = "form_submit"
	MsgFormClose       Msg = "form_close"
	MsgFormWhat        Msg = "form_what"
	MsgFormTitleHint   Msg = "form_title_hint"
	MsgFormStart       Msg = "form_start"
	MsgFormEnd         Msg = "form_end"
	MsgFormKind        Msg = "form_kind"
	MsgFormCount       Msg = "form_count"
	MsgFormPlace       Msg = "form_place"
	MsgSetupInvite     Msg = "setup_invite"
	MsgSetupReady      Msg = "setup_ready"
	MsgSetupPartial    Msg = "setup_partial"
	MsgButtonDone      Msg = "button_done"
	MsgButtonUndo      Msg = "button_undo"
	MsgButtonCancel    Msg = "button_cancel"
	MsgForgotten       Msg = "forgotten"
	// The Excel report (bot/report, and the Slack adapter's upload).
	MsgExportUploading Msg = "export_uploading"
	MsgExportConsole   Msg = "export_console"
	MsgExportFailed    Msg = "export_failed"
	// Slack too slow or rate-limited (the Slack adapter: app.go, setup.go).
	MsgAdminUnchecked Msg = "admin_unchecked"
	MsgPostFailed     Msg = "post_failed"
	MsgSetupSlow      Msg = "setup_slow"
	MsgFormFailed     Msg = "form_failed"
)

// The words of the files: the Excel report's sheets, titles and headers
// (bot/report/xlsx*.go), and the chart's (bot/report/chart*.go; months as a
// space-separated list).
const (
	MsgXlsxBoardSheet    Msg = "xlsx_board_sheet"
	MsgXlsxSummarySheet  Msg = "xlsx_summary_sheet"
	MsgXlsxPipelineSheet Msg = "xlsx_pipeline_sheet"
	MsgXlsxBoardTitle    Msg = "xlsx_board_title"
	MsgXlsxSummaryTitle  Msg = "xlsx_summary_title"
	MsgXlsxPipelineTitle Msg = "xlsx_pipeline_title"
	MsgXlsxFileTitle     Msg = "xlsx_file_title"
	MsgXlsxLegend        Msg = "xlsx_legend"
	MsgXlsxMember        Msg = "xlsx_member"
	MsgXlsxKind          Msg = "xlsx_kind"
	MsgXlsxPlannedItems  Msg = "xlsx_planned_items"
	MsgXlsxDoneItems     Msg = "xlsx_done_items"
	MsgXlsxPlannedCount  Msg = "xlsx_planned_count"
	MsgXlsxDoneCount     Msg = "xlsx_done_count"
	MsgXlsxCompletion    Msg = "xlsx_completion"
	MsgXlsxNote          Msg = "xlsx_note"
	MsgXlsxTotal         Msg = "xlsx_total"
	MsgXlsxLastWeek      Msg = "xlsx_last_week"
	MsgXlsxNoMember      Msg = "xlsx_no_member"
	MsgXlsxEnterprises   Msg = "xlsx_enterprises"
	MsgXlsxCompany       Msg = "xlsx_company"
	MsgXlsxStage         Msg = "xlsx_stage"
	MsgXlsxOwner         Msg = "xlsx_owner"
	MsgXlsxLastContact   Msg = "xlsx_last_contact"
	MsgXlsxNext          Msg = "xlsx_next"
	MsgXlsxNotes         Msg = "xlsx_notes"
	MsgXlsxNoCompanies   Msg = "xlsx_no_companies"
	MsgChartMembersTitle Msg = "chart_members_title"
	MsgChartMembersCut   Msg = "chart_members_cut"
	MsgChartPlanned      Msg = "chart_planned"
	MsgChartDone         Msg = "chart_done"
	MsgChartVisitsTitle  Msg = "chart_visits_title"
	MsgChartVisits       Msg = "chart_visits"
	MsgChartWeekOf       Msg = "chart_week_of"
	MsgChartMonths       Msg = "chart_months"
	MsgChartTitle        Msg = "chart_title"
	MsgChartAltText      Msg = "chart_alt_text"
)

// The sentences of the Feishu adapter (bot/feishu).
const (
	MsgFeishuSetupReady   Msg = "feishu_setup_ready"
	MsgFeishuSetupPartial Msg = "feishu_setup_partial"
	MsgFeishuPosted       Msg = "feishu_posted"
	MsgFeishuThisGroup    Msg = "feishu_this_group"
	MsgFeishuTeamGroup    Msg = "feishu_team_group"
	MsgFeishuExportFailed Msg = "feishu_export_failed"
)

// The sentences of the company pipeline (render_pipeline.go, render_retro.go).
const (
	MsgLeadCreated       Msg = "lead_created"
	MsgLeadMoved         Msg = "lead_moved"
	MsgLeadNoted         Msg = "lead_noted"
	MsgLeadHead          Msg = "lead_head"
	MsgLeadStages        Msg = "lead_stages"
	MsgLeadItems         Msg = "lead_items"
	MsgLeadNoItems       Msg = "lead_no_items"
	MsgPipelineTitle     Msg = "pipeline_title"
	MsgPipelineEmpty     Msg = "pipeline_empty"
	MsgLastContact       Msg = "last_contact"
	MsgNextItem          Msg = "next_item"
	MsgNoOwner           Msg = "no_owner"
	MsgUnlinked          Msg = "unlinked"
	MsgPipelineNoneMine  Msg = "pipeline_none_mine"
	MsgPipelineNoneAt    Msg = "pipeline_none_at"
	MsgLeadMovedBack     Msg = "lead_moved_back"
	MsgRetroPipeline     Msg = "retro_pipeline"
	MsgRetroPipelineNone Msg = "retro_pipeline_none"
	MsgRetroStageCounts  Msg = "retro_stage_counts"
	MsgRetroUntouched    Msg = "retro_untouched"
	MsgRetroCollision    Msg = "retro_collision"
)

// The sentences of the weekly retrospective (render_retro.go).
const (
	MsgRetroTitle      Msg = "retro_title"
	MsgRetroLate       Msg = "retro_late"
	MsgRetroRate       Msg = "retro_rate"
	MsgRetroUp         Msg = "retro_up"
	MsgRetroDown       Msg = "retro_down"
	MsgRetroSame       Msg = "retro_same"
	MsgRetroPoint      Msg = "retro_point"
	MsgRetroPoints     Msg = "retro_points"
	MsgRetroNoPrevious Msg = "retro_no_previous"
	MsgRetroTotals     Msg = "retro_totals"
	MsgRetroVisits     Msg = "retro_visits"
	MsgRetroFunds      Msg = "retro_funds"
	MsgRetroSignings   Msg = "retro_signings"
	MsgRetroTrips      Msg = "retro_trips"
	MsgRetroTripDays   Msg = "retro_trip_days"
	MsgRetroTripsHead  Msg = "retro_trips_head"
	MsgRetroTrainings  Msg = "retro_trainings"
	MsgRetroReviews    Msg = "retro_reviews"
	MsgRetroMeetings   Msg = "retro_meetings"
	MsgRetroOthers     Msg = "retro_others"
	MsgRetroDay        Msg = "retro_day"
	MsgRetroDays       Msg = "retro_days"
	MsgRetroNoPlace    Msg = "retro_no_place"
	MsgRetroNoItems    Msg = "retro_no_items"
	MsgRetroCarried    Msg = "retro_carried"
	MsgRetroNext       Msg = "retro_next"
	MsgRetroNextEntry  Msg = "retro_next_entry"
	MsgRetroNextNone   Msg = "retro_next_none"
	MsgRetroThread     Msg = "retro_thread"
)

// The sentences of the kinds reception, event and leave in the retrospective
// (render_retro.go).
const (
	MsgRetroReceptions  Msg = "retro_receptions"
	MsgRetroEvents      Msg = "retro_events"
	MsgRetroLeaves      Msg = "retro_leaves"
	MsgRetroOnLeave     Msg = "retro_on_leave"
	MsgRetroMemberLeave Msg = "retro_member_leave"
	MsgVisitsOfTrip     Msg = "visits_of_trip"
)

// errorMsgs are the explanations of planner's error reasons, each with an example.
var errorMsgs = map[planner.Lang]map[planner.Reason]string{
	planner.English: englishErrors,
	planner.Chinese: chineseErrors,
}

// featureCatalogs are the sentences of the measures of 招商 (money, targets,
// period reports, the activity index, deadlines, the forwardable workbook),
// each feature's in its own file with both languages side by side.
var featureCatalogs = []map[planner.Lang]map[Msg]string{
	moneyCatalog, targetCatalog, reportCatalog, indexCatalog, dueCatalog, workbookCatalog,
	monthCatalog,
	horizonCatalog,
	textviewCatalog,
	chartxlCatalog,
	peopleCatalog,
	aliasCatalog,
}

// catalogs are every sentence by language: the core's and the features'.
var catalogs = map[planner.Lang]map[Msg]string{
	planner.English: mergedCatalog(english, planner.English),
	planner.Chinese: mergedCatalog(chinese, planner.Chinese),
}

// mergedCatalog returns core with every feature's sentences in lang.
func mergedCatalog(core map[Msg]string, lang planner.Lang) map[Msg]string {
	all := maps.Clone(core)
	for _, c := range featureCatalogs {
		maps.Copy(all, c[lang])
	}
	return all
}

// stageNames are the pipeline's stages as each language names them.
var stageNames = map[planner.Lang]map[planner.Stage]string{
	planner.English: {
		planner.StageLead: "lead", planner.StageContacted: "contacted", planner.StageNegotiating: "negotiating",
		planner.StageSigned: "signed", planner.StageLanded: "landed", planner.StageConstruction: "construction",
		planner.StageProduction: "production", planner.StageOnHold: "on hold", planner.StageLost: "lost",
	},
	planner.Chinese: {
		planner.StageLead: "线索", planner.StageContacted: "已对接", planner.StageNegotiating: "在谈",
		planner.StageSigned: "签约", planner.StageLanded: "落地", planner.StageConstruction: "开工",
		planner.StageProduction: "投产", planner.StageOnHold: "暂停", planner.StageLost: "流失",
	},
}

// kindNames are the kinds as each language names them.
var kindNames = map[planner.Lang]map[planner.Kind]string{
	planner.English: englishKinds,
	planner.Chinese: chineseKinds,
}

// Say formats sentence m in lang.
func Say(lang planner.Lang, m Msg, args ...any) string {
	return fmt.Sprintf(catalogs[lang][m], args...)
}

// Sentence returns sentence m in lang as the catalog has it, its verbs not
// yet filled in: for a renderer that formats it later.
func Sentence(lang planner.Lang, m Msg) string { return catalogs[lang][m] }

// usages are examples of each command that takes arguments, by language.
var usages = map[planner.Lang]map[Verb]string{
	planner.English: {
		VerbDone: "/plan done 3 2 of 4 interested", VerbCancel: "/plan cancel 3 client postponed",
		VerbMove: "/plan move 3 next wed", VerbEdit: "/plan edit 3 fri visit 5 enterprises", VerbHistory: "/plan history 3",
	},
	planner.Chinese: {
		VerbDone: "/plan 完成 3 两家有意向", VerbCancel: "/plan 取消 3 客户改期",
		VerbMove: "/plan 改期 3 下周三", VerbEdit: "/plan 修改 3 周五 对接5家企业", VerbHistory: "/plan 历史 3",
	},
}

// Explain returns the explanation of err in lang, with an example of the right form.
func Explain(lang planner.Lang, err error) string { return explain(lang, planner.ErrorOf(err)) }

// explain returns the explanation of err in lang, with an example of the right form.
func explain(lang planner.Lang, err *planner.Error) string {
	text, ok := errorMsgs[lang][err.Reason]
	if !ok {
		text = errorMsgs[lang][planner.ReasonInternalFail]
	}
	if !strings.Contains(text, "%") {
		return text
	}
	detail := err.Detail
	if err.Reason == planner.ReasonSameStage {
		detail = stageNames[lang][planner.Stage(detail)]
	}
	if err.Reason == planner.ReasonUsage {
		detail = usages[lang][Verb(detail)]
	}
	return fmt.Sprintf(text, detail)
}

// otherLang returns the language that is not lang.
func otherLang(lang planner.Lang) planner.Lang {
	if lang == planner.Chinese {
		return planner.English
	}
	return planner.Chinese
}
