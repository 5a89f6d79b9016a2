package planner

import (
	"regexp"
	"strings"
)

// morningEvening spells out the Chinese words that open a line and fuse
// tomorrow or today with a time of day ("明早", "今晚"), so that the day is
// read and the time stays in the title.
var morningEvening = strings.NewReplacer("明早", "明天 早上", "明晨", "明天 早上", "明晚", "明天 晚上", "今早", "今天 早上", "今晚", "今天 晚上")

// leftoverDay is the start of a what that shows the when before it was cut
// short: a range's end it could not read ("thu-fir"), a day number or
// ordinal, a bare weekday numeral ("周六日" read as Saturday).
var leftoverDay = regexp.MustCompile(`^(?:(?:-|–|—|~|～|至|到)\s*(?:\d|[一二三四五六日天](?:[^亚明安指平台堰江盘门连河楼线院层栋号室期批家个项次位名]|$)|周|週|星期)|-[A-Za-z]{2,4}\b|(?i:\d{1,2}(?:st|nd|rd|th)\b)|[日号天](?:\s|$)|[一二三四五六日](?:\s|$)|[、，,]\s*[一二三四五六日](?:\s|$))`)

// vagueWords are times a line without a day may name that are no day:
// filed today it would be wrong, so it is refused as vague.
var vagueWords = []string{"下个月", "下月", "上个月", "上月", "近期", "近日", "年前", "年后", "年底", "年初", "年末", "年内",
	"节后", "节前", "元旦后", "元旦前", "春节", "国庆", "中秋", "端午", "次日", "翌日", "隔天", "过两天", "过几天",
	"改天", "择日", "周内", "本月", "这个月", "月初", "月中", "月底", "月末"}

// vagueWhen is vagueWords' counterpart in numbers and English: a month alone
// ("12月 出差"), a week number, part of a week, a month's name.
var vagueWhen = regexp.MustCompile(`(?:^|\s)\d{1,2}\s*月份?(?:\s|$)|` +
	`(?i:\b(?:next|this|coming)\s+month\b|\bwk\s*\d{1,2}\b|\bweek\s*\d{1,2}\b|\bw\d{1,2}\b|\bend\s+of\s+(?:the\s+|this\s+|next\s+)?week\b|\b(?:early|late|mid)[\s-]+(?:next\s+|this\s+)?week\b|\bin\s+a\s+few\s+days\b|\blater\s+this\s+week\b|\b(?:january|february|april|june|july|august|september|october|november|december)\b)`)

// unreadWhen is text in a line without a day that looks like one the when
// could not read: a day number, a relative day, a weekday numeral list.
var unreadWhen = regexp.MustCompile(`\d{1,2}\s*[日号](?:[^楼线院层栋室期批家个项次位名号元店厂地游]|$)|(?:\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个?(?:天|日|周|星期|礼拜)(?:以?后|之后)|明天|后天|明日|明[早晚晨]|^[一二三四五六日]\s*[、，,]\s*[一二三四五六日](?:\s|$)|` +
	`(?i:\bin\s+\d+\s+(?:days?|weeks?)\b|\b\d+\s+(?:days?|weeks?)\s+(?:later|from\s+now)\b|\bday\s+after\b|\b\d{1,2}(?:st|nd|rd|th)\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))`)

// checkUnread refuses a line whose when left something day-like unread: at
// the start of its what when the when opened the line (lead), or, in a line
// with no when (which would be filed today), anywhere in it. The regular
// expressions run only when a character they need is there.
func checkUnread(w When, what string, lead bool) error {
	if m := leftoverDay.FindString(what); lead && m != "" {
		return Errorf(Invalid, ReasonUnreadDate, strings.TrimSpace(m))
	}
	if len(w.Spans) > 0 {
		return nil
	}
	if strings.ContainsAny(what, "0123456789后明、，,") || strings.Contains(what, "day") || strings.Contains(what, "Day") {
		if m := unreadWhen.FindString(what); m != "" {
			return Errorf(Invalid, ReasonUnreadDate, strings.TrimSpace(m))
		}
	}
	for _, v := range vagueWords {
		if strings.Contains(what, v) {
			return Errorf(Invalid, ReasonVagueDate, v)
		}
	}
	if strings.Contains(what, "月") || strings.ContainsAny(what, "wW") || mayNameMonth(what) {
		if m := vagueWhen.FindString(what); m != "" {
			return Errorf(Invalid, ReasonVagueDate, strings.TrimSpace(m))
		}
	}
	return checkVagueMore(what)
}

// mayNameMonth reports whether s may hold an English month's full name.
func mayNameMonth(s string) bool {
	for _, part := range []string{"ary", "une", "uly", "ust", "ber", "pril", "onth", "few"} {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

// startWord is what may follow a when to say the item starts then and lasts
// a stated time ("明天起 出差一周", "下周一起 驻点深圳两周"): 起 or 开始, not
// the 起 of a word (起草, 起飞, 开始的).
var startWord = regexp.MustCompile(`^(?:起|开始)(?:\s+|[^草飞步诉来身航码的])`)

// cutStart removes a startWord from the start of what and reports whether it did.
func cutStart(what string) (string, bool) {
	m := startWord.FindString(what)
	if m == "" {
		return what, false
	}
	if strings.HasPrefix(m, "开始") {
		return strings.TrimSpace(what[len("开始"):]), true
	}
	return strings.TrimSpace(what[len("起"):]), true
}

// segmentBreak is a comma or semicolon that may start a new when ("周一 A，周二 B").
var segmentBreak = regexp.MustCompile(`\s*[，；;]\s*`)

// segments cuts a line whose what holds several whens, each after a comma or
// semicolon ("周一 A，周二 B；周三 C", "tue A; wed B"), into one line per when.
// A line with one when is one segment. A day of the month alone ("，3日下午
// 参观") starts no segment: read apart from the date before it, it could
// land in another month.
func segments(text string, today Date) []string {
	if !strings.ContainsAny(text, "，；;") {
		return []string{text}
	}
	var out []string
	from := 0
	for _, m := range segmentBreak.FindAllStringIndex(text, -1) {
		if m[0] <= from || entityEnd(text[:m[0]]) {
			continue
		}
		rest := text[m[1]:]
		w, n, err := parseLeadingWhen(rest, today)
		if err != nil || n == 0 || len(w.Spans) == 0 || w.monthly || strings.TrimSpace(strings.TrimLeft(rest[n:], whenEnd)) == "" {
			continue
		}
		if !hasWhat(text[from:m[0]], today) {
			continue
		}
		out = append(out, text[from:m[0]])
		from = m[1]
	}
	return append(out, text[from:])
}

// entityEnd reports whether s ends in an HTML entity's name ("&amp"), whose
// ";" is no break.
var entityTail = regexp.MustCompile(`&#?\w+$`)

func entityEnd(s string) bool { return strings.Contains(s, "&") && entityTail.MatchString(s) }

// hasWhat reports whether a segment holds more than its when ("周一 A", not
// "Monday" of "Monday, June 11").
func hasWhat(seg string, today Date) bool {
	_, n, err := parseLeadingWhen(seg, today)
	return err == nil && strings.TrimSpace(strings.TrimLeft(seg[n:], whenEnd)) != ""
}
