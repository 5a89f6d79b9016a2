package planner

import (
	"regexp"
	"strings"
)

// readWhen finds the when of a line and returns it with the rest, the what.
// The when may open the line (also in brackets, "【周四】", "[Thu]", or after
// "On"), close it ("team meeting tomorrow"), or, in a line with neither, stand
// anywhere in it ("first round of roadshows on December 9 in London").
func readWhen(text string, today Date) (When, string, error) {
	lead := leadIn.FindString(text)
	w, n, err := parseLeadingWhen(text[len(lead):], today)
	if err != nil {
		return When{}, "", err
	}
	if n > 0 {
		rest := text[len(lead)+n:]
		if strings.ContainsAny(lead, "【[（(") {
			close := leadOut.FindString(rest)
			if close == "" {
				return When{}, text, nil
			}
			rest = rest[len(close):]
		}
		return w, strings.TrimSpace(strings.TrimLeft(rest, whenEnd)), nil
	}
	if w, what := trailingWhen(text, today); len(w.Spans) > 0 && !untilWord.MatchString(lastWord(what)) {
		return w, what, nil
	}
	for _, at := range dayStarts(text) {
		w, n, err := dayIn(text, at, today)
		if err != nil {
			return When{}, "", err
		}
		if n == 0 {
			continue
		}
		if w.Spans[len(w.Spans)-1].End.Before(today) && !w.bare && !w.monthly {
			// A day gone by in the middle of a line ("follow up on last
			// Tuesday's visit") is what the item is about, not its day.
			return When{}, "", Errorf(Invalid, ReasonUnreadDate, strings.TrimSpace(text[at:at+n]))
		}
		head := strings.TrimRight(text[:at], whenEnd)
		if h, ok := cutWord(head, "on", "from", "starting"); ok {
			head = h
		}
		tail := strings.TrimSpace(strings.TrimLeft(text[at+n:], whenEnd))
		return w, strings.TrimSpace(head + " " + tail), nil
	}
	return When{}, text, nil
}

var (
	leadIn  = regexp.MustCompile(`^(?:(?i)on\s+|[【\[（(]\s*)`)
	leadOut = regexp.MustCompile(`^\s*[】\]）)]`)
)

// dayIn reads the when that may start at byte at of s (one of dayStarts). A
// pair of numbers that is no date ("0-11" of "9:00-11:30") is no when and no
// error; other days that are wrong ("周八", "下下周", "2月30日") are errors.
func dayIn(s string, at int, today Date) (When, int, error) {
	if at > 0 && strings.ContainsRune(":.", rune(s[at-1])) {
		return When{}, 0, nil // a time of day or a number's decimals
	}
	w, n, err := parseLeadingWhen(s[at:], today)
	if err != nil && numberPair.MatchString(s[at:]) && !dateOrTime(err) {
		return When{}, 0, nil
	}
	return w, n, err
}

var numberPair = regexp.MustCompile(`^\d{1,2}[./-]\d{1,2}(?:$|[^\d])`)

// lastWord returns the last space-separated word of s.
func lastWord(s string) string { return s[strings.LastIndex(s, " ")+1:] }

// cutWord removes the last of words from the end of s when it stands there as a word.
func cutWord(s string, words ...string) (string, bool) {
	for _, w := range words {
		if h, ok := strings.CutSuffix(s, " "+w); ok {
			return strings.TrimSpace(h), true
		}
		if strings.EqualFold(s, w) {
			return "", true
		}
	}
	return s, false
}

// vagueDay is part of a month rather than a day: refused, not guessed.
var vagueDay = regexp.MustCompile(`(?i)(?:[〇一二三四五六七八九十\d]{1,3})?月(?:底|初|末)|[上中下]旬|\b(?:end|beginning|start)\s+of\s+(?:the\s+|this\s+|next\s+)?month\b`)

// settle returns the days of the items a line asks for: the when's, today's
// without one, lengthened by a stated duration ("为期四天", "two-day") or end
// ("直至本月23日", "through May 21"). A day named in the what that falls
// outside them is an error, so that no line is filed on a day it did not say.
func settle(w When, what string, today Date, from bool) ([]Span, error) {
	spans := w.Spans
	if len(spans) == 0 {
		spans = []Span{{today, today}}
	}
	if len(spans) == 1 && spans[0].Start == spans[0].End {
		if n := nightsOf(what); n > 0 {
			spans = []Span{{spans[0].Start, spans[0].Start.AddDays(n - 1)}}
		} else if end, ok := monthsEnd(what, spans[0].Start); ok && from {
			spans = []Span{{spans[0].Start, end}}
		}
	}
	if len(spans) == 1 {
		days, weeks := durationOf(what, from)
		if days > 0 && !weeks && spans[0].Start != spans[0].End && spans[0].Start.DaysUntil(spans[0].End)+1 != days {
			return nil, Errorf(Invalid, ReasonDurationMismatch, spans[0].Start.String()+".."+spans[0].End.String())
		}
		if days > 0 && spans[0].Start == spans[0].End {
			spans = []Span{{spans[0].Start, spans[0].Start.AddDays(days - 1)}}
		} else if end, ok := untilOf(what, today); ok && end.After(spans[0].End) {
			spans = []Span{{spans[0].Start, end}}
		}
	}
	if strings.ContainsAny(what, "月旬") || strings.Contains(what, "onth") {
		if m := vagueDay.FindString(what); m != "" {
			return nil, Errorf(Invalid, ReasonVagueDate, m)
		}
	}
	for _, at := range whatDayStarts(what, len(w.Spans) > 0) {
		named, n, err := dayIn(what, at, today)
		if err != nil {
			return nil, err
		}
		if n > 0 && !within(named.Spans, spans) {
			if len(w.Spans) > 0 {
				return nil, Errorf(Invalid, ReasonSeveralDays, what[at:at+n])
			}
			return nil, Errorf(Invalid, ReasonUnreadDate, what[at:at+n])
		}
	}
	return spans, nil
}

// within reports whether every day of inner falls in one of outer.
func within(inner, outer []Span) bool {
	for _, s := range inner {
		in := false
		for _, o := range outer {
			in = in || (!s.Start.Before(o.Start) && !s.End.After(o.End))
		}
		if !in {
			return false
		}
	}
	return true
}

var (
	chineseDuration = regexp.MustCompile(`(?:^|[^每第前近后这那])(?:为期)?\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个?(天|周|星期)(?:[^内后前以酒]|$)`)
	englishDuration = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)[- ]days?\b`)
	untilWord       = regexp.MustCompile(`(?i)(?:直至|直到|一直到|持续到|\buntil\b|\btill\b|\bthrough\b|\bthru\b)`)
)

// durationOf returns the days a what says its item lasts ("为期四天", "（4天）",
// "出差两天", "为期一周", "two-day", "3 days"; in English two weeks at most),
// 0 when it says none.
// With from (the when was followed by 起, "starting then"), a number of weeks
// counts without 为期 ("明天起 出差一周"). weeks reports that the duration was
// given in weeks.
func durationOf(what string, from bool) (n int, weeks bool) {
	if !strings.ContainsAny(what, "天周期") && !strings.Contains(what, "day") {
		return 0, false
	}
	if m := chineseDuration.FindStringSubmatch(what); m != nil {
		if m[2] == "天" {
			n = cnAtoi(m[1])
		} else if from || strings.Contains(m[0], "为期") {
			n, weeks = 7*cnAtoi(m[1]), true
		}
	} else if m := englishDuration.FindStringSubmatch(what); m != nil {
		if n, _ = countValue(m[1]); n > 14 {
			return 0, false // a "30-day plan" is no trip of thirty days
		}
	}
	if n < 1 || n > 31 {
		return 0, false
	}
	return n, weeks
}

// untilOf returns the last day of "直至本月23日", "until Friday", "continues through May 21".
func untilOf(what string, today Date) (Date, bool) {
	if !strings.ContainsAny(what, "直到至ltT") {
		return Date{}, false
	}
	loc := untilWord.FindStringIndex(what)
	if loc == nil {
		return Date{}, false
	}
	w, n, err := parseLeadingWhen(strings.TrimSpace(what[loc[1]:]), today)
	if err != nil || n == 0 {
		return Date{}, false
	}
	return w.Spans[len(w.Spans)-1].End, true
}
