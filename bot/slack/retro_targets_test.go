package slack

import (
	"fmt"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// A retrospective with targets shows them in its summary, in both
// languages: under a bold heading, each a bullet with its green or red
// marker, the member's name escaped; every message within Slack's limits.
func TestRetroTargetsInSlack(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	sunday := r.End
	r.Targets = []planner.TargetProgress{
		{Metric: planner.MetricAmount, Period: planner.TargetPeriod{Year: 2025}, Goal: 1000000, Done: 620000, AsOf: sunday},
		{Metric: planner.MetricVisits, Period: planner.TargetPeriod{Year: 2025, Quarter: 4}, Member: "U2", MemberName: "<!channel> *王芳*",
			Goal: 10, Done: 9, AsOf: sunday},
	}
	want := map[planner.Lang][]string{
		planner.English: {"*Targets*", "• 🔴 2025 Signed amount: 62% done (CNY 6.2 bn of CNY 10 bn), 90% of the year gone",
			"• 🟢 &lt;!channel&gt; ∗王芳∗ · 2025 Q4 Enterprises visited: 90% done (9 of 10), 59% of the quarter gone"},
		planner.Chinese: {"*目标完成率*", "• 🔴 2025年 签约额 完成 62%（62亿元/100亿元），时间过半 90%",
			"• 🟢 &lt;!channel&gt; ∗王芳∗ · 2025年第四季度 拜访企业 完成 90%（9/10家），时间过半 59%"},
	}
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, r)
			checkRetroMessages(t, messages)
			summary := string(retroJSON(t, messages[:1]))
			for _, line := range want[l] {
				if !strings.Contains(summary, line) {
					t.Errorf("the summary has no %q:\n%s", line, summary)
				}
			}
		})
	}
}

// A team with more targets than a message holds gets as many whole lines as
// fit and the count of the others, never a line cut short: 21 members' 10
// targets for the year and the quarter.
func TestRetroManyTargetsInSlack(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	metrics := []planner.Metric{planner.MetricSigned, planner.MetricAmount, planner.MetricVisits}
	for m := range 21 {
		for _, q := range []int{0, 4} {
			for i := range 10 {
				r.Targets = append(r.Targets, planner.TargetProgress{Metric: metrics[i%len(metrics)], Member: fmt.Sprintf("U%03d", m),
					MemberName: fmt.Sprintf("成员%d", m), Period: planner.TargetPeriod{Year: 2025, Quarter: q}, Goal: 100, Done: int64(i), AsOf: r.End})
			}
		}
	}
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, r)
			checkRetroMessages(t, messages)
			lines := bot.TargetLines(l, r.Targets)
			summary := string(retroJSON(t, messages[:1]))
			shown := 0
			for _, tl := range lines {
				if strings.Contains(summary, escape(tl.Text)) {
					shown++
				}
			}
			more := escape(bot.Say(l, bot.MsgMore, len(lines)-shown))
			if shown == 0 || shown == len(lines) || !strings.Contains(summary, more) {
				t.Errorf("%d of %d target lines shown whole; want some, and %q for the rest", shown, len(lines), more)
			}
		})
	}
}
