package slack

import (
	"context"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// fakeAPI is a WebAPI made of functions: a test sets the calls it expects;
// any other call panics (the embedded interface is nil).
type fakeAPI struct {
	WebAPI
	post    func(channel string, values url.Values) (string, error)
	open    func(users []string) (*slack.Channel, error)
	history func(p *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
	upload  func(p slack.UploadFileParameters) error
}

func (f *fakeAPI) PostMessageContext(_ context.Context, channel string, options ...slack.MsgOption) (string, string, error) {
	_, values, err := slack.UnsafeApplyMsgOptions("token", channel, "https://slack.test/api/", options...)
	if err != nil {
		return "", "", err
	}
	ts, err := f.post(channel, values)
	return channel, ts, err
}

func (f *fakeAPI) OpenConversationContext(_ context.Context, p *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error) {
	ch, err := f.open(p.Users)
	return ch, false, false, err
}

func (f *fakeAPI) GetConversationHistoryContext(_ context.Context, p *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
	return f.history(p)
}

func (f *fakeAPI) UploadFileContext(_ context.Context, p slack.UploadFileParameters) (*slack.FileSummary, error) {
	return &slack.FileSummary{ID: "F1"}, f.upload(p)
}

// The weekly jobs' messages reach Slack as the scheduler means them: a
// reminder in the member's direct messages, a summary marked with its team
// and week (a preview marked as no week's run), a file in the summary's thread.
func TestMessenger(t *testing.T) {
	team := planner.Team{ID: "T1", DigestChannel: "CRETRO"}
	var posts []url.Values
	var channels []string
	api := &fakeAPI{
		post: func(channel string, v url.Values) (string, error) {
			channels, posts = append(channels, channel), append(posts, v)
			return "1700000000.000100", nil
		},
		open: func(users []string) (*slack.Channel, error) {
			if len(users) != 1 || users[0] != "U1" {
				t.Errorf("conversations.open with %v, want U1", users)
			}
			ch := &slack.Channel{}
			ch.ID = "DU1"
			return ch, nil
		},
	}
	m := Messenger{API: api}

	ts, err := m.Remind(t.Context(), team, "U1", bot.Reply{Lang: planner.English, Body: bot.Reminder{Job: planner.JobLog, Week: plannertest.W47}})
	if err != nil || ts != "1700000000.000100" || channels[0] != "DU1" {
		t.Fatalf("Remind: %q, %v to %v", ts, err, channels)
	}
	checkSlackMessage(t, posts[0])

	msgs := m.RetroMessages(team, planner.English, planner.Retro{Digest: planner.Digest{Week: plannertest.W47}})
	for _, preview := range []bool{false, true} {
		if _, err := m.PostSummary(t.Context(), team, plannertest.W47, preview, msgs[0]); err != nil {
			t.Fatal(err)
		}
		got := posts[len(posts)-1]
		checkSlackMessage(t, got)
		want := map[bool]string{false: retroEvent, true: previewEvent}[preview]
		if meta := got.Get("metadata"); !strings.Contains(meta, `"event_type":"`+want+`"`) || !strings.Contains(meta, `"team":"T1"`) || !strings.Contains(meta, `"week":"2025-W47"`) || channels[len(channels)-1] != "CRETRO" {
			t.Errorf("summary (preview %v) to %s with metadata %s, want %s of T1, 2025-W47", preview, channels[len(channels)-1], meta, want)
		}
	}
	if err := m.PostReply(t.Context(), team, "1700000000.000100", msgs[0]); err != nil || posts[len(posts)-1].Get("thread_ts") != "1700000000.000100" {
		t.Errorf("PostReply: %v, thread_ts %q", err, posts[len(posts)-1].Get("thread_ts"))
	}

	api.upload = func(p slack.UploadFileParameters) error {
		if p.Channel != "CRETRO" || p.ThreadTimestamp != "1700000000.000100" || p.Filename != "c.png" || p.Title != "Chart" || p.AltTxt != "alt" || p.FileSize != 3 {
			t.Errorf("upload %+v", p)
		}
		return nil
	}
	if err := m.SendFile(t.Context(), team, "1700000000.000100", bot.File{Name: "c.png", Title: "Chart", AltText: "alt", Data: []byte("png")}); err != nil {
		t.Fatal(err)
	}
}

// FindSummary reads the channel's history page by page, since the time it
// is given, and knows the week's run from a preview, another team's or
// another week's summary.
func TestMessengerFindSummary(t *testing.T) {
	team := planner.Team{ID: "T1", DigestChannel: "CRETRO"}
	since := time.Date(2025, 11, 23, 17, 50, 0, 0, plannertest.Shanghai)
	msg := func(ts, event, teamID, week string) slack.Message {
		var m slack.Message
		m.Timestamp = ts
		m.Metadata = slack.SlackMetadata{EventType: event, EventPayload: map[string]any{"team": teamID, "week": week}}
		return m
	}
	pages := []slack.GetConversationHistoryResponse{
		{HasMore: true, Messages: []slack.Message{msg("1.1", previewEvent, "T1", "2025-W47"), msg("1.2", retroEvent, "T2", "2025-W47")}},
		{Messages: []slack.Message{msg("1.3", retroEvent, "T1", "2025-W46"), msg("1.4", retroEvent, "T1", "2025-W47")}},
	}
	pages[0].ResponseMetaData.NextCursor = "next"
	calls := 0
	api := &fakeAPI{history: func(p *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
		if p.ChannelID != "CRETRO" || !p.IncludeAllMetadata || p.Oldest != "1763891400" {
			t.Errorf("conversations.history %+v", p)
		}
		if want := map[int]string{0: "", 1: "next"}[calls]; p.Cursor != want {
			t.Errorf("page %d with cursor %q, want %q", calls, p.Cursor, want)
		}
		calls++
		return &pages[calls-1], nil
	}}
	ts, err := Messenger{API: api}.FindSummary(t.Context(), team, plannertest.W47, since)
	if err != nil || ts != "1.4" || calls != 2 {
		t.Errorf("FindSummary = %q, %v after %d pages, want 1.4 after 2", ts, err, calls)
	}

	api.history = func(*slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error) {
		return nil, errors.New("ratelimited")
	}
	if _, err := (Messenger{API: api}).FindSummary(t.Context(), team, plannertest.W47, since); err == nil {
		t.Error("FindSummary hid Slack's failure")
	}
}
