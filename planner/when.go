package planner

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Span is a run of consecutive days, Start..End inclusive.
type Span struct {
	Start, End Date
}

// When is what the leading "when" of a line meant: one span per item to create.
type When struct {
	Spans []Span
	Lang  Lang // the language the when was written in
	// bare is set when the when is only weekday words of the current week
	// written without next/last/this (下/上/本) and without a date.
	bare bool
	// monthly is set when the when is only days of the month written
	// without a month ("3-5日", "the 3rd").
	monthly bool
	// yearless is set when the when is only dates written without a year
	// ("3月31日", "Mar 31"): a deadline reads them as the next time they come.
	yearless bool
}

// Years outside this range are taken as typing mistakes.
const (
	minYear = 2000
	maxYear = 2099
)

// atom is one day-like word: "thu", "下周二", "11月20日", "weekend".
type atom struct {
	span     Span
	lang     Lang
	shift    int  // weeks from the current week, for weekday words
	shifted  bool // the atom said next/last/this (下/上/本) itself
	weekly   bool // a weekday or weekend word: a range ending before it starts wraps a week
	yearless bool // a date without a year: a range ending before it starts wraps a year
	dated    bool // a calendar date: a range may end in a bare day ("Nov 20-21", "11月20日至21日")
	monthDay bool // a day of the month without a month ("3日", "the 3rd"), nearest today
}

// whenParser reads a when at the start of a string. Positions are byte offsets.
type whenParser struct {
	s     string
	today Date
	// anchor is the last date read, so that a bare day after it ("9月6日、7日")
	// is the first such day after it.
	anchor Date
	// afterWeekday is set after a Chinese weekday, so that a bare numeral
	// after it is a weekday too ("周二至四", "周一、三、五").
	afterWeekday bool
	// end is where the match of the atom being read ends.
	end int
}

// ParseWhen reads text that must be nothing but a when ("thu-fri", "下周三").
func ParseWhen(text string, now time.Time, loc *time.Location) (When, error) {
	text = strings.TrimSpace(text)
	w, n, err := parseLeadingWhen(text, DateOf(now, loc))
	if err != nil {
		return When{}, err
	}
	if n == 0 || strings.TrimSpace(text[n:]) != "" {
		return When{}, Errorf(Invalid, ReasonBadWhen, text)
	}
	return w, nil
}

// parseLeadingWhen reads the longest when at the start of s and returns it with
// the number of bytes it used; n == 0 means s does not start with a when.
func parseLeadingWhen(s string, today Date) (When, int, error) {
	p := whenParser{s: s, today: today}
	return p.parse()
}

// parse reads a list of days, which "next week" may open or close
// ("next week tue-thu", "tue-thu next week").
func (p *whenParser) parse() (When, int, error) {
	if m := weekPrefix.FindStringSubmatch(p.s); m != nil {
		w, n, err := p.list(len(m[0]), englishShift[strings.ToLower(m[1])])
		if err != nil || n > 0 {
			return w, len(m[0]) + n, err
		}
		*p = whenParser{s: p.s, today: p.today}
	}
	w, n, err := p.list(0, 0)
	if err != nil || n == 0 || !w.bare {
		return w, n, err
	}
	if m := weekSuffix.FindStringSubmatch(p.s[n:]); m != nil && endsWord(p.s, n+len(m[0])) {
		*p = whenParser{s: p.s, today: p.today}
		shifted, _, err := p.list(0, englishShift[strings.ToLower(m[1])])
		return shifted, n + len(m[0]), err
	}
	return w, n, nil
}

var (
	weekPrefix = regexp.MustCompile(`^(?i)(next|this|last)\s+week(?:\s*[,:]\s*|\s+)`)
	weekSuffix = regexp.MustCompile(`^(?i)\s+(next|this|last)\s+week`)
)

// list reads days at pos separated by commas, "and", 、 …; carry is the week
// shift that weekdays without one of their own take.
func (p *whenParser) list(pos, carry int) (When, int, error) {
	var spans []Span
	var lang Lang
	bare := carry == 0
	monthly, yearless := true, true
	from := pos
	for {
		start := pos
		if len(spans) > 0 {
			sep, ok := p.match(listSeparator, pos)
			if !ok && !p.gluedWeekday(pos) {
				break
			}
			pos += sep
		}
		sp, a, n, err := p.rangeAt(pos, carry)
		if err != nil {
			return When{}, 0, err
		}
		if n == 0 {
			pos = start
			break
		}
		if len(spans) == 0 {
			lang = a.lang
		}
		if a.shifted {
			carry = a.shift
		}
		bare = bare && a.weekly && !a.shifted && carry == 0
		monthly = monthly && a.monthDay
		yearless = yearless && a.yearless
		pos += n
		spans = append(spans, sp)
	}
	if len(spans) == 0 {
		return When{}, 0, nil
	}
	return When{Spans: mergeSpans(spans), Lang: lang, bare: bare, monthly: monthly, yearless: yearless}, pos - from, nil
}

// rangeAt reads "A" or "A-B" at pos; the week shift of A carries to B.
func (p *whenParser) rangeAt(pos, carry int) (Span, atom, int, error) {
	first, n, err := p.dayAt(pos, carry)
	if err != nil || n == 0 {
		return Span{}, atom{}, 0, err
	}
	p.note(first)
	sep, ok := p.match(rangeSeparator, pos+n)
	if !ok {
		return first.span, first, n, nil
	}
	inherit := carry
	if first.shifted {
		inherit = first.shift
	}
	last, m, err := p.dayAt(pos+n+sep, inherit)
	if err == nil && m == 0 && first.dated {
		last, m = p.dayAfter(first, p.s[pos+n+sep:])
	}
	if err == nil && m == 0 && first.weekly && first.lang == English {
		last, m = p.abbrevTypo(pos+n+sep, inherit)
	}
	if err != nil {
		return Span{}, atom{}, 0, err
	}
	if m == 0 {
		return first.span, first, n, nil
	}
	end := last.span.End
	if end.Before(first.span.Start) {
		switch {
		case last.weekly:
			end = end.AddDays(7)
		case last.yearless:
			if d, ok := MakeDate(end.Year+1, end.Month, end.Day); ok {
				end = d
			}
		}
	}
	if end.Before(first.span.Start) {
		return Span{}, atom{}, 0, Errorf(Invalid, ReasonEndBefore, p.s[pos:pos+n+sep+m])
	}
	p.note(last)
	span := Span{first.span.Start, end}
	if y, k := p.yearAfter(first, span, pos+n+sep+m); k > 0 {
		span, m = y, m+k
		first.yearless = false // "Nov 20-21, 2025"
	}
	return span, first, n + sep + m, nil
}

// bareDay is a range's end given as a day of the month only.
var bareDay = regexp.MustCompile(`^(\d{1,2})(?:日|号|st|nd|rd|th)?`)

// dayAfter reads a bare day of the month at pos that ends a range starting at
// the date first: the first such day on or after it.
func (p *whenParser) dayAfter(first atom, s string) (atom, int) {
	m := bareDay.FindStringSubmatch(s)
	if m == nil || !endsWord(s, len(m[0])) {
		return atom{}, 0
	}
	start := first.span.Start
	for _, month := range []Date{{start.Year, start.Month, 1}, Date{start.Year, start.Month, 1}.AddDays(31)} {
		if d, ok := MakeDate(month.Year, month.Month, atoi(m[1])); ok && !d.Before(start) {
			return atom{span: Span{d, d}, lang: first.lang}, len(m[0])
		}
	}
	return atom{}, 0
}

// mergeSpans sorts spans and joins those that touch or overlap, so a
// contiguous list ("thu and fri") becomes one span.
func mergeSpans(spans []Span) []Span {
	sort.Slice(spans, func(i, j int) bool { return spans[i].Start.Before(spans[j].Start) })
	out := []Span{spans[0]}
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if !s.Start.After(last.End.AddDays(1)) {
			if s.End.After(last.End) {
				last.End = s.End
			}
			continue
		}
		out = append(out, s)
	}
	return out
}

var (
	rangeSeparator = regexp.MustCompile(`^(?i)(?:\s*(?:-|–|—|~|～|至|到)\s*|\s+(?:to|through|thru|until|till)\s+)`)
	listSeparator  = regexp.MustCompile(`^(?i)(?:\s*(?:,|，|、|/|&|和|及|与)\s*|\s+and\s+)`)
)

// match returns the length of re's match at pos.
func (p *whenParser) match(re *regexp.Regexp, pos int) (int, bool) {
	loc := re.FindStringIndex(p.s[pos:])
	if loc == nil {
		return 0, false
	}
	return loc[1], true
}

// atomRule turns the submatches of one kind of day word into an atom.
type atomRule func(p *whenParser, m []string, carry int) (atom, error)

type atomPattern struct {
	re      *regexp.Regexp
	english bool // an English word: must end at a word boundary
	rule    atomRule
	// fits, when set, must accept what follows the match ("11.30 am" is a time).
	fits func(rest string, n int) bool
	// numeric is a month and day in figures (12.3, 12-3, 12/3): no date when
	// it is a time after a day just read ("周三 9.30"); see when_numbers.go.
	numeric bool
	first   firstRunes // the runes a match may start with (set by init)
}

// monthName is an English month, abbreviated (with or without a dot) or in full.
const monthName = `(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`

// cnNum is a day or month number in arabic or Chinese numerals (3, 十二, 三十一).
const cnNum = `(\d{1,2}|[〇一二三四五六七八九十]{1,3})`

var atomPatterns = []atomPattern{
	{re: regexp.MustCompile(`^(?i)(?:(next|nxt|last|this)\s+)?(weekend|monday|mon|tuesday|tues|tue|wednesday|weds|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun)`), english: true, rule: englishWeekday},
	{re: regexp.MustCompile(`^(?i)(today|tonight|tomorrow|tmrw|tmr|yesterday)`), english: true, rule: englishRelative},
	{re: regexp.MustCompile(`^(?i)(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw|tmr)`), english: true, rule: dayAfterTomorrow},
	{re: regexp.MustCompile(`^(?i)in\s+` + englishNumber + `\s+(days?|weeks?)`), english: true, rule: englishIn},
	{re: regexp.MustCompile(`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})`), english: true, rule: isoDate},
	{re: regexp.MustCompile(`^(\d{1,2})/(\d{1,2})/(\d{4})`), english: true, rule: usDate},
	{re: regexp.MustCompile(`^(\d{1,2})/(\d{1,2})`), english: true, rule: dayMonthSlash, fits: slashFits, numeric: true},
	{re: regexp.MustCompile(`^(?i)(\d{1,2})(?:st|nd|rd|th)?(?:\s*(?:-|–|—|to)\s*(\d{1,2})(?:st|nd|rd|th)?)?\s+(?:of\s+)?` + monthName), english: true, rule: dayMonthName},
	{re: regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})[日号]`), rule: slashDate},
	{re: regexp.MustCompile(`^(\d{1,2})\.(\d{1,2})\.(?:\s|$)`), rule: dottedDate},
	{re: regexp.MustCompile(`^(\d{1,2})[.\-](\d{1,2})`), rule: dottedMonthDay, fits: numericFits, numeric: true},
	{re: regexp.MustCompile(`^(?i)` + monthName + `\s*(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?`), english: true, rule: monthNameDate},
	{re: regexp.MustCompile(`^(?i)the\s+(\d{1,2})(?:st|nd|rd|th)`), english: true, rule: theNth, fits: notOrdinalNoun},
	{re: regexp.MustCompile(`^(下下个?|上上个?|下个?|上个?|本|这个?)(?:周|週|星期|礼拜|禮拜)\s*[,，:：]?\s*(?:周|週|星期|礼拜|禮拜)([一二三四五六日天末1-7])`), rule: chineseWeekday},
	{re: regexp.MustCompile(`^(下下个?|上上个?|下个?|上个?|本|这个?)?(?:周|週|星期|礼拜|禮拜)([一二三四五六日天末1-7])`), rule: chineseWeekday},
	{re: regexp.MustCompile(`^(?:(下下个?|上上个?|下个?|上个?|本|这个?)周末)`), rule: chineseNextWeekend},
	{re: regexp.MustCompile(`^(下下个?|上上个?|下个?|上个?|本|这个?)?双休日?`), rule: chineseNextWeekend},
	{re: regexp.MustCompile(`^明后两?天`), rule: chineseNextTwoDays},
	{re: regexp.MustCompile(`^(今天|今日|明天|明日|大后天|后天|昨天|昨日|大前天|前天)`), rule: chineseRelative},
	{re: regexp.MustCompile(`^` + cnCount + `\s*个?(天|日|周|星期|礼拜)(?:以?后|之后)`), rule: chineseLater},
	{re: regexp.MustCompile(`^元旦(?:节|当天)?`), rule: newYearsDay, fits: notVagueAfter},
	{re: regexp.MustCompile(`^(?:(\d{4})年|(明年|今年|去年))?` + cnNum + `月` + cnNum + `[日号]?\s*(?:-|–|—|~|～|至|到)\s*(?:` + cnNum + `月)?` + cnNum + `[日号]`), rule: chineseDateRange},
	{re: regexp.MustCompile(`^(?:(\d{4})年|(明年|今年|去年))?` + cnNum + `\s*月\s*` + cnNum + `\s*[日号]`), rule: chineseDate},
	{re: regexp.MustCompile(`^(?:(\d{4})年|(明年|今年|去年))?` + cnNum + `\s*月\s*` + cnNum), rule: chineseDate, fits: notCounterOrDigit},
	{re: regexp.MustCompile(`^(本月|这个月|下个?月|上个?月)` + cnNum + `[日号]`), rule: chineseMonthDay},
	{re: regexp.MustCompile(`^(\d{1,2})[日号]?\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2})[日号]`), rule: chineseDayRange},
	{re: regexp.MustCompile(`^(\d{1,2})[日号]`), rule: chineseDayOfMonth, fits: notCounter},
	{re: regexp.MustCompile(`^[一二三四五六日天]`), rule: chineseBareWeekday, fits: notCityOrCounter},
	{re: regexp.MustCompile(`^(?i)(?:(next|last|this)\s+)?([a-z]{5,})`), english: true, rule: misspeltDay},
}

// Shapes that look like a day but name none: reported instead of read as text.
var (
	badWeekday = regexp.MustCompile(`^(?:下下个?|上上个?|下个?|上个?|本|这个?)?(?:周|週|星期|礼拜|禮拜)[八九十零〇089０-９]`)
	dateShape  = regexp.MustCompile(`^(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}\b)`)
	// A week without a day ("next week", "下周") is too vague for an item.
	vagueWeek = regexp.MustCompile(`^(?i)(?:(?:next|this|last)\s+week\b|(?:下下|上上|下|上|本|这)(?:个)?(?:周|週|星期|礼拜|禮拜)(?:[^一二三四五六日天末1-7]|$))`)
)

// atomAt reads one day word at pos, returning its length (0 when there is none).
func (p *whenParser) atomAt(pos, carry int) (atom, int, error) {
	rest := p.s[pos:]
	digit := isDigit(firstRune(rest))
	checked, noNumericDate := false, false
	noDate := func() bool { // computed once, only for a number: "周三 9.30", "3/4 VCs"
		if !checked {
			checked, noNumericDate = true, digit && (p.clockAfterDay(pos) || isQuantity(rest))
		}
		return noNumericDate
	}
	r := firstRune(rest)
	for _, ap := range atomPatterns {
		if !ap.first.has(r) || ap.numeric && noDate() {
			continue
		}
		m := ap.re.FindStringSubmatch(rest)
		if m == nil || (ap.english && !endsWord(rest, len(m[0]))) || (ap.fits != nil && !ap.fits(rest, len(m[0]))) {
			continue
		}
		p.end = pos + len(m[0])
		a, err := ap.rule(p, m, carry)
		if err == errNoAtom {
			continue
		}
		if err != nil {
			return atom{}, 0, err
		}
		return a, len(m[0]), nil
	}
	if m := badWeekday.FindString(rest); m != "" {
		return atom{}, 0, Errorf(Invalid, ReasonBadWeekday, m)
	}
	if m := dateShape.FindString(rest); m != "" && !noDate() {
		return atom{}, 0, Errorf(Invalid, ReasonBadDate, m)
	}
	if m := vagueWeek.FindString(rest); m != "" {
		return atom{}, 0, Errorf(Invalid, ReasonVagueWeek, strings.TrimSpace(m))
	}
	return atom{}, 0, nil
}

// endsWord reports whether s[:n] ends a word: the next rune is not a letter or digit
// of a Latin script (Chinese may follow an English day directly: "tue拜访").
func endsWord(s string, n int) bool {
	if n >= len(s) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(s[n:])
	return !(r < unicode.MaxLatin1 && (unicode.IsLetter(r) || unicode.IsDigit(r)))
}

var englishDays = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
}

var englishShift = map[string]int{"next": 1, "nxt": 1, "last": -1, "this": 0}

func englishWeekday(p *whenParser, m []string, carry int) (atom, error) {
	shift, shifted := carry, m[1] != ""
	if shifted {
		shift = englishShift[strings.ToLower(m[1])]
	}
	word := strings.ToLower(m[2])
	if word == "weekend" {
		return p.weekend(shift, shifted, English), nil
	}
	return p.weekday(englishDays[word[:3]], shift, shifted, English), nil
}

func englishRelative(p *whenParser, m []string, _ int) (atom, error) {
	offsets := map[string]int{"today": 0, "tonight": 0, "tomorrow": 1, "tmrw": 1, "tmr": 1, "yesterday": -1}
	return p.relative(offsets[strings.ToLower(m[1])], English), nil
}

func isoDate(p *whenParser, m []string, _ int) (atom, error) {
	return p.date(m[0], atoi(m[1]), atoi(m[2]), atoi(m[3]), English)
}

func usDate(p *whenParser, m []string, _ int) (atom, error) {
	return p.date(m[0], atoi(m[3]), atoi(m[1]), atoi(m[2]), English)
}

func slashDate(p *whenParser, m []string, _ int) (atom, error) {
	return p.date(m[0], 0, atoi(m[1]), atoi(m[2]), English)
}

var monthNames = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}

func monthNameDate(p *whenParser, m []string, _ int) (atom, error) {
	year := 0
	if m[3] != "" {
		year = atoi(m[3])
	}
	return p.date(m[0], year, monthNames[strings.ToLower(m[1])[:3]], atoi(m[2]), English)
}

var chineseDays = map[string]time.Weekday{
	"一": time.Monday, "二": time.Tuesday, "三": time.Wednesday, "四": time.Thursday,
	"五": time.Friday, "六": time.Saturday, "日": time.Sunday, "天": time.Sunday,
	"1": time.Monday, "2": time.Tuesday, "3": time.Wednesday, "4": time.Thursday,
	"5": time.Friday, "6": time.Saturday, "7": time.Sunday,
}

// chineseShiftOf reads 下/上/本/这 (and 下个, 这个, 下下…) as a week shift.
func chineseShiftOf(prefix string, carry int) (int, bool) {
	switch {
	case prefix == "":
		return carry, false
	case strings.HasPrefix(prefix, "下下"):
		return 2, true
	case strings.HasPrefix(prefix, "上上"):
		return -2, true
	case strings.HasPrefix(prefix, "下"):
		return 1, true
	case strings.HasPrefix(prefix, "上"):
		return -1, true
	}
	return 0, true
}

func chineseWeekday(p *whenParser, m []string, carry int) (atom, error) {
	shift, shifted := chineseShiftOf(m[1], carry)
	if m[2] == "末" {
		return p.weekend(shift, shifted, Chinese), nil
	}
	return p.weekday(chineseDays[m[2]], shift, shifted, Chinese), nil
}

func chineseNextWeekend(p *whenParser, m []string, carry int) (atom, error) {
	shift, shifted := chineseShiftOf(m[1], carry)
	return p.weekend(shift, shifted, Chinese), nil
}

func chineseRelative(p *whenParser, m []string, _ int) (atom, error) {
	offsets := map[string]int{"今天": 0, "今日": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3, "昨天": -1, "昨日": -1, "前天": -2, "大前天": -3}
	return p.relative(offsets[m[1]], Chinese), nil
}

func chineseDate(p *whenParser, m []string, _ int) (atom, error) {
	return p.date(m[0], p.chineseYear(m[1], m[2]), cnAtoi(m[3]), cnAtoi(m[4]), Chinese)
}

// chineseDayOfMonth reads "20号": the 20th of this month, last month or next,
// whichever is nearest; in a list after a date ("9月6日、7日"), the first after it.
func chineseDayOfMonth(p *whenParser, m []string, _ int) (atom, error) {
	if p.anchor != (Date{}) {
		if a, n := p.dayAfter(atom{span: Span{p.anchor, p.anchor}, lang: Chinese, dated: true}, m[0]); n > 0 {
			return a, nil
		}
	}
	d, ok := p.nearestDay(atoi(m[1]))
	if !ok {
		return atom{}, Errorf(Invalid, ReasonBadDate, m[0])
	}
	return atom{span: Span{d, d}, lang: Chinese, dated: true, monthDay: true}, nil
}

// monday returns the Monday of the week shift weeks from today's.
func (p *whenParser) monday(shift int) Date {
	back := (int(p.today.Weekday()) + 6) % 7
	return p.today.AddDays(-back + 7*shift)
}

func (p *whenParser) weekday(wd time.Weekday, shift int, shifted bool, lang Lang) atom {
	d := p.monday(shift).AddDays((int(wd) + 6) % 7)
	return atom{span: Span{d, d}, lang: lang, shift: shift, shifted: shifted, weekly: true}
}

func (p *whenParser) weekend(shift int, shifted bool, lang Lang) atom {
	sat := p.monday(shift).AddDays(5)
	return atom{span: Span{sat, sat.AddDays(1)}, lang: lang, shift: shift, shifted: shifted, weekly: true}
}

func (p *whenParser) relative(days int, lang Lang) atom {
	d := p.today.AddDays(days)
	return atom{span: Span{d, d}, lang: lang}
}

// date builds a calendar date; year 0 means the occurrence nearest to today.
func (p *whenParser) date(text string, year, month, day int, lang Lang) (atom, error) {
	if year == 0 {
		d, ok := p.nearest(month, day)
		if !ok {
			return atom{}, Errorf(Invalid, ReasonBadDate, text)
		}
		return atom{span: Span{d, d}, lang: lang, yearless: true, dated: true}, nil
	}
	d, ok := MakeDate(year, time.Month(month), day)
	if !ok {
		return atom{}, Errorf(Invalid, ReasonBadDate, text)
	}
	if year < minYear || year > maxYear {
		return atom{}, Errorf(Invalid, ReasonDateRange, text)
	}
	return atom{span: Span{d, d}, lang: lang, dated: true}, nil
}

// nearest returns the month/day closest to today: last year's, this year's or next year's.
func (p *whenParser) nearest(month, day int) (Date, bool) {
	var best Date
	found := false
	for _, y := range []int{p.today.Year - 1, p.today.Year, p.today.Year + 1} {
		d, ok := MakeDate(y, time.Month(month), day)
		if !ok {
			continue
		}
		if !found || abs(p.today.DaysUntil(d)) < abs(p.today.DaysUntil(best)) {
			best, found = d, true
		}
	}
	return best, found
}

// nearestDay returns the given day of this month, last month or next, whichever is nearest to today.
func (p *whenParser) nearestDay(day int) (Date, bool) {
	var best Date
	found := false
	first := Date{p.today.Year, p.today.Month, 1}
	for _, month := range []Date{first.AddDays(-1), first, first.AddDays(31)} {
		d, ok := MakeDate(month.Year, month.Month, day)
		if !ok {
			continue
		}
		if !found || abs(p.today.DaysUntil(d)) < abs(p.today.DaysUntil(best)) {
			best, found = d, true
		}
	}
	return best, found
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
