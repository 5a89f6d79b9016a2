package report

import (
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// teamWeekUnit is the reporting unit of teamWeek.
const teamWeekUnit = "武进区招商局"

// teamWeekMade is the day teamWeek's report is made.
const teamWeekMade = "2025-11-24"

// teamWeekIDs are the user ids of teamWeek's members: none may show in the
// report, which names them. The last member has no name yet.
var teamWeekIDs = []string{
	"U07ZHANGWEI", "U07LINA", "U07WANGFANG", "U07LIUYANG", "U07CHENJING",
	"U07ZHAOLEI", "U07SUNLI", "U07ANNLEE", "U07ZHOUJIE", "ou_9f3c2a7b5e1d",
}

// teamWeekNames are their names ("" for the one without a name yet).
var teamWeekNames = []string{"张伟", "李娜", "王芳", "刘洋", "陈静", "赵磊", "孙丽", "Ann Lee", "周杰", ""}

// teamWeek is a week of a team of ten, as a lead forwards it: 2025-W47 of
// 武进区招商局, each member with three to six items — visits, trips over
// several days, receptions, events, a signing, a leave — most with what came
// of them, a note from most, and a pipeline of eight companies with amounts,
// one in dollars and one whose owner left the team.
func teamWeek(t *testing.T, lang planner.Lang) WeekReport {
	t.Helper()
	var members []planner.Member
	for i, id := range teamWeekIDs {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: teamWeekNames[i]})
	}
	var items []planner.Item
	add := func(m int, start, end string, kind planner.Kind, count int, title string, status planner.Status, outcome string) {
		items = append(items, reportItem(t, int64(len(items)+1), teamWeekIDs[m], teamWeekNames[m], start, end, kind, count, title, status, outcome))
	}
	const (
		planned   = planner.StatusPlanned
		done      = planner.StatusDone
		cancelled = planner.StatusCancelled
	)
	add(0, "2025-11-17", "2025-11-17", planner.KindMeeting, 1, "周一招商例会 部署本周重点项目", done, "")
	add(0, "2025-11-18", "2025-11-20", planner.KindTrip, 1, "出差深圳 拜访新能源汽车零部件企业", done, "3家有投资意向，1家约下月来常考察")
	add(0, "2025-11-21", "2025-11-21", planner.KindSigning, 1, "签约【常诚车业】 总投资12亿元", done, "正式签约")
	add(1, "2025-11-17", "2025-11-17", planner.KindVisit, 3, "走访武进高新区3家企业 了解增资扩产需求", done, "2家有增资计划")
	add(1, "2025-11-19", "2025-11-19", planner.KindReception, 1, "接待上海客商考察团 参观西太湖科技产业园", done, "对方认可园区配套")
	add(1, "2025-11-20", "2025-11-20", planner.KindFund, 1, "对接基金公司开展以商引商", cancelled, "对方改期")
	add(1, "2025-11-21", "2025-11-21", planner.KindVisit, 2, "拜访2家智能制造企业", planned, "")
	add(2, "2025-11-13", "2025-11-17", planner.KindTrip, 1, "出差上海 参加进博会配套活动", done, "收集线索6条")
	add(2, "2025-11-18", "2025-11-18", planner.KindVisit, 4, "对接4家企业", done, "")
	add(2, "2025-11-20", "2025-11-20", planner.KindEvent, 1, "举办长三角招商推介会", done, "到会企业42家，意向项目5个")
	add(2, "2025-11-22", "2025-11-23", planner.KindReview, 1, "回常总结复盘", planned, "")
	add(3, "2025-11-17", "2025-11-21", planner.KindLeave, 1, "年假", planned, "")
	add(4, "2025-11-17", "2025-11-18", planner.KindTrip, 1, "出差北京 拜访央企区域总部", done, "与1家央企达成合作框架")
	add(4, "2025-11-19", "2025-11-19", planner.KindMeeting, 1, "项目会商 常诚车业二期用地", done, "")
	add(4, "2025-11-20", "2025-11-20", planner.KindVisit, 2, "拜访2家医疗器械企业", planned, "")
	add(4, "2025-11-21", "2025-11-21", planner.KindTraining, 1, "参加全省招商业务培训", done, "")
	add(5, "2025-11-18", "2025-11-18", planner.KindVisit, 5, "走访5家在谈项目企业 推进签约", done, "2家本月可签")
	add(5, "2025-11-19", "2025-11-21", planner.KindTrip, 1, "出差苏州、无锡 拜访半导体企业", planned, "")
	add(5, "2025-11-22", "2025-11-22", planner.KindOther, 1, "整理项目库 更新在谈项目进度", done, "")
	add(6, "2025-11-17", "2025-11-17", planner.KindReception, 1, "接待德国客商 参观武进国家高新区", done, "对方有意设立华东研发中心")
	add(6, "2025-11-19", "2025-11-19", planner.KindVisit, 3, "拜访3家外资企业 了解增资需求", done, "1家确认增资5000万美元")
	add(6, "2025-11-20", "2025-11-20", planner.KindEvent, 1, "参加中德合作交流会", planned, "")
	add(7, "2025-11-17", "2025-11-17", planner.KindVisit, 2, "visit 2 enterprises in the high-tech zone", done, "both interested")
	add(7, "2025-11-18", "2025-11-19", planner.KindTrip, 1, "trip to Hong Kong: meet two investment funds", done, "one fund will visit in December")
	add(7, "2025-11-21", "2025-11-21", planner.KindFund, 1, "follow up the fund's term sheet", planned, "")
	add(8, "2025-11-18", "2025-11-18", planner.KindVisit, 3, "对接3家新材料企业", done, "")
	add(8, "2025-11-20", "2025-11-21", planner.KindTrip, 1, "出差杭州 拜访数字经济企业", cancelled, "企业负责人出国")
	add(8, "2025-11-21", "2025-11-21", planner.KindMeeting, 1, "参加区招商工作推进会", done, "")
	add(9, "2025-11-18", "2025-11-18", planner.KindVisit, 1, "拜访1家物流企业", done, "")
	add(9, "2025-11-20", "2025-11-20", planner.KindReception, 1, "接待南京客商", planned, "")
	notes := map[string]string{
		teamWeekIDs[0]: "常诚车业项目正式签约，总投资12亿元；深圳3家企业有投资意向，下月安排来常考察。",
		teamWeekIDs[1]: "高新区2家企业有增资计划，下周跟进；基金对接改期至下周。",
		teamWeekIDs[2]: "推介会到会企业42家，意向项目5个，需逐一建立台账并明确责任人。",
		teamWeekIDs[4]: "与1家央企达成合作框架，二期用地需与规划部门会商。",
		teamWeekIDs[5]: "2家在谈项目本月可签，苏州、无锡行程已确认。",
		teamWeekIDs[6]: "德国客商有意设立华东研发中心，需准备政策清单。",
		teamWeekIDs[7]: "The Hong Kong fund will visit in December; prepare the park's brief in English.",
	}
	team := planner.Team{ID: "T1", Name: teamWeekUnit, NameSet: true}
	var week, previous []planner.Item
	for _, it := range items {
		if plannertest.W47.Contains(it.Start) {
			week = append(week, it)
		} else {
			previous = append(previous, it)
		}
	}
	retro := planner.BuildRetro(team, plannertest.W47, week, previous, nil, nil, notes, members)
	company := func(id int64, name string, owner int, stage planner.Stage, wan int64, currency, note string) planner.CompanyView {
		c := planner.Company{TeamID: "T1", ID: id, Name: name, Stage: stage, Notes: note, Amount: planner.Amount{Value: wan, Currency: currency}}
		if owner >= 0 {
			c.OwnerID, c.OwnerName = teamWeekIDs[owner], teamWeekNames[owner]
		} else {
			c.OwnerID = "U07LEFT" // a member who left: forgotten, their name gone
		}
		return planner.CompanyView{Company: c}
	}
	pipeline := []planner.CompanyView{
		company(1, "常诚车业", 0, planner.StageSigned, 120000, "CNY", "年产150万套车灯项目，二期用地会商中"),
		company(2, "西太湖医疗器械产业园", 4, planner.StageNegotiating, 350000, "CNY", "总投资35亿元，分三期建设"),
		company(3, "德企华东研发中心", 6, planner.StageNegotiating, 5000, "USD", "增资5000万美元"),
		company(4, "星源新材料", 8, planner.StageContacted, 3500, "CNY", ""),
		company(5, "汇智半导体封测", 5, planner.StageNegotiating, 800000, "CNY", "本月可签"),
		company(6, "Harbour Capital fund", 7, planner.StageLead, 0, "", "visits in December"),
		company(7, "智联物流华东基地", 9, planner.StageLead, 20000, "CNY", ""),
		company(8, "锦程智能装备", -1, planner.StageLanded, 65000, "CNY", "已落地，待开工"),
	}
	pipeline[0].LastContact = plannertest.Day(t, "2025-11-21")
	return WeekReport{
		Team: team, Week: plannertest.W47, Lang: lang, Members: members, Items: items, Retro: retro,
		Pipeline: pipeline, Made: plannertest.Day(t, teamWeekMade),
	}
}
