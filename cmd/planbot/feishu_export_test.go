package main

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"planbot/bot/feishu/feishutest"
	"planbot/bot/report"
	"planbot/planner"
)

// /plan export xlsx by direct message: the week's Excel report is uploaded
// and sent as a file message to the member's open_id, and it is the very
// file planbot export --format xlsx writes of the same team and week: a
// workbook (an OOXML zip) with the members' names from Feishu's contact API.
func TestFeishuExportXLSX(t *testing.T) {
	s := startFeishu(t, "http", feishuEncryptKey)
	s.Feishu.AddUser(ouAnn, "安娜")
	s.Feishu.AddUser(ouWang, "王芳")
	for _, m := range []message{
		{sender: ouAnn, text: "周二 对接4家企业"},
		{sender: ouWang, text: "周三 对接基金公司开展以商引商"},
		{sender: ouAnn, text: "完成 1 两家有意向"},
	} {
		s.reply(t, s.say(t, m))
	}
	// Started again, the members' names are stored (fetched after the
	// answers, which the stop waits for): the report cannot be made while
	// one is still on its way.
	s = s.restart(t, nil)
	before := len(s.Feishu.Calls(feishutest.MethodSend))
	id := s.say(t, message{sender: ouAnn, text: "/plan export xlsx"})
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
	s.stop(t) // the work after the answer is done

	// The scheduler may send its reminders meanwhile: the report is the one file.
	var sends []string
	for _, c := range s.Feishu.Calls(feishutest.MethodSend)[before:] {
		var b struct {
			ReceiveID string `json:"receive_id"`
			MsgType   string `json:"msg_type"`
		}
		decodeJSON(t, string(c.Body), &b)
		if b.MsgType == "file" {
			sends = append(sends, c.Query.Get("receive_id_type")+" "+b.ReceiveID)
		}
	}
	if len(sends) != 1 || sends[0] != "open_id "+ouAnn {
		t.Errorf("the report was sent to %q, want once to open_id %s", sends, ouAnn)
	}
	if file.ReplyTo != "" {
		t.Errorf("the file replies to %s, want a message of its own", file.ReplyTo)
	}
	var content struct {
		FileKey string `json:"file_key"`
	}
	decodeJSON(t, file.Content, &content)
	got, _ := s.Feishu.Upload(content.FileKey)
	week, _ := planner.ParseWeek("2025-W47")
	uploads := s.Feishu.Calls(feishutest.MethodFile)
	if len(uploads) != 1 || uploads[0].Form.Get("file_name") != report.ReportFilename(week) {
		t.Errorf("%d uploads, want one named %s: %+v", len(uploads), report.ReportFilename(week), uploads)
	}

	strs := workbookStrings(t, got)
	for _, want := range []string{"对接4家企业", "两家有意向", "对接基金公司开展以商引商", "安娜", "王芳"} {
		if !strings.Contains(strs, want) {
			t.Errorf("the report's strings lack %q:\n%s", want, strs)
		}
	}
	out := filepath.Join(t.TempDir(), "report.xlsx")
	mustPlanbot(t, s.env, "", "export", "--team", feishuTeam, "--week", week.String(), "--format", "xlsx", "--out", out)
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the file sent on Feishu (%d bytes) is not what planbot export writes (%d bytes)", len(got), len(want))
	}
}

// workbookStrings checks that b is an Excel workbook — a zip holding the
// OOXML parts a workbook must have, each a valid entry — and returns the
// XML of its shared strings, where the cells' texts are.
func workbookStrings(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatalf("the report is no zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		r, err := f.Open()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		data, err := io.ReadAll(r) // checks the entry's CRC at its end
		r.Close()
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		parts[f.Name] = string(data)
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("the report lacks %s; it has %d parts", name, len(parts))
		}
	}
	if !strings.Contains(parts["[Content_Types].xml"], "spreadsheetml.sheet.main+xml") {
		t.Errorf("the content types name no workbook:\n%s", parts["[Content_Types].xml"])
	}
	return parts["xl/sharedStrings.xml"]
}
