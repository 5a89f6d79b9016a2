package planner

import (
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// activityBreak is what stands between two activities written on one line:
// "+", "；" (not ";", which ends the escapes Slack sends: &amp;), "并且", or a
// comma before a time of day ("上午拜会…，下午参观…"), which then begins the
// next activity.
var activityBreak = regexp.MustCompile(`\s*(?:[+＋；]|[、，,]?\s*并且)\s*|[，,]\s*(上午|下午|中午|晚上|傍晚|早上|凌晨)`)

// splitActivities cuts a what into the activities it names, leaving a
// plain comma or 、 inside one activity alone ("拜访常诚车业、金士博").
func splitActivities(what string) []string {
	if !strings.ContainsAny(what, "+＋；并，,") {
		return []string{what}
	}
	var parts []string
	from := 0
	for _, m := range activityBreak.FindAllStringSubmatchIndex(what, -1) {
		if glued(what, m[0]) {
			continue
		}
		parts = appendPart(parts, what[from:m[0]])
		from = m[1]
		if m[2] >= 0 {
			from = m[2]
		}
	}
	return appendPart(parts, what[from:])
}

// glued reports whether the + at i belongs to a word ("C++", "B+轮融资"), not between two activities.
func glued(what string, i int) bool {
	return what[i] == '+' && i > 0 && (isWordByte(what[i-1]) || what[i-1] == '+')
}

func appendPart(parts []string, part string) []string {
	if part = strings.TrimSpace(part); part != "" {
		parts = append(parts, part)
	}
	return parts
}

// readWhat reads the what of a line: one draft, without its days, for each
// activity it names, each with its own kind, count, visits and place. An
// activity that is only a name ("拜访常诚车业 + 金士博") takes the kind of
// the one before it.
func readWhat(what string) ([]Draft, error) {
	var drafts []Draft
	for _, part := range splitActivities(what) {
		from := len(drafts)
		var err error
		if drafts, err = appendDayParts(drafts, part); err != nil {
			return nil, err
		}
		for i := max(from, 1); i < len(drafts); i++ {
			d, before := &drafts[i], drafts[i-1]
			if d.Kind == KindOther && namesOnly(d.Title) && slices.Contains(objectKinds, before.Kind) {
				d.Kind = before.Kind
				if d.Kind == KindVisit && d.Count == 1 {
					d.Count = listCount(d.Title)
				}
			}
		}
	}
	if len(drafts) == 0 {
		return nil, Errorf(Invalid, ReasonNoWhat, what)
	}
	return drafts, nil
}

// objectKinds are the kinds whose verb a list of names after them shares.
var objectKinds = []Kind{KindVisit, KindReception, KindSigning, KindFund, KindMeeting}

// dayPartBreak is a time of day after a space, which may begin a second
// activity with no comma before it ("上午拜访常诚车业 下午拜访金士博").
var dayPartBreak = regexp.MustCompile(`\s+(?:上午|下午|中午|晚上|傍晚|早上)`)

// dayParts are the times of day that may begin an activity.
var dayParts = []string{"上午", "下午", "中午", "晚上", "傍晚", "早上"}

// appendDayParts reads an activity, or two or more when times of day after
// a space part it into activities of their own: each part must then be of a
// kind (not other), and the first no trip, which holds what it does there.
func appendDayParts(drafts []Draft, part string) ([]Draft, error) {
	var breaks [][]int
	if strings.Contains(part, "午") || strings.Contains(part, "晚") || strings.Contains(part, "早上") {
		breaks = dayPartBreak.FindAllStringIndex(part, -1)
	}
	if len(breaks) > 0 {
		n := len(drafts)
		for i, from := 0, 0; i <= len(breaks); i++ {
			to := len(part)
			if i < len(breaks) {
				to = breaks[i][0]
			}
			d, err := readActivity(strings.TrimSpace(part[from:to]))
			if err != nil || d.Kind == KindOther || d.Kind == KindTrip && i == 0 {
				drafts = drafts[:n]
				break
			}
			drafts = append(drafts, d)
			from = to
		}
		if len(drafts) > n {
			return drafts, nil
		}
	}
	d, err := readActivity(part)
	return append(drafts, d), err
}

// doingWords are verbs of work that make a part an activity, not a name
// that shares the verb before it.
var doingWords = []string{"整理", "准备", "撰写", "起草", "编写", "编制", "修改", "完善", "跟进", "联系", "处理", "落实", "研究",
	"汇报", "制定", "梳理", "提交", "审核", "办理", "安排", "筹备", "组织", "沟通", "协调", "推进", "开展", "报送", "填报", "回复",
	"讨论", "谋划", "策划", "收集", "统计", "分析", "检查", "督办", "更新", "录入", "电话", "发送", "整改", "陪同", "返回", "返程",
	"值班", "加班", "学习", "参加", "出席", "参观", "考察", "调研", "视察", "观摩", "看望", "慰问", "接送", "前往"}

// namesOnly reports whether an activity is nothing but names: Chinese text
// with no verb of work and no time of day ("金士博", "宁德时代、比亚迪"), or
// English words that all begin with a capital ("BYD", "Li Auto").
func namesOnly(text string) bool {
	if text == "" || utf8.RuneCountInString(text) > 20 || hasAnyPrefix(text, dayParts) {
		return false
	}
	for _, r := range text {
		if !unicode.Is(unicode.Han, r) && !unicode.IsLetter(r) && !strings.ContainsRune(" 、,&·()（）.", r) {
			return false
		}
	}
	if r, _ := utf8.DecodeRuneInString(text); unicode.Is(unicode.Han, r) {
		return !hasAnyPart(text, doingWords)
	}
	for _, w := range strings.Fields(text) {
		if w = strings.Trim(w, ",&"); w != "" && !isCapital(w) && w != "and" {
			return false
		}
	}
	return true
}

// readActivity reads one activity's kind, count, visits, place and amount.
func readActivity(text string) (Draft, error) {
	c, err := detectCount(text)
	if err != nil {
		return Draft{}, err
	}
	d := Draft{Kind: detectKind(text, c), Count: c.n, Title: text}
	if mayHoldMoney(text) {
		d.Amount, _, _, _ = FindAmount(text) // anywhere in the text; the count stays what it read
	}
	switch {
	case d.Kind == KindTrip:
		d.Place = detectPlace(text)
		if c.enterprise {
			d.Count, d.Visits = 1, c.n
		}
	case d.Kind == KindVisit && c.n == 1:
		d.Count = namedCount(text)
	}
	return d, nil
}
