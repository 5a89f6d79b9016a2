package planner

import (
	"fmt"
	"time"
)

// JobHorizon is the direct message each admin of a team gets, once a year,
// when the team's holiday calendar lists no holidays for the coming year (or
// for this one): lunar-go ships each year's holidays after the State Council
// publishes them, usually in November, so planbot must be updated to know
// them. It is no weekly job: it has no schedule of its own (HorizonRun).
const JobHorizon Job = "horizon"

// horizonHour is the hour, in the team's zone, from which the notice is due.
const horizonHour = 9

// Uncovered returns the year whose holidays cal does not list that a team at
// now in zone loc is to hear of: this year, or, from 09:00 on December's
// first working day, the next. ok is false when cal (nil: none) lists both,
// or when it is too early to expect next year's.
func Uncovered(cal Calendar, now time.Time, loc *time.Location) (year int, ok bool) {
	if cal == nil {
		return 0, false
	}
	today := DateOf(now, loc)
	if !cal.Covers(today.Year) {
		return today.Year, true
	}
	next := today.Year + 1
	if !now.Before(horizonFrom(cal, next, loc)) && !cal.Covers(next) {
		return next, true
	}
	return 0, false
}

// HorizonRun returns the run of the notice that cal lists no holidays for
// year (Uncovered), to a team at now in zone loc. Its identity is the year,
// so each admin is told once a year whatever restarts and retries follow. It
// is due from 09:00 on December's first working day before year; found later
// than MaxLate after that (planbot was down, or first ran then), it is due at
// once rather than skipped as missed: a year's holidays missing are news
// until they are there.
func HorizonRun(cal Calendar, now time.Time, loc *time.Location) (run Run, year int, ok bool) {
	if year, ok = Uncovered(cal, now, loc); !ok {
		return Run{}, 0, false
	}
	from := horizonFrom(cal, year, loc)
	at := from
	if now.Sub(from) > MaxLate {
		at = now
	}
	return Run{
		Job: JobHorizon, Week: WeekOf(DateOf(from, loc)), At: at,
		Subject: fmt.Sprintf("calendar %d", year),
	}, year, true
}

// horizonFrom is when the notice that year's holidays are missing is first
// due: 09:00 on the first working day of the December before year.
func horizonFrom(cal Calendar, year int, loc *time.Location) time.Time {
	return wallClock(NextWorkingDay(cal, Date{Year: year - 1, Month: time.December, Day: 1}), horizonHour, 0, loc)
}
