package planner

import (
	"regexp"
	"strconv"
	"strings"
)

// kindWords are the words that reveal one kind of item.
type kindWords struct {
	kind    Kind
	english []string
	chinese []string
}

// kindKeywords are the words that reveal an item's kind, tried in Kinds order.
// English words match whole words (and their plurals); Chinese words match anywhere.
var kindKeywords = []kindWords{
	{KindTrip, []string{"trip", "travel", "travels", "travelling", "traveling", "business trip", "journey", "fly to", "flying to"},
		[]string{"出差", "赴", "前往", "差旅", "外出招商"}},
	{KindSigning, []string{"sign", "signs", "signing", "signed", "contract", "contracts", "agreement", "agreements", "mou", "deal closing"},
		[]string{"签约", "签署", "签订", "合同", "协议", "落地签"}},
	{KindFund, []string{"fund", "funds", "capital", "vc", "vcs", "investor", "investors", "private equity", "angel"},
		[]string{"基金", "资本", "投资机构", "以商引商", "投资人", "创投", "投资公司"}},
	{KindVisit, []string{"visit", "visits", "visiting", "enterprise", "enterprises", "company", "companies", "firm", "firms", "factory", "factories", "client", "clients", "customer", "customers"},
		[]string{"拜访", "走访", "企业", "公司", "客户", "上门", "厂", "项目方"}},
	{KindTraining, []string{"training", "trainings", "train", "course", "courses", "workshop", "workshops", "seminar", "seminars", "class", "lecture"},
		[]string{"培训", "课程", "讲座", "研修", "学习"}},
	{KindReview, []string{"review", "reviews", "retrospective", "retro", "recap", "summary", "wrap-up", "wrap up"},
		[]string{"复盘", "总结", "回顾"}},
	{KindMeeting, []string{"meeting", "meetings", "meet", "call", "calls", "conference", "sync", "standup"},
		[]string{"会议", "座谈", "开会", "例会", "会谈", "洽谈", "见面", "研讨"}},
}

// hasKeyword reports whether lower (lower-cased text) holds one of k's
// keywords: an English one as a whole word (plurals are listed), a Chinese one
// anywhere. Plain string search, because one regexp alternation per kind cost
// most of a parse.
func (k kindWords) hasKeyword(lower string) bool {
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
	"visit": KindVisit, "拜访": KindVisit, "走访": KindVisit,
	"training": KindTraining, "培训": KindTraining,
	"review": KindReview, "复盘": KindReview, "总结": KindReview,
	"meeting": KindMeeting, "会议": KindMeeting,
	"other": KindOther, "其他": KindOther,
}

var tagPattern = regexp.MustCompile(`(?:^|\s)#([\p{L}]+)`)

// DetectKind returns the kind of an item's text: an explicit #tag, else the
// first kind whose keywords appear, else KindOther.
func DetectKind(text string) Kind {
	for _, m := range tagPattern.FindAllStringSubmatch(text, -1) {
		if k, ok := kindTags[strings.ToLower(m[1])]; ok {
			return k
		}
	}
	lower := strings.ToLower(text)
	for _, k := range kindKeywords {
		if k.hasKeyword(lower) {
			return k.kind
		}
	}
	return KindOther
}

// Counter words and objects that make a number a count: "4家", "4 companies".
var (
	chineseCounter = `(?:家|个|场|次|位|批|项|所|轮|户|名)`
	arabicCount    = regexp.MustCompile(`(-?)(\d+)\s*` + chineseCounter)
	hanCount       = regexp.MustCompile(`([零一二两三四五六七八九十]+)` + chineseCounter)
	englishCount   = regexp.MustCompile(`(?i)(-?)\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[a-z-]+\s+)?` +
		`(?:enterprises?|compan(?:y|ies)|firms?|clients?|customers?|businesses|factories|meetings?|visits?|investors?|funds?|` +
		`contracts?|deals?|projects?|people|persons?|sessions?|trainings?|courses?|calls?|partners?)\b`)
)

var englishNumbers = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
}

// DetectCount returns how many of something an item's text is about: 1 when it
// says no number tied to a counter word, an Invalid error when the number is
// outside 1..MaxCount.
func DetectCount(text string) (int, error) {
	text = asciiDigits.Replace(text)
	type found struct {
		at   int
		sign string
		num  string
	}
	var hits []found
	if m := arabicCount.FindStringSubmatchIndex(text); m != nil {
		hits = append(hits, found{m[0], text[m[2]:m[3]], text[m[4]:m[5]]})
	}
	if m := hanCount.FindStringSubmatchIndex(text); m != nil {
		hits = append(hits, found{m[0], "", text[m[2]:m[3]]})
	}
	if m := englishCount.FindStringSubmatchIndex(text); m != nil {
		hits = append(hits, found{m[0], text[m[2]:m[3]], text[m[4]:m[5]]})
	}
	if len(hits) == 0 {
		return 1, nil
	}
	first := hits[0]
	for _, h := range hits[1:] {
		if h.at < first.at {
			first = h
		}
	}
	if first.sign != "" && first.at > 0 && isWordByte(text[first.at-1]) {
		first.sign = "" // "12-1 visits": a dash between numbers, not a minus
	}
	n, ok := countValue(first.num)
	if !ok || first.sign != "" || n < 1 || n > MaxCount {
		return 0, Errorf(Invalid, ReasonBadCount, first.sign+first.num)
	}
	return n, nil
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

// Where a trip goes: "trip to Beijing", "出差北京", "赴上海、杭州招商", "去北京出差".
var (
	englishPlace = regexp.MustCompile(`(?i)\b(?:to|in)\s+(.+?)(?:\s+(?:for|with|to|and|on|from|via|by|at)\b|[,.;:!?，。；：]|$)`)
	chinesePlace = regexp.MustCompile(`(?:出差|赴|前往|去往)(?:\s*(?:出差|赴|前往|去往|到|去|往))*\s*` +
		`((?:[\p{Han}A-Za-z]+?、)*[\p{Han}A-Za-z]+?)` +
		`(?:参加|参会|出席|拜访|走访|对接|洽谈|考察|开展|招商|学习|培训|会见|见|与|和|及|，|,|。|\s|$)`)
	placeBeforeTrip = regexp.MustCompile(`^(?:去|到|在|赴)?\s*(\p{Han}{2,4}?)\s*出差`)
)

// DetectPlace returns a trip's destination as written, or "" when the text names none.
func DetectPlace(text string) string {
	if m := chinesePlace.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := placeBeforeTrip.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := englishPlace.FindStringSubmatch(text); m != nil {
		return strings.TrimSpace(m[1])
	}
	return ""
}
