package feishu

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"

	"planbot/bot"
	"planbot/planner"
)

// A setup's reply names the group in words, never by Feishu's chat id.
func TestReplyTextNamesTheGroup(t *testing.T) {
	team := planner.Team{ID: TeamID("tk"), DigestChannel: "oc_0123456789abcdef", TZ: "Asia/Shanghai"}
	for _, tt := range []struct {
		reply bot.Reply
		want  string
	}{
		{bot.Reply{Lang: planner.Chinese, Body: bot.SetupChannel{Channel: "oc_0123456789abcdef"}}, "本群"},
		{bot.Reply{Lang: planner.English, Body: bot.SetupChannel{Channel: "oc_0123456789abcdef"}}, "this group"},
		{bot.Reply{Lang: planner.Chinese, Body: bot.SetupDone{Team: team}}, "团队的飞书群"},
		{bot.Reply{Lang: planner.English, Body: bot.SetupDone{Team: team}}, "the team's Feishu group"},
	} {
		got := replyText(tt.reply)
		if !strings.Contains(got, tt.want) || strings.Contains(got, "oc_") || strings.Contains(got, "<#") {
			t.Errorf("%T in %s: %q, want %q and no chat id", tt.reply.Body, tt.reply.Lang, got, tt.want)
		}
	}
}

// What a member is told of a failed call names Feishu's code, or the kind of
// failure, and nothing else of the error (no token, no URL).
func TestErrorCode(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want string
	}{
		{errors.New("im.message.create: msg:request trigger frequency limit, code:99991400"), "99991400"},
		{errors.New(`im.file.create: {"code":234001,"msg":"Invalid request param."}`), "234001"},
		{fmt.Errorf("im.message.create: %w", context.DeadlineExceeded), "timeout"},
		{errors.New("dial tcp 10.0.0.1:443: connection refused"), "error"},
	} {
		if got := errorCode(tt.err); got != tt.want {
			t.Errorf("errorCode(%q) = %q, want %q", tt.err, got, tt.want)
		}
	}
}

// sendLog is an API that records what it is asked to send.
type sendLog struct {
	API
	uuids []string
}

func (s *sendLog) Send(_ context.Context, _, _, _, _, uuid string) (string, error) {
	s.uuids = append(s.uuids, uuid)
	return "om_1", nil
}

// A reminder tried again is the same message to Feishu (its uuid), so a retry
// after a lost answer sends it once; another job, week or member is another.
func TestRemindersSendOnce(t *testing.T) {
	api := &sendLog{}
	m := Messenger{API: api}
	team := planner.Team{ID: TeamID("tk")}
	w47, w48 := planner.Week{Year: 2025, Num: 47}, planner.Week{Year: 2025, Num: 48}
	remind := func(user string, job planner.Job, w planner.Week) {
		t.Helper()
		r := bot.Reply{Lang: planner.Chinese, Body: bot.Reminder{Job: job, Week: w}}
		if _, err := m.Remind(t.Context(), team, user, r); err != nil {
			t.Fatal(err)
		}
	}
	remind("ou_1", planner.JobPlan, w47)
	remind("ou_1", planner.JobPlan, w47) // the retry
	remind("ou_1", planner.JobLog, w47)
	remind("ou_1", planner.JobPlan, w48)
	remind("ou_2", planner.JobPlan, w47)
	u := api.uuids
	if u[0] == "" || u[0] != u[1] {
		t.Errorf("a retried reminder has uuids %q and %q, want the same", u[0], u[1])
	}
	seen := map[string]bool{u[0]: true}
	for _, id := range u[2:] {
		if seen[id] || id == "" || len(id) > 50 {
			t.Errorf("uuids %q: each reminder needs its own, of at most 50 characters", u)
		}
		seen[id] = true
	}
}

// An event older than the memory of event ids (or as far in the future) is
// refused: no redelivery, replay or retry outlives that memory.
func TestStale(t *testing.T) {
	now := time.Date(2026, 12, 6, 10, 0, 0, 0, time.UTC)
	ms := func(d time.Duration) string { return strconv.FormatInt(now.Add(d).UnixMilli(), 10) }
	for _, tt := range []struct {
		createTime string
		want       bool
	}{
		{ms(0), false}, {ms(-6 * time.Hour), false}, {ms(-dedupeWindow + time.Second), false},
		{ms(-dedupeWindow - time.Second), true}, {ms(-30 * 24 * time.Hour), true}, {ms(dedupeWindow + time.Minute), true},
		{"", false}, {"not a time", false},
	} {
		if got := stale(tt.createTime, now); got != tt.want {
			t.Errorf("stale(%q) = %v, want %v", tt.createTime, got, tt.want)
		}
	}
}

// A mention is the member's open_id for a command that names a member, and
// the name it shows in an item's text; the bot's own mention is dropped.
func TestMessageTextMentions(t *testing.T) {
	str := func(s string) *string { return &s }
	mention := func(key, openID, name, kind string) *larkim.MentionEvent {
		return &larkim.MentionEvent{Key: str(key), Id: &larkim.UserId{OpenId: str(openID)}, Name: str(name), MentionedType: str(kind)}
	}
	m := &larkim.EventMessage{
		MessageType: str("text"), ChatType: str("group"),
		Content:  str(`{"text":"@_user_1 周二 和 @_user_2 对接4家企业"}`),
		Mentions: []*larkim.MentionEvent{mention("@_user_1", "ou_bot", "planbot", "bot"), mention("@_user_2", "ou_li", "李明", "user")},
	}
	text, named, ok := messageText(m)
	if !ok || text != "周二 和 ou_li 对接4家企业" || named != "周二 和 @李明 对接4家企业" {
		t.Errorf("messageText = %q, %q, %v", text, named, ok)
	}
}
