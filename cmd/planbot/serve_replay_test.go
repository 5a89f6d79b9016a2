package main

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"

	slackbot "planbot/bot/slack"
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
