package slack

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// withIndex is r with the activity index on at the default weights, over
// its items and its members (r.Names).
func withIndex(r planner.Retro) planner.Retro {
	var items []planner.Item
	for _, its := range r.Items {
		items = append(items, its...)
	}
	var members []planner.Member
	for id, name := range r.Names {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: name})
	}
	ix := planner.BuildIndex(planner.DefaultIndexWeights(), r.Start, r.End, items, nil, members, plannertest.Shanghai)
	r.Index = &ix
	return r
}

// The ranking is a section of the summary, after the pipeline, bold heading
// and bulleted places, only when the team has the index on.
func TestRetroMessagesIndex(t *testing.T) {
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			off := RetroMessages(l, plannertest.ScriptedRetro(t))
			on := RetroMessages(l, withIndex(plannertest.ScriptedRetro(t)))
			checkRetroMessages(t, on)
			head := "*" + escape(bot.Say(l, bot.MsgIndexHead)) + "*"
			first := "• " + escape(bot.Say(l, bot.MsgIndexRank, 1, "王芳", 50))
			onJSON, offJSON := string(retroJSON(t, on)), string(retroJSON(t, off))
			for _, want := range []string{head, first} {
				if !strings.Contains(onJSON, want) {
					t.Errorf("with the index on, the messages lack %q", want)
				}
				if strings.Contains(offJSON, want) {
					t.Errorf("with the index off, the messages hold %q", want)
				}
			}
			if !strings.Contains(on[0].Text, bot.Say(l, bot.MsgIndexHead)) {
				t.Errorf("the fallback lacks the ranking: %s", on[0].Text)
			}
			text := on[0].Text
			if i, j := strings.Index(text, bot.Say(l, bot.MsgIndexHead)), strings.Index(text, bot.Say(l, bot.MsgDigestMembers)); i < 0 || j < i {
				t.Errorf("the ranking (at %d) is not before the members (at %d)", i, j)
			}
		})
	}
}

// A team of 60 with the index on: its summary keeps within Slack's limits,
// still ends with who logged nothing, and shows names typed with mentions
// inert.
func TestRetroMessagesIndexLarge(t *testing.T) {
	const evil = " <!channel> & <@U1>"
	r := withIndex(bigRetro(evil))
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			messages := RetroMessages(l, r)
			checkRetroMessages(t, messages)
			summary := string(retroJSON(t, messages[:1]))
			for _, want := range []string{escape(bot.Say(l, bot.MsgIndexHead)), escape(bot.Say(l, bot.MsgDigestSilent, "")), escape(bot.Say(l, bot.MsgRetroThread))} {
				if !strings.Contains(summary, want) {
					t.Errorf("the summary lacks %q", want)
				}
			}
			for _, raw := range []string{"<!channel>", "<@U1>", " & "} {
				if strings.Contains(summary, raw) {
					t.Errorf("the summary holds %q unescaped", raw)
				}
			}
		})
	}
}
