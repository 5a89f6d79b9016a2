package planner

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// note remembers what an atom lets the next one leave out: a date lets a bare
// day follow ("9月6日、7日"), a Chinese weekday a bare numeral ("周二、三").
func (p *whenParser) note(a atom) {
	if a.dated {
		p.anchor = a.span.End
	}
	p.afterWeekday = a.weekly && a.lang == Chinese
}

var (
	appositionOpen  = regexp.MustCompile(`^(?:\s*[,，]\s*|\s*[（(【\[]\s*|\s*)`)
	appositionClose = regexp.MustCompile(`^\s*[）)】\]]`)
)

// dayAt reads one day word at pos and the date that may restate it ("周三（12月3日）").
func (p *whenParser) dayAt(pos, carry int) (atom, int, error) {
	a, n, err := p.atomAt(pos, carry)
	if err != nil || n == 0 {
		return a, n, err
	}
	date, m, err := p.apposition(pos, pos+n, a)
	return date, n + m, err
}

// apposition reads a date that restates the day a just read at from..pos, as
// in "周三（12月3日）", "Wed 12/3", "2009年12月29日（星期二）", "tomorrow, June
// 8": it returns the date and the bytes used, or a date_mismatch error when the
// two are not the same day. A bare weekday agrees with a date on that weekday
// in any week.
func (p *whenParser) apposition(from, pos int, a atom) (atom, int, error) {
	open, ok := p.match(appositionOpen, pos)
	if !ok || a.span.Start != a.span.End || !mayRestate(p.s[pos+open:]) {
		return a, 0, nil
	}
	saved := *p
	b, n, err := p.atomAt(pos+open, 0)
	*p = saved
	if err == nil && n == 0 && a.weekly {
		b, n = p.ordinalAt(pos + open)
	}
	if err != nil || n == 0 || b.span.Start != b.span.End || a.dated == b.dated {
		return a, 0, nil
	}
	end := pos + open + n
	if c, ok := p.match(appositionClose, end); ok {
		end += c
	}
	date, other := a, b
	if b.dated {
		date, other = b, a
	}
	same := other.span == date.span
	if other.weekly && !other.shifted {
		same = other.span.Start.Weekday() == date.span.Start.Weekday()
	}
	if !same {
		return atom{}, 0, Errorf(Invalid, ReasonDateMismatch, p.s[from:end])
	}
	date.lang = a.lang
	return date, end - pos, nil
}

// yearStated is a year after an English date: "June 11, 2012", "May 15–21, 2021".
var yearStated = regexp.MustCompile(`^,?\s+(\d{4})`)

// yearAfter reads the year that follows a range begun by an English date
// without one, and returns the range in that year.
func (p *whenParser) yearAfter(first atom, span Span, pos int) (Span, int) {
	m := yearStated.FindStringSubmatch(p.s[pos:])
	if m == nil || !first.yearless || first.lang != English || !endsWord(p.s[pos:], len(m[0])) {
		return span, 0
	}
	year := atoi(m[1])
	start, ok1 := MakeDate(year, span.Start.Month, span.Start.Day)
	end, ok2 := MakeDate(year+span.End.Year-span.Start.Year, span.End.Month, span.End.Day)
	if !ok1 || !ok2 || year < minYear || year > maxYear {
		return span, 0
	}
	return Span{start, end}, len(m[0])
}

// mayRestate reports whether s may start the date or weekday of an
// apposition: a digit, a Latin letter, a Chinese weekday word or numeral.
func mayRestate(s string) bool {
	r := firstRune(s)
	return r < utf8.RuneSelf && (isDigit(r) || isLatinLetter(s)) || strings.ContainsRune("周週星礼禮〇一二三四五六七八九十", r)
}
