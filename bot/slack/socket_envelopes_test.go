package slack

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
)

// socketAnswerLimit is how soon every Socket Mode envelope must be
// acknowledged in these tests: well within Slack's 3 s.
const socketAnswerLimit = 2 * time.Second

// Admin commands whose check waits on Slack (users.info never answers in
// time) do not hold up the envelopes behind them: three such commands and a
// /plan week, sent one after the other, are each acknowledged within
// socketAnswerLimit of being sent, the admin commands refused with nothing
// changed, the week shown.
func TestSocketModeAnswersEveryEnvelopeWithinSlackDeadline(t *testing.T) {
	h := newHandler(t)
	f := newFakeSlack(t)
	release := f.Gate("users.info") // Slack too slow for an admin check
	app := newTestApp(h, f)
	stop := runSocket(t, app)
	commands := []struct{ id, text string }{
		{"e1", "setup tz Asia/Tokyo"},
		{"e2", "setup digest sat 18:00"},
		{"e3", "forget <@UGONE>"},
		{"e4", "week"},
	}
	sent := map[string]time.Time{}
	for _, c := range commands {
		sent[c.id] = time.Now()
		f.SendFrame(t, envelope(c.id, "slash_commands", slashCommand(f, c.text, c.id)))
	}
	answers := map[string]reply{}
	for range commands {
		a := f.ack(t)
		if took := time.Since(sent[a.EnvelopeID]); took >= socketAnswerLimit {
			t.Errorf("%s acknowledged %v after it was sent, want under %v", a.EnvelopeID, took.Round(10*time.Millisecond), socketAnswerLimit)
		}
		answers[a.EnvelopeID] = decodeReply(t, a.Payload)
	}
	unchecked := bot.Say(planner.English, bot.MsgAdminUnchecked)
	for _, c := range commands[:3] {
		if got := answers[c.id].Text; got != unchecked {
			t.Errorf("%s %q answered %q, want %q", c.id, c.text, got, unchecked)
		}
	}
	if got := answers["e4"].Text; !strings.Contains(got, "2025-W47") {
		t.Errorf("week answered %q, want the week 2025-W47", got)
	}
	team, err := dbOf(h).Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	if team.TZ == "Asia/Tokyo" {
		t.Errorf("team zone %s: a refused admin command was applied", team.TZ)
	}
	release() // the profile refreshes after the answers may end now
	if err := stop(); err != nil {
		t.Errorf("RunSocketMode = %v, want nil once its context ends", err)
	}
}

// An envelope that does not say which team and which member it comes from
// is acknowledged with nothing done, logged at WARN: no team or member with
// an empty id is stored, no Home tab published. The same checks as over HTTP.
func TestSocketModeRefusesEnvelopesWithoutTeamOrUser(t *testing.T) {
	h := newHandler(t)
	f := newFakeSlack(t)
	app := newTestApp(h, f)
	records := make(logRecords, 256)
	app.Log = slog.New(records)
	stop := runSocket(t, app)
	command := func(team, user string) map[string]string {
		c := slashCommand(f, "tue visit 4 enterprises", "refused")
		c["team_id"], c["user_id"] = team, user
		return c
	}
	click := func(team, user string) map[string]any {
		return map[string]any{
			"type": "block_actions", "team": map[string]string{"id": team}, "user": map[string]string{"id": user},
			"response_url": f.ResponseURL("click"), "trigger_id": "trigger-click",
			"actions": []map[string]string{{"type": "button", "block_id": "b1", "action_id": ActionDone, "value": "1|added|en", "action_ts": "1763341200.000100"}},
		}
	}
	homeOpened := func(team, user string) map[string]any {
		return map[string]any{
			"token": "x", "team_id": team, "api_app_id": "A1", "type": "event_callback", "event_id": "Ev-" + team + "-" + user, "event_time": 1763341200,
			"event": map[string]string{"type": "app_home_opened", "user": user, "channel": "D1", "tab": "home", "event_ts": "1763341200.000200"},
		}
	}
	for _, tt := range []struct {
		name, typ string
		payload   any
	}{
		{"command without team or user", "slash_commands", command("", "")},
		{"command without user", "slash_commands", command("T1", "")},
		{"command without team", "slash_commands", command("", "U1")},
		{"click without team", "interactive", click("", "U1")},
		{"click without user", "interactive", click("T1", "")},
		{"home opened without team", "events_api", homeOpened("", "U1")},
		{"home opened without user", "events_api", homeOpened("T1", "")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			id := "env-" + strings.ReplaceAll(tt.name, " ", "-")
			f.SendFrame(t, envelope(id, tt.typ, tt.payload))
			a := f.ack(t)
			if a.EnvelopeID != id || len(a.Payload) != 0 && string(a.Payload) != "null" {
				t.Errorf("acknowledged %s with %s, want %s with nothing", a.EnvelopeID, a.Payload, id)
			}
			if !warned(records, id) {
				t.Errorf("no WARN naming envelope %s", id)
			}
		})
	}
	if err := stop(); err != nil {
		t.Errorf("RunSocketMode = %v, want nil once its context ends", err)
	}
	teams, err := dbOf(h).Teams(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(teams) != 0 {
		t.Errorf("stored teams %+v, want none", teams)
	}
	for _, p := range drainPosts(f) {
		t.Errorf("called Slack at %s (%s), want nothing", p.path, p.body)
	}
}

// warned reports whether a WARN naming envelope id was logged, waiting for it
// no longer than guard: a refusal is logged before its acknowledgement.
func warned(records logRecords, id string) bool {
	timeout := time.After(guard)
	for {
		select {
		case r := <-records:
			if r.Level == slog.LevelWarn && strings.Contains(attrs(r), id) {
				return true
			}
		case <-timeout:
			return false
		}
	}
}

// drainPosts returns the requests the fake received and the test did not take.
func drainPosts(f *fakeSlack) []post {
	var got []post
	for {
		select {
		case p := <-f.posts:
			got = append(got, p)
		default:
			return got
		}
	}
}

// redelivered is frame, an envelope, as Slack sends it again after a missed
// acknowledgement: with its retry_attempt and retry_reason.
func redelivered(t *testing.T, frame string, attempt int) string {
	t.Helper()
	var env map[string]any
	if err := json.Unmarshal([]byte(frame), &env); err != nil {
		t.Fatal(err)
	}
	env["retry_attempt"], env["retry_reason"] = attempt, "timeout"
	b, err := json.Marshal(env)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// An envelope Slack delivers again (the same envelope_id, or for an event the
// same event_id in a new envelope) is acknowledged again but handled once:
// one item added, one Home tab published.
func TestSocketModeHandlesRedeliveredEnvelopeOnce(t *testing.T) {
	h := newHandler(t)
	f := newFakeSlack(t)
	app := newTestApp(h, f)
	stop := runSocket(t, app)
	add := envelope("e1", "slash_commands", slashCommand(f, "tue visit 4 enterprises", "add"))
	f.SendFrame(t, add)
	if a := f.ack(t); !strings.Contains(decodeReply(t, a.Payload).Text, "Added #1") {
		t.Fatalf("first delivery answered %s, want 'Added #1'", a.Payload)
	}
	for attempt := 1; attempt <= 3; attempt++ {
		f.SendFrame(t, redelivered(t, add, attempt))
		if a := f.ack(t); a.EnvelopeID != "e1" || len(a.Payload) != 0 && string(a.Payload) != "null" {
			t.Errorf("redelivery %d acknowledged %s with %s, want e1 with nothing", attempt, a.EnvelopeID, a.Payload)
		}
	}
	event := map[string]any{
		"token": "x", "team_id": "T1", "api_app_id": "A1", "type": "event_callback", "event_id": "Ev1", "event_time": 1763341200,
		"event": map[string]string{"type": "app_home_opened", "user": "U1", "channel": "D1", "tab": "home", "event_ts": "1763341200.000200"},
	}
	f.SendFrame(t, envelope("e2", "events_api", event))
	f.ack(t)
	f.SendFrame(t, redelivered(t, envelope("e3", "events_api", event), 1)) // Slack may wrap a retried event anew
	f.ack(t)
	if err := stop(); err != nil {
		t.Errorf("RunSocketMode = %v, want nil once its context ends", err)
	}
	if items := teamItems(t, h, "T1"); len(items) != 1 {
		t.Errorf("stored %d items, want 1: %+v", len(items), items)
	}
	publishes := 0
	for _, p := range drainPosts(f) {
		if p.path == "/api/views.publish" {
			publishes++
		}
	}
	if publishes != 1 {
		t.Errorf("published the Home tab %d times, want once", publishes)
	}
}

// deliveries remembers an envelope (by envelope_id, an event also by
// event_id) for redeliveryWindow and no longer, and never more than
// maxDeliveries keys, forgetting the oldest first.
func TestDeliveriesWindowAndBound(t *testing.T) {
	t0 := time.Date(2025, 11, 17, 1, 0, 0, 0, time.UTC)
	var d deliveries
	for _, step := range []struct {
		name  string
		at    time.Duration
		keys  []string
		first bool
	}{
		{"a command", 0, []string{"envelope:a"}, true},
		{"sent again at once", 3 * time.Second, []string{"envelope:a"}, false},
		{"sent again 5 minutes on", 5 * time.Minute, []string{"envelope:a"}, false},
		{"an event", 6 * time.Minute, []string{"envelope:b", "event:Ev1"}, true},
		{"the event in a new envelope", 7 * time.Minute, []string{"envelope:c", "event:Ev1"}, false},
		{"the command past the window", redeliveryWindow + time.Second, []string{"envelope:a"}, true},
		{"the new envelope, remembered too", 8 * time.Minute, []string{"envelope:c"}, false},
	} {
		if got := d.first(t0.Add(step.at), step.keys); got != step.first {
			t.Errorf("%s: first = %v, want %v", step.name, got, step.first)
		}
	}

	var full deliveries
	key := func(i int) []string { return []string{fmt.Sprintf("envelope:%d", i)} }
	for i := range 3 * maxDeliveries {
		if !full.first(t0, key(i)) {
			t.Fatalf("envelope %d: seen before", i)
		}
		if n := len(full.seen); n > maxDeliveries || len(full.order)-full.head != n {
			t.Fatalf("after %d envelopes: %d keys, %d in order, want at most %d", i+1, n, len(full.order)-full.head, maxDeliveries)
		}
	}
	if cap(full.order) > 4*maxDeliveries {
		t.Errorf("order grew to %d, want it compacted", cap(full.order))
	}
	if !full.first(t0, key(0)) || full.first(t0, key(3*maxDeliveries-1)) {
		t.Error("want the oldest forgotten first, the newest remembered")
	}
}
