package planner

import (
	"regexp"
	"strconv"
	"strings"
)

// A count is a number tied to a counter word ("4家", "十余家企业", "近30家",
// "50家以上") or to a plural noun ("4 enterprises", "two suppliers"). Ordinals
// (第3次, 第二批), clock times (9:30), amounts (48亿元, 签约3个亿, $35 million
// projects: see FindAmount), 世界500强 and day numbers are not counts.
var (
	chineseCounter = `(?:家|个|場|场|次|位|批次|批|项|項|所|轮|户|名|支)`
	chineseMore    = `(?:余|多|几|\+)?` // 十余家, 二十多家, 十几家, 10+家 count as 10, 20, 10, 10
	arabicCount    = regexp.MustCompile(`(-?)(\d+)` + chineseMore + `\s?(` + chineseCounter + `)`)
	hanCount       = regexp.MustCompile(`()([零一二两三四五六七八九十]+)` + chineseMore + `(` + chineseCounter + `)`)
	englishCount   = regexp.MustCompile(`(?i)(-?)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\+?((?:\s+[a-z][a-z-]*){1,3})\b`)
)

// englishNumbers are the number words an English count may use.
var englishNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// notCountNouns are plural words after a number that say how long or when,
// not how many of something.
var notCountNouns = map[string]bool{
	"days": true, "weeks": true, "months": true, "years": true, "hours": true, "hrs": true,
	"minutes": true, "mins": true, "nights": true, "times": true, "pm": true, "ams": true,
}

// countStop are the words that end an English count before its noun: up to
// two other words may stand between a number and its noun ("two defense
// manufacturing companies"), these may not ("8 meet with representatives").
var countStop = map[string]bool{
	"with": true, "to": true, "at": true, "in": true, "on": true, "for": true, "from": true, "of": true,
	"the": true, "a": true, "an": true, "and": true, "or": true, "by": true, "meet": true, "met": true,
	"visit": true, "is": true, "are": true, "was": true, "am": true, "pm": true,
	// a scale word makes the number a quantity, not a count ("5 million units")
	"thousand": true, "million": true, "millions": true, "billion": true, "billions": true, "bn": true, "mn": true,
}

// englishMonths are the month words after which a number is a day, not a count.
var englishMonths = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december"}

// enterpriseNouns are the English nouns whose count is of enterprises: on a
// trip they are the trip's visits. A lead or a prospect is a company of the
// pipeline ("follow up with 3 leads" meets three, as 跟进3家企业 does).
var enterpriseNouns = regexp.MustCompile(`(?i)\b(?:enterprises?|compan(?:y|ies)|firms?|clients?|customers?|businesses|factories|plants?|suppliers?|manufacturers?|corporations?|partners?|leads|prospects)\b`)

// countFound is a count read from an item's text.
type countFound struct {
	n          int
	enterprise bool // counted with 家 or an enterprise noun
}

// detectCount returns how many of something an item's text is about (1 when
// it says no number tied to a counter word or a plural noun), and whether
// what it counts are enterprises; an Invalid error when the number is
// outside 1..MaxCount.
func detectCount(text string) (countFound, error) {
	if !mayCount(text) {
		return countFound{n: 1}, nil
	}
	text = asciiDigits.Replace(text)
	type hit struct {
		at               int
		sign, num, noun  string
		chinese, english bool
	}
	var first *hit
	money := moneyIndex{text: text}
	consider := func(h hit) {
		if first == nil || h.at < first.at {
			first = &h
		}
	}
	for _, re := range []*regexp.Regexp{arabicCount, hanCount} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			if notCountAt(text, m[0]) || money.covers(m[4]) {
				continue
			}
			consider(hit{at: m[0], sign: text[m[2]:m[3]], num: text[m[4]:m[5]], noun: text[m[6]:m[7]], chinese: true})
			break
		}
	}
	for _, m := range englishCountsIn(text) {
		noun, ok := englishCountNoun(text[m[6]:m[7]])
		if !ok || englishDayNumber(text[:m[4]]) || notCountAt(text, m[4]) || money.covers(m[4]) {
			continue
		}
		consider(hit{at: m[0], sign: text[m[2]:m[3]], num: text[m[4]:m[5]], noun: noun, english: true})
		break
	}
	if first == nil {
		return countFound{n: 1}, nil
	}
	if first.sign != "" && first.at > 0 && isWordByte(text[first.at-1]) {
		first.sign = "" // "12-1 visits": a dash between numbers, not a minus
	}
	n, ok := countValue(first.num)
	if !ok || first.sign != "" || n < 1 || n > MaxCount {
		return countFound{}, Errorf(Invalid, ReasonBadCount, first.sign+first.num)
	}
	enterprise := first.chinese && first.noun == "家" || first.english && enterpriseNouns.MatchString(first.noun)
	return countFound{n: n, enterprise: enterprise}, nil
}

// moneyIndex tells whether a number is part of an amount (签约3个亿,
// $35 million projects, RMB 2 billion investments): such a number is no count.
// The amounts are read only when a count's number must be checked.
type moneyIndex struct {
	text  string
	spans [][2]int
	read  bool
}

// covers reports whether the byte at i is inside an amount, a range or a band of money.
func (x *moneyIndex) covers(i int) bool {
	if !x.read {
		x.spans, x.read = moneySpans(x.text), true
	}
	for _, s := range x.spans {
		if i >= s[0] && i < s[1] {
			return true
		}
	}
	return false
}

// englishCountsIn finds the English counts of text, when it has Latin letters at all.
func englishCountsIn(text string) [][]int {
	for i := 0; i < len(text); i++ {
		if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
			return englishCount.FindAllStringSubmatchIndex(text, -1)
		}
	}
	return nil
}

// mayCount reports whether text holds a digit or a number word at all, so
// that most lines skip the count patterns.
func mayCount(text string) bool {
	if strings.ContainsAny(text, "0123456789０１２３４５６７８９零一二两三四五六七八九十") {
		return true
	}
	var word [6]byte // the longest number word is "eleven", "twelve"
	n := 0
	for i := 0; i <= len(text); i++ {
		if i < len(text) {
			if c := text[i] | 0x20; c >= 'a' && c <= 'z' {
				if n < len(word) {
					word[n] = c
				}
				n++
				continue
			}
		}
		if n >= 3 && n <= len(word) {
			if _, ok := englishNumbers[string(word[:n])]; ok {
				return true
			}
		}
		n = 0
	}
	return false
}

// notCountAt reports whether the number at i is an ordinal (第3次), a clock
// time or decimal (9:30, 11.30), or part of a longer number.
func notCountAt(text string, i int) bool {
	before := text[:i]
	for _, p := range []string{"第", ":", "∶", "：", ".", "/"} {
		if strings.HasSuffix(before, p) {
			return true
		}
	}
	return false
}

// englishCountNoun returns the noun an English number counts: the first of up
// to three words after it that is plural, when no word before it ends the count.
func englishCountNoun(words string) (string, bool) {
	for _, w := range strings.Fields(strings.ToLower(words)) {
		switch {
		case countStop[w] || notCountNouns[w]:
			return "", false
		case w == "people" || w == "persons" || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
			return w, true
		}
	}
	return "", false
}

// englishDayNumber reports whether the text before a number ends with a month
// name ("Nov 19", "Sept. 20"): the number is then a day.
func englishDayNumber(before string) bool {
	words := strings.Fields(strings.ToLower(strings.TrimRight(before, " .,")))
	if len(words) == 0 {
		return false
	}
	last := strings.TrimRight(words[len(words)-1], ".,")
	for _, m := range englishMonths {
		if last == m {
			return true
		}
	}
	return false
}

// asciiDigits turns full-width digits (４家) into ASCII ones.
var asciiDigits = strings.NewReplacer("０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9")

func isWordByte(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// countValue reads an arabic number, an English number word or a Chinese numeral up to 99.
func countValue(s string) (int, bool) {
	if n, ok := englishNumbers[strings.ToLower(s)]; ok {
		return n, true
	}
	if s[0] >= '0' && s[0] <= '9' {
		n, err := strconv.Atoi(s)
		return n, err == nil
	}
	return chineseNumeral(s)
}

// chineseNumeral reads 一..九十九 (两 for 二; 十二, 二十, 九十九).
func chineseNumeral(s string) (int, bool) {
	digits := map[rune]int{'零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	r := []rune(s)
	switch {
	case len(r) == 1 && r[0] == '十':
		return 10, true
	case len(r) == 1:
		n, ok := digits[r[0]]
		return n, ok
	case len(r) == 2 && r[0] == '十':
		n, ok := digits[r[1]]
		return 10 + n, ok
	case len(r) == 2 && r[1] == '十':
		n, ok := digits[r[0]]
		return n * 10, ok
	case len(r) == 3 && r[1] == '十':
		tens, ok1 := digits[r[0]]
		ones, ok2 := digits[r[2]]
		return tens*10 + ones, ok1 && ok2
	}
	return 0, false
}

// visitVerbs begin the list of whom a visit meets.
var (
	visitVerbs = regexp.MustCompile(`(?i)赴|前往|拜访|走访|對接|对接|考察|參訪|参访|回访|参观|拜会|\bvisits? to\b|\bvisit\b`)
	moreNames  = regexp.MustCompile(`,\s*(?:and\s+)?[A-Z]|\s+and\s+[A-Z]`)
)

// namedCount counts the names a visit lists with no number ("拜访常诚车业、金士博"
// is 2; "visits to Toyota and Mitsubishi" is 2): the list after the visit's
// verb, up to a space or a full stop, split on 、, 和, 及 or "and".
func namedCount(text string) int {
	at := visitVerbs.FindStringIndex(text)
	if at == nil {
		return 1
	}
	return listCount(text[at[1]:])
}

// listCount counts the names a list starts with: Chinese ones up to a space
// or a full stop, split on 、, 和 or 及; English ones split on "," or "and".
func listCount(list string) int {
	if chinese := strings.TrimLeft(list, " "); chinese != "" && !isWordByte(chinese[0]) {
		if end := strings.IndexAny(chinese, " ，,。；;"); end >= 0 {
			chinese = chinese[:end]
		}
		return 1 + strings.Count(chinese, "、") + strings.Count(chinese, "和") + strings.Count(chinese, "及")
	}
	return 1 + len(moreNames.FindAllString(list, -1))
}
