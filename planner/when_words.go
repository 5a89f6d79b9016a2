package planner

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// englishWeekdayWord is an English weekday, full or abbreviated.
const englishWeekdayWord = `((?:mon|tue|wed|thu|fri|sat|sun)[a-z]*)`

// weekdaySpelling are the spellings englishWeekdayWord may stand for.
var weekdaySpelling = map[string]bool{"monday": true, "mon": true, "tuesday": true, "tues": true, "tue": true, "wednesday": true, "weds": true, "wed": true,
	"thursday": true, "thurs": true, "thur": true, "thu": true, "friday": true, "fri": true, "saturday": true, "sat": true, "sunday": true, "sun": true}

// wordPatterns are day words whose meaning is exact that the main grammar
// does not know: colloquial and spelt-out days (明儿, 2moro, 大大后天, 廿四),
// weekdays counted from the coming one ("Tuesday week", "the Monday after
// next"), and holidays on a fixed date (圣诞, 五一, NYE). They are tried
// before atomPatterns, so each must be specific.
var wordPatterns = []atomPattern{
	{re: regexp.MustCompile(`^明儿(?:个)?`), rule: relativeWord(1)},
	{re: regexp.MustCompile(`^大大后天`), rule: relativeWord(4)},
	{re: regexp.MustCompile(`^大大前天`), rule: relativeWord(-4)},
	{re: regexp.MustCompile(`^(?i)(?:2moro|2morrow|2mrw|tmrrw|tomoz)`), english: true, rule: relativeWord(1)},
	{re: regexp.MustCompile(`^(?i)(?:a\s+week\s+from\s+(?:today|now)|in\s+a\s+week's\s+time|this\s+day\s+next\s+week)`), english: true, rule: relativeWord(7)},
	{re: regexp.MustCompile(`^(?i)(?:in\s+a\s+fortnight|a\s+fortnight\s+from\s+(?:today|now))`), english: true, rule: relativeWord(14)},
	{re: regexp.MustCompile(`^(?i)(?:this\s+coming|the\s+following|the\s+coming)\s+` + englishWeekdayWord), english: true, rule: comingWeekday(0)},
	{re: regexp.MustCompile(`^(?i)(?:eow|end\s+of\s+(?:the\s+)?(?:business|work(?:ing)?)\s+week)`), english: true, rule: fridayWord},
	{re: regexp.MustCompile(`^下一个?(?:周|週|星期|礼拜|禮拜)([一二三四五六日天1-7])`), rule: nextOneWeekday},
	{re: regexp.MustCompile(`^(20\d{2})(\d{2})(\d{2})`), english: true, rule: compactDate},
	{re: regexp.MustCompile(`^[廿卅][一二三四五六七八九]?[日号]?`), rule: chineseNumeralDay, fits: numeralDayEnds},
	{re: regexp.MustCompile(`^[二三]?十[一二三四五六七八九]?[日号]`), rule: chineseNumeralDay, fits: numeralDayEnds},
	{re: regexp.MustCompile(`^[一二三四五六七八九][日号]`), rule: chineseNumeralDay, fits: numeralDayEnds},
	{re: regexp.MustCompile(`^(?:双十一|双11)`), rule: holiday(11, 11, Chinese), fits: holidayDay},
	{re: regexp.MustCompile(`^(?:圣诞节?|圣诞当天)`), rule: holiday(12, 25, Chinese), fits: holidayDay},
	{re: regexp.MustCompile(`^平安夜`), rule: holiday(12, 24, Chinese), fits: holidayDay},
	{re: regexp.MustCompile(`^(?:五一劳动节|五一节?|劳动节)(?:当天)?`), rule: holiday(5, 1, Chinese), fits: holidayDay},
	{re: regexp.MustCompile(`^(?:国庆节?(?:当天)?|十一)`), rule: holiday(10, 1, Chinese), fits: aloneHoliday},
	{re: regexp.MustCompile(`^(?i)(?:christmas\s+eve|xmas\s+eve)`), english: true, rule: holiday(12, 24, English)},
	{re: regexp.MustCompile(`^(?i)(?:christmas(?:\s+day)?|xmas(?:\s+day)?|x-mas)`), english: true, rule: holiday(12, 25, English), fits: holidayDay},
	{re: regexp.MustCompile(`^(?i)(?:nye|new\s+year'?s?\s+eve)`), english: true, rule: holiday(12, 31, English)},
	{re: regexp.MustCompile(`^(?i)(?:new\s+year'?s?\s+day|new\s+year'?s?)`), english: true, rule: holiday(1, 1, English), fits: holidayDay},
}

// firstPatterns are the word patterns that must come before atomPatterns:
// a weekday the weekday rule would read alone ("Monday week"), a list of two
// days of the month ("3、4号"). The others come after, where they cost
// nothing to a line whose day the main grammar reads.
var firstPatterns = []atomPattern{
	{re: regexp.MustCompile(`^(?i)(?:the\s+)?` + englishWeekdayWord + `\s+after\s+next`), english: true, rule: comingWeekday(7)},
	{re: regexp.MustCompile(`^(?i)(?:a\s+week\s+(?:on\s+)?` + englishWeekdayWord + `|` + englishWeekdayWord + `\s+week)`), english: true, rule: comingWeekday(7)},
	{re: regexp.MustCompile(`^(?i)` + englishWeekdayWord + `\s+next`), english: true, rule: nextWeeksWeekday, fits: notWeekAfter},
	{re: regexp.MustCompile(`^(\d{1,2})\s*[、,，]\s*(\d{1,2})[日号]`), rule: twoDaysOfMonth, fits: notCounter},
}

func init() {
	atomPatterns = append(append(append([]atomPattern{}, firstPatterns...), atomPatterns...), wordAtoms()...)
	for i := range atomPatterns {
		atomPatterns[i].first = firstRunesOf(atomPatterns[i].re)
	}
}

// wordAtoms returns wordPatterns, the English ones joined as one expression.
func wordAtoms() []atomPattern {
	var english []string
	var chinese []atomPattern
	for _, wp := range wordPatterns {
		if wp.english {
			english = append(english, strings.TrimPrefix(strings.TrimPrefix(wp.re.String(), "^"), "(?i)"))
			englishWords = append(englishWords, atomPattern{re: regexp.MustCompile(`^(?i)(?:` + strings.TrimPrefix(strings.TrimPrefix(wp.re.String(), "^"), "(?i)") + `)$`), rule: wp.rule, fits: wp.fits})
		} else {
			chinese = append(chinese, wp)
		}
	}
	// The English words run as one expression, which costs one pass where
	// each on its own would cost one per word; the word it matched is then
	// found among them.
	union := atomPattern{re: regexp.MustCompile(`^(?i)(?:` + strings.Join(english, "|") + `)`), english: true, rule: englishWordRule, fits: englishWordFits}
	return append(chinese, union)
}

// englishWords are the English wordPatterns, each matching its whole word.
var englishWords []atomPattern

func englishWordOf(text string) (atomPattern, []string) {
	for _, wp := range englishWords {
		if m := wp.re.FindStringSubmatch(text); m != nil {
			return wp, m
		}
	}
	return atomPattern{}, nil
}

func englishWordRule(p *whenParser, m []string, carry int) (atom, error) {
	wp, sub := englishWordOf(m[0])
	if sub == nil {
		return atom{}, errNoAtom
	}
	return wp.rule(p, sub, carry)
}

func englishWordFits(rest string, n int) bool {
	wp, sub := englishWordOf(rest[:n])
	return sub != nil && (wp.fits == nil || wp.fits(rest, n))
}

func relativeWord(days int) atomRule {
	return func(p *whenParser, m []string, _ int) (atom, error) {
		lang := English
		if m[0] != "" && m[0][0] >= 0x80 {
			lang = Chinese
		}
		return p.relative(days, lang), nil
	}
}

// comingWeekday reads the first such weekday after today, plus extra days
// ("the following Monday", "Tuesday week", "the Monday after next").
func comingWeekday(extra int) atomRule {
	return func(p *whenParser, m []string, _ int) (atom, error) {
		word := ""
		for _, s := range m[1:] {
			if s != "" {
				word = strings.ToLower(s)
			}
		}
		if !weekdaySpelling[word] {
			return atom{}, errNoAtom
		}
		wd := englishDays[word[:3]]
		d := p.today.AddDays(1)
		for d.Weekday() != wd {
			d = d.AddDays(1)
		}
		d = d.AddDays(extra)
		// The week it falls in carries to weekdays listed after it
		// ("this coming Monday and Tuesday").
		shift := p.monday(0).DaysUntil(d) / 7
		return atom{span: Span{d, d}, lang: English, shift: shift, shifted: true, weekly: true}, nil
	}
}

// nextWeeksWeekday reads "Tuesday next": the weekday of next week.
func nextWeeksWeekday(p *whenParser, m []string, _ int) (atom, error) {
	if !weekdaySpelling[strings.ToLower(m[1])] {
		return atom{}, errNoAtom
	}
	a := p.weekday(englishDays[strings.ToLower(m[1])[:3]], 1, true, English)
	return a, nil
}

var weekAfter = regexp.MustCompile(`^(?i)\s*(?:week|month|year|time)\b`)

// notWeekAfter keeps "Thu next" of "Tue-Thu next week" for the week rule.
func notWeekAfter(rest string, n int) bool { return !weekAfter.MatchString(rest[n:]) }

// fridayWord reads "EOW": this week's Friday, like a bare "Fri".
func fridayWord(p *whenParser, _ []string, _ int) (atom, error) {
	return p.weekday(time.Friday, 0, false, English), nil
}

// nextOneWeekday reads "下一个周一": next week's weekday, as 下周一.
func nextOneWeekday(p *whenParser, m []string, carry int) (atom, error) {
	return chineseWeekday(p, []string{m[0], "下", m[1]}, carry)
}

// compactDate reads "20251124".
func compactDate(p *whenParser, m []string, _ int) (atom, error) {
	return p.date(m[0], atoi(m[1]), atoi(m[2]), atoi(m[3]), English)
}

// chineseNumeralDay reads a day of the month in Chinese numerals: "廿四",
// "二十四号", "三号".
func chineseNumeralDay(p *whenParser, m []string, carry int) (atom, error) {
	s := strings.TrimRight(m[0], "日号")
	s = strings.NewReplacer("廿", "二十", "卅", "三十").Replace(s)
	n := cnAtoi(s)
	if n < 1 || n > 31 {
		return atom{}, errNoAtom
	}
	return chineseDayOfMonth(p, []string{m[0], strconv.Itoa(n)}, carry)
}

// twoDaysOfMonth reads "3、4号", "3,4号": two days of the month in a row,
// nearest today as "3-4号" is. Days apart ("3、5号") are refused: each
// should carry its 号.
func twoDaysOfMonth(p *whenParser, m []string, carry int) (atom, error) {
	first, err := chineseDayOfMonth(p, []string{m[1], m[1]}, carry)
	if err != nil {
		return atom{}, errNoAtom
	}
	last, n := p.dayAfter(first, m[2]+"号")
	if n == 0 || first.span.End.AddDays(1) != last.span.Start {
		// "3、5号": which month each is in is not sure; ask for 3号、5号.
		return atom{}, Errorf(Invalid, ReasonUnreadDate, m[0])
	}
	first.span.End = last.span.End
	return first, nil
}

// nights is a stay counted in nights ("出差2晚", "住两晚", "2 nights"): one day more.
var nights = regexp.MustCompile(`(?i)(?:^|[^\d一二两三四五六七八九十])(\d|[一二两三四五六七八九十])\s*(?:个)?(?:晚|夜)(?:[^上间饭宴餐会]|$)|\b(\d|one|two|three|four|five|six|seven)\s+nights?\b`)

// nightsOf returns the days of a stay counted in nights, 0 for none.
func nightsOf(what string) int {
	if !strings.ContainsAny(what, "晚夜") && !strings.Contains(what, "night") {
		return 0
	}
	m := nights.FindStringSubmatch(what)
	if m == nil {
		return 0
	}
	n := -1
	if m[1] != "" {
		n = cnAtoi(m[1])
	} else {
		n, _ = countValue(m[2])
	}
	if n < 1 || n > 14 {
		return 0
	}
	return n + 1
}

// monthsFrom is "一个月", "两个月" after a when followed by 起: a stay of months.
var monthsFrom = regexp.MustCompile(`(?:^|[^\d一二两三四五六七八九十每第前近后这那上下本])(\d|[一二两三])\s*个月(?:[^内后前以底初末]|$)`)

// monthsEnd returns the last day of a stay of the months what names from start
// ("周三起 驻点一个月": to the day before the same day a month later).
func monthsEnd(what string, start Date) (Date, bool) {
	if !strings.Contains(what, "个月") {
		return Date{}, false
	}
	m := monthsFrom.FindStringSubmatch(what)
	if m == nil {
		return Date{}, false
	}
	d := start
	for range cnAtoi(m[1]) {
		d = monthNext(d)
	}
	return d.AddDays(-1), true
}

// numeralDayEnds accepts a day in Chinese numerals ("三号", "廿四") only
// where a when ends: a space, the end, a mark, a time of day or a range's
// sign, so that "一号店" and "三号楼" stay names.
func numeralDayEnds(rest string, n int) bool {
	if n >= len(rest) {
		return true
	}
	return strings.ContainsRune(" \t，,、。：:（(【[上下中晚早凌傍至到-~～—–", firstRune(rest[n:]))
}

// holiday reads a holiday on a fixed date: its next day on or after today.
func holiday(month, day int, lang Lang) atomRule {
	return func(p *whenParser, m []string, _ int) (atom, error) {
		d, ok := MakeDate(p.today.Year, time.Month(month), day)
		if ok && d.Before(p.today) {
			d, ok = MakeDate(p.today.Year+1, time.Month(month), day)
		}
		if !ok {
			return atom{}, errNoAtom
		}
		return atom{span: Span{d, d}, lang: lang, dated: true}, nil
	}
}

// aloneHoliday accepts 十一 and 国庆 only as a when of their own: not 十一月,
// 十一日, 十一家, nor a time around them (国庆后, 国庆假期).
func aloneHoliday(rest string, n int) bool {
	if !holidayDay(rest, n) {
		return false
	}
	if strings.HasPrefix(rest, "十一") {
		after := rest[n:]
		return after == "" || after[0] == ' '
	}
	return true
}

// periodAfter is a holiday's season rather than its day ("Christmas week",
// "五一黄金周", "国庆长假").
var periodAfter = regexp.MustCompile(`^(?i)(?:\s*(?:week|holidays?|break|season|period|time|vacation|period|party\s+season)\b|[周长小黄档期])`)

// holidayDay accepts a holiday as its day only: not a time around it (后,
// 前, 期间, 假期) nor its season.
func holidayDay(rest string, n int) bool {
	return notVagueAfter(rest, n) && !periodAfter.MatchString(rest[n:])
}

// vagueWordsMore are periods and lunar holidays a line without a day may
// name: no day, so refused as vague.
var vagueWordsMore = []string{"周中", "下半周", "上半周", "周初", "这两天", "这几天", "待定", "隔周", "跨年", "上半年", "下半年",
	"清明", "元宵", "正月", "除夕", "小年", "初八", "冬至", "腊月", "新年", "元旦假", "元旦期间", "国庆", "五一", "劳动节", "圣诞", "双十一", "十一假", "十一期间", "十一长假", "十一黄金周"}

// vagueMore is vagueWordsMore's counterpart in patterns: quarters, halves,
// a year alone, "within three days", and English periods.
var vagueMore = regexp.MustCompile(`(?:^|\s)[一二三四五六七八九十]{1,3}\s*月份?(?:\s|$)|[一二三四1-4１-４]季度|第[一二三四]季度|(?:^|[^\d])\d{4}\s*年(?:度|底|初|内)?(?:[^\d〇一二三四五六七八九十]|$)|明年|今年内|[一二两三四五六七八九十\d]+\s*(?:天|日|周|个月)内|` +
	`(?i:\b(?:q[1-4]|h[12]|[12]h|eom|eoy|eoq|cny|midweek|mid-week|ytd)\b|\bsometime\b|\b(?:chinese|lunar)\s+new\s+year\b|\bnew\s+year\b|\bchristmas\b|\bxmas\b|\b(?:early|mid|late)[\s-]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|~\s*\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?-?ish\b)`)

// checkVagueMore refuses, in a line without a day, a period or holiday that
// is no day.
func checkVagueMore(what string) error {
	for _, v := range vagueWordsMore {
		if strings.Contains(what, v) {
			return Errorf(Invalid, ReasonVagueDate, v)
		}
	}
	if m := vagueMore.FindString(what); m != "" {
		return Errorf(Invalid, ReasonVagueDate, strings.TrimSpace(m))
	}
	return nil
}

// LaterOf returns, for a move or edit whose when starts text and named a
// weekday or a day of the month without its week or month, the day to offer
// instead when that day is gone by: as Add does. Otherwise the zero Date.
func LaterOf(text string, today Date) Date {
	text = strings.TrimSpace(datePunct.Replace(asciiDigits.Replace(text)))
	w, n, err := parseLeadingWhen(text, today)
	if err != nil || n == 0 || len(w.Spans) == 0 {
		return Date{}
	}
	return laterDay(w, w.Spans[0], today)
}
