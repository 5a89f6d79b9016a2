package feishu

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
)

// A deadline's reminder tried again is the same message to Feishu (its
// uuid); another company or another deadline of the same company is another.
func TestDueRemindersSendOnce(t *testing.T) {
	api := &sendLog{}
	m := Messenger{API: api}
	team := planner.Team{ID: TeamID("tk")}
	remind := func(id int64, due string) {
		t.Helper()
		day, err := planner.ParseDate(due)
		if err != nil {
			t.Fatal(err)
		}
		c := planner.Company{ID: id, Name: "常诚车业", OwnerID: "ou_1", Stage: planner.StageSigned, Due: planner.Deadline{Date: day}}
		if _, err := m.Remind(t.Context(), team, "ou_1", bot.Reply{Lang: planner.Chinese, Body: bot.DueReminder{Company: c}}); err != nil {
			t.Fatal(err)
		}
	}
	remind(1, "2025-11-21")
	remind(1, "2025-11-21") // the retry
	remind(2, "2025-11-21")
	remind(1, "2025-12-05")
	u := api.uuids
	if u[0] == "" || u[0] != u[1] || u[2] == u[0] || u[3] == u[0] || u[3] == u[2] || len(u[0]) > 50 {
		t.Errorf("uuids %q: a retry is the same, each deadline its own", u)
	}
}

// The retrospective's summary on Feishu lists the overdue companies (超期).
func TestRetroMessagesOverdue(t *testing.T) {
	due, err := planner.ParseDate("2025-11-21")
	if err != nil {
		t.Fatal(err)
	}
	r := planner.Retro{Digest: planner.BuildDigest(planner.Week{Year: 2025, Num: 47}, nil, nil, nil, nil)}
	r.Pipeline = planner.PipelineWeek{Counts: map[planner.Stage]int{planner.StageSigned: 1},
		Overdue: []planner.OverdueCompany{{CompanyID: 1, Company: "常诚车业", Owner: "ou_1", OwnerName: "王芳", Stage: planner.StageSigned, Due: due, Step: planner.StageConstruction}}}
	for l, want := range map[planner.Lang]string{
		planner.Chinese: "⚠ 超期未推进：常诚车业（王芳，开工 截止 2025-11-21）",
		planner.English: "⚠ Overdue: 常诚车业 (王芳, construction due 2025-11-21)",
	} {
		summary, ok := Messenger{}.RetroMessages(planner.Team{}, l, r)[0].(retroMessage)
		if !ok || !strings.Contains(summary.text, want) {
			t.Errorf("%s summary lacks %q:\n%s", l, want, summary.text)
		}
	}
}
