package slack

import (
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// monthReport is November 2025's report of a team of n members (names end
// with suffix), each with a visit done and a trip planned.
func monthReport(t *testing.T, n int, suffix string) planner.Report {
	t.Helper()
	from, to := plannertest.Day(t, "2025-11-01"), plannertest.Day(t, "2025-11-30")
	var items []planner.Item
	var members []planner.Member
	for i := range n {
		id := fmt.Sprintf("U%d", i+1)
		members = append(members, planner.Member{UserID: id, Name: fmt.Sprintf("成员%d%s", i+1, suffix)})
		items = append(items,
			planner.Item{UserID: id, Start: from.AddDays(i % 30), End: from.AddDays(i % 30), Kind: planner.KindVisit, Count: 2, Status: planner.StatusDone},
			planner.Item{UserID: id, Start: to, End: to, Kind: planner.KindTrip, Count: 1, Status: planner.StatusPlanned})
	}
	money := planner.Money{SignedProjects: 1, SignedWan: 120000, Bands: planner.Bands{From10: 1}}
	return planner.BuildReport(planner.Team{ID: "T1", Name: "招商一组" + suffix}, from, to, "", items, members, money)
}

// The monthly report is rendered as the retrospective is, within Slack's
// limits, every member listed, the title naming the month; a large team's
// members follow in the thread; user text is escaped.
func TestMonthMessages(t *testing.T) {
	const evil = "<!channel> & <@U1>"
	tests := []struct {
		name    string
		members int
		suffix  string
		many    bool
	}{
		{"a team of 10", 10, "", false},
		{"a team of 1000: members in the thread", 1000, "", true},
		{"hostile names", 10, evil, false},
	}
	for _, tc := range tests {
		for _, l := range plannertest.Langs {
			t.Run(tc.name+" "+string(l), func(t *testing.T) {
				r := monthReport(t, tc.members, tc.suffix)
				msgs := (Messenger{}).MonthMessages(planner.Team{ID: "T1"}, l, bot.MonthReport(r, r.To.AddDays(3)))
				var messages []RetroMessage
				for _, m := range msgs {
					messages = append(messages, m.(RetroMessage))
				}
				checkRetroMessages(t, messages)
				if (len(messages) > 1) != tc.many {
					t.Errorf("%d messages, want more than one: %v", len(messages), tc.many)
				}
				if thread := escape(bot.Say(l, bot.MsgMonthThread)); tc.many != strings.Contains(messages[0].Text, thread) {
					t.Errorf("the summary says %q: %v, want %v:\n%s", thread, !tc.many, tc.many, messages[0].Text)
				}
				title := map[planner.Lang]string{planner.English: "November 2025 report", planner.Chinese: "2025年11月 月报"}[l]
				all := string(retroJSON(t, messages))
				if !strings.Contains(blockJSON(t, messages[0].Blocks), title) || !strings.Contains(messages[0].Text, title) {
					t.Errorf("the summary lacks the title %q:\n%s", title, messages[0].Text)
				}
				for _, m := range r.Members {
					if !strings.Contains(all, escape(m.UserName)) {
						t.Errorf("member %q left out", m.UserName)
					}
				}
				if tc.suffix != "" && (strings.Contains(all, "<!channel>") || strings.Contains(all, "<@U1>") || !strings.Contains(all, "&lt;!channel&gt;")) {
					t.Errorf("user text not escaped:\n%s", all)
				}
			})
		}
	}
}

// A monthly report's summary is marked with its team and month, and
// FindMonth finds it by that mark alone: not a retrospective, another
// team's or another month's.
func TestMessengerMonth(t *testing.T) {
	team := planner.Team{ID: "T1", DigestChannel: "CRETRO"}
	var posted url.Values
	api := &fakeAPI{post: func(channel string, v url.Values) (string, error) {
		if channel != "CRETRO" {
			t.Errorf("posted to %s", channel)
		}
		posted = v
		return "1764550800.000100", nil
	}}
	m := Messenger{API: api}
	november := plannertest.Day(t, "2025-11-01")
	msgs := m.MonthMessages(team, planner.Chinese, bot.MonthReport(monthReport(t, 2, ""), plannertest.Day(t, "2025-12-01")))
	if ts, err := m.PostMonth(t.Context(), team, november, msgs[0]); err != nil || ts != "1764550800.000100" {
		t.Fatalf("PostMonth = %q, %v", ts, err)
	}
	checkSlackMessage(t, posted)
	if meta := posted.Get("metadata"); !strings.Contains(meta, `"event_type":"planbot_month"`) || !strings.Contains(meta, `"team":"T1"`) || !strings.Contains(meta, `"month":"2025-11"`) {
		t.Errorf("metadata %s, want planbot_month of T1, 2025-11", meta)
	}
	if _, err := m.PostMonth(t.Context(), team, november, "text"); err == nil {
		t.Error("PostMonth took a message that is not Slack's")
	}

	msg := func(ts, event string, payload map[string]any) slack.Message {
		var m slack.Message
		m.Timestamp = ts
		m.Metadata = slack.SlackMetadata{EventType: event, EventPayload: payload}
		return m
	}
	api.history = func(p *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
		if p.ChannelID != "CRETRO" || !p.IncludeAllMetadata || p.Oldest != "1764549600" {
			t.Errorf("conversations.history %+v", p)
		}
		return &slack.GetConversationHistoryResponse{Messages: []slack.Message{
			msg("1.1", retroEvent, map[string]any{"team": "T1", "week": "2025-W44"}),
			msg("1.2", monthEvent, map[string]any{"team": "T2", "month": "2025-11"}),
			msg("1.3", monthEvent, map[string]any{"team": "T1", "month": "2025-10"}),
			msg("1.4", monthEvent, map[string]any{"team": "T1", "month": "2025-11"}),
		}}, nil
	}
	since := time.Date(2025, 12, 1, 8, 40, 0, 0, plannertest.Shanghai)
	if ts, err := m.FindMonth(t.Context(), team, november, since); err != nil || ts != "1.4" {
		t.Errorf("FindMonth = %q, %v; want 1.4", ts, err)
	}
	if ts, err := m.FindMonth(t.Context(), team, plannertest.Day(t, "2025-09-01"), since); err != nil || ts != "" {
		t.Errorf("FindMonth of September = %q, %v; want none", ts, err)
	}
}
