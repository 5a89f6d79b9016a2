package slack

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The retrospective's summary in Slack lists the overdue companies (超期)
// with their owners and deadlines, within Slack's limits, their names inert.
func TestRetroMessagesOverdue(t *testing.T) {
	const evil = "<!channel>"
	r := plannertest.ScriptedRetro(t)
	r.Pipeline = planner.PipelineWeek{Counts: map[planner.Stage]int{planner.StageSigned: 2},
		Overdue: []planner.OverdueCompany{
			{CompanyID: 1, Company: "常诚车业", Owner: "U2", OwnerName: "王芳", Stage: planner.StageSigned, Due: plannertest.Day(t, "2025-11-21"), Step: planner.StageConstruction},
			{CompanyID: 2, Company: "Evil " + evil, Stage: planner.StageSigned, Due: plannertest.Day(t, "2025-11-19")},
		}}
	for l, want := range map[planner.Lang]string{
		planner.English: "⚠ Overdue: 常诚车业 (王芳, construction due 2025-11-21), Evil &lt;!channel&gt; (no owner, due 2025-11-19)",
		planner.Chinese: "⚠ 超期未推进：常诚车业（王芳，开工 截止 2025-11-21）、Evil &lt;!channel&gt;（无负责人，截止 2025-11-19）",
	} {
		messages := RetroMessages(l, r)
		checkRetroMessages(t, messages)
		summary := string(retroJSON(t, messages[:1]))
		if !strings.Contains(summary, want) || strings.Contains(summary, evil) {
			t.Errorf("%s summary lacks %q or holds %s:\n%s", l, want, evil, summary)
		}
	}
}
