package planner

import (
	"errors"
	"regexp"
	"strings"
	"unicode/utf8"
)

// Numbers that look like a month and day (10.30, 3-5, 3/4) but are a time of
// day, an amount or part of a name. Issue 13 rule 1: never file a line on a
// day its writer did not write. The rules:
//
//   - a number followed (after optional spaces) by a unit, classifier or
//     quantity word ("1.2 亿元", "3-5 人", "3.5 M USD", "1-2 site visits",
//     "3/4 VCs", "2.0版本") is no date;
//   - a number after a time marker (上午 下午 晚上 晚 早 at @ by …), or before
//     am/pm, is a time of day, kept in the title;
//   - h.mm, h:mm or h-h after a weekday or a day already read ("周三 9.30",
//     "明天 10.30", "Wed 10-12") is a time of day, kept in the title;
//   - a bare M.DD whose DD could be minutes (two digits, 00–59) and M an hour,
//     with no 日/号 and no range partner, is ambiguous: "10.30 开会" is as
//     likely 10:30 today as 30 October. It is read as a date only when that
//     date is near (a week back to four weeks ahead), where a date is the likely
//     reading and a wrong guess shows on a day the writer sees this week;
//     otherwise the line is refused with an example of both forms
//     (ReasonDateOrTime), never filed months away or today without a word.
//     H.MM that cannot be a date at all (14.30, 9.45, 20.00) is a time; one
//     that may be day.month (21.11) is asked too; 24.11 is refused as no date.
//   - 24/11: a first number over 12 cannot be a month, so it is day/month.

// quantityAfter is a unit, classifier or quantity word after a number.
var quantityAfter = regexp.MustCompile(`^(?:[xX]\b|\s*(?:[亿万千百元平亩人家个名位批支次项套间栋倍版期届%]|号楼|号地块|号厂房|号店|天酒店|(?i:m|mn|k|bn|million|billion|thousand|usd|rmb|cny|eur|sqm|people|persons)\b))`)

// countNoun is an English plural noun, or a word then one, after a count
// range ("1-2 site visits", "3/4 VCs").
var countNoun = regexp.MustCompile(`^\s+(?:[A-Za-z]+\s+)?[A-Za-z]+s\b`)

// numberPairAt reads "a.b", "a-b" or "a/b" (a, b of one or two digits) at the start of s.
var numberPairAt = regexp.MustCompile(`^(\d{1,2})\s*([./\-])\s*(\d{1,2})`)

// isQuantity reports whether the number at the start of s is an amount or a
// count rather than a day: a unit follows, or a plural noun follows a count
// range whose first number is the smaller.
func isQuantity(s string) bool {
	m := numberPairAt.FindStringSubmatch(s)
	if m == nil {
		return false
	}
	rest := s[len(m[0]):]
	if quantityAfter.MatchString(rest) {
		return true
	}
	return m[2] != "." && atoi(m[1]) < atoi(m[3]) && countNoun.MatchString(rest)
}

// timeMarkers, written before a number, make it a time of day.
var timeMarkers = []string{"上午", "下午", "中午", "晚上", "早上", "傍晚", "凌晨", "早晨", "晚", "早", "@"}

// afterTimeMarker reports whether head (the text before a number) ends in a
// time marker: "上午10.30", "下午 4.30", "at 11.30", "by 9.30".
func afterTimeMarker(head string) bool {
	head = strings.TrimRight(head, " ")
	for _, m := range timeMarkers {
		if h, ok := strings.CutSuffix(head, m); ok {
			// 最晚 12.5, 提早 12.3: "at the latest", "early", not a time
			return len(m) > 3 || !strings.ContainsRune("最提较更趁尽", lastRune(h))
		}
	}
	w := strings.ToLower(lastWord(head))
	return w == "at" || w == "by"
}

// clockDot and clockDash read a time of day at the start of s: "9.30",
// "10:30", "10.30-11.30", "10-12".
var (
	clockDot  = regexp.MustCompile(`^(?:[01]?\d|2[0-3])[.:][0-5]\d(?:$|[^\d.])`)
	clockDash = regexp.MustCompile(`^([01]?\d|2[0-3])-([01]?\d|2[0-4])(?:$|[^\d./\-])`)
)

// isClock reports whether s starts with a time of day (for after a day already read).
func isClock(s string) bool {
	if clockDot.MatchString(s) {
		return true
	}
	m := clockDash.FindStringSubmatch(s)
	return m != nil && atoi(m[1]) < atoi(m[2])
}

// clockAfterDay reports whether the number at pos of the parser's text is a
// time of day after a day just read: a space, not a range or list mark, before it.
func (p *whenParser) clockAfterDay(pos int) bool {
	if pos == 0 || p.s[pos-1] != ' ' || !isClock(p.s[pos:]) {
		return false
	}
	head := strings.TrimRight(p.s[:pos], " ")
	return head != "" && !strings.ContainsRune("-–—~～至到、,，/&和及与", lastRune(head))
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// whatDayStarts is dayStarts for the what of a line: after a day already read,
// a time of day there ("周三 9.30 开会") names no second day.
func whatDayStarts(what string, dayRead bool) []int {
	starts := dayStarts(what)
	if !dayRead {
		return starts
	}
	out := starts[:0]
	for _, at := range starts {
		if !isClock(what[at:]) {
			out = append(out, at)
		}
	}
	return out
}

// noDateNumber reports whether the number at byte i of s is no day: an amount,
// a count, a name ("3号厂房") or a time of day after a marker.
func noDateNumber(s string, i int) bool {
	return isQuantity(s[i:]) || afterTimeMarker(s[:i]) && isClockOrHour(s[i:])
}

// isClockOrHour reports whether a number after a time marker is a time: a
// clock ("7.30", "9-11") or a number of no date shape ("8"); "12.5" is none.
func isClockOrHour(s string) bool {
	return isClock(s) || !numberPairAt.MatchString(s)
}

// ambiguousDot is a bare "M.DD" that may be a month and day or a time.
var ambiguousDot = regexp.MustCompile(`^(\d{1,2})\.([0-5]\d)$`)

// dottedMonthDay reads "12.3", "11.20", "12-4": a month and day. A two-digit
// day that could be minutes is a date only when near today and a time when it
// cannot be a date; otherwise it is refused (see the rules above).
func dottedMonthDay(p *whenParser, m []string, c int) (atom, error) {
	if ambiguousDot.MatchString(m[0]) && !p.rangeFollows() {
		month, day := atoi(m[1]), atoi(m[2])
		d, ok := p.nearest(month, day)
		switch {
		case !ok && month > 23:
			return atom{}, Errorf(Invalid, ReasonBadDate, m[0]) // 24.30: neither
		case !ok && day >= 1 && day <= 12:
			return atom{}, Errorf(Invalid, ReasonDateOrTime, m[0]) // 21.11: 21 Nov or 21:11
		case !ok:
			return atom{}, errNoAtom // 14.30, 9.45, 20.00: a time of day
		}
		if n := p.today.DaysUntil(d); n < -7 || n > 28 {
			return atom{}, Errorf(Invalid, ReasonDateOrTime, m[0])
		}
	}
	return slashDate(p, m, c)
}

// dayMonthSlash reads "12/5" as month/day, and "24/11", whose first number cannot be a month, as day/month.
func dayMonthSlash(p *whenParser, m []string, c int) (atom, error) {
	if a, b := atoi(m[1]), atoi(m[2]); a > 12 && b >= 1 && b <= 12 {
		return p.date(m[0], 0, b, a, English)
	}
	return slashDate(p, m, c)
}

// rangeFollows reports whether a range or list partner follows the atom being read.
func (p *whenParser) rangeFollows() bool {
	rest := p.s[p.end:]
	if n, ok := p.match(rangeSeparator, p.end); ok && n > 0 {
		return isDigit(firstRune(rest[n:]))
	}
	return false
}

// numericFits is the fits of the numeric date patterns: no unit or time after.
func numericFits(rest string, n int) bool {
	return endsNumericDate(rest, n) && !isQuantity(rest)
}

// slashFits keeps "3/4 VCs", "3/4家企业" from being dates.
func slashFits(rest string, n int) bool { return !isQuantity(rest) }

// dateOrTime reports whether err asks whether a number is a date or a time: a
// bare "12.30" in a line's middle is asked too, not filed today.
func dateOrTime(err error) bool {
	var e *Error
	return errors.As(err, &e) && e.Reason == ReasonDateOrTime
}
