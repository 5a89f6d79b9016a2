package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	slackbot "planbot/bot/slack"
	"planbot/planner"
	"planbot/storage"
)

// openStore opens serve's database beside it, for a test to read what was stored.
func openStore(t *testing.T, s *planbotServer) *storage.DB {
	t.Helper()
	db, err := storage.Open(context.Background(), s.env["PLANBOT_DB"])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A signed click sent again byte for byte within the replay window — same
// body, same timestamp, same signature — is answered 200 with nothing done:
// one done, one redraw (commands: TestServeCommandsEndpoint's replays).
func TestServeRefusesReplays(t *testing.T) {
	s := startServe(t, "")
	replay := func(path string, body []byte, variants ...func(http.Header)) {
		t.Helper()
		header := signedHeader(signingSecret, time.Now(), body)
		if code, answer := s.send(t, http.MethodPost, path, body, header); code != http.StatusOK {
			t.Fatalf("%s: status %d: %s", path, code, answer)
		}
		for _, variant := range append([]func(http.Header){func(http.Header) {}}, variants...) {
			again := header.Clone()
			variant(again)
			if code, answer := s.send(t, http.MethodPost, path, body, again); code != http.StatusOK || len(answer) != 0 {
				t.Errorf("replayed %s: status %d: %s; want 200 and nothing", path, code, answer)
			}
		}
	}
	s.command(t, s.slash("U1", "wed meet a fund company"))
	click, err := json.Marshal(s.click("U1", slackbot.ActionDone, "1|added|en", "click"))
	if err != nil {
		t.Fatal(err)
	}
	replay("/slack/interactions", []byte(url.Values{"payload": {string(click)}}.Encode()))
	s.Slack.waitFor(t, "the click's redraw", isCall("response/click"))
	s.stop(t) // every piece of work after an answer is done

	db := openStore(t, s)
	items, err := db.ItemsStarting(t.Context(), "T1", "", planner.Date{Year: 2025, Month: 1, Day: 1}, planner.Date{Year: 2026, Month: 1, Day: 1})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 1 || items[0].Status != planner.StatusDone {
		t.Fatalf("items %+v, want one, done", items)
	}
	for _, id := range []int64{1} {
		changes, err := db.History(t.Context(), "T1", id)
		if err != nil {
			t.Fatal(err)
		}
		var dones int
		for _, c := range changes {
			if c.Action == "done" {
				dones++
			}
		}
		if dones != 1 {
			t.Errorf("#%d's history %+v: %d changes to done, want 1", id, changes, dones)
		}
	}
	if n := s.Slack.count(isCall("response/click")); n != 1 {
		t.Errorf("the click was redrawn %d times, want once", n)
	}
}

// A signed request that does not say which team and which member it is from,
// or whose shape planbot does not know, is refused with 400; nothing is stored.
func TestServeRefusesRequestsWithoutTeamOrUser(t *testing.T) {
	s := startServe(t, "")
	payload := func(p map[string]any) []byte {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		return []byte(url.Values{"payload": {string(b)}}.Encode())
	}
	click := func(edit func(map[string]any)) []byte {
		p := s.click("U1", slackbot.ActionDone, "1|added|en", "click")
		edit(p)
		return payload(p)
	}
	home := func(team, user string) []byte {
		return []byte(`{"type":"event_callback","team_id":"` + team + `","api_app_id":"A1","event_id":"Ev1","event_time":1763341200,` +
			`"event":{"type":"app_home_opened","user":"` + user + `","channel":"D1","tab":"home","event_ts":"1763341200.1"}}`)
	}
	tests := []struct {
		name, path string
		body       []byte
	}{
		{"command without team_id", "/slack/commands", []byte(s.slash("U1", "tue visit 4 enterprises", "team_id", "").Encode())},
		{"command without user_id", "/slack/commands", []byte(s.slash("", "tue visit 4 enterprises").Encode())},
		{"command with neither", "/slack/commands", []byte("command=%2Fplan&text=tue+visit+4+enterprises")},
		{"click without team", "/slack/interactions", click(func(p map[string]any) { delete(p, "team") })},
		{"click without user", "/slack/interactions", click(func(p map[string]any) { p["user"] = map[string]any{"id": ""} })},
		{"interaction of an unknown type", "/slack/interactions", click(func(p map[string]any) { p["type"] = "shortcut" })},
		{"interaction of no type", "/slack/interactions", payload(map[string]any{"team": map[string]any{"id": "T1"}, "user": map[string]any{"id": "U1"}})},
		{"home opened without team_id", "/slack/events", home("", "U1")},
		{"home opened without user", "/slack/events", home("T1", "")},
		{"event of an unknown type", "/slack/events", []byte(`{"type":"something_else","team_id":"T1"}`)},
		{"event of no type", "/slack/events", []byte(`{"team_id":"T1","event":{"type":"app_home_opened","user":"U1","tab":"home"}}`)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if code, answer := s.signed(t, tc.path, tc.body); code != http.StatusBadRequest {
				t.Errorf("status %d: %s; want 400", code, answer)
			}
		})
	}
	s.stop(t)
	db := openStore(t, s)
	teams, err := db.Teams(t.Context())
	if err != nil || len(teams) != 0 {
		t.Errorf("teams %+v (%v), want none", teams, err)
	}
	for _, team := range []string{"", "T1"} {
		if members, err := db.Members(t.Context(), team); err != nil || len(members) != 0 {
			t.Errorf("members of team %q: %+v (%v), want none", team, members, err)
		}
	}
	for _, c := range s.Slack.calls() {
		if c.Path != "auth.test" { // serve's check of its token at start-up
			t.Errorf("Slack got a call: %s", c.Path)
		}
	}
}
