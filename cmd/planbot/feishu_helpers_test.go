package main

// The harness of the Feishu end-to-end tests: planbot serve with only
// FEISHU_* set, against a feishutest fake, and the events a member's
// messages make.

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"planbot/bot/feishu"
	"planbot/bot/feishu/feishutest"
)

// The secrets of the Feishu app in these tests.
const (
	feishuToken      = "feishu-verification-token"
	feishuEncryptKey = "feishu-encrypt-key"
)

// feishuTeam is the team of the fake's tenant.
var feishuTeam = feishu.TeamID(feishutest.TenantKey)

// The members of the Feishu tests: ann is an admin (FEISHU_ADMINS).
const (
	ouAnn  = "ou_ann"
	ouWang = "ou_wang"
	ouLi   = "ou_li"
)

// feishuServe is planbot serve on Feishu alone, and the fake it talks to.
type feishuServe struct {
	*planbotServer
	Feishu *feishutest.Server
	events string // the callback's URL
	cb     feishutest.Callback
	token  string // the verification token events carry
	seq    int
}

// startFeishu runs planbot serve with FEISHU_* (the HTTP callback when
// events is "http", else the long connection) and no Slack, on a new
// database, until the test ends. encryptKey is FEISHU_ENCRYPT_KEY ("" for none).
func startFeishu(t *testing.T, events, encryptKey string) *feishuServe {
	t.Helper()
	f := feishutest.New(t)
	env := map[string]string{
		// No Slack: serve runs Feishu alone.
		"SLACK_BOT_TOKEN": "", "SLACK_SIGNING_SECRET": "", "SLACK_API_URL": "", "PLANBOT_ADMINS": "",
		"FEISHU_APP_ID": feishutest.AppID, "FEISHU_APP_SECRET": feishutest.AppSecret, "FEISHU_BASE_URL": f.URL,
		"FEISHU_EVENTS": events, "FEISHU_VERIFICATION_TOKEN": feishuToken, "FEISHU_ENCRYPT_KEY": encryptKey,
		"FEISHU_ADMINS": ouAnn,
	}
	s := startServeEnv(t, filepath.Join(t.TempDir(), "planbot.db"), env)
	return &feishuServe{planbotServer: s, Feishu: f, events: s.URL + "/feishu/events",
		cb: feishutest.Callback{EncryptKey: encryptKey}, token: feishuToken}
}

// message is a member's text: sender writes text in group chat (a direct
// message when chat is ""), with the mentions its @_user_N keys stand for.
type message struct {
	sender, chat, text string
	mentions           []feishutest.Mention
}

// botMention is the @-mention of planbot that starts a group message.
var botMention = feishutest.Mention{Key: "@_user_1", OpenID: feishutest.BotOpenID, Name: "planbot", Bot: true}

// event is m's event, with a new event id, and its message's id.
func (s *feishuServe) event(m message) (eventID, messageID string, body []byte) {
	s.seq++
	eventID = fmt.Sprintf("ev_%04d", s.seq)
	messageID, body = s.Feishu.MessageEvent(feishutest.Incoming{
		EventID: eventID, Token: s.token, Sender: m.sender, ChatID: m.chat, Text: m.text, Mentions: m.mentions,
	})
	return eventID, messageID, body
}

// post delivers event to the callback as Feishu does and returns the status
// and body of the answer.
func (s *feishuServe) post(t *testing.T, cb feishutest.Callback, event []byte, forge func(*http.Request)) (int, string) {
	t.Helper()
	req, err := cb.Request(s.events, event, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if forge != nil {
		forge(req)
	}
	resp, err := (&http.Client{Timeout: waitLimit}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

// reply waits for planbot's one reply to message id and returns it.
func (s *feishuServe) reply(t *testing.T, id string) feishutest.Message {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	if err := s.Feishu.WaitFor(ctx, func() bool { return len(s.Feishu.RepliesTo(id)) > 0 }); err != nil {
		t.Fatalf("no reply to message %s: %v", id, err)
	}
	got := s.Feishu.RepliesTo(id)
	if len(got) > 1 {
		t.Errorf("%d replies to %s, want 1: %+v", len(got), id, got)
	}
	return got[0]
}

// feishuExport is planbot export of week's items of the Feishu team in the
// database of env, each row without the member's name (the console names a
// member by their id, Feishu by the contact API), header first.
func feishuExport(t *testing.T, env map[string]string, week string) []string {
	t.Helper()
	out := mustPlanbot(t, env, "", "export", "--team", feishuTeam, "--week", week)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export: %v\n%s", err, out)
	}
	var rows []string
	for _, r := range records {
		rows = append(rows, strings.Join(append(r[:2:2], r[3:]...), ","))
	}
	return rows
}

// console answers line typed by member user of the Feishu team in planbot
// console on env's database.
func feishuConsole(t *testing.T, env map[string]string, user, line string) string {
	t.Helper()
	return strings.TrimSuffix(mustPlanbot(t, env, line, "console", "--team", feishuTeam, "--user", user), "\n")
}

// shownText undoes what planbot does to text for Feishu (feishu.textContent):
// "<" and ">" are sent as look-alikes that mention no one.
var shownText = strings.NewReplacer("‹", "<", "›", ">")

// sameTeamName is the console's answer as Feishu gives it: a Feishu team has
// no name (the event tells only its tenant_key), where the console's is its id.
func sameTeamName(said string) string { return strings.ReplaceAll(said, feishuTeam, "") }

// decodeJSON decodes s into v, failing the test when it is no JSON.
func decodeJSON(t *testing.T, s string, v any) {
	t.Helper()
	if err := json.Unmarshal([]byte(s), v); err != nil {
		t.Fatalf("%v in %s", err, s)
	}
}
