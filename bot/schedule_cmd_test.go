package bot

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// defaultSchedules are the team's schedules before any admin changes them.
func defaultSchedules() map[planner.Job]planner.Schedule {
	out := map[planner.Job]planner.Schedule{}
	for _, j := range planner.Jobs {
		out[j] = planner.DefaultSchedule(j)
	}
	return out
}

// storedSchedules returns team T1's schedules as stored (only those set).
func storedSchedules(t *testing.T, h *Handler) []planner.Schedule {
	t.Helper()
	set, err := dbOf(h).Schedules(t.Context(), "T1")
	if err != nil {
		t.Fatalf("Schedules: %v", err)
	}
	return set
}

func TestHandleSetupSchedule(t *testing.T) {
	const enDefault = "Schedule · retrospective: Sun 18:00 · plan your week: Mon 09:00 · log your results: Fri 17:00 · monthly report: first working day 09:00"
	tests := []struct {
		line string
		want planner.Schedule // the one schedule the line changes
		text string
	}{
		{"setup digest sat 20:30", planner.Schedule{Job: planner.JobRetro, Weekday: time.Saturday, Hour: 20, Minute: 30},
			"Schedule · retrospective: Sat 20:30 · plan your week: Mon 09:00 · log your results: Fri 17:00 · monthly report: first working day 09:00"},
		{"设置 周报 周六 20:30", planner.Schedule{Job: planner.JobRetro, Weekday: time.Saturday, Hour: 20, Minute: 30},
			"时间安排 · 周末总结复盘：周六 20:30 · 计划提醒：周一 09:00 · 记录提醒：周五 17:00 · 月报：每月第一个工作日 09:00"},
		{"setup retro 星期日 19:05", planner.Schedule{Job: planner.JobRetro, Weekday: time.Sunday, Hour: 19, Minute: 5},
			"Schedule · retrospective: Sun 19:05 · plan your week: Mon 09:00 · log your results: Fri 17:00 · monthly report: first working day 09:00"},
		{"setup remind mon 08:00", planner.Schedule{Job: planner.JobPlan, Weekday: time.Monday, Hour: 8},
			"Schedule · retrospective: Sun 18:00 · plan your week: Mon 08:00 · log your results: Fri 17:00 · monthly report: first working day 09:00"},
		{"setup remind wed 10:00", planner.Schedule{Job: planner.JobPlan, Weekday: time.Wednesday, Hour: 10},
			"Schedule · retrospective: Sun 18:00 · plan your week: Wed 10:00 · log your results: Fri 17:00 · monthly report: first working day 09:00"},
		{"setup remind fri 17:00 off", planner.Schedule{Job: planner.JobLog, Weekday: time.Friday, Hour: 17, Off: true},
			"Schedule · retrospective: Sun 18:00 · plan your week: Mon 09:00 · log your results: off · monthly report: first working day 09:00"},
		{"设置 提醒 周五 17:00 关", planner.Schedule{Job: planner.JobLog, Weekday: time.Friday, Hour: 17, Off: true},
			"时间安排 · 周末总结复盘：周日 18:00 · 计划提醒：周一 09:00 · 记录提醒：关闭 · 月报：每月第一个工作日 09:00"},
		{"setup remind fri 17:00 on", planner.Schedule{Job: planner.JobLog, Weekday: time.Friday, Hour: 17}, enDefault},
		{"setup remind thu 16:00", planner.Schedule{Job: planner.JobLog, Weekday: time.Thursday, Hour: 16},
			"Schedule · retrospective: Sun 18:00 · plan your week: Mon 09:00 · log your results: Thu 16:00 · monthly report: first working day 09:00"},
		{"setup remind sunday 20:00", planner.Schedule{Job: planner.JobLog, Weekday: time.Sunday, Hour: 20},
			"Schedule · retrospective: Sun 18:00 · plan your week: Mon 09:00 · log your results: Sun 20:00 · monthly report: first working day 09:00"},
		{"setup remind plan tue 08:30", planner.Schedule{Job: planner.JobPlan, Weekday: time.Tuesday, Hour: 8, Minute: 30},
			"Schedule · retrospective: Sun 18:00 · plan your week: Tue 08:30 · log your results: Fri 17:00 · monthly report: first working day 09:00"},
		{"setup remind log mon 17:00", planner.Schedule{Job: planner.JobLog, Weekday: time.Monday, Hour: 17},
			"Schedule · retrospective: Sun 18:00 · plan your week: Mon 09:00 · log your results: Mon 17:00 · monthly report: first working day 09:00"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			r := mustHandle(t, h, plannertest.Boss, tt.line)
			want := defaultSchedules()
			want[tt.want.Job] = tt.want
			v, ok := r.Body.(ScheduleView)
			if !ok {
				t.Fatalf("reply %T %+v, want a ScheduleView", r.Body, r.Body)
			}
			if !reflect.DeepEqual(v.Schedules, want) {
				t.Errorf("reply shows %+v\nwant %+v", v.Schedules, want)
			}
			if got := RenderText(r); got != tt.text {
				t.Errorf("RenderText = %q\nwant %q", got, tt.text)
			}
			all, err := h.Service.SchedulesOf(t.Context(), "T1")
			if err != nil || !reflect.DeepEqual(all, want) {
				t.Errorf("SchedulesOf = %+v, %v\nwant %+v", all, err, want)
			}
			if set := storedSchedules(t, h); len(set) != 1 || set[0] != tt.want {
				t.Errorf("stored %+v, want only %+v", set, tt.want)
			}
		})
	}
}

// A later change of the same job replaces it; the others keep theirs.
func TestHandleSetupScheduleTwice(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Boss, "setup remind fri 17:00 off")
	mustHandle(t, h, plannertest.Boss, "setup digest sat 20:30")
	r := mustHandle(t, h, plannertest.Boss, "setup remind thu 16:00")
	want := "Schedule · retrospective: Sat 20:30 · plan your week: Mon 09:00 · log your results: Thu 16:00 · monthly report: first working day 09:00"
	if got := RenderText(r); got != want {
		t.Errorf("RenderText = %q\nwant %q", got, want)
	}
	if set := storedSchedules(t, h); len(set) != 2 {
		t.Errorf("stored %+v, want the retrospective and the log reminder", set)
	}
}

func TestHandleSetupScheduleRefused(t *testing.T) {
	tests := []struct {
		name   string
		actor  planner.Actor
		line   string
		code   planner.Code
		reason planner.Reason
	}{
		{"no time", plannertest.Boss, "setup digest sun", planner.Invalid, planner.ReasonBadSchedule},
		{"nothing", plannertest.Boss, "setup digest", planner.Invalid, planner.ReasonBadSchedule},
		{"time before day", plannertest.Boss, "setup digest 25:00 sun", planner.Invalid, planner.ReasonBadSchedule},
		{"no such day", plannertest.Boss, "setup digest funday 18:00", planner.Invalid, planner.ReasonBadSchedule},
		{"hour 24", plannertest.Boss, "setup digest sun 24:00", planner.Invalid, planner.ReasonBadSchedule},
		{"minute 60", plannertest.Boss, "setup digest sun 18:60", planner.Invalid, planner.ReasonBadSchedule},
		{"hour without minutes", plannertest.Boss, "setup remind mon 9", planner.Invalid, planner.ReasonBadSchedule},
		{"reminder with nothing", plannertest.Boss, "setup remind", planner.Invalid, planner.ReasonBadSchedule},
		{"plan with no day", plannertest.Boss, "setup remind plan 08:30", planner.Invalid, planner.ReasonBadSchedule},
		{"not on or off", plannertest.Boss, "setup remind fri 17:00 maybe", planner.Invalid, planner.ReasonBadSchedule},
		{"too many words", plannertest.Boss, "setup digest sun 18:00 off now", planner.Invalid, planner.ReasonBadSchedule},
		{"member sets the retrospective", plannertest.Ann, "setup digest sat 20:30", planner.Forbidden, planner.ReasonNotAdmin},
		{"member sets a reminder", plannertest.Ann, "setup remind mon 08:00", planner.Forbidden, planner.ReasonNotAdmin},
		{"member turns a reminder off", plannertest.Ann, "设置 提醒 周五 17:00 关", planner.Forbidden, planner.ReasonNotAdmin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			r := handle(t, h, tt.actor, tt.line)
			if e := failure(t, r); e.Code != tt.code || e.Reason != tt.reason {
				t.Errorf("%q failed with %s/%s, want %s/%s", tt.line, e.Code, e.Reason, tt.code, tt.reason)
			}
			if tt.reason == planner.ReasonBadSchedule && !strings.Contains(RenderText(r), "/plan setup digest sun 18:00") {
				t.Errorf("the explanation lacks an example:\n%s", RenderText(r))
			}
			if set := storedSchedules(t, h); len(set) != 0 {
				t.Errorf("a refused setup stored %+v", set)
			}
			if all, err := h.Service.SchedulesOf(t.Context(), "T1"); err != nil || !reflect.DeepEqual(all, defaultSchedules()) {
				t.Errorf("SchedulesOf = %+v, %v; want the defaults", all, err)
			}
		})
	}
}

func TestHandleRemindOffOn(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Bob, "week") // another member, whose setting must not change
	steps := []struct {
		line string
		off  bool
		lang planner.Lang
		text string
	}{
		{"remind off", true, planner.English, "OK: no more reminders for you. Turn them back on with /plan remind on"},
		{"remind off", true, planner.English, "OK: no more reminders for you. Turn them back on with /plan remind on"},
		{"remind on", false, planner.English, "OK: you will get the weekly reminders again."},
		{"提醒 关", true, planner.Chinese, "好的，不再给你发提醒。重新开启：/plan 提醒 开"},
		{"提醒 开", false, planner.Chinese, "好的，每周提醒已重新开启。"},
	}
	for i, st := range steps {
		t.Run(st.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Ann, st.line)
			if r.Body != (RemindSet{Off: st.off}) || r.Lang != st.lang {
				t.Fatalf("step %d: reply %+v, want RemindSet{Off: %t} in %s", i, r, st.off, st.lang)
			}
			if got := RenderText(r); got != st.text {
				t.Errorf("RenderText = %q, want %q", got, st.text)
			}
			members, err := dbOf(h).Members(t.Context(), "T1")
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]bool{}
			for _, m := range members {
				got[m.UserID] = m.RemindOff
			}
			if want := map[string]bool{"U1": st.off, "U2": false}; !reflect.DeepEqual(got, want) {
				t.Errorf("RemindOff by member %v, want %v", got, want)
			}
		})
	}
}

func TestHandleDigestPost(t *testing.T) {
	w46 := planner.Week{Year: 2025, Num: 46}
	tests := []struct {
		name  string
		actor planner.Actor
		line  string
		want  Posting
		text  string
		fail  planner.Reason
	}{
		{"this week", plannertest.Boss, "digest post", Posting{Week: plannertest.W47},
			"Posting the retrospective of 2025-W47 to the team's channel…", ""},
		{"this week again", plannertest.Boss, "digest post force", Posting{Week: plannertest.W47, Force: true},
			"Posting the retrospective of 2025-W47 to the team's channel…", ""},
		{"a week, forced", plannertest.Boss, "digest post 2025-W46 force", Posting{Week: w46, Force: true},
			"Posting the retrospective of 2025-W46 to the team's channel…", ""},
		{"last week", plannertest.Boss, "digest post last", Posting{Week: w46}, "Posting the retrospective of 2025-W46 to the team's channel…", ""},
		{"in Chinese", plannertest.Boss, "周报 发布", Posting{Week: plannertest.W47}, "正在把 2025-W47 的周末总结复盘发到团队频道……", ""},
		{"in Chinese, forced", plannertest.Boss, "周报 发布 强制", Posting{Week: plannertest.W47, Force: true}, "正在把 2025-W47 的周末总结复盘发到团队频道……", ""},
		{"by a member", plannertest.Ann, "digest post", Posting{}, "", planner.ReasonNotAdmin},
		{"by a member, forced", plannertest.Ann, "digest post 2025-W46 force", Posting{}, "", planner.ReasonNotAdmin},
		{"a week that is not one", plannertest.Boss, "digest post 2025-W99", Posting{}, "", planner.ReasonBadWeek},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			p := &workLog{}
			r := handleOn(t, h, p, tt.actor, tt.line)
			if tt.fail != "" {
				if e := failure(t, r); e.Reason != tt.fail {
					t.Errorf("%q failed with %s, want %s", tt.line, e.Reason, tt.fail)
				}
				if len(p.work) != 0 {
					t.Errorf("a refused post asked the platform for %q", p.work)
				}
				return
			}
			if r.Body != tt.want {
				t.Fatalf("reply %T %+v, want %+v", r.Body, r.Body, tt.want)
			}
			if got := RenderText(r); got != tt.text {
				t.Errorf("RenderText = %q, want %q", got, tt.text)
			}
			// The platform posts the week asked for, as asked.
			if want := []string{fmt.Sprintf("post %s %t", tt.want.Week, tt.want.Force)}; !slices.Equal(p.work, want) {
				t.Errorf("the platform was asked for %q, want %q", p.work, want)
			}
			// The handler only asks: posting is the platform's, after the answer.
			if pending, err := dbOf(h).PendingSends(t.Context()); err != nil || len(pending) != 0 {
				t.Errorf("the handler claimed sends %+v, %v", pending, err)
			}
		})
	}
}
