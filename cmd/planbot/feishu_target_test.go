package main

import (
	"strings"
	"testing"

	"planbot/bot/feishu/feishutest"
)

// In a Feishu group an admin names the member a target is for with an
// @-mention, which the event gives as the member's open_id: the target is
// theirs, the reply shows it, and the digest's JSON has it under their id.
func TestFeishuTargetForMentionedMember(t *testing.T) {
	s := startFeishu(t, "http", feishuEncryptKey)
	li := feishutest.Mention{Key: "@_user_2", OpenID: ouLi, Name: "李明"}
	for _, m := range []message{
		{sender: ouLi, text: "周一 拜访3家企业"},
		{sender: ouLi, text: "完成 1"},
		{ouAnn, "oc_team", "@_user_1 设置 目标 2025年第四季度 @_user_2 拜访 10家", []feishutest.Mention{botMention, li}},
	} {
		_, id, event := s.event(m)
		if code, body := s.post(t, s.cb, event, nil); code != 200 {
			t.Fatalf("%q: status %d %s", m.text, code, body)
		}
		r := s.reply(t, id)
		if strings.Contains(m.text, "目标") && !strings.Contains(r.Text(), "2025年第四季度 拜访企业 完成 30%（3/10家），时间过半 52%") {
			t.Errorf("%q was answered\n%s", m.text, r.Text())
		}
	}
	s.stop(t)
	targets := digestJSON(t, s.env, feishuTeam).Targets
	if len(targets) != 1 || targets[0].Member != ouLi || targets[0].Goal != 10 || targets[0].Done != 3 {
		t.Errorf("digest targets %+v, want 李明's (%s) 3 of 10", targets, ouLi)
	}
}
