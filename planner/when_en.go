package planner

import (
	"errors"
	"regexp"
	"strings"

	"unicode/utf8"
)

// errNoAtom is an atom rule's way to say its match is no day after all.
var errNoAtom = errors.New("no day")

// notDateAfter is what makes "12.3" or "1-10" a number rather than a date:
// a unit, a time of day, a percentage, a decimal's next digit, or a plural
// English noun after a dash ("2-3 companies").
var notDateAfter = regexp.MustCompile(`^(?i)(?:[.\d%亿万元千百个家件套吨米倍年月日号时点分秒人次项批名位场期届天周岁台辆亩楼层号]|\s*(?:am|pm|a\.m|p\.m|billion|million|thousand|bn|percent|hours?|hrs?|km|miles?)\b)`)

// endsNumericDate accepts "12.3", "12-3" as a month and day only when no unit
// or time follows.
func endsNumericDate(rest string, n int) bool {
	after := rest[n:]
	if notDateAfter.MatchString(after) {
		return false
	}
	if strings.Contains(rest[:n], "-") && pluralNoun.MatchString(after) {
		return false
	}
	return endsWord(rest, n) || !isLatinLetter(after)
}

var pluralNoun = regexp.MustCompile(`^\s+[A-Za-z]+s\b`)

func isLatinLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf && (r|0x20 >= 'a' && r|0x20 <= 'z')
}

// dayMonthName reads "3 Dec", "3rd December", "21th-28th December".
func dayMonthName(p *whenParser, m []string, _ int) (atom, error) {
	month := monthNames[strings.ToLower(m[3])[:3]]
	first, err := p.date(m[0], 0, month, atoi(m[1]), English)
	if err != nil || m[2] == "" {
		return first, err
	}
	last, err := p.date(m[0], 0, month, atoi(m[2]), English)
	if err != nil {
		return atom{}, err
	}
	if last.span.End.Before(first.span.Start) {
		return atom{}, Errorf(Invalid, ReasonEndBefore, m[0])
	}
	first.span.End = last.span.End
	return first, nil
}

// theNth reads "the 3rd": that day of the month nearest today.
func theNth(p *whenParser, m []string, _ int) (atom, error) {
	d, ok := p.nearestDay(atoi(m[1]))
	if !ok {
		return atom{}, Errorf(Invalid, ReasonBadDate, m[0])
	}
	return atom{span: Span{d, d}, lang: English, dated: true, monthDay: true}, nil
}

// dayWords are the English day words a misspelling may stand for.
var dayWords = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "tomorrow", "yesterday"}

// misspeltDay reads a word of five letters or more that is one edit from a
// day word ("thrusday", "tomorow"), or two for words of seven or more
// ("wendsday", "tommorrow"), and starts with the same letter.
func misspeltDay(p *whenParser, m []string, carry int) (atom, error) {
	word := closestDayWord(strings.ToLower(m[2]))
	if word == "" {
		return atom{}, errNoAtom
	}
	if strings.HasSuffix(word, "day") && word != "today" && word != "yesterday" {
		return englishWeekday(p, []string{"", m[1], word}, carry)
	}
	if m[1] != "" {
		return atom{}, errNoAtom
	}
	return englishRelative(p, []string{word, word}, carry)
}

// closestDayWord returns the day word that word misspells, or "".
func closestDayWord(word string) string {
	limit := 1
	if len(word) >= 7 {
		limit = 2
	}
	if len(word) < 5 {
		return ""
	}
	for _, w := range dayWords {
		if word == w {
			return ""
		}
		if word[0] == w[0] && abs(len(word)-len(w)) <= limit && editDistance(word, w) <= limit {
			return w
		}
	}
	return ""
}

// editDistance counts the insertions, deletions, substitutions and swaps of
// neighbours that turn a into b (ASCII).
func editDistance(a, b string) int {
	if abs(len(a)-len(b)) > 2 {
		return 3
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
