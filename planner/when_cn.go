package planner

import (
	"strings"
	"time"
	"unicode/utf8"
)

// cnAtoi reads a day or month written in arabic or Chinese numerals (12, 十二, 三十一).
func cnAtoi(s string) int {
	if s != "" && s[0] >= '0' && s[0] <= '9' {
		return atoi(s)
	}
	if n, ok := chineseNumeral(strings.ReplaceAll(s, "〇", "零")); ok {
		return n
	}
	return -1
}

// chineseYear reads "2025年" or 明年/今年/去年; 0 means no year was given.
func (p *whenParser) chineseYear(digits, word string) int {
	switch word {
	case "明年":
		return p.today.Year + 1
	case "今年":
		return p.today.Year
	case "去年":
		return p.today.Year - 1
	}
	if digits != "" {
		return atoi(digits)
	}
	return 0
}

// chineseDateRange reads "8月3—5日", "9月23至25日", "十月三十一日至十一月四日":
// a range that ends before it starts runs into the next month or year.
func chineseDateRange(p *whenParser, m []string, _ int) (atom, error) {
	first, err := p.date(m[0], p.chineseYear(m[1], m[2]), cnAtoi(m[3]), cnAtoi(m[4]), Chinese)
	if err != nil {
		return atom{}, err
	}
	start := first.span.Start
	month := start.Month
	if m[5] != "" {
		month = time.Month(cnAtoi(m[5]))
	}
	end, ok := MakeDate(start.Year, month, cnAtoi(m[6]))
	if ok && end.Before(start) {
		if m[5] != "" {
			end, ok = MakeDate(start.Year+1, month, end.Day)
		} else {
			next := Date{start.Year, start.Month, 1}.AddDays(31)
			end, ok = MakeDate(next.Year, next.Month, end.Day)
		}
	}
	if !ok {
		return atom{}, Errorf(Invalid, ReasonBadDate, m[0])
	}
	first.span.End = end
	return first, nil
}

// chineseMonthDay reads "本月23日", "下个月3号".
func chineseMonthDay(p *whenParser, m []string, _ int) (atom, error) {
	first := Date{p.today.Year, p.today.Month, 1}
	switch {
	case strings.HasPrefix(m[1], "下"):
		first = first.AddDays(31)
	case strings.HasPrefix(m[1], "上"):
		first = first.AddDays(-1)
	}
	d, ok := MakeDate(first.Year, first.Month, cnAtoi(m[2]))
	if !ok {
		return atom{}, Errorf(Invalid, ReasonBadDate, m[0])
	}
	return atom{span: Span{d, d}, lang: Chinese, dated: true}, nil
}

// chineseDayRange reads "3-5日", "3日至5日", "3号到5号", "23至25日": days of
// the month nearest today, or the first after a date just read.
func chineseDayRange(p *whenParser, m []string, carry int) (atom, error) {
	first, err := chineseDayOfMonth(p, []string{m[1], m[1]}, carry)
	if err != nil {
		return atom{}, err
	}
	last, n := p.dayAfter(first, m[2])
	if n == 0 {
		return atom{}, Errorf(Invalid, ReasonBadDate, m[0])
	}
	first.span.End = last.span.End
	return first, nil
}

// chineseBareWeekday reads the numeral of "周二至四", "周一、三、五": a weekday
// only right after another Chinese weekday.
func chineseBareWeekday(p *whenParser, m []string, carry int) (atom, error) {
	if !p.afterWeekday {
		return atom{}, errNoAtom
	}
	return p.weekday(chineseDays[m[0]], carry, false, Chinese), nil
}

// notCounter reports whether a day number or a numeral is not the start of a
// count or a name: "3号楼", "三家", "二十" are no days.
func notCounter(rest string, n int) bool {
	r, _ := utf8.DecodeRuneInString(rest[n:])
	return !strings.ContainsRune("楼线院层栋号室期批家个项次位名店厂地游十百千万亿元〇零一二三四五六七八九两0123456789", r)
}

// notCityOrCounter is notCounter for a bare weekday numeral, which also must
// not start a city's name: "周二至三亚出差" goes to Sanya on Tuesday.
func notCityOrCounter(rest string, n int) bool {
	r, _ := utf8.DecodeRuneInString(rest[n:])
	return notCounter(rest, n) && !strings.ContainsRune("亚明安指平台堰江盘门连河", r)
}
