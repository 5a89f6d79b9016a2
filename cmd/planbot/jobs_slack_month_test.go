package main

import (
	"bytes"
	"encoding/json"
	"image/png"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
)

// monthEvent is the message metadata type planbot marks a monthly report
// with (bot/slack's monthEvent).
const monthEvent = "planbot_month"

// monthPosts returns the monthly reports' summaries posted to CRETRO: the
// top-level messages marked as a month's.
func monthPosts(t *testing.T, f *slacktest.Server) []slacktest.Message {
	t.Helper()
	var out []slacktest.Message
	for _, m := range f.PostsTo("CRETRO") {
		var meta struct {
			EventType string `json:"event_type"`
		}
		if m.ThreadTS != "" || m.Metadata == nil {
			continue
		}
		if err := json.Unmarshal(m.Metadata, &meta); err != nil {
			t.Fatalf("metadata %s: %v", m.Metadata, err)
		}
		if meta.EventType == monthEvent {
			out = append(out, m)
		}
	}
	return out
}

// octoberOf1 is a team whose October 2025 has a visit done, a trip planned
// and a company signed for 12亿元, at the clock c, talking to f.
func octoberOf1(t *testing.T, f *slacktest.Server, c *clock) *jobs {
	t.Helper()
	c.set(at("2025-10-13 10:00")) // Monday of week 42
	s := newJobs(t, f, c, 2, "CRETRO")
	s.withFont(t)
	s.mustType(t, "U1", "tue visit 4 enterprises")
	s.mustType(t, "U1", "done 1")
	s.mustType(t, "U2", "thu trip to Beijing")
	s.mustType(t, "U1", "lead 常诚车业 签约 总投资12亿元")
	return s
}

// October's report reaches the team's channel once, on November's first
// working day at 09:00 (the 1st is a Saturday: Monday the 3rd), with its
// chart in its thread: not on the weekend before, not again on later ticks
// or after a restart.
func TestSchedulerPostsTheMonthlyReportOnce(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{}
	s := octoberOf1(t, f, c)
	for _, before := range []string{"2025-11-01 10:00", "2025-11-02 20:00", "2025-11-03 08:59"} {
		c.set(at(before))
		s.Tick(t.Context())
		if n := len(monthPosts(t, f)); n != 0 {
			t.Fatalf("at %s: %d monthly reports, want none yet", before, n)
		}
	}
	c.set(at("2025-11-03 09:00"))
	s.Tick(t.Context())
	s.Tick(t.Context())
	c.add(3 * time.Hour)
	s = s.restart(t, f)
	s.withFont(t)
	s.Tick(t.Context())

	posts := monthPosts(t, f)
	if len(posts) != 1 {
		t.Fatalf("%d monthly reports, want 1", len(posts))
	}
	for _, want := range []string{"October 2025 report", "Completion 50% (1 of 2 items done)", "1 project signed, CNY 1.2 bn total investment", "member 1: 1 of 1 done"} {
		if !strings.Contains(posts[0].Text, want) {
			t.Errorf("the report lacks %q:\n%s", want, posts[0].Text)
		}
	}
	if !strings.Contains(string(posts[0].Metadata), `"month":"2025-10"`) {
		t.Errorf("metadata %s, want October's", posts[0].Metadata)
	}
	var charts int
	for _, done := range f.Calls("files.completeUploadExternal") {
		if done.Form.Get("thread_ts") == posts[0].TS {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d charts in the report's thread, want 1", charts)
	}
	for _, data := range f.Uploads() {
		if img, err := png.Decode(bytes.NewReader(data)); err != nil || img.Bounds().Dx() != report.ChartWidth {
			t.Errorf("an upload is no chart: %v", err)
		}
	}
	october, _ := planner.ParseDate("2025-10-01")
	send, found := s.ledgerRow(t, planner.JobMonth, planner.WeekOf(october), "")
	if !found || send.State != planner.RunSent || send.MessageRef != posts[0].TS || send.Attempts != 1 {
		t.Errorf("ledger %+v (found %v), want sent as %s at the first attempt", send, found, posts[0].TS)
	}
}

// A crash after Slack accepted the report and before it was recorded: the
// next start finds it in the channel by its metadata, posts nothing again,
// records it sent and completes its thread (the chart).
func TestSchedulerFindsAMonthlyReportLeftInFlight(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{}
	s := octoberOf1(t, f, c)
	c.set(at("2025-11-03 09:00"))
	october, _ := planner.ParseDate("2025-10-01")
	if _, _, err := s.db().ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: planner.JobMonth, Week: planner.WeekOf(october),
		State: planner.RunPending, Attempts: 1, DueAt: c.Now(), UpdatedAt: c.Now(),
	}); err != nil {
		t.Fatal(err)
	}
	const crashedTS = "1762131700.424242"
	f.AddHistory(slacktest.Message{Channel: "CRETRO", TS: crashedTS, Text: "October 2025 report",
		Metadata: json.RawMessage(`{"event_type":"planbot_month","event_payload":{"team":"T1","month":"2025-10"}}`)})
	c.add(10 * time.Minute) // past the first attempt's back-off
	s = s.restart(t, f)
	s.withFont(t)
	s.Tick(t.Context())
	s.Tick(t.Context())
	if n := len(monthPosts(t, f)); n != 0 {
		t.Fatalf("posted the monthly report again (%d)", n)
	}
	send, _ := s.ledgerRow(t, planner.JobMonth, planner.WeekOf(october), "")
	if send.State != planner.RunSent || send.MessageRef != crashedTS || send.Attempts != 2 {
		t.Fatalf("send %+v: want sent with the found ts at the 2nd attempt", send)
	}
	var charts int
	for _, done := range f.Calls("files.completeUploadExternal") {
		if done.Form.Get("thread_ts") == crashedTS {
			charts++
		}
	}
	if charts != 1 {
		t.Errorf("%d charts in the found report's thread, want 1", charts)
	}
}

// An admin turns the monthly report off, or sets its time, with the schedule
// command in either language: off, nothing is posted; at 9:30, it is posted
// at 09:30, not at 09:00.
func TestSchedulerMonthlyReportAsAdminsSetIt(t *testing.T) {
	tests := []struct {
		name   string
		line   string
		shown  string // what the answer shows of the monthly report
		before string // "" for none
		due    string // "" for never
	}{
		{"turned off", "setup month off", "monthly report: off", "", ""},
		{"turned off in Chinese", "设置 月报 关", "月报：关闭", "", ""},
		{"at 9:30 in Chinese", "设置 月报 9:30", "月报：每月第一个工作日 09:30", "2025-11-03 09:29", "2025-11-03 09:30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{}
			s := octoberOf1(t, f, c)
			admin := planner.Actor{TeamID: "T1", UserID: "U1", Admin: true} // as Slack tells of a workspace admin
			if r := s.Handler.Handle(t.Context(), noWork{}, admin, bot.ParseCommand(tc.line)); !strings.Contains(bot.RenderText(r), tc.shown) {
				t.Fatalf("%q answered:\n%s\nwant it to show %q", tc.line, bot.RenderText(r), tc.shown)
			}
			if tc.before != "" {
				c.set(at(tc.before))
				s.Tick(t.Context())
				if n := len(monthPosts(t, f)); n != 0 {
					t.Fatalf("%d monthly reports before their time", n)
				}
			}
			if tc.due == "" {
				for _, now := range []string{"2025-11-03 09:00", "2025-11-04 12:00"} {
					c.set(at(now))
					s.Tick(t.Context())
				}
				if n := len(monthPosts(t, f)); n != 0 {
					t.Fatalf("%d monthly reports while off, want none", n)
				}
				return
			}
			c.set(at(tc.due))
			s.Tick(t.Context())
			if n := len(monthPosts(t, f)); n != 1 {
				t.Fatalf("%d monthly reports at their time, want 1", n)
			}
		})
	}
}
