package slack

import (
	"bytes"
	"context"
	"fmt"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// The message metadata types that mark a posted retrospective, so that a post
// left in flight by a crash can be found in the channel: the week's run, or a
// preview posted ahead of its time, which is not the week's run.
const (
	retroEvent   = "planbot_retro"
	previewEvent = "planbot_retro_preview"
)

// Messenger sends the weekly jobs' messages through Slack's Web API: it is
// the schedule package's Messenger for Slack, which cmd connects.
type Messenger struct {
	API WebAPI
}

// Remind sends r to the member as a direct message.
func (m Messenger) Remind(ctx context.Context, _ planner.Team, userID string, r bot.Reply) (string, error) {
	channel, err := openDM(ctx, m.API, userID)
	if err != nil {
		return "", err
	}
	msg := NewSlackResponse(r)
	_, ts, err := m.API.PostMessageContext(ctx, channel, slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks.BlockSet...))
	return ts, err
}

// RetroMessages renders r as Slack messages (RetroMessage), the summary first.
func (Messenger) RetroMessages(team planner.Team, lang planner.Lang, r planner.Retro) []any {
	msgs := RetroMessages(lang, r)
	out := make([]any, len(msgs))
	for i, m := range msgs {
		out[i] = m
	}
	return out
}

// PostSummary posts a retrospective's summary to the team's channel, marked
// in its metadata with the team and week.
func (m Messenger) PostSummary(ctx context.Context, team planner.Team, week planner.Week, preview bool, summary any) (string, error) {
	msg, ok := summary.(RetroMessage)
	if !ok {
		return "", fmt.Errorf("post retrospective: %T is not a Slack message", summary)
	}
	event := retroEvent
	if preview {
		event = previewEvent
	}
	meta := slack.SlackMetadata{EventType: event, EventPayload: map[string]any{"team": team.ID, "week": week.String()}}
	_, ts, err := m.API.PostMessageContext(ctx, team.DigestChannel,
		slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...), slack.MsgOptionMetadata(meta))
	if err != nil {
		return "", fmt.Errorf("post retrospective to %s: %w", team.DigestChannel, err)
	}
	return ts, nil
}

// PostReply posts a message in the thread of the summary thread.
func (m Messenger) PostReply(ctx context.Context, team planner.Team, thread string, reply any) error {
	msg, ok := reply.(RetroMessage)
	if !ok {
		return fmt.Errorf("post a retrospective's reply: %T is not a Slack message", reply)
	}
	_, _, err := m.API.PostMessageContext(ctx, team.DigestChannel,
		slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks...), slack.MsgOptionTS(thread))
	return err
}

// FindSummary looks in the channel's history since since for week's
// retrospective that planbot posted (by its message metadata).
func (m Messenger) FindSummary(ctx context.Context, team planner.Team, week planner.Week, since time.Time) (string, error) {
	return m.findMarked(ctx, team, since, retroEvent, "week", week.String())
}

// findMarked looks in the channel's history since since for a message that
// planbot posted marked with event for the team and key's value.
func (m Messenger) findMarked(ctx context.Context, team planner.Team, since time.Time, event, key, value string) (string, error) {
	params := &slack.GetConversationHistoryParameters{
		// IncludeAllMetadata goes out as 1; serve's TrueMetadata client sends it as true.
		ChannelID: team.DigestChannel, IncludeAllMetadata: true, Limit: 200,
		Oldest: strconv.FormatInt(since.Unix(), 10),
	}
	for {
		h, err := m.API.GetConversationHistoryContext(ctx, params)
		if err != nil {
			return "", fmt.Errorf("conversations.history %s: %w", team.DigestChannel, err)
		}
		for _, msg := range h.Messages {
			p := msg.Metadata.EventPayload
			if msg.Metadata.EventType == event && p["team"] == team.ID && p[key] == value {
				return msg.Timestamp, nil
			}
		}
		if !h.HasMore || h.ResponseMetaData.NextCursor == "" {
			return "", nil
		}
		params.Cursor = h.ResponseMetaData.NextCursor
	}
}

// SendFile uploads f into the thread of the summary thread, with Slack's
// external upload flow (files:write).
func (m Messenger) SendFile(ctx context.Context, team planner.Team, thread string, f bot.File) error {
	_, err := m.API.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: bytes.NewReader(f.Data), FileSize: len(f.Data), Filename: f.Name,
		Title: f.Title, AltTxt: f.AltText, Channel: team.DigestChannel, ThreadTimestamp: thread,
	})
	return err
}
