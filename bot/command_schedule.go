package bot

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"planbot/planner"
)

// setupWords are the first words /plan setup takes, by what they set.
var setupWords = map[string]string{
	"": "channel", "tz": "tz", "zone": "tz", "时区": "tz", "lang": "lang", "语言": "lang",
	"digest": "digest", "retro": "digest", "周报": "digest", "复盘": "digest", "remind": "remind", "提醒": "remind",
	"index": "index", "指数": "index", "活跃指数": "index",
	"name": "name", "名称": "name", "单位": "name",
	"target": "target", "targets": "target", "目标": "target",
	"month": "month", "monthly": "month", "月报": "month",
}

// remindWords are /plan remind's arguments: whether reminders are off.
var remindWords = map[string]bool{"off": true, "关": true, "关闭": true, "on": false, "开": false, "开启": false}

// postWords and forceWords make /plan digest post [force].
var (
	postWords  = map[string]bool{"post": true, "发布": true, "发送": true}
	forceWords = map[string]bool{"force": true, "--force": true, "强制": true}
)

// scheduleDays are the weekdays a schedule names, in both languages.
var scheduleDays = map[string]time.Weekday{
	"mon": time.Monday, "tue": time.Tuesday, "wed": time.Wednesday, "thu": time.Thursday,
	"fri": time.Friday, "sat": time.Saturday, "sun": time.Sunday,
	"周一": time.Monday, "周二": time.Tuesday, "周三": time.Wednesday, "周四": time.Thursday,
	"周五": time.Friday, "周六": time.Saturday, "周日": time.Sunday, "周天": time.Sunday,
}

var timeOfDay = regexp.MustCompile(`^(\d{1,2})[:：](\d{2})$`)

// parseSchedule reads "<day> <HH:MM> [off]" (sun 18:00, 周五 17:00 关) for job.
func parseSchedule(job planner.Job, words []string) (planner.Schedule, error) {
	bad := planner.Errorf(planner.Invalid, planner.ReasonBadSchedule, strings.Join(words, " "))
	if len(words) < 2 || len(words) > 3 {
		return planner.Schedule{}, bad
	}
	day, ok := scheduleDay(words[0])
	m := timeOfDay.FindStringSubmatch(words[1])
	if !ok || m == nil {
		return planner.Schedule{}, bad
	}
	hour, _ := strconv.Atoi(m[1])
	minute, _ := strconv.Atoi(m[2])
	off := false
	if len(words) == 3 {
		if off, ok = remindWords[strings.ToLower(words[2])]; !ok {
			return planner.Schedule{}, bad
		}
	}
	if hour > 23 || minute > 59 {
		return planner.Schedule{}, bad
	}
	return planner.Schedule{Job: job, Weekday: day, Hour: hour, Minute: minute, Off: off}, nil
}

// reminderJob says which reminder "/plan setup remind <day> …" changes: an
// explicit plan/log word, else "plan your week" for Monday to Wednesday and
// "log your results" for Thursday to Sunday.
func reminderJob(words []string) (planner.Job, []string) {
	if len(words) > 0 {
		switch strings.ToLower(words[0]) {
		case "plan", "计划":
			return planner.JobPlan, words[1:]
		case "log", "results", "记录":
			return planner.JobLog, words[1:]
		}
	}
	if len(words) > 0 {
		if day, ok := scheduleDay(words[0]); ok && day >= time.Monday && day <= time.Wednesday {
			return planner.JobPlan, words
		}
	}
	return planner.JobLog, words
}

// scheduleDay reads a weekday: mon, monday, 周一, 星期一.
func scheduleDay(word string) (time.Weekday, bool) {
	word = strings.ToLower(strings.Replace(word, "星期", "周", 1))
	if day, ok := scheduleDays[word]; ok {
		return day, true
	}
	if len(word) > 3 {
		day, ok := scheduleDays[word[:3]]
		return day, ok
	}
	return 0, false
}

// postArgs reads "[week] [force]" after "digest post".
func postArgs(words []string) (week string, force, ok bool) {
	for _, w := range words {
		switch {
		case forceWords[strings.ToLower(w)]:
			force = true
		case week == "" && weekArg.MatchString(w):
			week = w
		default:
			return "", false, false
		}
	}
	return week, force, true
}

// AdminOnly reports whether only a team's admins may run cmd: /plan setup,
// /plan digest post and /plan forget.
func (c Command) AdminOnly() bool {
	return c.Verb == VerbSetup || c.Verb == VerbForget || c.Verb == VerbDigest && c.Post
}
