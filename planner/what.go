package planner

import (
	"regexp"
	"strings"
)

// kindWords are the words that reveal one kind of item.
type kindWords struct {
	kind    Kind
	english []string
	chinese []string
	// not are phrases that hold a keyword without meaning it (企业家 is a
	// person, not an enterprise): they are taken out before the keywords are sought.
	not []string
}

// kindKeywords are the words that reveal an item's kind, tried in Kinds order.
// English words match whole words (plurals are listed); Chinese words match
// anywhere. A trip is found by tripIn, not by keywords alone.
var kindKeywords = []kindWords{
	{kind: KindSigning,
		english: []string{"sign", "signs", "signing", "signed", "contract", "contracts", "agreement", "agreements", "mou", "mous", "deal closing"},
		chinese: []string{"签约", "簽約", "签署", "签订", "簽訂", "合同", "协议", "協議", "落地签"},
		not:     []string{"已签约", "已签"}},
	{kind: KindFund,
		english: []string{"fund", "funds", "capital", "vc", "vcs", "investor", "investors", "private equity", "angel", "angels", "lp", "lps"},
		chinese: []string{"基金", "资本", "投资机构", "以商引商", "投资人", "創投", "创投", "投资公司", "投融资"}},
	{kind: KindReception,
		english: []string{"delegation", "delegations", "mock site visit", "host a site visit", "hosting a site visit", "site visit by", "meet and greet", "inbound visit", "hosting a visit", "host a delegation"},
		chinese: []string{"接待", "来访", "來訪", "到访", "考察团", "考查团", "考察組", "考察组", "调研组", "客商来", "迎接", "一行来",
			"应邀来", "来我市", "来我区", "来我县", "来我镇", "来我省", "来我局", "来我司", "来我公司", "赴我市", "赴我区", "赴我县",
			"到我市", "到我区", "到我县", "到开发区", "到园区", "到高新区", "过来考察"}},
	{kind: KindVisit,
		english: []string{"visit", "visits", "visiting", "visited", "enterprise", "enterprises", "company", "companies", "firm", "firms",
			"factory", "factories", "client", "clients", "customer", "customers", "ceo", "ceos", "chief executive", "executives",
			"headquarters", "on site", "corporation", "corporations", "leadership", "president of"},
		chinese: []string{"拜访", "走访", "參訪", "参访", "回访", "上门", "客户", "企业", "企業", "公司", "集团", "株式会社", "制作所", "项目方", "厂家"},
		not:     []string{"企业家", "企业商会", "企业负责人"}},
	{kind: KindEvent,
		english: []string{"summit", "summits", "conclave", "roadshow", "roadshows", "road show", "expo", "fair", "forum", "event", "events",
			"promotion conference", "investment conference", "trade show"},
		chinese: []string{"推介", "招商会", "招商大会", "恳谈会", "峰会", "论坛", "論壇", "展会", "博览会", "博覽會", "进博", "广交会", "西洽会",
			"中博会", "投洽会", "交易会", "大会", "路演", "活动", "活動", "开幕", "展览", "发布会", "说明会"},
		not: []string{"no public events", "no events"}},
	{kind: KindTraining,
		english: []string{"training", "trainings", "train", "course", "courses", "workshop", "workshops", "seminar", "seminars", "class", "lecture"},
		chinese: []string{"培训", "培訓", "课程", "讲座", "講座", "研修", "学习", "大讲堂", "研讨班", "辅导", "开班"},
		not:     []string{"course of"}},
	{kind: KindReview,
		english: []string{"review", "reviews", "retrospective", "retro", "recap", "summary", "wrap-up", "wrap up"},
		chinese: []string{"复盘", "總結", "总结", "回顾", "评审", "評審", "预审", "联审"}},
	{kind: KindMeeting,
		english: []string{"meeting", "meetings", "meet", "met", "call", "calls", "conference", "sync", "standup", "roundtable", "discussion", "appointment", "appointments"},
		chinese: []string{"会议", "會議", "座谈", "座談", "开会", "例会", "会谈", "會談", "洽谈", "见面", "研讨", "推进会", "调度会", "局务会", "班子会",
			"办公会", "动员会", "汇报会", "现场会", "分析会", "讲评会", "联席会", "对接会", "交流会", "拜会", "会见", "会晤", "专题会", "工作会"}},
	{kind: KindLeave,
		english: []string{"on leave", "annual leave", "sick leave", "vacation", "holiday", "holidays", "pto", "ooo", "out of office",
			"out of the office", "day off", "days off", "off sick", "sick", "personal leave", "parental leave", "maternity leave",
			"paternity leave", "medical leave", "family leave", "take leave", "taking leave", "leave day"},
		chinese: []string{"请假", "請假", "休假", "年假", "调休", "病假", "事假", "婚假", "产假", "陪产假", "丧假", "探亲假"}},
}

// convened are the words that say the member convenes or attends a
// gathering (召开…推进会, 开会研究…): what follows is the gathering's topic,
// so the line is a trip only when it travels before them, and otherwise one
// of the gathering kinds (training, review, signing, fund, else meeting),
// not a visit, a reception or an event its topic talks about.
var convened = []string{"召开", "召集", "会办", "开会"}

// gatheringKinds are the kinds a convened gathering may be.
var gatheringKinds = []Kind{KindSigning, KindFund, KindTraining, KindReview}

// hasKeyword reports whether lower (lower-cased text) holds one of k's
// keywords: an English one as a whole word (plurals are listed), a Chinese one
// anywhere. Plain string search, because one regexp alternation per kind cost
// most of a parse.
func (k kindWords) hasKeyword(lower string) bool {
	for _, n := range k.not {
		lower = strings.ReplaceAll(lower, n, " ")
	}
	for _, w := range k.chinese {
		if strings.Contains(lower, w) {
			return true
		}
	}
	for _, w := range k.english {
		if containsWord(lower, w) {
			return true
		}
	}
	return false
}

// containsWord reports whether word stands in s between non-word characters,
// as \b would have it.
func containsWord(s, word string) bool {
	for from := 0; from < len(s); {
		i := strings.Index(s[from:], word)
		if i < 0 {
			return false
		}
		start, end := from+i, from+i+len(word)
		if (start == 0 || !isWordChar(s[start-1])) && (end == len(s) || !isWordChar(s[end])) {
			return true
		}
		from = start + 1
	}
	return false
}

func isWordChar(b byte) bool { return isWordByte(b) || b == '_' }

// kindTags are the #tags that set an item's kind explicitly.
var kindTags = map[string]Kind{
	"trip": KindTrip, "travel": KindTrip, "出差": KindTrip,
	"signing": KindSigning, "sign": KindSigning, "签约": KindSigning,
	"fund": KindFund, "基金": KindFund, "以商引商": KindFund,
	"reception": KindReception, "接待": KindReception,
	"visit": KindVisit, "拜访": KindVisit, "走访": KindVisit,
	"event": KindEvent, "活动": KindEvent,
	"training": KindTraining, "培训": KindTraining,
	"review": KindReview, "复盘": KindReview, "总结": KindReview,
	"meeting": KindMeeting, "会议": KindMeeting,
	"leave": KindLeave, "请假": KindLeave,
	"other": KindOther, "其他": KindOther,
}

var tagPattern = regexp.MustCompile(`(?:^|\s)#([\p{L}]+)`)

// receptionComing is a visitor coming to the member's place: "来宜参观考察",
// "来我市考察调研", "投资厂商来富阳考察".
var receptionComing = regexp.MustCompile(`(?:^|[^未以带帶回原本近从從将將后後])来[^，,。；;\s来]{0,8}?(?:考察|参观|參觀|调研|調研|洽谈|交流|投资考察)`)

// detectKind returns the kind of an item's text, whose count is c: an
// explicit #tag, else the first kind (in Kinds order) the text shows, else KindOther.
func detectKind(text string, c countFound) Kind {
	if strings.Contains(text, "#") {
		for _, m := range tagPattern.FindAllStringSubmatch(text, -1) {
			if k, ok := kindTags[strings.ToLower(m[1])]; ok {
				return k
			}
		}
	}
	lower := strings.ToLower(text)
	if at := convenedAt(lower); at >= 0 {
		if tripIn(text[:at]) {
			return KindTrip
		}
		return gatheringKind(lower)
	}
	if meetingNamed(text) && !goesSomewhere(text) {
		return gatheringKind(lower)
	}
	if tripIn(text) {
		return KindTrip
	}
	for _, k := range kindKeywords {
		if k.hasKeyword(lower) || k.kind == KindReception && strings.Contains(lower, "来") && receptionComing.MatchString(lower) ||
			k.kind == KindVisit && (c.enterprise || meetsCompany(text)) || k.kind == KindLeave && leaveLead(lower) {
			return k.kind
		}
	}
	return KindOther
}

// meetingHeads are the nouns that end the name of a meeting ("公司例会",
// "异地商会座谈交流会", "项目对接会"): the words before them are its topic.
var meetingHeads = []string{"例会", "会议", "會議", "座谈会", "推进会", "调度会", "局务会", "班子会", "办公会", "工作会",
	"汇报会", "动员会", "现场会", "分析会", "讲评会", "联席会", "对接会", "交流会", "研讨会", "专题会", "年会"}

// meetingNamed reports whether the text is the name of a meeting: it ends
// with one of meetingHeads (brackets after it aside), or it attends a 座谈
// ("参加世界500强企业座谈": the enterprises are who sits at it). A 座谈 with
// someone ("与…3家单位座谈") meets them.
func meetingNamed(text string) bool {
	text = strings.TrimSpace(text)
	if i := strings.LastIndex(text, "（"); i > 0 && strings.HasSuffix(text, "）") {
		text = strings.TrimSpace(text[:i])
	}
	for _, h := range meetingHeads {
		if strings.HasSuffix(text, h) {
			return true
		}
	}
	return (strings.HasSuffix(text, "座谈") || strings.HasSuffix(text, "座談")) && hasAnyPart(text, attendWords)
}

// attendWords say the member attends a gathering.
var attendWords = []string{"参加", "參加", "出席", "参与", "列席"}

// goesSomewhere reports whether the member travels: 出差, or a verb of going with a place.
func goesSomewhere(text string) bool {
	return strings.Contains(text, "出差") || len(chinesePlaces(text)) > 0
}

// convenedAt returns where the first of the convened words stands in lower, or -1.
func convenedAt(lower string) int {
	at := -1
	for _, w := range convened {
		if i := strings.Index(lower, w); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	return at
}

// gatheringKind is the kind of a convened gathering: its own kind's words, else a meeting.
func gatheringKind(lower string) Kind {
	for _, k := range kindKeywords {
		for _, g := range gatheringKinds {
			if k.kind == g && k.hasKeyword(lower) {
				return g
			}
		}
	}
	return KindMeeting
}

// dockingWith is 对接 with someone ("对接宁德时代"), not a 对接会 or 对接洽谈 (a meeting, an event).
var dockingWith = regexp.MustCompile(`对接(?:[^会洽]|$)`)

// meetsCompany reports whether the text goes to or docks with a company:
// "对接劲胜精密、星源电子", "前往中国路桥就外资项目进行洽谈".
func meetsCompany(text string) bool {
	return strings.Contains(text, "对接") && dockingWith.MatchString(text) || goesToCompany(text)
}

// leaveLead reports whether an English line starts by saying the member is
// out or off ("out for Thanksgiving", "off Friday"), or is the word leave
// alone ("fri leave"; "leave for Beijing" is a trip).
func leaveLead(lower string) bool {
	if lower == "leave" || strings.HasPrefix(lower, "leave (") || strings.HasPrefix(lower, "leave -") {
		return true
	}
	for _, w := range []string{"out", "off", "away"} {
		if lower == w || strings.HasPrefix(lower, w+" ") {
			return true
		}
	}
	return false
}
