package planner

import (
	"time"

	"github.com/6tail/lunar-go/HolidayUtil"
)

// Calendar says which days are working days.
type Calendar interface {
	// Day reports whether d is a working day, and whether it is a public holiday.
	Day(d Date) (working, holiday bool)
	// Covers reports whether the calendar knows year's holidays.
	Covers(year int) bool
}

// WeekdayCalendar is a calendar without holidays: Monday to Friday are working days.
type WeekdayCalendar struct{}

// Day reports Monday..Friday as working days; no day is a holiday.
func (WeekdayCalendar) Day(d Date) (working, holiday bool) {
	wd := d.Weekday()
	return wd != time.Saturday && wd != time.Sunday, false
}

// Covers is true for every year.
func (WeekdayCalendar) Covers(int) bool { return true }

// ChinaCalendar is China's working calendar as the State Council publishes it:
// statutory holidays, and the weekend days worked in exchange (调休). It reads
// github.com/6tail/lunar-go's HolidayUtil tables.
type ChinaCalendar struct{}

// Day reports d's status: a listed day is a holiday or an adjusted working day;
// any other day is a working day from Monday to Friday.
func (ChinaCalendar) Day(d Date) (working, holiday bool) {
	if h := HolidayUtil.GetHolidayByYmd(d.Year, int(d.Month), d.Day); h != nil {
		return h.IsWork(), !h.IsWork()
	}
	return WeekdayCalendar{}.Day(d)
}

// Covers reports whether lunar-go lists any holiday for year.
func (ChinaCalendar) Covers(year int) bool { return HolidayUtil.GetHolidaysByYear(year).Len() > 0 }

// NextWorkingDay returns d if it is a working day, else the first working day
// after it (looking at most 60 days ahead).
func NextWorkingDay(cal Calendar, d Date) Date {
	for i := 0; i < 60; i++ {
		if working, _ := cal.Day(d); working {
			return d
		}
		d = d.AddDays(1)
	}
	return d
}
