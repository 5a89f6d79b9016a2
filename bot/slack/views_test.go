package slack

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// The Slack renderings of bot's replies that bot's own tests check as plain
// text: forget's answers, a company's name, the retrospective's pipeline.

// seedForgetTeams gives Ann (U1) two items and a note, Bob (U2) one item, and
// Eve (U1 of team T2) one item; Fay (U5) is a member of team T2 only (as
// bot's forget_test does).
func seedForgetTeams(t *testing.T, h *bot.Handler) {
	t.Helper()
	mustHandle(t, h, planner.Actor{TeamID: "T2", TeamName: "招商二组", UserID: "U5", UserName: "Fay"}, "week")
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Ann, "thu-fri trip to Beijing")
	mustHandle(t, h, plannertest.Ann, "note two companies want a second visit")
	mustHandle(t, h, plannertest.Bob, "wed meet a fund company")
	mustHandle(t, h, plannertest.Eve, "wed visit 2 enterprises")
	mustHandle(t, h, plannertest.Boss, "done 1 2 of 4 interested") // a change by the admin to Ann's item
}

// checkNoMention fails the test if a reply, as Slack and the console show
// it, could ping anyone, or if Slack would refuse it.
func checkNoMention(t *testing.T, r bot.Reply) {
	t.Helper()
	blocks, err := json.Marshal(NewSlackResponse(r))
	if err != nil {
		t.Fatal(err)
	}
	checkSlackMessage(t, blocks)
	for what, text := range map[string]string{"text": bot.RenderText(r), "slack": string(blocks)} {
		if strings.Contains(text, "<@") || strings.Contains(text, `\u003c@`) {
			t.Errorf("%s has a live mention:\n%s", what, text)
		}
	}
}

// What forget answers, done or refused, names a member as text, never as a
// mention, in Slack as in plain text.
func TestForgetSlackNoMention(t *testing.T) {
	tests := []struct {
		actor  planner.Actor
		line   string
		reason planner.Reason // "" when the forget is done
	}{
		{plannertest.Boss, "forget <@U1>", ""},
		{plannertest.Boss, "forget <@U1|ann>", ""},
		{plannertest.Boss, "forget U1", ""},
		{plannertest.Boss, "忘记 <@U1|Ann>", ""},
		{plannertest.Boss, "删除成员 U2", ""},
		{plannertest.Boss, "forget U9", ""},
		{plannertest.Bob, "forget <@U1>", planner.ReasonNotAdmin},
		{plannertest.Bob, "forget U2", planner.ReasonNotAdmin},
		{plannertest.Bob, "forget U7", planner.ReasonNotAdmin},
		{plannertest.Boss, "forget <@U7|zed>", planner.ReasonNoMember},
		{plannertest.Boss, "forget U5", planner.ReasonNoMember},
		{plannertest.Boss, "forget @ann", planner.ReasonNoMember},
		{plannertest.Boss, "忘记 <@U7>", planner.ReasonNoMember},
	}
	for _, tt := range tests {
		t.Run(tt.actor.UserName+" "+tt.line, func(t *testing.T) {
			h := newHandler(t)
			seedForgetTeams(t, h)
			r := handle(t, h, tt.actor, unescape(tt.line)) // as a slash command reaches bot
			if tt.reason == "" {
				if _, ok := r.Body.(bot.Forgotten); !ok {
					t.Fatalf("reply %T %+v, want bot.Forgotten", r.Body, r.Body)
				}
			} else if e := failure(t, r); e.Reason != tt.reason {
				t.Fatalf("failed with %v, want %s", e, tt.reason)
			}
			checkNoMention(t, r)
		})
	}
}

// A company's name or note is user text: in Slack it never pings anyone.
func TestLeadEscaping(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", UserID: "U1", UserName: "Ann"}
	for _, line := range []string{`lead "<!channel> Co" signed <@U2> come`, "leads", `lead "<!channel> Co"`, "tue visit [<!here>]"} {
		r := mustHandle(t, h, ann, line)
		raw, err := json.Marshal(NewSlackResponse(r))
		if err != nil {
			t.Fatal(err)
		}
		for _, ping := range []string{"<!channel>", "<!here>", "<@U2>"} {
			if strings.Contains(string(raw), ping) {
				t.Errorf("%q: Slack reply holds %s: %s", line, ping, raw)
			}
		}
	}
}

// The retrospective's summary message in Slack shows the week's pipeline
// (bot's TestRetroPipeline checks its wording in plain text).
func TestRetroMessagesPipeline(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U1", UserName: "Ann"}
	wang := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U2", UserName: "王芳"}
	monday := h.Service.Now
	h.Service.Now = func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, plannertest.Shanghai) }
	mustHandle(t, h, ann, "lead OldCo contacted")
	h.Service.Now = monday
	mustHandle(t, h, wang, "lead 常诚车业 在谈")
	mustHandle(t, h, wang, "线索 常诚车业 签约 年产150万套车灯项目")
	mustHandle(t, h, ann, "lead CATL signed")
	mustHandle(t, h, ann, "lead Quiet Inc")
	mustHandle(t, h, ann, "tue visit [常诚车业] plant")
	mustHandle(t, h, wang, "周三 拜访常诚车业")

	r, err := h.Service.Retro(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pipeline.Moves) == 0 {
		t.Fatalf("the retrospective has no pipeline moves: %+v", r.Pipeline)
	}
	for _, l := range []planner.Lang{planner.English, planner.Chinese} {
		messages := RetroMessages(l, r)
		if len(messages) == 0 {
			t.Fatalf("%s: no messages", l)
		}
		if raw, _ := json.Marshal(messages[0]); !strings.Contains(string(raw), "CATL") {
			t.Errorf("%s summary message lacks the pipeline: %s", l, raw)
		}
	}
}
