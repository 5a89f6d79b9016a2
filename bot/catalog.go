package bot

import (
	"fmt"
	"strings"

	"planbot/planner"
)

// msg names a sentence planbot says; each language's catalog has every msg.
type msg string

// The sentences of the catalogs.
const (
	msgAdded          msg = "added"
	msgAddedMany      msg = "added_many"
	msgYourWeek       msg = "your_week"
	msgTeamWeek       msg = "team_week"
	msgNothing        msg = "nothing"
	msgWeekEmpty      msg = "week_empty"
	msgDone           msg = "done"
	msgCancelled      msg = "cancelled"
	msgMoved          msg = "moved"
	msgEdited         msg = "edited"
	msgNoteSaved      msg = "note_saved"
	msgNoteShow       msg = "note_show"
	msgNoteNone       msg = "note_none"
	msgLangSet        msg = "lang_set"
	msgDigestMembers  msg = "digest_members"
	msgDigestMember   msg = "digest_member"
	msgDigestNote     msg = "digest_note"
	msgDigestSilent   msg = "digest_silent"
	msgDigestEmpty    msg = "digest_empty"
	msgExportTitle    msg = "export_title"
	msgHelp           msg = "help"
	msgTryAdd         msg = "try_add"
	msgHistoryTitle   msg = "history_title"
	msgSetupChannel   msg = "setup_channel"
	msgSetupDone      msg = "setup_done"
	msgDefault        msg = "default"
	msgNotSet         msg = "not_set"
	msgNewForm        msg = "new_form"
	msgMore           msg = "more"
	msgSetupHello     msg = "setup_hello"
	msgHomeTeam       msg = "home_team"
	msgHomeHelp       msg = "home_help"
	msgFormOpening    msg = "form_opening"
	msgPosting        msg = "posting"
	msgPosted         msg = "posted"
	msgScheduleView   msg = "schedule_view"
	msgScheduleOff    msg = "schedule_off"
	msgRemindOff      msg = "remind_off"
	msgRemindOn       msg = "remind_on"
	msgRemindPlan     msg = "remind_plan"
	msgRemindPlanOpen msg = "remind_plan_open"
	msgRemindLog      msg = "remind_log"
	msgFormTitle      msg = "form_title"
	msgFormSubmit     msg = "form_submit"
	msgFormClose      msg = "form_close"
	msgFormWhat       msg = "form_what"
	msgFormTitleHint  msg = "form_title_hint"
	msgFormStart      msg = "form_start"
	msgFormEnd        msg = "form_end"
	msgFormKind       msg = "form_kind"
	msgFormCount      msg = "form_count"
	msgFormPlace      msg = "form_place"
	msgSetupInvite    msg = "setup_invite"
	msgSetupReady     msg = "setup_ready"
	msgSetupPartial   msg = "setup_partial"
	msgButtonDone     msg = "button_done"
	msgButtonUndo     msg = "button_undo"
	msgButtonCancel   msg = "button_cancel"
	msgForgotten      msg = "forgotten"
	// The Excel report (export_xlsx.go, slack_upload.go).
	msgExportUploading msg = "export_uploading"
	msgExportConsole   msg = "export_console"
	msgExportFailed    msg = "export_failed"
	// Slack too slow or rate-limited (slack_app.go, slack_setup.go).
	msgAdminUnchecked msg = "admin_unchecked"
	msgPostFailed     msg = "post_failed"
	msgSetupSlow      msg = "setup_slow"
	msgFormFailed     msg = "form_failed"
)

// The sentences of the company pipeline (render_pipeline.go, render_retro.go).
const (
	msgLeadCreated       msg = "lead_created"
	msgLeadMoved         msg = "lead_moved"
	msgLeadNoted         msg = "lead_noted"
	msgLeadHead          msg = "lead_head"
	msgLeadStages        msg = "lead_stages"
	msgLeadItems         msg = "lead_items"
	msgLeadNoItems       msg = "lead_no_items"
	msgPipelineTitle     msg = "pipeline_title"
	msgPipelineEmpty     msg = "pipeline_empty"
	msgLastContact       msg = "last_contact"
	msgNextItem          msg = "next_item"
	msgNoOwner           msg = "no_owner"
	msgUnlinked          msg = "unlinked"
	msgPipelineNoneMine  msg = "pipeline_none_mine"
	msgPipelineNoneAt    msg = "pipeline_none_at"
	msgLeadMovedBack     msg = "lead_moved_back"
	msgRetroPipeline     msg = "retro_pipeline"
	msgRetroPipelineNone msg = "retro_pipeline_none"
	msgRetroStageCounts  msg = "retro_stage_counts"
	msgRetroUntouched    msg = "retro_untouched"
	msgRetroCollision    msg = "retro_collision"
)

// The sentences of the weekly retrospective (render_retro.go).
const (
	msgRetroTitle      msg = "retro_title"
	msgRetroLate       msg = "retro_late"
	msgRetroRate       msg = "retro_rate"
	msgRetroUp         msg = "retro_up"
	msgRetroDown       msg = "retro_down"
	msgRetroSame       msg = "retro_same"
	msgRetroPoint      msg = "retro_point"
	msgRetroPoints     msg = "retro_points"
	msgRetroNoPrevious msg = "retro_no_previous"
	msgRetroTotals     msg = "retro_totals"
	msgRetroVisits     msg = "retro_visits"
	msgRetroFunds      msg = "retro_funds"
	msgRetroSignings   msg = "retro_signings"
	msgRetroTrips      msg = "retro_trips"
	msgRetroTripDays   msg = "retro_trip_days"
	msgRetroTripsHead  msg = "retro_trips_head"
	msgRetroTrainings  msg = "retro_trainings"
	msgRetroReviews    msg = "retro_reviews"
	msgRetroMeetings   msg = "retro_meetings"
	msgRetroOthers     msg = "retro_others"
	msgRetroDay        msg = "retro_day"
	msgRetroDays       msg = "retro_days"
	msgRetroNoPlace    msg = "retro_no_place"
	msgRetroNoItems    msg = "retro_no_items"
	msgRetroCarried    msg = "retro_carried"
	msgRetroNext       msg = "retro_next"
	msgRetroNextEntry  msg = "retro_next_entry"
	msgRetroNextNone   msg = "retro_next_none"
	msgRetroThread     msg = "retro_thread"
)

// The sentences of the kinds reception, event and leave in the retrospective
// (render_retro.go).
const (
	msgRetroReceptions  msg = "retro_receptions"
	msgRetroEvents      msg = "retro_events"
	msgRetroLeaves      msg = "retro_leaves"
	msgRetroOnLeave     msg = "retro_on_leave"
	msgRetroMemberLeave msg = "retro_member_leave"
	msgVisitsOfTrip     msg = "visits_of_trip"
)

// errorMsgs are the explanations of planner's error reasons, each with an example.
var errorMsgs = map[planner.Lang]map[planner.Reason]string{
	planner.English: englishErrors,
	planner.Chinese: chineseErrors,
}

var catalogs = map[planner.Lang]map[msg]string{
	planner.English: english,
	planner.Chinese: chinese,
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

// say formats sentence m in lang.
func say(lang planner.Lang, m msg, args ...any) string {
	return fmt.Sprintf(catalogs[lang][m], args...)
}

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

// other returns the language that is not lang.
func other(lang planner.Lang) planner.Lang {
	if lang == planner.Chinese {
		return planner.English
	}
	return planner.Chinese
}
