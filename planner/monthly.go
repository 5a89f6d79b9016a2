package planner

import "time"

// The monthly report (JobMonth) is posted at its schedule's time of day on
// the first working day of each month, and reports on the month before; its
// Schedule's Weekday is not used.
//
// Its identity in the ledger, with the team, is the ISO week in which the
// month reported on begins (MonthlyRun's Run.Week): the sends' key stays
// (team, job, week, recipient), and no two months share it, since two firsts
// of a month are at least 28 days apart. The key depends on the month
// reported on alone — not on the day the report is posted, which the holiday
// calendar and the schedule move — so a month is posted once however its
// time is changed, and ReportedMonth reads the month back from the key.

// MonthlyRun returns the most recent run of the monthly report s due at or
// before now, in zone loc: at s's time of day on the first working day of a
// month by cal (Monday to Friday without one), for the month before. It
// reports false when s is off.
func MonthlyRun(now time.Time, s Schedule, loc *time.Location, cal Calendar) (Run, bool) {
	if s.Off {
		return Run{}, false
	}
	if cal == nil {
		cal = WeekdayCalendar{}
	}
	today := DateOf(now, loc)
	month := Date{Year: today.Year, Month: today.Month, Day: 1}
	at := wallClock(NextWorkingDay(cal, month), s.Hour, s.Minute, loc)
	if at.After(now) { // not yet this month: the month before's run
		month = firstOfMonth(month.Year, month.Month-1)
		at = wallClock(NextWorkingDay(cal, month), s.Hour, s.Minute, loc)
	}
	reported := firstOfMonth(month.Year, month.Month-1)
	return Run{Job: JobMonth, Week: WeekOf(reported), At: at}, true
}

// ReportedMonth returns the first and last days of the month whose monthly
// report has the key w (MonthlyRun's Run.Week): the month that begins in w.
// It reports false when no month begins in w.
func ReportedMonth(w Week) (from, to Date, ok bool) {
	for d := w.Start(); !w.End().Before(d); d = d.AddDays(1) {
		if d.Day == 1 {
			return d, firstOfMonth(d.Year, d.Month+1).AddDays(-1), true
		}
	}
	return Date{}, Date{}, false
}

// firstOfMonth is the first day of month of year, a month out of 1..12
// counting on into the year before or after (0 is the December before).
func firstOfMonth(year int, month time.Month) Date {
	return DateOf(time.Date(year, month, 1, 12, 0, 0, 0, time.UTC), time.UTC)
}
