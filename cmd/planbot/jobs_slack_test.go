package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot/slack/slacktest"
	"planbot/planner"
)

func TestSchedulerRetrospectiveExactlyOnce(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-23 17:59")}
	s := newJobs(t, f, c, 2, "CRETRO")
	s.Calendar = nil
	s.markSent(t, planner.JobRetro, planner.Week{Year: 2025, Num: 46}, "") // planbot ran last week
	s.mustType(t, "U1", "tue visit 4 enterprises")

	s.Tick(t.Context())
	if got := f.Channels(); len(got) != 0 {
		t.Fatalf("posted before Sunday 18:00: %v", got)
	}
	c.set(at("2025-11-23 18:00"))
	s.Tick(t.Context())
	s.Tick(t.Context())
	s.restart(t, f).Tick(t.Context())
	if got := f.Channels(); len(got) != 1 || got[0] != "CRETRO" {
		t.Fatalf("posts %v, want exactly one to CRETRO", got)
	}
	p := f.Posts()[0]
	var meta slack.SlackMetadata
	json.Unmarshal(p.Metadata, &meta)
	if meta.EventType != retroEvent || meta.EventPayload["week"] != "2025-W47" || meta.EventPayload["team"] != "T1" {
		t.Errorf("metadata %s", p.Metadata)
	}
	if strings.Contains(p.Blocks, "late") {
		t.Errorf("an on-time retrospective says it is late")
	}
}

func TestSchedulerCatchesUpAfterDowntime(t *testing.T) {
	tests := []struct {
		name  string
		start string
		posts int
		state planner.RunState
	}{
		{"down at Sunday 18:00, up Monday 08:00: posted, marked late", "2025-11-24 08:00", 1, planner.RunSent},
		{"up 37 hours late: skipped and logged", "2025-11-25 07:01", 0, planner.RunSkipped},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at(tc.start)}
			s := newJobs(t, f, c, 1, "CRETRO")
			s.Calendar = nil // only the retrospective matters here; reminders go to D… channels
			s.Tick(t.Context())
			retro := f.PostsTo("CRETRO")
			if len(retro) != tc.posts {
				t.Fatalf("%d retrospectives posted, want %d", len(retro), tc.posts)
			}
			if tc.posts == 1 && !strings.Contains(retro[0].Blocks+retro[0].Text, "late") {
				t.Errorf("a caught-up retrospective does not say it is late: %s", retro[0].Text)
			}
			send, existed := s.ledgerRow(t, planner.JobRetro, planner.Week{Year: 2025, Num: 47}, "")
			if !existed || send.State != tc.state {
				t.Fatalf("ledger: %+v existed=%v, want state %s", send, existed, tc.state)
			}
		})
	}
}

// foundTS is the ts of a summary a crashed attempt posted at 2025-11-23 18:00
// in Shanghai, which the scheduler finds in the channel's history.
const foundTS = "1763892000.424242"

// crashedSummary is week 47's summary of team T1 that an attempt which
// crashed before recording it left in CRETRO.
var crashedSummary = slacktest.Message{Channel: "CRETRO", TS: foundTS, Text: "retrospective",
	Metadata: json.RawMessage(`{"event_type":"planbot_retro","event_payload":{"team":"T1","week":"2025-W47"}}`)}

func TestSchedulerReconcilesAPostLeftInFlight(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-23 18:20")}
	s := newJobs(t, f, c, 1, "CRETRO")
	// A crash after Slack accepted the post and before it was recorded: the
	// claim is pending, and the message (with its metadata) is in the channel.
	if _, _, err := s.db().ClaimSend(t.Context(), planner.Send{
		TeamID: "T1", Job: planner.JobRetro, Week: planner.Week{Year: 2025, Num: 47},
		State: planner.RunPending, Attempts: 1, DueAt: at("2025-11-23 18:00"), UpdatedAt: at("2025-11-23 18:00"),
	}); err != nil {
		t.Fatal(err)
	}
	f.AddHistory(crashedSummary)
	s.Calendar = nil
	s.Tick(t.Context())
	if p := f.PostsTo("CRETRO"); len(p) != 0 {
		t.Fatalf("posted the retrospective again: %v", p)
	}
	send, _ := s.ledgerRow(t, planner.JobRetro, planner.Week{Year: 2025, Num: 47}, "")
	if send.State != planner.RunSent || send.MessageRef != foundTS {
		t.Fatalf("send %+v: want sent with the found ts", send)
	}
}

func TestSchedulerRemindersSurviveFailuresAndRestarts(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-24 09:00")} // Monday: "plan your week"
	s := newJobs(t, f, c, 5, "")
	s.mustType(t, "U2", "remind off")
	f.Set("chat.postMessage", slacktest.Behaviour{Status: http.StatusInternalServerError, After: 2}) // Slack fails every post after the first two
	s.Tick(t.Context())
	if got := f.Channels(); len(got) != 2 {
		t.Fatalf("sent %v before the failures, want 2", got)
	}
	// A restart, while Slack is still failing and too soon to retry: nothing more.
	s = s.restart(t, f)
	s.Tick(t.Context())
	if got := f.Channels(); len(got) != 2 {
		t.Fatalf("sent %v, want still 2", got)
	}
	// Slack recovers; after the back-off another restart sends the rest, once each.
	f.Set("chat.postMessage", slacktest.Behaviour{})
	c.add(5 * time.Minute)
	s = s.restart(t, f)
	s.Tick(t.Context())
	s.Tick(t.Context())
	want := map[string]int{"DU1": 1, "DU3": 1, "DU4": 1, "DU5": 1}
	if got := reminders(f); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("reminders %v, want %v (U2 opted out; each once)", got, want)
	}
}

func TestSchedulerRetriesRateLimitedPosts(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newJobs(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	f.Set("chat.postMessage", slacktest.Behaviour{RetryAfter: "0", Times: 1})
	s.Tick(t.Context())
	if got, tries := f.Channels(), f.Count("chat.postMessage"); len(got) != 1 || tries != 2 {
		t.Fatalf("sent %v in %d attempts, want one post after one 429", got, tries)
	}
}

func TestSchedulerSkipsChineseHolidays(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2026-02-16 09:30")} // Monday in the Spring Festival holiday
	s := newJobs(t, f, c, 1, "")
	s.Tick(t.Context())
	if n := reminders(f)["DU1"]; n != 0 {
		t.Fatalf("a reminder on a statutory holiday")
	}
	c.set(at("2026-02-24 09:00")) // the first working day after it
	s.Tick(t.Context())
	if n := reminders(f)["DU1"]; n != 1 {
		t.Fatalf("%d reminders on the first working day, want 1", n)
	}
}

// A channel set up on Monday does not get last week's retrospective.
func TestSchedulerSkipPast(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-24 10:00")}
	s := newJobs(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	if err := s.Service.SkipPastRetro(t.Context(), "T1"); err != nil {
		t.Fatal(err)
	}
	s.Tick(t.Context())
	if p := f.PostsTo("CRETRO"); len(p) != 0 {
		t.Fatalf("posted last week's retrospective to a channel set up this week")
	}
	c.set(at("2025-11-30 18:00"))
	s.Tick(t.Context())
	if n := len(f.PostsTo("CRETRO")); n != 1 {
		t.Fatalf("%d retrospectives at the next Sunday, want 1", n)
	}
}

// With AutoCalendar, China's holidays apply to the teams in Asia/Shanghai only.
func TestSchedulerAutoCalendar(t *testing.T) {
	tests := []struct {
		zone string
		sent int
	}{
		{"Asia/Shanghai", 0},
		{"America/New_York", 1},
	}
	for _, tc := range tests {
		t.Run(tc.zone, func(t *testing.T) {
			f := slacktest.New(t)
			c := &clock{now: at("2026-02-17 10:00")} // Tuesday in the Spring Festival; 21:00 Monday in New York
			s := newJobs(t, f, c, 1, "")
			s.Calendar, s.AutoCalendar = nil, true
			if _, err := s.Service.SetTeamZone(t.Context(), planner.Actor{TeamID: "T1", Admin: true}, tc.zone); err != nil {
				t.Fatal(err)
			}
			s.Tick(t.Context())
			if got := len(f.Channels()); got != tc.sent {
				t.Fatalf("%d reminders sent, want %d", got, tc.sent)
			}
		})
	}
}

// The retrospective is never given up while Slack fails: it stays pending and
// is retried with back-off until Slack answers again.
func TestSchedulerKeepsRetryingTheRetrospective(t *testing.T) {
	f := slacktest.New(t)
	c := &clock{now: at("2025-11-23 18:00")}
	s := newJobs(t, f, c, 1, "CRETRO")
	s.Calendar = nil
	f.Set("chat.postMessage", slacktest.Behaviour{Status: http.StatusInternalServerError})
	for i := 0; i < 2*planner.MaxAttempts; i++ {
		s.Tick(t.Context())
		c.add(40 * time.Minute) // past the longest back-off
	}
	f.Set("chat.postMessage", slacktest.Behaviour{})
	if tries := f.Count("chat.postMessage"); tries < planner.MaxAttempts+1 {
		t.Fatalf("%d attempts while Slack failed, want more than %d", tries, planner.MaxAttempts)
	}
	s.Tick(t.Context())
	if got := f.Channels(); len(got) != 1 || got[0] != "CRETRO" {
		t.Fatalf("after Slack recovered: %v, want the retrospective once", got)
	}
}

// An odd answer from Slack (no channel from conversations.open) fails that one
// reminder, to be retried; it does not crash the scheduler.
func TestSchedulerSurvivesOddSlackAnswers(t *testing.T) {
	f := slacktest.New(t)
	f.Set("conversations.open", slacktest.Behaviour{Body: `{"ok":true}`})
	c := &clock{now: at("2025-11-24 09:00")}
	s := newJobs(t, f, c, 2, "")
	s.Tick(t.Context())
	if got := f.Channels(); len(got) != 0 {
		t.Fatalf("sent %v without a channel", got)
	}
	f.Set("conversations.open", slacktest.Behaviour{})
	c.add(5 * time.Minute)
	s.Tick(t.Context())
	if got := f.Channels(); len(got) != 2 {
		t.Fatalf("sent %v after Slack recovered, want both reminders", got)
	}
}
