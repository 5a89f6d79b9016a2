package main

import (
	"encoding/json"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"planbot/bot/feishu/feishutest"
)

// The request URL answers Feishu's check with the challenge, encrypted or
// not, and only with the app's verification token.
func TestFeishuCallbackURLVerification(t *testing.T) {
	tests := []struct {
		name, key, token string
		wantOK           bool
	}{
		{"encrypted", feishuEncryptKey, feishuToken, true},
		{"plain, no encrypt key", "", feishuToken, true},
		{"wrong token", feishuEncryptKey, "forged", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startFeishu(t, "http", tc.key)
			code, body := s.post(t, feishutest.Callback{EncryptKey: tc.key}, feishutest.URLVerification(tc.token, "ch-42"), nil)
			var got struct{ Challenge string }
			json.Unmarshal([]byte(body), &got)
			if ok := code == http.StatusOK && got.Challenge == "ch-42"; ok != tc.wantOK {
				t.Errorf("status %d %s, want answered=%v", code, body, tc.wantOK)
			}
		})
	}
}

// feishuStep is a message of the scripted week and the same line typed into
// the console by the same member.
type feishuStep struct {
	m       message
	console string
}

// feishuWeek is a Chinese week of a 招商 team on Feishu: adds by direct
// message (with and without /plan) and in the team's group with the bot
// @-mentioned, the week, done with an outcome, the team, and forget naming a
// member with a mention.
var feishuWeek = []feishuStep{
	{message{sender: ouAnn, text: "/plan 周二 对接4家企业"}, "/plan 周二 对接4家企业"},
	{message{ouWang, "oc_team", "@_user_1 周四至周五 出差北京", []feishutest.Mention{botMention}}, "周四至周五 出差北京"},
	{message{sender: ouLi, text: "周三 对接基金公司开展以商引商"}, "周三 对接基金公司开展以商引商"},
	{message{sender: ouAnn, text: "周末 回常总结复盘"}, "周末 回常总结复盘"},
	{message{sender: ouAnn, text: "本周"}, "本周"},
	{message{sender: ouAnn, text: "完成 1 两家有意向"}, "完成 1 两家有意向"},
	{message{ouWang, "oc_team", "@_user_1 团队", []feishutest.Mention{botMention}}, "团队"},
	{message{ouAnn, "oc_team", "@_user_1 忘记 @_user_2", []feishutest.Mention{botMention, {Key: "@_user_2", OpenID: ouLi, Name: "李明"}}}, "忘记 " + ouLi},
}

// A Chinese week over the HTTP callback, signed and encrypted as Feishu
// does, gives the same items as the console, and each message is answered
// with the console's answer, as a reply to it in its chat. A redelivered
// event adds nothing.
func TestFeishuCallbackWeekMatchesConsole(t *testing.T) {
	s := startFeishu(t, "http", feishuEncryptKey)
	consoleEnv := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "console.db"), "PLANBOT_NOW": seedNow}
	var first []byte
	var firstID string
	for _, st := range feishuWeek {
		said := sameTeamName(feishuConsole(t, consoleEnv, st.m.sender, st.console))
		_, id, event := s.event(st.m)
		if first == nil {
			first, firstID = event, id
		}
		if code, body := s.post(t, s.cb, event, nil); code != http.StatusOK {
			t.Fatalf("%q: status %d %s", st.m.text, code, body)
		}
		r := s.reply(t, id)
		wantChat := st.m.chat
		if wantChat == "" {
			wantChat = feishutest.DirectChat(st.m.sender)
		}
		if r.ChatID != wantChat || r.Thread {
			t.Errorf("%q: answered in chat %s (thread %v), want a reply in %s", st.m.text, r.ChatID, r.Thread, wantChat)
		}
		if r.MsgType == "text" && shownText.Replace(r.Text()) != said {
			t.Errorf("%q: Feishu was answered\n%s\nthe console\n%s", st.m.text, r.Text(), said)
		}
	}

	before := feishuExport(t, s.env, "2025-W47")
	if code, _ := s.post(t, s.cb, first, nil); code != http.StatusOK {
		t.Errorf("a redelivery: status %d, want 200 (acknowledged)", code)
	}
	s.stop(t) // the work after each answer is done
	if n := len(s.Feishu.RepliesTo(firstID)); n != 1 {
		t.Errorf("the redelivered message was answered %d times, want once", n)
	}
	got, want := feishuExport(t, s.env, "2025-W47"), feishuExport(t, consoleEnv, "2025-W47")
	if !slices.Equal(got, before) {
		t.Errorf("a redelivery changed the items:\n%s\nwas\n%s", strings.Join(got, "\n"), strings.Join(before, "\n"))
	}
	if !slices.Equal(got, want) || len(got) < 4 {
		t.Errorf("Feishu's items:\n%s\nthe console's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A forged event is refused and does nothing: nothing stored, no reply.
func TestFeishuCallbackRefusesForgedEvents(t *testing.T) {
	tests := []struct {
		name, key string // FEISHU_ENCRYPT_KEY
		cb        feishutest.Callback
		token     string
		forge     func(*http.Request)
	}{
		{name: "bad signature", key: feishuEncryptKey, cb: feishutest.Callback{EncryptKey: feishuEncryptKey}, token: feishuToken,
			forge: func(r *http.Request) { r.Header.Set("X-Lark-Signature", strings.Repeat("ab", 32)) }},
		{name: "no signature", key: feishuEncryptKey, cb: feishutest.Callback{EncryptKey: feishuEncryptKey}, token: feishuToken,
			forge: func(r *http.Request) { r.Header.Del("X-Lark-Signature") }},
		{name: "another encrypt key", key: feishuEncryptKey, cb: feishutest.Callback{EncryptKey: "not-the-key"}, token: feishuToken},
		{name: "not encrypted though a key is set", key: feishuEncryptKey, token: feishuToken},
		{name: "wrong verification token, encrypted and signed", key: feishuEncryptKey, cb: feishutest.Callback{EncryptKey: feishuEncryptKey}, token: "forged"},
		{name: "wrong verification token, no encrypt key", token: "forged"},
		{name: "no verification token, no encrypt key", token: ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startFeishu(t, "http", tc.key)
			s.token = tc.token
			_, id, event := s.event(message{sender: ouAnn, text: "周二 对接4家企业"})
			if code, body := s.post(t, tc.cb, event, tc.forge); code == http.StatusOK {
				t.Errorf("status %d %s, want refused", code, body)
			}
			s.stop(t)
			if n := len(s.Feishu.RepliesTo(id)); n != 0 {
				t.Errorf("the forged message was answered %d times", n)
			}
			if out, err := planbot(t, s.env, "", "export", "--team", feishuTeam, "--week", "2025-W47"); err == nil {
				t.Errorf("stored from a forged event:\n%s", out)
			}
		})
	}
}

// Text people typed is shown as text: a title holding Feishu's mention of
// everyone reaches Feishu, in the added reply and in the week, as text that
// mentions no one (the fake fails the test on any <at> markup) and still
// reads as typed.
func TestFeishuTypedMarkupIsText(t *testing.T) {
	s := startFeishu(t, "http", feishuEncryptKey)
	for _, line := range []string{"周二 " + feishuMarkupTitle, "本周"} {
		_, id, event := s.event(message{sender: ouAnn, text: line})
		if code, body := s.post(t, s.cb, event, nil); code != http.StatusOK {
			t.Fatalf("%q: status %d %s", line, code, body)
		}
		r := s.reply(t, id)
		if r.MsgType == "text" && !strings.Contains(shownText.Replace(r.Text()), feishuMarkupTitle) {
			t.Errorf("%q: the reply does not show the title as typed:\n%s", line, r.Text())
		}
	}
}
