package main

import (
	"bytes"
	"image/png"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	lark "github.com/larksuite/oapi-sdk-go/v3"
	"golang.org/x/image/font/gofont/goregular"

	"planbot/bot"
	"planbot/bot/feishu"
	"planbot/bot/feishu/feishutest"
	"planbot/bot/report"
	"planbot/bot/schedule"
	"planbot/planner"
	"planbot/storage/storagetest"
)

// feishuMarkupTitle is a title with Feishu's mention of everyone in it, as
// someone may type it: it must reach Feishu as text that mentions no one.
const feishuMarkupTitle = `拜访 <at user_id="all"></at> 企业`

// feishuJobs is the weekly jobs of one Feishu team (feishuTeam, members ann
// and wang, its retrospective to chat oc_team) wired as serve wires them, at
// clock c, sending through the official SDK to f.
func feishuJobs(t *testing.T, f *feishutest.Server, c *clock) (*schedule.Scheduler, *bot.Handler) {
	t.Helper()
	svc, _ := storagetest.Service(t)
	svc.Now = c.Now
	f.SetClock(c.Now)
	h := &bot.Handler{Service: svc}
	for _, id := range []string{ouAnn, ouWang} {
		if _, err := h.Begin(t.Context(), planner.Actor{TeamID: feishuTeam, UserID: id, Admin: true}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := svc.SetDigestChannel(t.Context(), planner.Actor{TeamID: feishuTeam, Admin: true}, "oc_team"); err != nil {
		t.Fatal(err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	sdk := feishu.NewSDK(feishutest.AppID, feishutest.AppSecret, f.URL, lark.WithLogger(feishu.Logger(log)),
		lark.WithHttpClient(&http.Client{Timeout: feishuCallTimeout}))
	font, err := report.ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	s := &schedule.Scheduler{Service: svc, Messenger: messengers{feishu: feishu.Messenger{API: sdk}}, Log: log, ChartFont: font}
	return s, h
}

// typeAs has member user of the Feishu team type line.
func typeAs(t *testing.T, h *bot.Handler, user, line string) {
	t.Helper()
	r := h.Handle(t.Context(), noWork{}, planner.Actor{TeamID: feishuTeam, UserID: user}, bot.ParseCommand(line))
	if f, ok := r.Body.(bot.Failure); ok {
		t.Fatalf("%s: %q failed: %v", user, line, f.Err)
	}
}

// The Sunday retrospective reaches the team's chat once through Feishu's
// rate limit (code 99991400, or HTTP 429): retried after its backoff, one
// summary in the chat, the members' weeks and the chart as an image in its
// thread, the title typed with mention markup shown as text.
func TestFeishuRetrospectivePostedOnceThroughRateLimits(t *testing.T) {
	tests := []struct {
		name string
		b    feishutest.Behaviour
	}{
		{"code 99991400", feishutest.Behaviour{Code: feishutest.RateLimited, Times: 1}},
		{"HTTP 429", feishutest.Behaviour{Status: http.StatusTooManyRequests, Times: 1}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := feishutest.New(t)
			c := &clock{now: at("2025-11-23 18:00")}
			s, h := feishuJobs(t, f, c)
			typeAs(t, h, ouAnn, "周二 "+feishuMarkupTitle)
			typeAs(t, h, ouAnn, "完成 1")
			typeAs(t, h, ouWang, "周四至周五 出差北京")
			f.Set(feishutest.MethodSend, tc.b)

			s.Tick(t.Context())
			if n := len(f.MessagesIn("oc_team")); n != 0 {
				t.Fatalf("%d messages in the chat after a rate-limited send, want 0", n)
			}
			c.add(time.Minute) // the first retry's backoff
			s.Tick(t.Context())
			s.Tick(t.Context())
			c.add(time.Hour)
			s.Tick(t.Context())

			var summaries, thread []feishutest.Message
			for _, m := range f.MessagesIn("oc_team") {
				if m.ReplyTo == "" {
					summaries = append(summaries, m)
				} else {
					thread = append(thread, m)
				}
			}
			if len(summaries) != 1 || f.Count(feishutest.MethodSend) != 2 {
				t.Fatalf("%d summaries in %d sends, want 1 in 2 (one refused)", len(summaries), f.Count(feishutest.MethodSend))
			}
			var texts, images int
			for _, m := range thread {
				if m.ReplyTo != summaries[0].ID || !m.Thread {
					t.Errorf("%s message replies to %s (thread %v), want the summary's thread %s", m.MsgType, m.ReplyTo, m.Thread, summaries[0].ID)
				}
				switch m.MsgType {
				case "text":
					texts++
					if !strings.Contains(m.Text(), "user_id") || !strings.Contains(m.Text(), "出差北京") {
						t.Errorf("the members' weeks lack the titles as typed:\n%s", m.Text())
					}
				case "image":
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
			}
			if texts != 1 || images != 1 {
				t.Errorf("the thread holds %d texts and %d images, want the members' weeks and the chart", texts, images)
			}
		})
	}
}

// A reminder is a direct message to the member's open_id (the fake puts
// only a message sent with receive_id_type open_id in a member's direct chat).
func TestFeishuReminderIsADirectMessage(t *testing.T) {
	f := feishutest.New(t)
	c := &clock{now: at("2025-11-24 09:00")} // Monday: "plan your week"
	s, _ := feishuJobs(t, f, c)
	s.Tick(t.Context())
	s.Tick(t.Context())
	for _, id := range []string{ouAnn, ouWang} {
		if n := len(f.MessagesIn(feishutest.DirectChat(id))); n != 1 {
			t.Errorf("%s got %d reminders, want 1", id, n)
		}
	}
}
