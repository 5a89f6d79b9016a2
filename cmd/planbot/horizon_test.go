package main

import (
	"strings"
	"testing"
)

// serve says at start-up, in its log on stderr, when the holiday calendar
// lists no holidays for a year it should know by now, and how to update it;
// with no holiday calendar, or one that knows the year, it says nothing.
func TestServeWarnsOfCalendarHorizon(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want bool
	}{
		{"China's calendar past its data", map[string]string{"PLANBOT_NOW": "2099-12-07T10:00:00+08:00"}, true},
		{"cn, past its data", map[string]string{"PLANBOT_NOW": "2099-12-07T10:00:00+08:00", "PLANBOT_CALENDAR": "cn"}, true},
		{"no holiday calendar", map[string]string{"PLANBOT_NOW": "2099-12-07T10:00:00+08:00", "PLANBOT_CALENDAR": "none"}, false},
		{"a year the calendar knows", nil, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := startServeEnv(t, "", tc.env)
			log := s.logs.String()
			s.stop(t)
			said := strings.Contains(log, `"year":2099`) && strings.Contains(log, "go get github.com/6tail/lunar-go@latest")
			if said != tc.want || !tc.want && strings.Contains(log, "lunar-go") {
				t.Errorf("serve's log at start-up:\n%s\nwant the calendar's missing year: %t", log, tc.want)
			}
		})
	}
}
