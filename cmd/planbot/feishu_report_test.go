package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/bot/feishu/feishutest"
)

// /plan 月报 in Feishu answers with the month's report as a card; /plan 月报
// 表格 sends the month's workbook, in the team's language, as a file to the
// member, with the text planbot report --month writes of the same team and
// month.
func TestFeishuReport(t *testing.T) {
	s := startFeishu(t, "http", feishuEncryptKey)
	s.Feishu.AddUser(ouAnn, "安娜")
	s.reply(t, s.say(t, message{sender: ouAnn, text: "周二 对接4家企业"}))
	s.reply(t, s.say(t, message{sender: ouAnn, text: "完成 1 两家有意向"}))
	s.reply(t, s.say(t, message{sender: ouAnn, text: "/plan setup lang zh"})) // the team's language, the workbook's
	s = s.restart(t, nil)                                                     // the member's name is stored

	card := s.reply(t, s.say(t, message{sender: ouAnn, text: "/plan 月报"}))
	if card.MsgType != "interactive" {
		t.Fatalf("the report came as %s, want a card: %s", card.MsgType, card.Content)
	}
	for _, want := range []string{"2025年11月 月报", "完成率 100%（完成 1 项，共 1 项）", "拜访企业：4/4 家", "安娜：完成 1 / 1"} {
		if !strings.Contains(card.Content, want) {
			t.Errorf("the card lacks %q:\n%s", want, card.Content)
		}
	}

	id := s.say(t, message{sender: ouAnn, text: "/plan 月报 表格"})
	answer := s.reply(t, id)
	if !strings.Contains(answer.Content, "正在生成 2025年11月 的 Excel 报表") {
		t.Errorf("answer %s, want the report on its way", answer.Content)
	}
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	var file feishutest.Message
	err := s.Feishu.WaitFor(ctx, func() bool {
		for _, m := range s.Feishu.MessagesIn(feishutest.DirectChat(ouAnn)) {
			if m.MsgType == "file" {
				file = m
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Fatalf("no file message to %s: %v; replies %+v", ouAnn, err, s.Feishu.RepliesTo(id))
	}
	s.stop(t)
	uploads := s.Feishu.Calls(feishutest.MethodFile)
	if len(uploads) != 1 || uploads[0].Form.Get("file_name") != "planbot-2025-11.xlsx" {
		t.Errorf("%d uploads, want one named planbot-2025-11.xlsx: %+v", len(uploads), uploads)
	}
	var content struct {
		FileKey string `json:"file_key"`
	}
	decodeJSON(t, file.Content, &content)
	got, _ := s.Feishu.Upload(content.FileKey)
	out := filepath.Join(t.TempDir(), "month.xlsx")
	mustPlanbot(t, s.env, "", "report", "--team", feishuTeam, "--month", "2025-11", "--format", "xlsx", "--out", out)
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	strs := workbookStrings(t, got)
	if strs != workbookStrings(t, want) || !strings.Contains(strs, "安娜") || !strings.Contains(strs, "2025年11月 月报") {
		t.Errorf("the workbook sent is not the one planbot report writes, or lacks the member or the title:\n%s", strs)
	}
}
