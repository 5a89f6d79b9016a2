package planner

import (
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// whenEnd is the punctuation that may close a when: "周五，复盘会议", "tue: visit".
const whenEnd = ":：,，.。、 "

// Draft is an item read from a line of text, before it is stored.
type Draft struct {
	Span
	Kind  Kind
	Count int
	// Visits is how many enterprises a trip visits ("出差上海 拜访3家企业"), 0 when none.
	Visits int
	Place  string
	Title  string
	// Amount is the money the activity's text names ("签约常诚车业 总投资12亿元"),
	// the zero Amount when none; it is no count (see FindAmount).
	Amount Amount
	// Later is set when the when named a weekday or a day of the month
	// without its week or month ("周一", "3-5日", "the 3rd") and the day is
	// already gone: the same day of next week or next month, which the reply
	// offers instead. It is not stored.
	Later Date
}

// CheckText reports whether text a member typed is text planbot may store and
// show: valid UTF-8 with no control characters but tab and newline (no NUL, no
// terminal escapes, no carriage return). Otherwise it is an Invalid error with
// Reason bad_text whose Detail is the first offending byte or character,
// escaped as Go writes it (\xff, \x00, \x1b, \u009b).
func CheckText(text string) error {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == utf8.RuneError && size == 1 {
			return Errorf(Invalid, ReasonBadText, escaped(text[i:i+1]))
		}
		if unicode.IsControl(r) && r != '\t' && r != '\n' {
			return Errorf(Invalid, ReasonBadText, escaped(string(r)))
		}
		i += size
	}
	return nil
}

// escaped writes s as a Go string literal of ASCII, without its quotes.
func escaped(s string) string {
	q := strconv.QuoteToASCII(s)
	return q[1 : len(q)-1]
}

// Check reports whether a draft given field by field is one the grammar could
// have produced: text (CheckText) of 1..MaxTitle characters, a place of at
// most MaxTitle, a count of
// 1..MaxCount, a known kind, and an end that does not come before the start.
func (d Draft) Check() error {
	if err := CheckText(d.Title + d.Place); err != nil {
		return err
	}
	switch {
	case strings.TrimSpace(d.Title) == "":
		return Errorf(Invalid, ReasonNoWhat, "")
	case utf8.RuneCountInString(d.Title) > MaxTitle, utf8.RuneCountInString(d.Place) > MaxTitle:
		return Errorf(Invalid, ReasonTooLong, "")
	case d.Count < 1 || d.Count > MaxCount:
		return Errorf(Invalid, ReasonBadCount, strconv.Itoa(d.Count))
	case d.Visits < 0 || d.Visits > MaxCount:
		return Errorf(Invalid, ReasonBadCount, strconv.Itoa(d.Visits))
	case !d.Kind.Valid():
		return Errorf(Invalid, ReasonBadKind, string(d.Kind))
	case d.Start.Year < minYear || d.Start.Year > maxYear:
		return Errorf(Invalid, ReasonDateRange, d.Start.String())
	case d.End.Year > maxYear:
		return Errorf(Invalid, ReasonDateRange, d.End.String())
	case d.End.Before(d.Start):
		return Errorf(Invalid, ReasonEndBefore, d.Start.String()+".."+d.End.String())
	}
	return nil
}

// Itinerary is what one line such as "thu-fri trip to Beijing" asks for.
type Itinerary struct {
	Drafts []Draft
	Lang   Lang // the language of the line's when, "" when it had none
	// Past is set when a draft's Later is: a bare weekday of this week or a
	// bare day of the month that falls before today, so that the item,
	// planned, is on a day gone by, and the reply offers Later instead.
	Past bool
	// Unlinked are the names in brackets that are no company of the team:
	// set by Service.Add, so that the reply can say how to add them.
	Unlinked []string
}

// ParseItinerary reads "<when> <what>" relative to now in loc. The when may be
// English or Chinese, may end with a space, ":" or "：" (or, in Chinese, nothing),
// may stand in brackets ("【周四】"), and may be left out for today. A when at
// the end of a line also counts ("team meeting tomorrow"), and so, in a line with
// neither, does one in its middle. A duration or an end in the what ("为期四天",
// "直至本月23日") lengthens a one-day when. A non-contiguous list gives one draft
// per run of days. A line of several whens, each opening a part after "，",
// "；" or ";" ("周二 A；周三 B"), gives each part its own days. A day named in
// the what that the days found do not cover is an error, and so is day-like
// text the when left unread (at the start of the what, or anywhere in a line
// that has no when and would be filed today) and a vague time ("下个月",
// "end of week"): never a line filed on another day. Nothing valid comes back
// with an error.
func ParseItinerary(text string, now time.Time, loc *time.Location) (Itinerary, error) {
	if err := CheckText(text); err != nil {
		return Itinerary{}, err
	}
	today := DateOf(now, loc)
	text = strings.TrimSpace(datePunct.Replace(asciiDigits.Replace(text)))
	if len(text) >= 6 && (strings.HasPrefix(text, "明") || strings.HasPrefix(text, "今")) {
		text = morningEvening.Replace(text[:6]) + text[6:] // the first word only: "明早", "今晚"
	}
	segs := []string{text}
	if strings.ContainsAny(text, "，；;") {
		if _, n, err := parseLeadingWhen(text, today); err == nil && n > 0 {
			segs = segments(text, today)
		}
	}
	var it Itinerary
	for i, seg := range segs {
		part, err := parseSegment(strings.TrimSpace(seg), today)
		if err != nil {
			return Itinerary{}, err
		}
		if i == 0 {
			it.Lang = part.Lang
		}
		it.Past = it.Past || part.Past
		it.Drafts = append(it.Drafts, part.Drafts...)
	}
	return it, nil
}

// parseSegment reads one "<when> <what>" of a line.
func parseSegment(text string, today Date) (Itinerary, error) {
	when, what, err := readWhen(text, today)
	if err != nil {
		return Itinerary{}, err
	}
	from := false
	if len(when.Spans) > 0 {
		what, from = cutStart(what)
	}
	lead := len(what) < len(text) && strings.HasSuffix(text, what)
	if err := checkUnread(when, what, lead); err != nil {
		return Itinerary{}, err
	}
	if what == "" {
		return Itinerary{}, Errorf(Invalid, ReasonNoWhat, text)
	}
	if utf8.RuneCountInString(what) > MaxTitle {
		return Itinerary{}, Errorf(Invalid, ReasonTooLong, "")
	}
	parts, err := readWhat(what)
	if err != nil {
		return Itinerary{}, err
	}
	spans, err := settle(when, what, today, from)
	if err != nil {
		return Itinerary{}, err
	}
	it := Itinerary{Lang: when.Lang}
	for _, s := range spans {
		later := laterDay(when, s, today)
		it.Past = it.Past || later != (Date{})
		for _, d := range parts {
			d.Span, d.Later = s, later
			it.Drafts = append(it.Drafts, d)
		}
	}
	return it, nil
}

// laterDay is the day to offer instead of a span that starts before today
// because its when named a weekday or a day of the month without saying which
// week or month: the same weekday of next week, the same day of next month.
func laterDay(w When, s Span, today Date) Date {
	switch {
	case !s.Start.Before(today):
		return Date{}
	case w.bare:
		return s.Start.AddDays(7)
	case w.monthly:
		return monthNext(s.Start)
	}
	return Date{}
}

// datePunct turns the full-width marks of dates and times (１２．３, 12／3) and
// the ratio sign some editors put in times (9∶30) into ASCII.
var datePunct = strings.NewReplacer("∶", ":", "．", ".", "／", "/", "－", "-")

// trailingWhen finds a when that ends the line after a space ("team meeting
// tomorrow", "call investors on fri") and returns it with the text before it.
// Without one, the whole line is the what and the when is empty.
func trailingWhen(text string, today Date) (When, string) {
	for i := 0; i < len(text); i++ {
		if text[i] != ' ' {
			continue
		}
		tail := strings.TrimSpace(text[i:])
		head := strings.TrimSpace(text[:i])
		w, n, err := parseLeadingWhen(tail, today)
		if err != nil || n == 0 || n != len(tail) {
			continue
		}
		if h, ok := cutWord(head, "on", "from", "starting"); ok {
			head = h
		}
		return w, head
	}
	return When{}, text
}
