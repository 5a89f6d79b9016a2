package planner

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/width"
)

// PeriodKind is what a Period is: a calendar month, quarter or year, or any
// run of days.
type PeriodKind string

// The kinds of period a report covers.
const (
	PeriodMonth   PeriodKind = "month"
	PeriodQuarter PeriodKind = "quarter"
	PeriodYear    PeriodKind = "year"
	PeriodDays    PeriodKind = "days"
)

// Period is the days a report covers, from From to To inclusive, and what
// they are (a month, a quarter, a year, or days between two dates).
type Period struct {
	Kind     PeriodKind
	From, To Date
	// JustEnded is set when a report asked for without a period (月报, 季报,
	// 年报, /plan report) covers the period just ended rather than the
	// current one, being asked in the first days of the next (EarlyDays).
	JustEnded bool
}

// EarlyDays are the first days of a month (a quarter, a year) in which a
// report asked for without a period covers the one just ended: bureaus
// file the month's report in the first days of the next, and a 月报 asked
// for on the 3rd means the month that ended, not three days of the new one.
const EarlyDays = 7

// MaxPeriodDays bounds a period of days from one date to another (three
// years): its report's trend lists every week.
const MaxPeriodDays = 3*366 + 1

// MonthPeriod is month m of year y.
func MonthPeriod(y int, m time.Month) Period {
	from := Date{y, m, 1}
	return Period{Kind: PeriodMonth, From: from, To: Date{y, m + 1, 1}.normal().AddDays(-1)}
}

// QuarterPeriod is quarter q (1 to 4) of year y.
func QuarterPeriod(y, q int) Period {
	first := time.Month(3*(q-1) + 1)
	return Period{Kind: PeriodQuarter, From: Date{y, first, 1}, To: Date{y, first + 3, 1}.normal().AddDays(-1)}
}

// YearPeriod is year y.
func YearPeriod(y int) Period {
	return Period{Kind: PeriodYear, From: Date{y, time.January, 1}, To: Date{y, time.December, 31}}
}

// normal returns d with a month of 13 read as January of the next year.
func (d Date) normal() Date { return DateOf(d.utc(), time.UTC) }

// Quarter is the quarter (1 to 4) the period starts in.
func (p Period) Quarter() int { return (int(p.From.Month)-1)/3 + 1 }

// String writes p as ParsePeriod reads it back: 2025-11, 2025-Q4, 2025, or
// 2025-11-01..2025-11-30.
func (p Period) String() string {
	switch p.Kind {
	case PeriodMonth:
		return fmt.Sprintf("%04d-%02d", p.From.Year, p.From.Month)
	case PeriodQuarter:
		return fmt.Sprintf("%04d-Q%d", p.From.Year, p.Quarter())
	case PeriodYear:
		return fmt.Sprintf("%04d", p.From.Year)
	}
	return p.From.String() + ".." + p.To.String()
}

// periodOf names the days from from to to: a whole calendar month, quarter
// or year when they are one, else days.
func periodOf(from, to Date) Period {
	for _, p := range []Period{MonthPeriod(from.Year, from.Month), QuarterPeriod(from.Year, (int(from.Month)-1)/3+1), YearPeriod(from.Year)} {
		if p.From == from && p.To == to {
			return p
		}
	}
	return Period{Kind: PeriodDays, From: from, To: to}
}

// shifted returns the month, quarter or year n of them after p (before it
// when n is negative).
func (p Period) shifted(n int) Period {
	switch p.Kind {
	case PeriodMonth:
		d := Date{p.From.Year, p.From.Month + time.Month(n), 1}.normal()
		return MonthPeriod(d.Year, d.Month)
	case PeriodQuarter:
		d := Date{p.From.Year, p.From.Month + time.Month(3*n), 1}.normal()
		return QuarterPeriod(d.Year, (int(d.Month)-1)/3+1)
	}
	return YearPeriod(p.From.Year + n)
}

// currentPeriod returns the month, quarter or year of kind k that today is in.
func currentPeriod(k PeriodKind, today Date) Period {
	switch k {
	case PeriodMonth:
		return MonthPeriod(today.Year, today.Month)
	case PeriodQuarter:
		return QuarterPeriod(today.Year, (int(today.Month)-1)/3+1)
	}
	return YearPeriod(today.Year)
}

// duePeriod is the month, quarter or year a report of kind k asked for
// without a period covers on day today: the current one, but in its first
// EarlyDays days the one just ended (JustEnded set).
func duePeriod(k PeriodKind, today Date) Period {
	p := currentPeriod(k, today)
	if p.From.DaysUntil(today) < EarlyDays {
		p = p.shifted(-1)
		p.JustEnded = true
	}
	return p
}

// periodWords are the words of a period relative to today: its kind and how
// many of them back (0: the current one). The report words themselves (月报,
// 季报, 年报), and no words at all, are duePeriod's.
var periodWords = map[string]struct {
	kind PeriodKind
	back int
	due  bool
}{
	"": {PeriodMonth, 0, true}, "月报": {PeriodMonth, 0, true}, "季报": {PeriodQuarter, 0, true}, "年报": {PeriodYear, 0, true},
	"monthly": {PeriodMonth, 0, true}, "quarterly": {PeriodQuarter, 0, true}, "annual": {PeriodYear, 0, true}, "yearly": {PeriodYear, 0, true},

	"month": {PeriodMonth, 0, false}, "this month": {PeriodMonth, 0, false}, "current month": {PeriodMonth, 0, false},
	"本月": {PeriodMonth, 0, false}, "这个月": {PeriodMonth, 0, false}, "这月": {PeriodMonth, 0, false}, "当月": {PeriodMonth, 0, false},
	"last month": {PeriodMonth, 1, false}, "previous month": {PeriodMonth, 1, false},
	"上月": {PeriodMonth, 1, false}, "上个月": {PeriodMonth, 1, false}, "上一个月": {PeriodMonth, 1, false},

	"quarter": {PeriodQuarter, 0, false}, "this quarter": {PeriodQuarter, 0, false}, "current quarter": {PeriodQuarter, 0, false},
	"本季度": {PeriodQuarter, 0, false}, "本季": {PeriodQuarter, 0, false}, "这个季度": {PeriodQuarter, 0, false}, "当季": {PeriodQuarter, 0, false},
	"last quarter": {PeriodQuarter, 1, false}, "previous quarter": {PeriodQuarter, 1, false},
	"上季度": {PeriodQuarter, 1, false}, "上季": {PeriodQuarter, 1, false}, "上个季度": {PeriodQuarter, 1, false}, "上一季度": {PeriodQuarter, 1, false},

	"year": {PeriodYear, 0, false}, "this year": {PeriodYear, 0, false}, "current year": {PeriodYear, 0, false},
	"今年": {PeriodYear, 0, false}, "本年": {PeriodYear, 0, false}, "本年度": {PeriodYear, 0, false}, "今年以来": {PeriodYear, 0, false},
	"last year": {PeriodYear, 1, false}, "previous year": {PeriodYear, 1, false},
	"去年": {PeriodYear, 1, false}, "上年": {PeriodYear, 1, false}, "上一年": {PeriodYear, 1, false}, "上年度": {PeriodYear, 1, false},
}

// The written forms of a period, after width folding and lowercasing.
var (
	monthForm   = regexp.MustCompile(`^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})(?:月份?)?$`)
	bareMonth   = regexp.MustCompile(`^(\d{1,2})月份?$`)
	quarterForm = regexp.MustCompile(`^(\d{4})\s*(?:-?\s*q([1-4])|年\s*(?:度\s*)?(?:第\s*)?([1-4一二三四])\s*季度?|年\s*q([1-4]))$`)
	quarterLead = regexp.MustCompile(`^q([1-4])\s*[-/ ]?\s*(\d{4})$`)
	yearForm    = regexp.MustCompile(`^(\d{4})(?:\s*年度?)?$`)
	namedMonth  = regexp.MustCompile(`^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?:\s*,?\s*(\d{4}))?$`)
	daysForm    = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})\s*(?:\.\.|~|–|—|-{1,2}|至|到|to)\s*(\d{4})-(\d{1,2})-(\d{1,2})$`)
)

// chineseQuarters are the quarters written in Chinese numerals.
var chineseQuarters = map[string]int{"一": 1, "二": 2, "三": 3, "四": 4}

// ParsePeriod reads the period a report covers, as a command or the command
// line names it, relative to today: month, last month, quarter, last
// quarter, year, last year (本月, 上月, 上个月, 本季度, 上季度, 今年, 去年), a month
// 2025-11 (2025年11月, 11月: the last November not after this month), a
// quarter 2025-Q4 (2025Q4, Q4 2025, 2025年第四季度, 2025年四季度), a year 2025
// (2025年), a month by its English name (Nov 2025, November; without a year,
// the last one not after this month), days 2025-11-01..2025-11-30, or nothing, 月报, 季报, 年报 for the
// month, quarter or year duePeriod gives. Anything else is ReasonBadPeriod.
func ParsePeriod(spec string, today Date) (Period, error) {
	s := strings.Join(strings.Fields(strings.ToLower(width.Fold.String(spec))), " ")
	if w, ok := periodWords[s]; ok {
		if w.due {
			return duePeriod(w.kind, today), nil
		}
		return currentPeriod(w.kind, today).shifted(-w.back), nil
	}
	p, ok := writtenPeriod(s, today)
	if !ok {
		return Period{}, Errorf(Invalid, ReasonBadPeriod, strings.TrimSpace(spec))
	}
	return p, nil
}

// writtenPeriod reads a period written with numbers (folded and lowercased).
func writtenPeriod(s string, today Date) (Period, bool) {
	num := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case monthForm.MatchString(s):
		m := monthForm.FindStringSubmatch(s)
		return monthOf(num(m[1]), num(m[2]))
	case bareMonth.MatchString(s):
		return latestMonth(num(bareMonth.FindStringSubmatch(s)[1]), today)
	case namedMonth.MatchString(s):
		m := namedMonth.FindStringSubmatch(s)
		month := monthNames[m[1]]
		word := strings.TrimRight(strings.TrimRight(s, "0123456789, "), ".")
		if !strings.HasPrefix(strings.ToLower(time.Month(month).String()), word) {
			return Period{}, false // "novem", "marching": not a month's name
		}
		if m[2] == "" {
			return latestMonth(month, today)
		}
		return monthOf(num(m[2]), month)
	case quarterForm.MatchString(s):
		m := quarterForm.FindStringSubmatch(s)
		q := chineseQuarters[m[3]]
		for _, digits := range []string{m[2], m[3], m[4]} {
			if q == 0 {
				q = num(digits)
			}
		}
		return yearly(num(m[1]), func(y int) Period { return QuarterPeriod(y, q) })
	case quarterLead.MatchString(s):
		m := quarterLead.FindStringSubmatch(s)
		return yearly(num(m[2]), func(y int) Period { return QuarterPeriod(y, num(m[1])) })
	case yearForm.MatchString(s):
		return yearly(num(yearForm.FindStringSubmatch(s)[1]), YearPeriod)
	case daysForm.MatchString(s):
		m := daysForm.FindStringSubmatch(s)
		from, ok1 := MakeDate(num(m[1]), time.Month(num(m[2])), num(m[3]))
		to, ok2 := MakeDate(num(m[4]), time.Month(num(m[5])), num(m[6]))
		if !ok1 || !ok2 || !sensibleYear(from.Year) || !sensibleYear(to.Year) || to.Before(from) || from.DaysUntil(to)+1 > MaxPeriodDays {
			return Period{}, false
		}
		return periodOf(from, to), true
	}
	return Period{}, false
}

// latestMonth is month m of this year, or of last year when m is still to come.
func latestMonth(m int, today Date) (Period, bool) {
	y := today.Year
	if m > int(today.Month) {
		y--
	}
	return monthOf(y, m)
}

// monthOf is month m of year y, when both are.
func monthOf(y, m int) (Period, bool) {
	if m < 1 || m > 12 {
		return Period{}, false
	}
	return yearly(y, func(y int) Period { return MonthPeriod(y, time.Month(m)) })
}

// yearly is period(y) when y is a year planbot reports on.
func yearly(y int, period func(y int) Period) (Period, bool) {
	if !sensibleYear(y) {
		return Period{}, false
	}
	return period(y), true
}

// sensibleYear reports whether y is a year a report may be of: 2000 to
// 2099, so that a mistyped year (0205, 20255) is refused, not reported empty.
func sensibleYear(y int) bool { return y >= 2000 && y <= 2099 }
