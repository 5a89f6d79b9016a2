package planner

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Week is an ISO 8601 week: Monday to Sunday, numbered within its ISO year.
type Week struct {
	Year int
	Num  int
}

// WeekOf returns the ISO week containing day d.
func WeekOf(d Date) Week {
	y, n := d.utc().ISOWeek()
	return Week{y, n}
}

// CurrentWeek returns the ISO week of instant now in loc.
func CurrentWeek(now time.Time, loc *time.Location) Week { return WeekOf(DateOf(now, loc)) }

var weekPattern = regexp.MustCompile(`^(\d{4})-[Ww](\d{1,2})$`)

// ParseWeek reads an ISO week written YYYY-Www (2025-W47).
func ParseWeek(s string) (Week, error) {
	m := weekPattern.FindStringSubmatch(s)
	if m == nil {
		return Week{}, Errorf(Invalid, ReasonBadWeek, s)
	}
	y, _ := strconv.Atoi(m[1])
	n, _ := strconv.Atoi(m[2])
	w := Week{y, n}
	if n < 1 || WeekOf(w.Start()) != w {
		return Week{}, Errorf(Invalid, ReasonBadWeek, s)
	}
	return w, nil
}

// Start returns the Monday of w.
func (w Week) Start() Date {
	// January 4th is always in ISO week 1.
	jan4 := Date{w.Year, time.January, 4}
	offset := (int(jan4.Weekday()) + 6) % 7 // days since Monday
	return jan4.AddDays(-offset + 7*(w.Num-1))
}

// End returns the Sunday of w.
func (w Week) End() Date { return w.Start().AddDays(6) }

// Next returns the week after w.
func (w Week) Next() Week { return WeekOf(w.Start().AddDays(7)) }

// Prev returns the week before w.
func (w Week) Prev() Week { return WeekOf(w.Start().AddDays(-7)) }

// Contains reports whether day d falls in w.
func (w Week) Contains(d Date) bool { return WeekOf(d) == w }

// String formats w as YYYY-Www.
func (w Week) String() string { return fmt.Sprintf("%04d-W%02d", w.Year, w.Num) }

// MarshalText writes w as YYYY-Www.
func (w Week) MarshalText() ([]byte, error) { return []byte(w.String()), nil }

// ResolveWeek reads a week as a command gives it: "" or this/本周/这周 for the
// week of now, next/下周, last/上周, or YYYY-Www.
func ResolveWeek(spec string, now time.Time, loc *time.Location) (Week, error) {
	current := CurrentWeek(now, loc)
	switch strings.ToLower(strings.TrimSpace(spec)) {
	case "", "this", "current", "本周", "这周", "本星期":
		return current, nil
	case "next", "下周", "下星期":
		return current.Next(), nil
	case "last", "prev", "previous", "上周", "上星期":
		return current.Prev(), nil
	}
	spec = strings.TrimSpace(spec)
	if m := bareWeekPattern.FindStringSubmatch(spec); m != nil {
		spec = fmt.Sprintf("%d-W%s", current.Year, m[1]) // "W48": week 48 of this ISO year
	}
	return ParseWeek(spec)
}

var bareWeekPattern = regexp.MustCompile(`^[Ww](\d{1,2})$`)
