package feishu

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// The retrospective's summary on Feishu shows the ranking by activity index
// after the pipeline, as its other sections, only when the team has it on.
func TestRetroSummaryIndex(t *testing.T) {
	team := planner.Team{ID: "T1", Name: "招商一组"}
	indexed := plannertest.ScriptedRetro(t)
	var items []planner.Item
	for _, its := range indexed.Items {
		items = append(items, its...)
	}
	var members []planner.Member
	for id, name := range indexed.Names {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: name})
	}
	ix := planner.BuildIndex(planner.DefaultIndexWeights(), indexed.Start, indexed.End, items, nil, members, plannertest.Shanghai)
	indexed.Index = &ix
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			summary := func(r planner.Retro) string {
				return Messenger{}.RetroMessages(team, l, r)[0].(retroMessage).text
			}
			on, off := summary(indexed), summary(plannertest.ScriptedRetro(t))
			want := bot.Say(l, bot.MsgIndexHead) + "\n  " + bot.Say(l, bot.MsgIndexRank, 1, "王芳", 50)
			if !strings.Contains(on, want) {
				t.Errorf("with the index on, the summary lacks\n%s\nin\n%s", want, on)
			}
			if i, j := strings.Index(on, want), strings.Index(on, bot.Say(l, bot.MsgDigestSilent, "")); j < i {
				t.Errorf("the ranking comes after who logged nothing:\n%s", on)
			}
			for _, word := range []string{bot.Say(l, bot.MsgIndexHead), "指数"} {
				if strings.Contains(off, word) {
					t.Errorf("with the index off, the summary says %q:\n%s", word, off)
				}
			}
		})
	}
}
