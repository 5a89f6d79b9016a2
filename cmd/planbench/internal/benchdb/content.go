package benchdb

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"planbot/planner"
)

// The words the generated teams write with: as a recruiter's week reads in
// English and in Chinese (拜访, 出差, 以商引商 …), with companies, projects,
// cities, fairs and funds to fill them.
var (
	surnames   = []string{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "朱", "马", "胡", "郭", "林", "何", "高", "罗"}
	givenNames = []string{"芳", "伟", "静", "磊", "娜", "强", "敏", "洋", "艳", "军", "杰", "丽", "涛", "婷", "明", "超", "秀英", "建国", "晓燕", "志强", "海燕", "雪"}
	firstNames = []string{"Ann", "Bob", "Carol", "David", "Emma", "Frank", "Grace", "Henry", "Iris", "Jack", "Kate", "Leo", "Mia", "Noah", "Olivia", "Paul", "Ruby", "Sam", "Tina", "Victor"}
	lastNames  = []string{"Lee", "Smith", "Wang", "Chen", "Müller", "Garcia", "Brown", "Zhang", "Tan", "O'Neil", "Kim", "Schmidt"}

	companiesZH = []string{"常诚车业", "宁德时代", "比亚迪", "汇川技术", "天合光能", "药明康德", "隆基绿能", "海康威视", "中芯国际", "恒瑞医药", "星宇股份", "东方盛虹"}
	companiesEN = []string{"Bosch", "Siemens", "BASF", "Schneider Electric", "Continental", "ABB", "Tesla", "Medtronic", "Infineon", "Denso"}
	projectsZH  = []string{"年产150万套车灯", "新能源电池", "智能制造基地", "光伏组件", "生物医药研发中心", "半导体封测", "汽车零部件", "工业机器人"}
	projectsEN  = []string{"EV battery", "smart factory", "solar module", "R&D centre", "chip packaging", "auto parts", "robotics"}
	citiesZH    = []string{"北京", "上海", "深圳", "广州", "杭州", "苏州", "南京", "成都", "武汉", "西安", "合肥", "宁波", "香港", "无锡"}
	citiesEN    = []string{"Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Suzhou", "Singapore", "Frankfurt", "Tokyo", "Munich", "Hong Kong"}
	fairsZH     = []string{"进博会", "广交会", "高交会", "服贸会", "世界智能大会"}
	fairsEN     = []string{"CIIE", "the Canton Fair", "Hannover Messe", "the battery expo"}
	fundsZH     = []string{"深创投", "红杉中国", "高瓴", "国投创业", "元禾控股", "毅达资本"}
	fundsEN     = []string{"Sequoia China", "Hillhouse", "SDIC", "Temasek", "a family office"}
	industries  = []string{"新能源", "汽车零部件", "生物医药", "集成电路", "高端装备", "新材料"}

	outcomesZH = []string{"两家有意向", "已签意向书", "对方有意向，下周再对接", "签约完成", "需补充材料", "对方暂无投资计划", "约定月底实地考察", "拿到项目计划书"}
	outcomesEN = []string{"2 of 4 interested", "signed a letter of intent", "follow up next week", "met the GM", "they want a site visit", "no plans this year", "sent the incentive package"}
	reasonsZH  = []string{"客户改期", "会议取消", "领导另有安排", "天气原因", "对方行程变动"}
	reasonsEN  = []string{"client rescheduled", "meeting cancelled", "clashed with the district meeting", "flight cancelled"}
	notesZH    = []string{
		"本周拜访企业较多，下周重点跟进常诚车业项目。",
		"基金对接进展慢，需要领导协调。",
		"出差收获大，两个项目进入实质性谈判。",
		"签约项目需尽快落实用地指标。",
		"培训内容实用，下周在组内分享。",
	}
	notesEN = []string{
		"Many visits this week; next week I follow up the EV battery project.",
		"Fund talks are slow, need help from the director.",
		"The trip paid off: two projects are now negotiating terms.",
		"Quiet week, mostly paperwork for the signing.",
	}
	longTailZH = "，重点了解企业扩产计划、用地需求、能耗指标和人才配套情况，并介绍园区的产业基金、厂房代建和税收返还等招商政策，争取年内落地"
	longTailEN = ", to learn their expansion plans, land and energy needs and hiring, and to present the park's industry fund, build-to-suit plants and tax incentives, aiming to land the project this year"
)

// kindWeights is how often each kind of item is logged, in percent.
var kindWeights = []struct {
	kind   planner.Kind
	weight int
}{
	{planner.KindVisit, 30}, {planner.KindMeeting, 16}, {planner.KindOther, 12}, {planner.KindReview, 10},
	{planner.KindFund, 10}, {planner.KindTrip, 10}, {planner.KindTraining, 7}, {planner.KindSigning, 5},
}

// pick returns one of list at random.
func pick[T any](rng *rand.Rand, list []T) T { return list[rng.IntN(len(list))] }

// chance reports true with probability p.
func chance(rng *rand.Rand, p float64) bool { return rng.Float64() < p }

// chineseNumber writes 1..99 in Chinese numerals: 一, 十, 十一, 二十.
func chineseNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	default:
		return digits[n/10] + "十" + digits[n%10]
	}
}

// personName returns a member's display name: 王芳 or Ann Lee.
func personName(rng *rand.Rand, zh bool) string {
	if zh {
		return pick(rng, surnames) + pick(rng, givenNames)
	}
	return pick(rng, firstNames) + " " + pick(rng, lastNames)
}

// draft is what a member logs: an item's kind, count, place and title.
type draft struct {
	kind  planner.Kind
	count int
	place string
	title string
	days  int // 1, or 2..4 for a trip
}

// newDraft makes up an item as a recruiter would type it, in Chinese when zh.
func newDraft(rng *rand.Rand, zh bool) draft {
	n := rng.IntN(100)
	kind := planner.KindOther
	for _, kw := range kindWeights {
		if n < kw.weight {
			kind = kw.kind
			break
		}
		n -= kw.weight
	}
	d := draft{kind: kind, count: 1, days: 1}
	switch kind {
	case planner.KindVisit:
		d.count = 1 + rng.IntN(3) + rng.IntN(4) // 1..6, mostly 2..4
		if chance(rng, 0.01) {
			d.count = 10 + rng.IntN(30) // a fair day
		}
		d.title = visitTitle(rng, zh, d.count)
	case planner.KindMeeting:
		d.title = oneOf(rng, zh,
			[]string{"参加招商工作例会", "项目推进会议", "部门周会", "与" + pick(rng, companiesZH) + "座谈", "园区联席会议"},
			[]string{"team meeting", "project progress meeting", "meeting with " + pick(rng, companiesEN), "district coordination meeting"})
	case planner.KindFund:
		d.count = 1 + rng.IntN(3)
		d.title = oneOf(rng, zh,
			[]string{"对接基金公司开展以商引商", "与" + pick(rng, fundsZH) + "基金会谈", "参加基金路演", fmt.Sprintf("对接%d家基金", d.count)},
			[]string{"meet " + pick(rng, fundsEN) + " fund", "fund roadshow", fmt.Sprintf("talk with %d fund investors", d.count)})
	case planner.KindTrip:
		d.days = 1 + rng.IntN(3) + rng.IntN(2) // 1..4
		if zh {
			d.place = pick(rng, citiesZH)
			d.title = oneOf(rng, true, []string{"出差" + d.place, "赴" + d.place + "参加" + pick(rng, fairsZH), "出差" + d.place + "拜访" + pick(rng, companiesZH)}, nil)
		} else {
			d.place = pick(rng, citiesEN)
			d.title = oneOf(rng, false, nil, []string{"trip to " + d.place, "trip to " + d.place + " for " + pick(rng, fairsEN)})
		}
	case planner.KindSigning:
		d.count = 1 + rng.IntN(2)
		d.title = oneOf(rng, zh,
			[]string{pick(rng, companiesZH) + pick(rng, projectsZH) + "项目签约", "签约仪式：" + pick(rng, projectsZH) + "项目"},
			[]string{"signing with " + pick(rng, companiesEN), "sign the " + pick(rng, projectsEN) + " agreement"})
	case planner.KindTraining:
		d.title = oneOf(rng, zh, []string{"参加招商培训", "招商政策培训", "产业链招商专题培训"}, []string{"training on investment policy", "sales training"})
	case planner.KindReview:
		d.title = oneOf(rng, zh, []string{"周末总结复盘", "回常总结复盘", "月度复盘会议"}, []string{"weekly review", "quarterly review"})
	default:
		d.title = oneOf(rng, zh,
			[]string{"整理项目台账", "准备招商材料", "接待来访客户", "撰写项目报告", "更新企业库"},
			[]string{"update the project ledger", "prepare materials", "host a visiting delegation", "write the monthly report"})
	}
	switch {
	case chance(rng, 0.03): // a long line, as some write
		d.title += oneOf(rng, zh, []string{longTailZH}, []string{longTailEN})
	case chance(rng, 0.005): // text the renderers must escape
		d.title += oneOf(rng, zh, []string{" <R&D> 中心"}, []string{" re: <R&D> & tax"})
	}
	return d
}

// visitTitle is a visit's line: "拜访4家企业", "visit Bosch about the EV battery project".
func visitTitle(rng *rand.Rand, zh bool, count int) string {
	if zh {
		switch rng.IntN(4) {
		case 0:
			return fmt.Sprintf("拜访%d家企业", count)
		case 1:
			return fmt.Sprintf("对接%d家企业", count)
		case 2:
			return fmt.Sprintf("上门走访%d家%s企业", count, pick(rng, industries))
		}
		return "拜访" + pick(rng, companiesZH) + pick(rng, projectsZH) + "项目"
	}
	if rng.IntN(2) == 0 {
		return fmt.Sprintf("visit %d enterprises", count)
	}
	return "visit " + pick(rng, companiesEN) + " about the " + pick(rng, projectsEN) + " project"
}

// oneOf picks from zh or en by the writer's language.
func oneOf(rng *rand.Rand, zh bool, zhList, enList []string) string {
	if zh {
		return pick(rng, zhList)
	}
	return pick(rng, enList)
}

// outcome is what came of a done item, or "" (most have none).
func outcome(rng *rand.Rand, zh bool) string {
	if !chance(rng, 0.4) {
		return ""
	}
	return oneOf(rng, zh, outcomesZH, outcomesEN)
}

// reason is why an item was cancelled, or "".
func reason(rng *rand.Rand, zh bool) string {
	if chance(rng, 0.3) {
		return ""
	}
	return oneOf(rng, zh, reasonsZH, reasonsEN)
}

// note is a member's retrospective note for a week.
func note(rng *rand.Rand, zh bool) string {
	n := oneOf(rng, zh, notesZH, notesEN)
	if chance(rng, 0.1) {
		n = strings.Repeat(n, 3)
	}
	return n
}
