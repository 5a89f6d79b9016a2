package planner

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// dayStarts returns the byte offsets in s where a day may be named: where a
// when is looked for in the middle of a line, and where a day left in the what
// is caught. It is a cheap look at each word and number (not one inside a word
// or a code: "b-g5-4", "v1.2"); the when parser decides.
func dayStarts(s string) []int {
	var out []int
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case isDigit(r) && !(i > 0 && (isWordChar(s[i-1]) || strings.ContainsRune("-/.", rune(s[i-1])))):
			if numberMayBeDay(s[i:]) && !noDateNumber(s, i) {
				out = append(out, i)
			}
		case isLatinLetter(s[i:]) && !(i > 0 && isWordChar(s[i-1])):
			w := leadingWord(s[i:])
			if englishMayBeDay(w, s[i+len(w):]) {
				out = append(out, i)
			}
			i += len(w)
			continue
		case strings.ContainsRune(chineseDayStart, r) && chineseDayLike.MatchString(s[i:]):
			out = append(out, i)
		}
		i += size
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// leadingWord returns the ASCII letters that start s.
func leadingWord(s string) string {
	n := 0
	for n < len(s) && isLatinLetter(s[n:]) {
		n++
	}
	return s[:n]
}

// numberMayBeDay reports whether the number that starts s may begin a date:
// "2025-11-20", "12.3", "3日", "23至25日", "3rd", "3 Dec", "11月".
func numberMayBeDay(s string) bool {
	n := 0
	for n < len(s) && isDigit(rune(s[n])) {
		n++
	}
	rest := s[n:]
	if n == 4 {
		return rest != "" && strings.ContainsRune("-/.年", rune(rest[0]))
	}
	if n > 2 || rest == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return strings.ContainsRune("./-日号月至到—–~～ ", r) || isLatinLetter(rest)
}

// englishDays lists the English words that name a day, as the when reads them.
var englishDayWords = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true, "saturday": true, "sunday": true,
	"mon": true, "tue": true, "tues": true, "wed": true, "weds": true, "thu": true, "thur": true, "thurs": true, "fri": true,
	"weekend": true, "today": true, "tonight": true, "tomorrow": true, "tmr": true, "tmrw": true, "yesterday": true,
}

// englishMayBeDay reports whether the word w, followed by rest, may begin a
// day: a day word or its misspelling, next/this/last before one, a month
// before a number, "the" before one.
func englishMayBeDay(w, rest string) bool {
	lower := strings.ToLower(w)
	switch {
	case englishDayWords[lower] || closestDayWord(lower) != "":
		return true
	case lower == "next" || lower == "this" || lower == "last":
		after := strings.ToLower(leadingWord(strings.TrimLeft(rest, " ")))
		return englishDayWords[after] || after == "sat" || after == "sun" || closestDayWord(after) != ""
	case lower == "the" || len(lower) >= 3 && monthNames[lower[:3]] > 0 && monthWord.MatchString(lower):
		rest = strings.TrimLeft(rest, ". ")
		return rest != "" && isDigit(rune(rest[0]))
	}
	return false
}

var monthWord = regexp.MustCompile(`^` + monthName + `$`)

// chineseDayStart are the characters a Chinese day word may start with.
const chineseDayStart = "下上本这周週星礼禮大后明昨前今〇一二三四五六七八九十"

var chineseDayLike = regexp.MustCompile(`^(?:(?:下下|上上|下|上|本|这)?个?(?:周|週|星期|礼拜|禮拜)[一二三四五六日天末1-7八九]|下下周|上上周` +
	`|大?后天|明天|明日|昨天|昨日|大?前天|今天|(?:本月|这个月|下个?月|上个?月)\d{1,2}\s*[日号]` +
	`|[〇一二三四五六七八九十]{1,3}月[〇一二三四五六七八九十\d]{1,3}[日号]?)`)
