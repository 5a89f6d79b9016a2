package main

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// The worst lines of the new-user test, through the real console on Monday
// 2025-11-17: dates it used to file today are read or refused (nothing
// stored), a past day of the month is kept as written with next month's day
// offered, several whens on one line give one item each, and edit applies the
// same rules.
func TestConsoleNewUserEndToEnd(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	in := strings.Join([]string{
		"/plan 11月20 拜访企业",           // #1 Thu 11-20
		"/plan 明早 拜访常诚车业",            // #2 Tue 11-18
		"/plan 下个月 出差北京",             // refused: vague
		"/plan 年前 走访企业",              // refused: vague
		"/plan Fri 22nd visit plant", // refused: the 22nd is a Saturday
		"/plan 周六日 加班",               // #3 Sat-Sun
		"/plan 3-5日 赴苏州、无锡精准招商",      // #4 Nov 3-5, Dec 3 offered
		"/plan 周二 对接4家企业；周三 对接基金公司",  // #5 Tue, #6 Wed
		"/plan 修改 1 下个月 出差北京",        // refused: #1 stays
		"/plan 周二至周四（2天）出差北京",        // refused: 3 days are not 2
		"/plan 周二 拜访A 周三 拜访B",        // refused: two days and no ；: one line each
	}, "\n")
	out := mustPlanbot(t, env, in, "console", "--team", "T1", "--user", "U1")
	for _, want := range []string{"已经过去了", "改期 4 2025-12-03", "已添加 2 项", "请每天写一行"} {
		if !strings.Contains(out, want) {
			t.Errorf("console output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "没有保存"); n != 6 {
		t.Errorf("%d refusals that say nothing was saved, want 6:\n%s", n, out)
	}
	got := append(kindsIn(t, env, "2025-W45"), kindsIn(t, env, "2025-W47")...)
	want := []string{
		"4 2025-11-03..2025-11-05 trip 1 苏州、无锡",
		"1 2025-11-20..2025-11-20 visit 1 ",
		"2 2025-11-18..2025-11-18 visit 1 ",
		"3 2025-11-22..2025-11-23 other 1 ",
		"5 2025-11-18..2025-11-18 visit 4 ",
		"6 2025-11-19..2025-11-19 fund 1 ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("stored\n%s\nwant\n%s\nconsole:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"), out)
	}
}
