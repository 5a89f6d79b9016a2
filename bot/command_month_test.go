package bot

import (
	"reflect"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// An admin sets the monthly report's time, or turns it off and on again, in
// either language; the reply shows every schedule, the month's last. On
// turns it back on at the time it had.
func TestHandleSetupMonth(t *testing.T) {
	const weekly = "Schedule · retrospective: Sun 18:00 · plan your week: Mon 09:00 · log your results: Fri 17:00"
	const weeklyZh = "时间安排 · 周末总结复盘：周日 18:00 · 计划提醒：周一 09:00 · 记录提醒：周五 17:00"
	steps := []struct {
		line string
		want planner.Schedule
		text string
	}{
		{"setup month 08:30", planner.Schedule{Job: planner.JobMonth, Hour: 8, Minute: 30},
			weekly + " · monthly report: first working day 08:30"},
		{"setup month off", planner.Schedule{Job: planner.JobMonth, Hour: 8, Minute: 30, Off: true},
			weekly + " · monthly report: off"},
		{"setup monthly on", planner.Schedule{Job: planner.JobMonth, Hour: 8, Minute: 30},
			weekly + " · monthly report: first working day 08:30"},
		{"设置 月报 9:00", planner.Schedule{Job: planner.JobMonth, Hour: 9},
			weeklyZh + " · 月报：每月第一个工作日 09:00"},
		{"设置 月报 关", planner.Schedule{Job: planner.JobMonth, Hour: 9, Off: true},
			weeklyZh + " · 月报：关闭"},
		{"设置 月报 开", planner.Schedule{Job: planner.JobMonth, Hour: 9},
			weeklyZh + " · 月报：每月第一个工作日 09:00"},
		{"setup month 7：15 off", planner.Schedule{Job: planner.JobMonth, Hour: 7, Minute: 15, Off: true},
			weekly + " · monthly report: off"},
	}
	h := newHandler(t)
	for _, st := range steps {
		t.Run(st.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Boss, st.line)
			want := defaultSchedules()
			want[planner.JobMonth] = st.want
			v, ok := r.Body.(ScheduleView)
			if !ok || !reflect.DeepEqual(v.Schedules, want) {
				t.Fatalf("reply %T %+v, want a ScheduleView of %+v", r.Body, r.Body, want)
			}
			if got := RenderText(r); got != st.text {
				t.Errorf("RenderText = %q\nwant %q", got, st.text)
			}
			if set := storedSchedules(t, h); len(set) != 1 || set[0] != st.want {
				t.Errorf("stored %+v, want only %+v", set, st.want)
			}
		})
	}
}

// Anything but a time of day, on or off is refused with an example in the
// line's language, as is a member who is no admin; nothing is stored.
func TestHandleSetupMonthRefused(t *testing.T) {
	tests := []struct {
		name    string
		actor   planner.Actor
		line    string
		reason  planner.Reason
		example string
	}{
		{"nothing", plannertest.Boss, "setup month", reasonBadMonthTime, "/plan setup month 09:00"},
		{"hour 25", plannertest.Boss, "setup month 25:00", reasonBadMonthTime, "/plan setup month 09:00"},
		{"minute 60", plannertest.Boss, "setup month 09:60", reasonBadMonthTime, "/plan setup month 09:00"},
		{"hour without minutes", plannertest.Boss, "setup month 9", reasonBadMonthTime, "/plan setup month 09:00"},
		{"a weekday", plannertest.Boss, "setup month mon 09:00", reasonBadMonthTime, "/plan setup month 09:00"},
		{"not on or off", plannertest.Boss, "setup month 09:00 maybe", reasonBadMonthTime, "/plan setup month 09:00"},
		{"too many words", plannertest.Boss, "setup month 09:00 off now", reasonBadMonthTime, "/plan setup month 09:00"},
		{"Chinese: a day of the month", plannertest.Boss, "设置 月报 1号 9:00", reasonBadMonthTime, "/plan 设置 月报 9:00"},
		{"Chinese: nothing", plannertest.Boss, "设置 月报", reasonBadMonthTime, "/plan 设置 月报 关"},
		{"a member", plannertest.Ann, "setup month off", planner.ReasonNotAdmin, ""},
		{"a member, in Chinese", plannertest.Ann, "设置 月报 9:00", planner.ReasonNotAdmin, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			r := handle(t, h, tt.actor, tt.line)
			if e := failure(t, r); e.Reason != tt.reason {
				t.Errorf("%q failed with %s/%s, want %s", tt.line, e.Code, e.Reason, tt.reason)
			}
			if !strings.Contains(RenderText(r), tt.example) {
				t.Errorf("the explanation lacks the example %q:\n%s", tt.example, RenderText(r))
			}
			if set := storedSchedules(t, h); len(set) != 0 {
				t.Errorf("a refused setup stored %+v", set)
			}
		})
	}
}
