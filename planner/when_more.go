package planner

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// englishNumber is a small count in digits or words ("in 2 days", "in two weeks").
const englishNumber = `(\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)`

// cnCount is a small count in arabic or Chinese numerals ("3天后", "两周后").
const cnCount = `(\d{1,2}|[一二两三四五六七八九十]{1,3})`

// dayAfterTomorrow reads "day after tomorrow".
func dayAfterTomorrow(p *whenParser, _ []string, _ int) (atom, error) {
	return p.relative(2, English), nil
}

// englishIn reads "in 2 days", "in two weeks": that many days or weeks from today.
func englishIn(p *whenParser, m []string, _ int) (atom, error) {
	n, ok := countValue(m[1])
	if strings.EqualFold(m[1], "a") || strings.EqualFold(m[1], "an") {
		n, ok = 1, true
	}
	if !ok || n < 1 {
		return atom{}, errNoAtom
	}
	if strings.HasPrefix(strings.ToLower(m[2]), "week") {
		n *= 7
	}
	return p.relative(n, English), nil
}

// chineseLater reads "3天后", "两周后": that many days or weeks from today.
func chineseLater(p *whenParser, m []string, _ int) (atom, error) {
	n, ok := countValue(m[1])
	if !ok || n < 1 || n > 99 {
		return atom{}, errNoAtom
	}
	if m[2] != "天" && m[2] != "日" {
		n *= 7
	}
	return p.relative(n, Chinese), nil
}

// chineseNextTwoDays reads "明后两天", "明后天": tomorrow and the day after.
func chineseNextTwoDays(p *whenParser, _ []string, _ int) (atom, error) {
	a := p.relative(1, Chinese)
	a.span.End = a.span.Start.AddDays(1)
	return a, nil
}

// newYearsDay reads 元旦: the 1st of January nearest today.
func newYearsDay(p *whenParser, m []string, _ int) (atom, error) {
	return p.date(m[0], 0, 1, 1, Chinese)
}

// notVagueAfter rejects a holiday followed by 后/前/期间 ("元旦后"): a time
// around the day, not the day, which the vague check refuses.
func notVagueAfter(rest string, n int) bool {
	r, _ := utf8.DecodeRuneInString(rest[n:])
	return !strings.ContainsRune("后前期以之假", r)
}

// notCounterOrDigit is notCounter for a date whose 日 may be left out
// ("11月20 拜访"): no digit or unit may follow it.
func notCounterOrDigit(rest string, n int) bool {
	return notCounter(rest, n) && !strings.HasPrefix(strings.TrimLeft(rest[n:], " "), "日")
}

// dottedDate reads "21.11." (day.month. as German and Russian write it) and
// "11.21." alike when only one reading is a date; when both are, it is refused.
func dottedDate(p *whenParser, m []string, _ int) (atom, error) {
	a, b := atoi(m[1]), atoi(m[2])
	switch {
	case a > 12 && b <= 12:
		return p.date(m[0], 0, b, a, English)
	case b > 12 && a <= 12:
		return p.date(m[0], 0, a, b, English)
	}
	return atom{}, Errorf(Invalid, ReasonBadDate, strings.TrimSpace(m[0]))
}

// ordinalNoun is a noun an ordinal counts rather than dates ("the 2nd batch").
var ordinalNoun = regexp.MustCompile(`^(?i)\s+(?:batch|batches|round|time|phase|stage|session|edition|group|floor|quarter|place|year|generation|wave|lot|version|tranche|term|step|annual|meeting|event|forum|expo|largest|biggest|one|of\s+(?:the|this|these|those|our|its|their|them|us|all))\b`)

// notOrdinalNoun accepts "the 3rd" as a day unless a noun it counts follows.
func notOrdinalNoun(rest string, n int) bool { return !ordinalNoun.MatchString(rest[n:]) }

// bareOrdinal is a day of the month written as an English ordinal ("25th").
var bareOrdinal = regexp.MustCompile(`^(?i)(\d{1,2})(?:st|nd|rd|th)\b`)

// ordinalAt reads a bare ordinal at pos that restates a weekday ("Tues 25th"):
// that day of the month nearest today.
func (p *whenParser) ordinalAt(pos int) (atom, int) {
	m := bareOrdinal.FindStringSubmatch(p.s[pos:])
	if m == nil || !notOrdinalNoun(p.s[pos:], len(m[0])) {
		return atom{}, 0
	}
	d, ok := p.nearestDay(atoi(m[1]))
	if !ok {
		return atom{}, 0
	}
	return atom{span: Span{d, d}, lang: English, dated: true}, len(m[0])
}

// abbrevTypo reads a three-letter English weekday with two letters swapped
// ("fir", "teu") that ends a range ("thu-fir").
func (p *whenParser) abbrevTypo(pos, carry int) (atom, int) {
	w := leadingWord(p.s[pos:])
	if len(w) != 3 {
		return atom{}, 0
	}
	lower := strings.ToLower(w)
	for abbr, wd := range englishDays {
		if editDistance(lower, abbr) == 1 && sortedLetters(lower) == sortedLetters(abbr) {
			return p.weekday(wd, carry, false, English), 3
		}
	}
	return atom{}, 0
}

func sortedLetters(s string) string {
	b := []byte(s)
	for i := range b {
		for j := i + 1; j < len(b); j++ {
			if b[j] < b[i] {
				b[i], b[j] = b[j], b[i]
			}
		}
	}
	return string(b)
}

// gluedWeekday reports whether a bare Chinese weekday numeral follows at pos
// with no separator, as in "周六日", "周二三" (Saturday and Sunday, Tuesday and
// Wednesday).
func (p *whenParser) gluedWeekday(pos int) bool {
	if !p.afterWeekday || pos >= len(p.s) {
		return false
	}
	r, size := utf8.DecodeRuneInString(p.s[pos:])
	return strings.ContainsRune("一二三四五六日天", r) && notCityOrCounter(p.s[pos:], size) && !strings.ContainsRune("点时", firstRune(p.s[pos+size:]))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// monthNext returns the same day of the month in the next month that has it.
func monthNext(d Date) Date {
	m := Date{d.Year, d.Month, 1}
	for range 3 {
		m = m.AddDays(31)
		m = Date{m.Year, m.Month, 1}
		if n, ok := MakeDate(m.Year, m.Month, d.Day); ok {
			return n
		}
	}
	return d.AddDays(31)
}
