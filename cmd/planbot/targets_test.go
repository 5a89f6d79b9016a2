package main

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// targetDoc is one of the "targets" of the digest (and of the period
// report), as issue 16 gives its shape, with the period and the member
// that tell one target from another.
type targetDoc struct {
	Metric     string  `json:"metric"`
	Period     string  `json:"period"`
	Member     string  `json:"member"`
	MemberName string  `json:"member_name"`
	Goal       int64   `json:"goal"`
	Done       int64   `json:"done"`
	Rate       float64 `json:"rate"`
	TimeRate   float64 `json:"time_rate"`
}

// Targets set in the console show in /plan target and in the digest's JSON,
// with what was done by the week's Sunday and the share of time gone then.
func TestTargetsThroughConsoleAndDigest(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	out := mustPlanbot(t, env, `/plan setup target 2025 签约项目 4 个 签约额 10 亿元 拜访 10 家
/plan setup target 2025-Q4 visits 8
/plan mon visit 4 enterprises
/plan done 1
/plan lead 常诚车业 签约 总投资6亿元
/plan target
`, "console", "--user", "ann", "--team", "t")
	for _, want := range []string{
		"Targets of 2025 updated (the team).",
		"🔴 2025 Signed amount: 60% done (CNY 600 m of CNY 1 bn), 88% of the year gone",
		"🔴 2025 Q4 Enterprises visited: 50% done (4 of 8), 52% of the quarter gone",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("console output has no %q:\n%s", want, out)
		}
	}
	year, quarter := (10*30+23)/360.0, (30+23)/90.0 // at Sunday 2025-11-23
	want := []targetDoc{
		{Metric: "signed_projects", Period: "2025", Goal: 4, Done: 1, Rate: 0.25, TimeRate: year},
		{Metric: "signed_wan", Period: "2025", Goal: 100000, Done: 60000, Rate: 0.6, TimeRate: year},
		{Metric: "visits", Period: "2025", Goal: 10, Done: 4, Rate: 0.4, TimeRate: year},
		{Metric: "visits", Period: "2025-Q4", Goal: 8, Done: 4, Rate: 0.5, TimeRate: quarter},
	}
	if got := digestJSON(t, env, "t").Targets; !reflect.DeepEqual(got, want) {
		t.Errorf("digest targets\n%+v\nwant\n%+v", got, want)
	}
}
