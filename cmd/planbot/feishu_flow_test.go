package main

// More of the Feishu end-to-end harness: serve on a given database and
// fake (a restart), messages said and their replies awaited.

import (
	"context"
	"maps"
	"net/http"
	"testing"

	"planbot/bot/feishu/feishutest"
)

// startFeishuOn runs planbot serve on Feishu alone over the HTTP callback,
// signed and encrypted, on database db and fake f, with over's settings
// over the usual ones, until the test ends: a serve started again on the
// database and fake of another (restart) carries on where it stopped.
func startFeishuOn(t *testing.T, f *feishutest.Server, db string, over map[string]string) *feishuServe {
	t.Helper()
	env := map[string]string{
		"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": "", "SLACK_API_URL": "", "PLANBOT_ADMINS": "",
		"FEISHU_APP_ID": feishutest.AppID, "FEISHU_APP_SECRET": feishutest.AppSecret, "FEISHU_BASE_URL": f.URL,
		"FEISHU_EVENTS": "http", "FEISHU_VERIFICATION_TOKEN": feishuToken, "FEISHU_ENCRYPT_KEY": feishuEncryptKey,
		"FEISHU_ADMINS": ouAnn,
	}
	maps.Copy(env, over)
	s := startServeEnv(t, db, env)
	return &feishuServe{planbotServer: s, Feishu: f, events: s.URL + "/feishu/events",
		cb: feishutest.Callback{EncryptKey: feishuEncryptKey}, token: feishuToken}
}

// restart stops s and starts serve again on its database and fake, with
// its settings and over's.
func (s *feishuServe) restart(t *testing.T, over map[string]string) *feishuServe {
	t.Helper()
	s.stop(t)
	env := maps.Clone(s.env)
	maps.Copy(env, over)
	next := startFeishuOn(t, s.Feishu, s.env["PLANBOT_DB"], env)
	next.seq = s.seq // new event ids
	return next
}

// say delivers m to the callback as Feishu does and returns its message's id.
func (s *feishuServe) say(t *testing.T, m message) string {
	t.Helper()
	_, id, event := s.event(m)
	if code, body := s.post(t, s.cb, event, nil); code != http.StatusOK {
		t.Fatalf("%q: status %d %s", m.text, code, body)
	}
	return id
}

// replies waits for n replies to message id and returns them all.
func (s *feishuServe) replies(t *testing.T, id string, n int) []feishutest.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := s.Feishu.WaitFor(ctx, func() bool { return len(s.Feishu.RepliesTo(id)) >= n }); err != nil {
		t.Fatalf("%d replies to message %s, want %d: %v", len(s.Feishu.RepliesTo(id)), id, n, err)
	}
	return s.Feishu.RepliesTo(id)
}

// inGroup is text typed in the team's group with planbot @-mentioned.
func inGroup(sender, text string) message {
	return message{sender, feishuGroupChat, "@_user_1 " + text, []feishutest.Mention{botMention}}
}
