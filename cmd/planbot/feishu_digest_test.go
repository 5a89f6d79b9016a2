package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/bot/feishu/feishutest"
	"planbot/planner"
)

// /plan digest post by an admin in the team's group posts the week's
// retrospective to the group once and tells the admin so; asked again, it
// says the week was posted already, and a member who is no admin is
// refused: the group holds the one retrospective.
func TestFeishuDigestPost(t *testing.T) {
	db := filepath.Join(t.TempDir(), "planbot.db")
	// The team's week, typed on Monday; its "log your results" reminder is
	// due at Sunday 18:00, so that the scheduler's first run is seen.
	mustPlanbot(t, map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": seedNow}, serveFirstTick+"周二 对接4家企业\n完成 1 两家有意向\n",
		"console", "--team", feishuTeam, "--user", ouWang)
	f := feishutest.New(t)
	f.SetMembers(feishuGroupChat, ouAnn, ouWang, ouLi)
	f.SetChat(feishuGroupChat, "招商一组", ouWang)
	s := startFeishuOn(t, f, db, map[string]string{"PLANBOT_NOW": "2025-11-23T18:30:00+08:00"}) // Sunday, after the retrospective's 18:00
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	// The scheduler's first run is over before the group is set up: it could
	// not post the retrospective, having no group to post it to.
	if err := f.WaitFor(ctx, func() bool { return len(f.MessagesIn(feishutest.DirectChat(ouWang))) > 0 }); err != nil {
		t.Fatalf("the scheduler's first run sent no reminder: %v", err)
	}
	s.replies(t, s.say(t, inGroup(ouAnn, "/plan setup")), 2)

	const lang = planner.English // the words typed
	week := "2025-W47"
	posted := planner.Errorf(planner.Conflict, planner.ReasonPosted, week)
	steps := []struct {
		name  string
		m     message
		wants []string // the replies, in order
	}{
		{"by an admin", inGroup(ouAnn, "/plan digest post"),
			[]string{bot.Say(lang, bot.MsgPosting, week), bot.Say(lang, bot.MsgFeishuPosted, week)}},
		{"again", inGroup(ouAnn, "/plan digest post"),
			[]string{bot.Say(lang, bot.MsgPosting, week), bot.Explain(lang, posted)}},
		{"by a member", inGroup(ouLi, "/plan digest post force"), []string{bot.Explain(lang, planner.CheckAdmin(planner.Actor{}))}},
	}
	ids := map[string]string{}
	for _, st := range steps {
		id := s.say(t, st.m)
		ids[st.name] = id
		got := s.replies(t, id, len(st.wants))
		for i, want := range st.wants {
			if text := shownText.Replace(got[i].Text()); got[i].ChatID != feishuGroupChat || !strings.Contains(text, want) {
				t.Errorf("%s: reply %d in %s:\n%s\nwant in %s:\n%s", st.name, i, got[i].ChatID, text, feishuGroupChat, want)
			}
		}
	}
	s.stop(t) // every piece of work after an answer is done
	for _, st := range steps {
		if n := len(f.RepliesTo(ids[st.name])); n != len(st.wants) {
			t.Errorf("%s: %d replies, want %d", st.name, n, len(st.wants))
		}
	}

	// The retrospective is the group's one message of its own (the others
	// reply to what was typed), with the week's members in its thread.
	var retros []feishutest.Message
	for _, m := range f.MessagesIn(feishuGroupChat) {
		if m.ReplyTo == "" {
			retros = append(retros, m)
		}
	}
	if len(retros) != 1 {
		t.Fatalf("%d retrospectives in the group, want 1: %+v", len(retros), retros)
	}
	var thread strings.Builder
	for _, m := range f.RepliesTo(retros[0].ID) {
		thread.WriteString(m.Text())
	}
	if !strings.Contains(retros[0].Content+thread.String(), "对接4家企业") {
		t.Errorf("the retrospective lacks the week's visit:\n%s\n%s", retros[0].Content, thread.String())
	}
}
