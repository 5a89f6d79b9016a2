package planner

import (
	"fmt"
	"time"
)

// Date is a calendar day in the team's time zone, without a time of day.
// The zero Date is not a valid day.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day that instant t falls on in loc.
func DateOf(t time.Time, loc *time.Location) Date {
	y, m, d := t.In(loc).Date()
	return Date{y, m, d}
}

// MakeDate returns the given day, or false when it does not exist (2025-02-30).
func MakeDate(year int, month time.Month, day int) (Date, bool) {
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return Date{}, false
	}
	d := Date{year, month, day}
	return d, d.utc().Day() == day
}

// ParseDate reads a YYYY-MM-DD day.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, Errorf(Invalid, ReasonBadDate, s)
	}
	return DateOf(t, time.UTC), nil
}

func (d Date) utc() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String formats d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day) }

// AddDays returns the day n days after d (before it when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.utc().AddDate(0, 0, n), time.UTC) }

// Weekday returns the day of the week of d.
func (d Date) Weekday() time.Weekday { return d.utc().Weekday() }

// Before reports whether d comes before e.
func (d Date) Before(e Date) bool { return d.utc().Before(e.utc()) }

// After reports whether d comes after e.
func (d Date) After(e Date) bool { return d.utc().After(e.utc()) }

// DaysUntil returns the number of days from d to e (negative when e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.utc().Sub(d.utc()).Hours() / 24) }

// MarshalText writes d as YYYY-MM-DD, so JSON shows dates as users write them.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }
