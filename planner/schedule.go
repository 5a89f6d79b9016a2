package planner

import "time"

// Job is something planbot does every week on its own.
type Job string

// planbot's weekly jobs.
const (
	JobRetro Job = "retro" // the retrospective, posted to the team's channel
	JobPlan  Job = "plan"  // "plan your week", a DM to each member
	JobLog   Job = "log"   // "log your results", a DM to each member
	JobMonth Job = "month" // the month before's report, posted to the team's channel (monthly.go)
)

// Jobs lists every Job.
var Jobs = []Job{JobRetro, JobPlan, JobLog, JobMonth}

// Schedule is when a job runs: a weekday and a time of day, in some zone.
type Schedule struct {
	Job     Job
	Weekday time.Weekday
	Hour    int
	Minute  int
	Off     bool
}

// DefaultSchedule is a job's schedule until an admin changes it: the
// retrospective Sunday 18:00, "plan your week" Monday 09:00, "log your
// results" Friday 17:00, the monthly report 09:00 on a month's first working
// day (its Weekday is not used).
func DefaultSchedule(job Job) Schedule {
	switch job {
	case JobMonth:
		return Schedule{Job: job, Hour: 9}
	case JobPlan:
		return Schedule{Job: job, Weekday: time.Monday, Hour: 9}
	case JobLog:
		return Schedule{Job: job, Weekday: time.Friday, Hour: 17}
	}
	return Schedule{Job: JobRetro, Weekday: time.Sunday, Hour: 18}
}

// MaxLate is how late a run missed while planbot was down may still be caught up.
const MaxLate = 36 * time.Hour

// LateAfter is how late a run must be to be called late (a catch-up, not the
// ticker's ordinary delay).
const LateAfter = 10 * time.Minute

// Run is one occurrence of a job: the week it is for and the instant it is due.
type Run struct {
	Job  Job
	Week Week      // the week it is for: with the team (and member), the run's identity
	At   time.Time // when it is due, after any move to a working day
	// Subject is the rest of its identity, "" for the weekly jobs: see Send.
	Subject string
}

// Late reports whether the run, made at now, is a catch-up.
func (r Run) Late(now time.Time) bool { return now.Sub(r.At) > LateAfter }

// LatestRun returns the most recent run of s due at or before now, in zone loc.
// With a calendar, a reminder whose day is a holiday moves to the next working
// day if it falls on a weekday, and is dropped if it falls on a weekend; the
// retrospective is never moved. When a moved reminder lands on the day of a
// later week's own reminder, the later week's wins (one "plan your week"
// after a long holiday, not two). It reports false when s is off or no run
// is due in the last few weeks.
func LatestRun(now time.Time, s Schedule, loc *time.Location, cal Calendar) (Run, bool) {
	if s.Off {
		return Run{}, false
	}
	var best Run
	found := false
	this := CurrentWeek(now, loc)
	for _, w := range []Week{this.Prev().Prev(), this.Prev(), this} {
		day := s.day(w)
		if cal != nil && s.Job != JobRetro {
			var ok bool
			if day, ok = workingDayFor(cal, day); !ok {
				continue
			}
		}
		at := wallClock(day, s.Hour, s.Minute, loc)
		if !at.After(now) && (!found || !at.Before(best.At)) {
			best, found = Run{Job: s.Job, Week: w, At: at}, true
		}
	}
	return best, found
}

// day returns the scheduled day of the run for week w. A retrospective set
// for Monday to Thursday reviews the week before: it runs in the week after w.
func (s Schedule) day(w Week) Date {
	day := w.Start().AddDays((int(s.Weekday) + 6) % 7)
	if s.Job == JobRetro && s.Weekday >= time.Monday && s.Weekday <= time.Thursday {
		day = day.AddDays(7)
	}
	return day
}

// wallClock returns hour:minute of day in loc; a time skipped by a DST jump
// runs just after the jump (02:30 → 03:30), never before it.
func wallClock(day Date, hour, minute int, loc *time.Location) time.Time {
	at := time.Date(day.Year, day.Month, day.Day, hour, minute, 0, 0, loc)
	if at.Hour() != hour || at.Minute() != minute {
		_, before := at.Zone()
		_, after := at.Add(3 * time.Hour).Zone()
		if at.Add(time.Duration(after-before) * time.Second).After(at) {
			at = at.Add(time.Duration(after-before) * time.Second)
		}
	}
	return at
}

// In returns when the run of s for week w is due, in zone loc, before any move
// to a working day.
func (s Schedule) In(w Week, loc *time.Location) time.Time {
	return wallClock(s.day(w), s.Hour, s.Minute, loc)
}

// workingDayFor moves a reminder off a holiday: a weekday holiday to the next
// working day, a weekend holiday to nowhere.
func workingDayFor(cal Calendar, day Date) (Date, bool) {
	working, holiday := cal.Day(day)
	switch {
	case working || !holiday:
		return day, true
	case day.Weekday() == time.Saturday || day.Weekday() == time.Sunday:
		return Date{}, false
	}
	return NextWorkingDay(cal, day), true
}
