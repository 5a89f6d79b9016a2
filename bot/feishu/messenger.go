package feishu

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"planbot/bot"
	"planbot/planner"
)

// Messenger sends the weekly jobs' messages through Feishu's open platform:
// it is the schedule package's Messenger for Feishu teams.
type Messenger struct {
	API API
}

// Remind sends r to the member in their direct chat with the bot, at most
// once an hour for its team, job and week (a deadline's reminder: for its
// company and day; the holiday calendar's notice: for its year) however
// often it is tried.
func (m Messenger) Remind(ctx context.Context, team planner.Team, userID string, r bot.Reply) (string, error) {
	msgType, content := render(r)
	uuid := ""
	if rem, ok := r.Body.(bot.Reminder); ok {
		uuid = once("remind", team.ID, userID, string(rem.Job), rem.Week.String())
	}
	if due, ok := r.Body.(bot.DueReminder); ok { // one deadline of one company, once
		uuid = once("due", team.ID, userID, strconv.FormatInt(due.Company.ID, 10), due.Company.Due.Date.String())
	}
	if h, ok := r.Body.(bot.CalendarHorizon); ok { // one year missing from the holiday calendar, once
		uuid = once("horizon", team.ID, userID, strconv.Itoa(h.Year))
	}
	return m.API.Send(ctx, "open_id", userID, msgType, content, uuid)
}

// retroMessage is one message of a retrospective on Feishu: a text.
type retroMessage struct{ text string }

// RetroMessages renders r in lang: the summary (the totals, the trips, the
// pipeline, the activity index when on, who logged nothing and next week),
// then, when the team has members with items, their weeks as one reply in
// the summary's thread.
func (Messenger) RetroMessages(team planner.Team, lang planner.Lang, r planner.Retro) []any {
	v := bot.NewRetroView(lang, r)
	summary := []string{v.PlainHeader()}
	for _, part := range [][]bot.RetroLine{v.Totals, v.Trips, v.Pipe, v.Index, v.Tail} {
		for _, ln := range part {
			summary = append(summary, ln.Plain(0))
		}
	}
	msgs := []any{retroMessage{strings.Join(summary, "\n")}}
	if len(v.Members) > 0 {
		members := []string{v.Heading.Plain(0)}
		for _, m := range v.Members {
			for _, ln := range m {
				members = append(members, ln.Plain(1))
			}
		}
		msgs = append(msgs, retroMessage{strings.Join(members, "\n")})
	}
	return msgs
}

// once is the uuid that makes Feishu send a message at most once within an
// hour however often it is tried: a hash of what the message is.
func once(parts ...string) string {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	return hex.EncodeToString(sum[:16])
}

// PostSummary posts a retrospective's summary to the team's chat, at most
// once an hour for its team and week (a preview apart from the week's run).
func (m Messenger) PostSummary(ctx context.Context, team planner.Team, week planner.Week, preview bool, summary any) (string, error) {
	msg, ok := summary.(retroMessage)
	if !ok {
		return "", fmt.Errorf("post retrospective: %T is not a Feishu message", summary)
	}
	uuid := once("retro", team.ID, week.String())
	if preview {
		uuid = "" // a preview is posted each time it is asked for
	}
	id, err := m.API.Send(ctx, "chat_id", team.DigestChannel, "text", textContent(msg.text), uuid)
	if err != nil {
		return "", fmt.Errorf("post retrospective to %s: %w", team.DigestChannel, err)
	}
	return id, nil
}

// PostReply posts a message in the thread of the summary thread.
func (m Messenger) PostReply(ctx context.Context, _ planner.Team, thread string, reply any) error {
	msg, ok := reply.(retroMessage)
	if !ok {
		return fmt.Errorf("post a retrospective's reply: %T is not a Feishu message", reply)
	}
	_, err := m.API.Reply(ctx, thread, "text", textContent(msg.text), true, once("reply", thread, msg.text))
	return err
}

// FindSummary finds no summary: Feishu keeps no metadata on a message to find
// it by. A retry posts the summary again with the same uuid instead, which
// Feishu sends at most once within an hour; a retry later than that (after a
// crash and an hour's downtime) may post it a second time.
func (Messenger) FindSummary(context.Context, planner.Team, planner.Week, time.Time) (string, error) {
	return "", nil
}

// SendFile posts an image (the chart) in the thread of the summary thread.
func (m Messenger) SendFile(ctx context.Context, _ planner.Team, thread string, f bot.File) error {
	key, err := m.API.UploadImage(ctx, f.Data)
	if err != nil {
		return err
	}
	_, err = m.API.Reply(ctx, thread, "image", fmt.Sprintf(`{"image_key":%q}`, key), true, once("file", thread, f.Name))
	return err
}
