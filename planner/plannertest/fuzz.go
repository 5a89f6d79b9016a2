package plannertest

import "planbot/planner"

// WeekLines are the seed week, in English and Chinese, and the
// commands people run on it, as /plan text. The first SeedWeekLen of them
// add the week's items.
var WeekLines = []string{
	"tue visit 4 enterprises", "thu-fri trip to Beijing", "周二 对接4家企业", "周三 对接基金公司开展以商引商",
	"周四至周五 出差北京", "周末 回常总结复盘", "sun 参加招商培训", "team meeting tomorrow",
	"done 1 2 of 4 interested", "完成 3 两家有意向", "cancel 2 client postponed", "move 1 next wed", "改期 3 下周三",
	"edit 1 fri visit 5 enterprises", "修改 3 周五 对接5家企业", "note Two companies want a second visit.", "心得：两家企业有意向",
	"week", "本周", "team last", "团队 上周", "history 1", "历史 #3", "digest", "周报 2025-W47", "export", "导出 2025-W47",
	"lang zh", "语言 en", "help", "帮助", "new", "remind off", "setup tz Asia/Shanghai", "setup digest sun 18:00",
	"digest post", "周报 发布 强制",
}

// SeedWeekLen is how many of WeekLines add the seed week's items: a fuzz
// database starts with them, so that ids name real items.
const SeedWeekLen = 7

// FuzzSeeds are the seeds of the fuzz targets that answer any /plan line:
// the hostile lines given (each package reads bot's hostile table its own
// way), lines about leads and the Excel export, and WeekLines.
func FuzzSeeds(hostile []string) []string {
	out := append([]string(nil), hostile...)
	out = append(out, "lead 常诚车业 签约 年产150万套车灯项目", `lead "<!channel> Co" signed`, "leads mine",
		"tue visit [<!here>]", "线索 【常诚车业】 在谈", "export xlsx last", "导出 表格")
	return append(out, WeekLines...)
}

// FuzzActors are who the fuzzers type as: members of two teams (TF1, TF2,
// apart from the other fixtures' T1 and T2) and an admin.
var FuzzActors = []planner.Actor{
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"},
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U2", UserName: "Bob"},
	{TeamID: "TF1", TeamName: "招商一组", UserID: "U9", UserName: "Boss", Admin: true},
	{TeamID: "TF2", TeamName: "招商二组", UserID: "U1", UserName: "Eve"},
}
