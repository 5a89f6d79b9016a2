package planner

import (
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// How a lead line names a deadline: a deadline word, then one day in any form
// an item's when takes ("截止 2026-03-31", "截止3月31日", "due Mar 31",
// "deadline: next fri"), or the end of a month or of the year ("截止3月底",
// "截止年底"), maybe followed by 前 ("截止3月31日前"). A stage word just
// before the deadline word or just after the day names the step that is due
// ("开工 截止 2026-03-31", "截止3月31日前 开工", "construction due 2026-03-31"):
// a stage of the pipeline (线索 … 投产), as on hold and lost are no step.
var (
	// dueWordZH are the Chinese deadline words, and what may separate them
	// from the day. 截至 ("as of") is none: "截至目前已对接3次" reports, and
	// 期限 and 时限 name lengths as often ("合作期限10年").
	dueWordZH = regexp.MustCompile(`^截止(?:日期|时间)?(\s*[:：]?\s*(?:到|于)?\s*)`)
	// dueWordEN are the English ones; "due" only before a day ("due
	// diligence" and "due to" are no deadline).
	dueWordEN = regexp.MustCompile(`^(?i)(deadline|due)(?:\s+(?:by|on))?(?:\s*:\s*|\s+)`)
	// monthEnd is the end of a month: 3月底, 2026年3月底, 月底, 本月底, 下月末.
	monthEnd = regexp.MustCompile(`^(?:(?:(\d{4})年|(今年|明年))?(\d{1,2}|[一二三四五六七八九十]{1,3})月|(本|这个?|下个?)?月)[底末]`)
	// yearEnd is the end of a year: 年底, 今年底, 明年年底, 2026年底.
	yearEnd = regexp.MustCompile(`^(?:(\d{4})年|(今|明)年年?|年)[底末]`)
	// dueBefore is the 前 of "3月31日前".
	dueBefore = regexp.MustCompile(`^\s*(?:之前|以前|前)`)
)

// dueSlipDays is how long ago a year-less deadline's day may have passed this
// year and still be taken as a slip, refused as past ("截止3月31日" typed on
// 5 April); one further back is next year's ("截止1月15日" typed in December).
const dueSlipDays = 90

// cutDeadline finds the deadline in a lead line's note and returns it, where
// it starts in the note (-1 when there is none) and the note without it. A
// deadline word followed by no single day is an Invalid error (Reason
// bad_due), and a day gone by too (Reason due_past).
func cutDeadline(note string, today Date) (d Deadline, start int, rest string, err error) {
	for at := 0; at < len(note); {
		n, english, ok := dueWordAt(note, at)
		if !ok {
			_, size := utf8.DecodeRuneInString(note[at:])
			at += size
			continue
		}
		day, used, err := readDueDay(note[at+n:], today)
		switch {
		case err != nil:
			return Deadline{}, -1, note, err
		case used == 0 && english && strings.EqualFold(strings.TrimSpace(note[at:at+n]), "due"):
			at += n // "due diligence": no deadline
			continue
		case used == 0:
			return Deadline{}, -1, note, Errorf(Invalid, ReasonBadDue, strings.TrimSpace(note[at+n:]))
		case day.Before(today):
			return Deadline{}, -1, note, Errorf(Invalid, ReasonDuePast, day.String())
		}
		d.Date, start = day, at
		end := at + n + used
		end += len(dueBefore.FindString(note[end:]))
		if step, before := stageBefore(note[:at]); before >= 0 {
			d.Step, start = step, before
		} else if step, after := stageAfter(note[end:]); after > 0 {
			d.Step, end = step, end+after
		}
		return d, start, joinNote(note[:start], note[end:]), nil
	}
	return Deadline{}, -1, note, nil
}

// dueWordAt reports whether a deadline word starts at byte at of s, with how
// many bytes it and the separator after it take. An English word must start a
// word; a Chinese one must be followed by a separator or by what may start a
// day: "截止阀" (a valve) and "截止目前" (so far) set no deadline.
func dueWordAt(s string, at int) (n int, english, ok bool) {
	if m := dueWordZH.FindStringSubmatch(s[at:]); m != nil {
		next, _ := utf8.DecodeRuneInString(s[at+len(m[0]):])
		return len(m[0]), false, m[1] != "" || mayStartDueDay(next)
	}
	if latinEdge(s, at-1, true) {
		return 0, false, false
	}
	if m := dueWordEN.FindString(s[at:]); m != "" {
		return len(m), true, true
	}
	return 0, false, false
}

// mayStartDueDay reports whether r may open a deadline's day right after a
// Chinese deadline word: a digit or numeral, or a word of a relative day
// (本月底, 今年底, 明天, 下周五, 周五, 星期五, 礼拜五, 月底, 年底, 后天, 大后天, 这周五).
func mayStartDueDay(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune("〇一二三四五六七八九十两本今明后下这周週星礼禮月年大元", r)
}

// readDueDay reads the day at the start of s (after a deadline word): a
// month's or a year's end, or a when of one day. It returns how many bytes it
// used (0: s opens with no day). A date without a year is its next
// occurrence (yearlessDue).
func readDueDay(s string, today Date) (Date, int, error) {
	if m := monthEnd.FindStringSubmatch(s); m != nil {
		return monthEndDue(m, today)
	}
	if m := yearEnd.FindStringSubmatch(s); m != nil {
		year := today.Year
		switch {
		case m[1] != "":
			year = atoi(m[1])
		case m[2] == "明":
			year++
		}
		if year < minYear || year > maxYear {
			return Date{}, 0, Errorf(Invalid, ReasonBadDue, m[0])
		}
		return Date{year, time.December, 31}, len(m[0]), nil
	}
	w, n, err := parseLeadingWhen(s, today)
	switch {
	case err != nil:
		return Date{}, 0, Errorf(Invalid, ReasonBadDue, strings.TrimSpace(s))
	case n == 0:
		return Date{}, 0, nil
	case len(w.Spans) != 1 || w.Spans[0].Start != w.Spans[0].End:
		return Date{}, 0, Errorf(Invalid, ReasonBadDue, strings.TrimSpace(s[:n]))
	}
	day := w.Spans[0].Start
	if w.yearless {
		day = yearlessDue(today, func(year int) (Date, bool) { return MakeDate(year, day.Month, day.Day) })
	}
	return day, n, nil
}

// monthEndDue is the last day of the month monthEnd matched in m: a month
// named with or without its year (a year-less one is its next occurrence),
// this month or next month.
func monthEndDue(m []string, today Date) (Date, int, error) {
	if m[3] == "" {
		if strings.HasPrefix(m[4], "下") {
			next := Date{today.Year, today.Month, 1}.AddDays(31)
			return lastOfMonth(next.Year, next.Month), len(m[0]), nil
		}
		return lastOfMonth(today.Year, today.Month), len(m[0]), nil
	}
	month := time.Month(cnAtoi(m[3]))
	year := atoi(m[1])
	switch {
	case month < time.January || month > time.December || m[1] != "" && (year < minYear || year > maxYear):
		return Date{}, 0, Errorf(Invalid, ReasonBadDue, m[0])
	case m[1] != "":
		return lastOfMonth(year, month), len(m[0]), nil
	case m[2] == "今年":
		return lastOfMonth(today.Year, month), len(m[0]), nil
	case m[2] == "明年":
		return lastOfMonth(today.Year+1, month), len(m[0]), nil
	}
	return yearlessDue(today, func(year int) (Date, bool) { return lastOfMonth(year, month), true }), len(m[0]), nil
}

// yearlessDue returns a deadline written without its year, whose day in a
// year is in(year): this year's unless it has passed; the past day when it
// passed at most dueSlipDays ago (a slip, which the caller refuses); else
// next year's.
func yearlessDue(today Date, in func(year int) (Date, bool)) Date {
	this, ok := in(today.Year)
	if ok && (!this.Before(today) || this.DaysUntil(today) <= dueSlipDays) {
		return this
	}
	for year := today.Year + 1; ; year++ { // 2月29日 waits for a leap year
		if next, ok := in(year); ok {
			return next
		}
	}
}

// lastOfMonth returns the last day of month in year.
func lastOfMonth(year int, month time.Month) Date {
	next := Date{year, month, 1}.AddDays(31)
	return Date{next.Year, next.Month, 1}.AddDays(-1)
}

// opensDeadline reports whether s opens with a deadline: a deadline word
// (an English "due" only before a day), maybe after a Chinese stage word
// joined to it ("开工截止3月31日"). An unquoted company name ends there.
func opensDeadline(s string, today Date) bool {
	for _, word := range stageWordsLongestFirst {
		if rest, ok := strings.CutPrefix(s, word); ok && !isLatinKey(word) && strings.HasPrefix(rest, "截止") {
			s = rest
			break
		}
	}
	n, english, ok := dueWordAt(s, 0)
	if !ok || !english || !strings.EqualFold(strings.TrimSpace(s[:n]), "due") {
		return ok
	}
	_, used, err := readDueDay(s[n:], today)
	return used > 0 || err != nil
}

// stageBefore returns the pipeline stage whose word before (a note up to a
// deadline word) ends with, and where it starts (-1 when it ends with none).
// A Chinese word may be joined to what precedes it ("项目开工截止"); an
// English one must be a word of its own.
func stageBefore(before string) (Stage, int) {
	trimmed := strings.TrimRightFunc(before, unicode.IsSpace)
	for _, word := range stageWordsLongestFirst {
		start := len(trimmed) - len(word)
		if start < 0 || !strings.EqualFold(trimmed[start:], word) || isLatinKey(word) && latinEdge(trimmed, start-1, true) {
			continue
		}
		if stage := stageWords[word]; stage.inPipeline() {
			return stage, start
		}
	}
	return "", -1
}

// stageAfter returns the pipeline stage whose word after (a note after a
// deadline's day) opens as a word of its own ("截止3月31日前 开工", "…前开工"),
// and how many bytes it takes with the spaces before it (0 for none).
func stageAfter(after string) (Stage, int) {
	trimmed := strings.TrimLeftFunc(after, unicode.IsSpace)
	word := trimmed
	if i := strings.IndexFunc(trimmed, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,。；;、", r) }); i >= 0 {
		word = trimmed[:i]
	}
	if s, ok := ParseStage(word); ok && s.inPipeline() {
		return s, len(after) - len(trimmed) + len(word)
	}
	return "", 0
}

// stageWordsLongestFirst are the stage words, longest first (已签约 before
// 签约), the order in which stageBefore and opensDeadline try them.
var stageWordsLongestFirst = func() []string {
	words := make([]string, 0, len(stageWords))
	for w := range stageWords {
		words = append(words, w)
	}
	slices.SortFunc(words, func(a, b string) int {
		if len(a) != len(b) {
			return len(b) - len(a)
		}
		return strings.Compare(a, b)
	})
	return words
}()

// joinNote joins what a note holds before and after its deadline, without
// the spaces and list punctuation left at the seam.
func joinNote(before, after string) string {
	before = strings.TrimRightFunc(before, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,;；、", r) })
	after = strings.TrimLeftFunc(after, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune("，,;；、。.", r) })
	switch {
	case before == "":
		return after
	case after == "":
		return before
	}
	return before + " " + after
}

// gluedDeadline returns where a Chinese deadline word starts inside an
// unquoted name typed without a space before it ("常诚车业截止3月31日"), or
// -1. A name holding the word before no day ("北京截止阀厂") keeps it.
func gluedDeadline(name string) int {
	for at := 0; at < len(name); {
		if _, english, ok := dueWordAt(name, at); ok && !english && at > 0 {
			return at
		}
		_, size := utf8.DecodeRuneInString(name[at:])
		at += size
	}
	return -1
}
