package planner

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TargetLine is what an admin's target line says (ParseTargetLine): for a
// period and a scope — the team, or one member — a goal for each metric
// named, 0 to remove that target; or, with Clear, that every target of the
// period and scope goes. A line with a period and nothing else sets nothing:
// it asks to see the period's targets.
type TargetLine struct {
	Period TargetPeriod
	Member string // the member named (their id, as the chat platform gave it), "" for the team
	// MemberName is the member's name, once SetTargets found them in the team.
	MemberName string
	Goals      map[Metric]int64
	Clear      bool
}

// Sets reports whether the line changes any target.
func (l TargetLine) Sets() bool { return len(l.Goals) > 0 || l.Clear }

// ParseTargetPeriod reads a year or a quarter as people write it: 2026,
// 2026年, 2026年度, 2026-Q1, 2026Q1, 2026 Q1, Q1 2026, 2026年一季度,
// 2026年第一季度, 2026年1季度 (years 2000 to 2099).
func ParseTargetPeriod(s string) (TargetPeriod, bool) {
	s = strings.TrimSpace(foldWidth(s))
	p, n, ok := readTargetPeriod(s)
	return p, ok && n == len(s)
}

// quarterNumbers are the quarters as the patterns read them.
var quarterNumbers = map[string]int{"1": 1, "2": 2, "3": 3, "4": 4, "一": 1, "二": 2, "三": 3, "四": 4}

// foldWidth turns full-width ASCII (digits, letters, marks) and the ideographic
// space into ASCII: ２０２６ is 2026, ：is :.
func foldWidth(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '！' && r <= '～' {
			return r - '！' + '!'
		}
		if r == '\u3000' {
			return ' '
		}
		return r
	}, s)
}

// metricWords are the words that name each metric, in both languages.
var metricWords = map[string]Metric{
	"签约项目": MetricSigned, "签约项目数": MetricSigned, "签约数": MetricSigned, "签约个数": MetricSigned,
	"项目数": MetricSigned, "签约": MetricSigned,
	"signed": MetricSigned, "signings": MetricSigned, "projects": MetricSigned, "signed-projects": MetricSigned,
	"签约额": MetricAmount, "签约金额": MetricAmount, "签约总额": MetricAmount,
	"amount": MetricAmount, "investment": MetricAmount, "signed-amount": MetricAmount,
	"拜访": MetricVisits, "拜访企业": MetricVisits, "走访": MetricVisits, "走访企业": MetricVisits,
	"visits": MetricVisits, "visit": MetricVisits, "enterprises": MetricVisits,
	"接待": Metric(KindReception), "receptions": Metric(KindReception), "reception": Metric(KindReception),
	"活动": Metric(KindEvent), "推介会": Metric(KindEvent), "events": Metric(KindEvent), "event": Metric(KindEvent),
	"出差": Metric(KindTrip), "trips": Metric(KindTrip), "trip": Metric(KindTrip),
	"基金": Metric(KindFund), "基金对接": Metric(KindFund), "funds": Metric(KindFund), "fund": Metric(KindFund),
	"培训": Metric(KindTraining), "trainings": Metric(KindTraining), "training": Metric(KindTraining),
	"复盘": Metric(KindReview), "评审": Metric(KindReview), "reviews": Metric(KindReview), "review": Metric(KindReview),
	"会议": Metric(KindMeeting), "meetings": Metric(KindMeeting), "meeting": Metric(KindMeeting),
}

// metricWordList is metricWords' words, longest first, so that 签约额 is
// read before 签约.
var metricWordList = func() []string {
	words := make([]string, 0, len(metricWords))
	for w := range metricWords {
		words = append(words, w)
	}
	sort.Slice(words, func(i, j int) bool {
		if len(words[i]) != len(words[j]) {
			return len(words[i]) > len(words[j])
		}
		return words[i] < words[j]
	})
	return words
}()

// clearWords remove a target (after a metric) or every target of the period
// and scope (alone).
var clearWords = map[string]bool{"clear": true, "none": true, "off": true, "清除": true, "清空": true, "取消": true, "无": true}

// periodHead reads a period at the start of a line: Q1 2026, or a year
// (2026, 2026年, 2026年度) with maybe its quarter (-Q1, Q1, 一季度, 第一季度, 1季度).
var periodHead = regexp.MustCompile(`^(?:[Qq]([1-4])\s*-?\s*(\d{4})|(\d{4})(?:\s*(?:年度|年))?(?:\s*-?\s*[Qq]([1-4])|\s*第?\s*([一二三四1-4])\s*季度?)?)`)

// readTargetPeriod reads the period s starts with and returns it and its
// length in bytes; a period must end where a word does (2026Q5, 20261 are none).
func readTargetPeriod(s string) (TargetPeriod, int, bool) {
	m := periodHead.FindStringSubmatchIndex(s)
	if m == nil {
		return TargetPeriod{}, 0, false
	}
	group := func(i int) string {
		if m[2*i] < 0 {
			return ""
		}
		return s[m[2*i]:m[2*i+1]]
	}
	p := TargetPeriod{}
	switch {
	case group(2) != "":
		p.Year, _ = strconv.Atoi(group(2))
		p.Quarter = quarterNumbers[group(1)]
	default:
		p.Year, _ = strconv.Atoi(group(3))
		p.Quarter = quarterNumbers[group(4)+group(5)]
	}
	n := m[1]
	if r, _ := utf8.DecodeRuneInString(s[n:]); n < len(s) && (isArabicDigit(r) || r < utf8.RuneSelf && isLetterByte(byte(r))) {
		return TargetPeriod{}, 0, false
	}
	return p, n, p.Year >= 2000 && p.Year <= 2099
}

// ParseTargetLine reads what follows "/plan setup target": a period (a year
// or a quarter, ParseTargetPeriod's forms), then maybe a member, then each
// metric with its goal — `2026 签约项目 20 个 签约额 100 亿元 拜访 400 家`,
// `2026-Q1 @U2 signed 5`, `2026 signed 20 amount CNY 10 bn visits 400` — or
// `clear`. A count is a whole number (a unit word after it: 个, 家, 次…); an
// amount is in CNY, as FindAmount reads it (100亿元, CNY 10 bn), or in yuan
// written with a power of ten (100e8); 0 or clear after a metric removes its
// target. Anything else is an Invalid error that names the words it could
// not read, and nothing is set.
func ParseTargetLine(text string) (TargetLine, error) {
	s := strings.TrimSpace(foldWidth(text))
	p, n, ok := readTargetPeriod(s)
	if !ok {
		word, _, _ := strings.Cut(s, " ")
		return TargetLine{}, Errorf(Invalid, ReasonTargetPeriod, word)
	}
	line := TargetLine{Period: p, Goals: map[Metric]int64{}}
	rest := s[n:]
	found := findMetrics(rest)
	head := rest
	if len(found) > 0 {
		head = rest[:found[0].start]
	}
	for _, w := range strings.Fields(trimSeparators(head)) {
		clear := clearWords[strings.ToLower(w)]
		switch {
		case clear && !line.Clear && len(found) == 0:
			line.Clear = true
		case !clear && line.Member == "":
			line.Member = w
		default:
			return TargetLine{}, Errorf(Invalid, ReasonBadTarget, trimSeparators(head))
		}
	}
	for i, f := range found {
		end := len(rest)
		if i+1 < len(found) {
			end = found[i+1].start
		}
		value := trimSeparators(rest[f.end:end])
		goal, ok := parseGoal(f.metric, value)
		if _, twice := line.Goals[f.metric]; !ok || twice {
			return TargetLine{}, Errorf(Invalid, ReasonBadTarget, strings.TrimSpace(rest[f.start:end]))
		}
		line.Goals[f.metric] = goal
	}
	return line, nil
}

// metricAt is a metric word found in a line, and where.
type metricAt struct {
	start, end int
	metric     Metric
}

// findMetrics finds the metric words in s, in order: the longest word at
// each place; a Latin word only as a whole word (visits, not revisits).
func findMetrics(s string) []metricAt {
	lower := asciiLower(s)
	var found []metricAt
	for i := 0; i < len(s); {
		if w, ok := metricWordAt(lower, i); ok {
			found = append(found, metricAt{start: i, end: i + len(w), metric: metricWords[w]})
			i += len(w)
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return found
}

// metricWordAt returns the longest metric word at byte i of lower.
func metricWordAt(lower string, i int) (string, bool) {
	for _, w := range metricWordList {
		if !strings.HasPrefix(lower[i:], w) {
			continue
		}
		if w[0] < utf8.RuneSelf && (i > 0 && inLatinWord(lower[i-1]) || i+len(w) < len(lower) && inLatinWord(lower[i+len(w)])) {
			continue
		}
		return w, true
	}
	return "", false
}

// inLatinWord reports whether b, beside a Latin metric word, makes it part
// of a longer word or id: an ASCII letter, digit or underscore (ou_…).
func inLatinWord(b byte) bool { return isWordByte(b) || b == '_' }

// asciiLower lowers the ASCII letters of s only, so that byte offsets stay.
func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// trimSeparators trims spaces and the marks people put between a metric and
// its goal, or after it: 签约项目：20个，签约额=100亿元；
func trimSeparators(s string) string {
	return strings.Trim(s, " \t:：=,，、;；")
}

var (
	countGoal = regexp.MustCompile(`^(\d{1,5})\s*(?:个|家|次|场|项|批|批次|人次)?$`)
	// yuanPower is an amount in yuan with a power of ten: 100e8 (100亿元), 1.5e9.
	yuanPower = regexp.MustCompile(`^(\d{1,12})(?:\.(\d{1,8}))?\s*[eE]\+?(\d{1,2})\s*(?:元|yuan|cny|rmb)?$`)
)

// parseGoal reads the goal of metric m: a count, or for MetricAmount an
// amount in 万元; 0 (or clear) removes the target.
func parseGoal(m Metric, value string) (int64, bool) {
	if value == "0" || clearWords[strings.ToLower(value)] {
		return 0, true
	}
	if m == MetricAmount {
		return amountGoal(value)
	}
	match := countGoal.FindStringSubmatch(value)
	if match == nil {
		return 0, false
	}
	n, _ := strconv.ParseInt(match[1], 10, 64)
	return n, n <= MaxGoal
}

// amountGoal reads an amount in CNY as 万元: all of value is the amount.
func amountGoal(value string) (int64, bool) {
	if a, start, end, ok := FindAmount(value); ok && start == 0 && end == len(value) {
		return a.Value, a.Currency == "CNY"
	}
	m := yuanPower.FindStringSubmatch(asciiLower(value))
	if m == nil {
		return 0, false
	}
	digits := strings.TrimLeft(m[1]+m[2], "0")
	exp, _ := strconv.Atoi(m[3])
	exp -= len(m[2]) + 4 // to 万, the digits after the point taken into the number
	if digits == "" || len(digits)+exp > 13 || exp < -18 {
		return 0, false // zero, far over MaxAmount, or far under 1万
	}
	wan, _ := strconv.ParseInt(digits, 10, 64) // at most 20 digits, 13 left of the point: fits once shifted
	if exp >= 0 {
		for ; exp > 0; exp-- {
			wan *= 10
		}
	} else {
		div := int64(1)
		for ; exp < 0; exp++ {
			div *= 10
		}
		wan = wan/div + (wan%div*2)/div // rounded half up to the nearest 万, as FindAmount rounds
	}
	return wan, wan >= 1 && wan <= MaxAmount
}
