package main

import (
	"bytes"
	"image/png"
	"net/http"
	"strings"
	"testing"
	"time"

	"planbot/bot/feishu/feishutest"
	"planbot/planner"
	"planbot/storage/storagetest"
)

// November's report reaches a Feishu team's chat once, in Chinese, on
// December's first working day: through Feishu's rate limit (retried after
// its back-off), and through a crash after Feishu took it and before it was
// recorded (the retry's uuid is the first's, so Feishu sends nothing more);
// its chart is an image in its thread.
func TestFeishuMonthlyReportPostedOnce(t *testing.T) {
	tests := []struct {
		name  string
		b     feishutest.Behaviour
		crash bool
	}{
		{"code 99991400", feishutest.Behaviour{Code: feishutest.RateLimited, Times: 1}, false},
		{"HTTP 429", feishutest.Behaviour{Status: http.StatusTooManyRequests, Times: 1}, false},
		{"a crash before the record", feishutest.Behaviour{}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := feishutest.New(t)
			c := &clock{now: at("2025-11-18 10:00")}
			s, h := feishuJobs(t, f, c)
			admin := planner.Actor{TeamID: feishuTeam, UserID: ouAnn, Admin: true}
			if _, err := s.Service.SetTeamLang(t.Context(), admin, planner.Chinese); err != nil {
				t.Fatal(err)
			}
			retro := planner.DefaultSchedule(planner.JobRetro)
			retro.Off = true // the report is the first send that Feishu refuses
			if err := s.Service.SetSchedule(t.Context(), admin, retro); err != nil {
				t.Fatal(err)
			}
			typeAs(t, h, ouAnn, "周二 拜访4家企业")
			typeAs(t, h, ouAnn, "完成 1")
			typeAs(t, h, ouWang, "周四至周五 出差北京")

			c.set(at("2025-12-01 09:00"))
			f.Set(feishutest.MethodSend, tc.b)
			s.Tick(t.Context())
			db := storagetest.DB(s.Service)
			month := planner.Send{TeamID: feishuTeam, Job: planner.JobMonth, DueAt: c.Now(), UpdatedAt: c.Now(),
				Week: planner.WeekOf(planner.Date{Year: 2025, Month: time.November, Day: 1})}
			if tc.crash { // the report went out; its record did not
				send, _, err := db.ClaimSend(t.Context(), month)
				if err != nil {
					t.Fatal(err)
				}
				if send.State != planner.RunSent {
					t.Fatalf("the first tick left %+v, want the report sent", send)
				}
				send.State, send.MessageRef = planner.RunPending, ""
				if err := db.UpdateSend(t.Context(), send); err != nil {
					t.Fatal(err)
				}
			}
			c.add(5 * time.Minute) // past the first attempt's back-off
			s.Tick(t.Context())
			s.Tick(t.Context())
			c.add(2 * time.Hour)
			s.Tick(t.Context())
			if send, _, err := db.ClaimSend(t.Context(), month); err != nil || send.State != planner.RunSent || send.Attempts != 2 {
				t.Errorf("ledger %+v, %v; want sent at the 2nd attempt", send, err)
			}

			var reports []feishutest.Message
			for _, m := range f.MessagesIn("oc_team") {
				if m.ReplyTo == "" && strings.Contains(m.Text(), "2025年11月 月报") {
					reports = append(reports, m)
				}
			}
			if len(reports) != 1 {
				t.Fatalf("%d monthly reports in the chat, want 1", len(reports))
			}
			for _, want := range []string{"完成率 50%（完成 1 项，共 2 项）", "拜访企业：4/4 家", "出差：0/1 次"} {
				if !strings.Contains(reports[0].Text(), want) {
					t.Errorf("the report lacks %q:\n%s", want, reports[0].Text())
				}
			}
			var images int
			for _, m := range f.MessagesIn("oc_team") {
				if m.ReplyTo != reports[0].ID || m.MsgType != "image" {
					continue
				}
				images++
				var key struct {
					ImageKey string `json:"image_key"`
				}
				decodeJSON(t, m.Content, &key)
				data, _ := f.Upload(key.ImageKey)
				if _, err := png.Decode(bytes.NewReader(data)); err != nil {
					t.Errorf("the chart is no PNG: %v", err)
				}
			}
			if images != 1 {
				t.Errorf("%d charts in the report's thread, want 1", images)
			}
		})
	}
}
