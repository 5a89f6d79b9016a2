package bot

import "planbot/planner"

// The sentences of targets and 完成率 (render_target.go).
const (
	MsgTargetHead    Msg = "target_head"
	MsgTargetTitle   Msg = "target_title"
	MsgTargetNone    Msg = "target_none"
	MsgTargetSet     Msg = "target_set"
	MsgTargetCleared Msg = "target_cleared"
	MsgTargetTeam    Msg = "target_team"
	MsgTargetLine    Msg = "target_line"
	MsgTargetYear    Msg = "target_year"
	MsgTargetQuarter Msg = "target_quarter"
	// The time gone of a year and of a quarter: under half, half or more,
	// all of it, none yet.
	MsgTargetYearTime        Msg = "target_year_time"
	MsgTargetYearHalf        Msg = "target_year_half"
	MsgTargetYearOver        Msg = "target_year_over"
	MsgTargetYearNotBegun    Msg = "target_year_not_begun"
	MsgTargetQuarterTime     Msg = "target_quarter_time"
	MsgTargetQuarterHalf     Msg = "target_quarter_half"
	MsgTargetQuarterOver     Msg = "target_quarter_over"
	MsgTargetQuarterNotBegun Msg = "target_quarter_not_begun"
	// The metrics' names, and how a count of each is written.
	MsgTargetSigned         Msg = "target_signed"
	MsgTargetSignedCount    Msg = "target_signed_count"
	MsgTargetAmount         Msg = "target_amount"
	MsgTargetVisits         Msg = "target_visits"
	MsgTargetVisitsCount    Msg = "target_visits_count"
	MsgTargetReceptions     Msg = "target_receptions"
	MsgTargetReceptionCount Msg = "target_reception_count"
	MsgTargetEvents         Msg = "target_events"
	MsgTargetEventCount     Msg = "target_event_count"
	MsgTargetTrips          Msg = "target_trips"
	MsgTargetFunds          Msg = "target_funds"
	MsgTargetTrainings      Msg = "target_trainings"
	MsgTargetReviews        Msg = "target_reviews"
	MsgTargetMeetings       Msg = "target_meetings"
	MsgTargetTimesCount     Msg = "target_times_count"
)

// targetCatalog are the sentences of targets and 完成率 (render_target.go), in
// both languages: "签约额 完成 62%（62亿元/100亿元），时间过半 54%", as
// government reports set a target's 完成率 beside its 时间进度.
var targetCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgTargetHead:    "Targets",
		MsgTargetTitle:   "Targets as of %s",
		MsgTargetNone:    "No targets for %s yet. An admin sets them: /plan setup target %d signed 20 amount CNY 10 bn visits 400",
		MsgTargetSet:     "Targets of %s updated (%s).",
		MsgTargetCleared: "Targets of %s cleared (%s).",
		MsgTargetTeam:    "the team",
		MsgTargetLine:    "%s %s: %d%% done (%s of %s), %s",
		MsgTargetYear:    "%d",
		MsgTargetQuarter: "%d Q%s",

		MsgTargetYearTime:        "%d%% of the year gone",
		MsgTargetYearHalf:        "%d%% of the year gone",
		MsgTargetYearOver:        "the year is over",
		MsgTargetYearNotBegun:    "the year has not begun",
		MsgTargetQuarterTime:     "%d%% of the quarter gone",
		MsgTargetQuarterHalf:     "%d%% of the quarter gone",
		MsgTargetQuarterOver:     "the quarter is over",
		MsgTargetQuarterNotBegun: "the quarter has not begun",

		MsgTargetSigned:         "Signed projects",
		MsgTargetSignedCount:    "%d",
		MsgTargetAmount:         "Signed amount",
		MsgTargetVisits:         "Enterprises visited",
		MsgTargetVisitsCount:    "%d",
		MsgTargetReceptions:     "Receptions",
		MsgTargetReceptionCount: "%d",
		MsgTargetEvents:         "Events",
		MsgTargetEventCount:     "%d",
		MsgTargetTrips:          "Trips",
		MsgTargetFunds:          "Fund meetings",
		MsgTargetTrainings:      "Trainings",
		MsgTargetReviews:        "Reviews",
		MsgTargetMeetings:       "Meetings",
		MsgTargetTimesCount:     "%d",
	},
	planner.Chinese: {
		MsgTargetHead:    "目标完成率",
		MsgTargetTitle:   "目标完成率（截至%s）",
		MsgTargetNone:    "%s还没有目标。管理员设置：/plan 设置 目标 %d 签约项目 20个 签约额 100亿元 拜访 400家",
		MsgTargetSet:     "已更新%s目标（%s）。",
		MsgTargetCleared: "已清除%s目标（%s）。",
		MsgTargetTeam:    "团队",
		MsgTargetLine:    "%s %s 完成 %d%%（%s/%s），%s",
		MsgTargetYear:    "%d年",
		MsgTargetQuarter: "%d年第%s季度",

		MsgTargetYearTime:        "时间进度 %d%%",
		MsgTargetYearHalf:        "时间过半 %d%%",
		MsgTargetYearOver:        "全年已结束",
		MsgTargetYearNotBegun:    "年度尚未开始",
		MsgTargetQuarterTime:     "时间进度 %d%%",
		MsgTargetQuarterHalf:     "时间过半 %d%%",
		MsgTargetQuarterOver:     "季度已结束",
		MsgTargetQuarterNotBegun: "季度尚未开始",

		MsgTargetSigned:         "签约项目",
		MsgTargetSignedCount:    "%d个",
		MsgTargetAmount:         "签约额",
		MsgTargetVisits:         "拜访企业",
		MsgTargetVisitsCount:    "%d家",
		MsgTargetReceptions:     "接待",
		MsgTargetReceptionCount: "%d批",
		MsgTargetEvents:         "活动",
		MsgTargetEventCount:     "%d场",
		MsgTargetTrips:          "出差",
		MsgTargetFunds:          "基金对接",
		MsgTargetTrainings:      "培训",
		MsgTargetReviews:        "复盘",
		MsgTargetMeetings:       "会议",
		MsgTargetTimesCount:     "%d次",
	},
}
