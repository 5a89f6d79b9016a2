package bot

import (
	"context"
	"strconv"
	"strings"

	"planbot/planner"
)

// parseMonthSchedule reads what "/plan setup month" is given into the
// monthly report's schedule, from the one stored (current): a time of day
// (09:00, 9:00) turns it on at that time, off (关) turns it off, on (开)
// turns it on at its time, and "<time> off" sets its time, off.
func parseMonthSchedule(current planner.Schedule, words []string) (planner.Schedule, error) {
	bad := planner.Errorf(planner.Invalid, reasonBadMonthTime, strings.Join(words, " "))
	sch := current
	sch.Job, sch.Weekday = planner.JobMonth, 0 // a month's first working day, not a weekday
	if len(words) == 0 || len(words) > 2 {
		return planner.Schedule{}, bad
	}
	if off, ok := remindWords[strings.ToLower(words[0])]; ok && len(words) == 1 {
		sch.Off = off
		return sch, nil
	}
	m := timeOfDay.FindStringSubmatch(words[0])
	if m == nil {
		return planner.Schedule{}, bad
	}
	hour, _ := strconv.Atoi(m[1])
	minute, _ := strconv.Atoi(m[2])
	if hour > 23 || minute > 59 {
		return planner.Schedule{}, bad
	}
	sch.Hour, sch.Minute, sch.Off = hour, minute, false
	if len(words) == 2 {
		off, ok := remindWords[strings.ToLower(words[1])]
		if !ok {
			return planner.Schedule{}, bad
		}
		sch.Off = off
	}
	return sch, nil
}

// setupMonth changes when the monthly report is posted, or turns it off or
// on, and shows every schedule of the team.
func (t *Turn) setupMonth(ctx context.Context, words []string) (Body, planner.Lang, error) {
	if err := planner.CheckAdmin(t.Actor); err != nil {
		return nil, "", err
	}
	all, err := t.Service.SchedulesOf(ctx, t.Actor.TeamID)
	if err != nil {
		return nil, "", err
	}
	sch, err := parseMonthSchedule(all[planner.JobMonth], words)
	if err != nil {
		return nil, "", err
	}
	if err := t.Service.SetSchedule(ctx, t.Actor, sch); err != nil {
		return nil, "", err
	}
	all[planner.JobMonth] = sch
	return ScheduleView{Schedules: all}, "", nil
}
