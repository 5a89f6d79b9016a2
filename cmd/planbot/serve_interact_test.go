package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	slackbot "planbot/bot/slack"
)

// interact posts a signed interaction payload as Slack does (form field
// payload) and returns the status and the answer's body.
func (s *planbotServer) interact(t *testing.T, payload any) (int, []byte) {
	t.Helper()
	p, err := json.Marshal(payload)
	if err != nil {
		t.Fatal(err)
	}
	return s.signed(t, "/slack/interactions", []byte(url.Values{"payload": {string(p)}}.Encode()))
}

// click is the block_actions payload of user clicking a button of planbot's;
// the redraw goes to the fake's response/<response>. Slack gives every block
// an id, so the action carries one.
func (s *planbotServer) click(user, actionID, value, response string) map[string]any {
	return map[string]any{
		"type": "block_actions", "team": map[string]any{"id": "T1", "domain": "acme"},
		"user": map[string]any{"id": user}, "api_app_id": "A1", "trigger_id": "T456",
		"response_url": s.Slack.URL + "/response/" + response,
		"actions": []any{map[string]any{
			"action_id": actionID, "block_id": "b1", "value": value, "type": "button", "action_ts": "1763341200.1",
		}},
	}
}

func TestServeButtons(t *testing.T) {
	s := startServe(t, "")
	s.command(t, s.slash("U1", "tue visit 4 enterprises"))
	s.command(t, s.slash("U1", "周四至周五 出差北京"))
	tests := []struct {
		name, user, action, value string
		replace                   bool
		want                      []string
		id, status                string
	}{
		{"done on the added message", "U1", slackbot.ActionDone, "1|added|en", true, []string{"Done #1"}, "1", "done"},
		{"someone else's item is refused", "U2", slackbot.ActionCancel, "2|week:2025-W47|zh",
			false, []string{"#2 是别人的事项", "Item #2 belongs to someone else"}, "2", "planned"},
		{"cancel in the week view redraws the week", "U1", slackbot.ActionCancel, "2|week:2025-W47|en",
			true, []string{"Your week 2025-W47", "✖ Thu Nov 20 – Fri Nov 21"}, "2", "cancelled"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			response := "click" + string(rune('1'+i))
			code, body := s.interact(t, s.click(tc.user, tc.action, tc.value, response))
			if code != http.StatusOK || len(body) != 0 {
				t.Fatalf("status %d, body %q; want 200 and nothing", code, body)
			}
			got := s.Slack.waitFor(t, response, isCall("response/"+response))
			m := decode[map[string]any](t, got.JSON)
			if replace, present := m["replace_original"]; tc.replace && replace != true || !tc.replace && present {
				t.Errorf("replace_original %v (present %v), want %v", replace, present, tc.replace)
			}
			for _, want := range tc.want {
				if !strings.Contains(decode[answer](t, got.JSON).Text, want) {
					t.Errorf("response lacks %q:\n%s", want, got.JSON)
				}
			}
			for _, r := range exportRows(t, s.env, "2025-W47") {
				if r[0] == tc.id && r[8] != tc.status {
					t.Errorf("item %s is %s, want %s", tc.id, r[8], tc.status)
				}
			}
		})
	}
}

// formState is a new-item form as submitted; "" leaves the end date unset.
func formState(title, start, end, kind, count string) map[string]any {
	var endDate any
	if end != "" {
		endDate = end
	}
	field := func(id string, v map[string]any) map[string]any { return map[string]any{id: v} }
	return map[string]any{"values": map[string]any{
		"title": field("title", map[string]any{"type": "plain_text_input", "value": title}),
		"start": field("start", map[string]any{"type": "datepicker", "selected_date": start}),
		"end":   field("end", map[string]any{"type": "datepicker", "selected_date": endDate}),
		"kind":  field("kind", map[string]any{"type": "static_select", "selected_option": map[string]any{"value": kind}}),
		"count": field("count", map[string]any{"type": "number_input", "value": count}),
		"place": field("place", map[string]any{"type": "plain_text_input", "value": ""}),
	}}
}

// submission is the view_submission payload of user U1's new-item form.
func submission(state map[string]any) map[string]any {
	return map[string]any{
		"type": "view_submission", "team": map[string]any{"id": "T1", "domain": "acme"},
		"user": map[string]any{"id": "U1"}, "api_app_id": "A1",
		"view": map[string]any{"id": "V1", "type": "modal", "callback_id": slackbot.FormCallback, "state": state},
	}
}

func TestServeNewItemForm(t *testing.T) {
	s := startServe(t, "")
	s.command(t, s.slash("U1", "new", "trigger_id", "T123"))
	opened := s.Slack.waitFor(t, "views.open", isCall("views.open"))
	view := decode[struct {
		TriggerID string `json:"trigger_id"`
		View      struct {
			CallbackID string `json:"callback_id"`
		} `json:"view"`
	}](t, opened.JSON)
	if view.TriggerID != "T123" || view.View.CallbackID != "new_item" {
		t.Fatalf("views.open with trigger %q, callback %q", view.TriggerID, view.View.CallbackID)
	}

	code, body := s.interact(t, submission(formState("签约常诚车业", "2025-11-20", "", "signing", "1")))
	if code != http.StatusOK || len(body) != 0 {
		t.Fatalf("submission: status %d, body %q; want 200 and nothing", code, body)
	}
	want := "1|U1|2025-11-20|2025-11-20|signing|1||planned|签约常诚车业||0"
	rows := exportRows(t, s.env, "2025-W47")
	if len(rows) != 1 || strings.Join(append(rows[0][:2:2], rows[0][3:]...), "|") != want {
		t.Fatalf("stored %q, want %s", rows, want)
	}
	posted := s.Slack.waitFor(t, "chat.postMessage to U1", isCall("chat.postMessage", "channel", "U1"))
	if !strings.Contains(posted.Form.Get("text"), "签约常诚车业") {
		t.Errorf("confirmation %q", posted.Form.Get("text"))
	}

	invalid := []struct {
		name  string
		state map[string]any
		field string
	}{
		{"empty title", formState(" ", "2025-11-20", "", "signing", "1"), "title"},
		{"end before start", formState("出差北京", "2025-11-20", "2025-11-19", "trip", "1"), "end"},
		{"count over 999", formState("visit enterprises", "2025-11-20", "", "visit", "1000"), "count"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			code, body := s.interact(t, submission(tc.state))
			got := decode[struct {
				ResponseAction string            `json:"response_action"`
				Errors         map[string]string `json:"errors"`
			}](t, body)
			if code != http.StatusOK || got.ResponseAction != "errors" || len(got.Errors) != 1 || got.Errors[tc.field] == "" {
				t.Errorf("status %d, answer %s; want errors on %q", code, body, tc.field)
			}
			if rows := exportRows(t, s.env, "2025-W47"); len(rows) != 1 {
				t.Errorf("an invalid form stored an item: %q", rows)
			}
		})
	}
}

func TestServeEvents(t *testing.T) {
	s := startServe(t, "")
	code, body := s.signed(t, "/slack/events", []byte(`{"type":"url_verification","token":"x","challenge":"abc"}`))
	if got := decode[map[string]string](t, body); code != http.StatusOK || len(got) != 1 || got["challenge"] != "abc" {
		t.Fatalf("url_verification: status %d, answer %s", code, body)
	}

	s.command(t, s.slash("U1", "tue visit 4 enterprises &lt;!here&gt;"))
	home := []byte(`{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"Ev1","event_time":1763341200,` +
		`"event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1763341200.1"}}`)
	if code, body := s.signed(t, "/slack/events", home); code != http.StatusOK {
		t.Fatalf("app_home_opened: status %d: %s", code, body)
	}
	published := s.Slack.waitFor(t, "views.publish", isCall("views.publish"))
	got := decode[struct {
		UserID string `json:"user_id"`
		View   struct {
			Type   string          `json:"type"`
			Blocks json.RawMessage `json:"blocks"`
		} `json:"view"`
	}](t, published.JSON)
	n := len(decode[[]json.RawMessage](t, got.View.Blocks))
	if got.UserID != "U1" || got.View.Type != "home" || n == 0 || n > 100 {
		t.Errorf("views.publish for %q, a %q view of %d blocks", got.UserID, got.View.Type, n)
	}
	if blocks := (answer{Blocks: got.View.Blocks}).blocksJSON(t); !strings.Contains(blocks, "visit 4 enterprises &lt;!here&gt;") ||
		strings.Contains(blocks, "<!here>") {
		t.Errorf("the Home tab lacks the escaped item:\n%s", blocks)
	}
}

func TestServeSetup(t *testing.T) {
	s := startServe(t, "")
	refusal := "Only the team's admins can change its settings"
	steps := []struct {
		name, user, text, channel string
		want                      []string
	}{
		{"setup by a member", "U1", "setup", "C1", []string{refusal}},
		{"zone by a member", "U1", "setup tz America/New_York", "C1", []string{refusal}},
		{"zone by an admin", "UADMIN", "setup tz America/New_York", "C1",
			[]string{"time zone: America/New_York", "retrospective channel: not set yet (run /plan setup in the team's channel or Feishu group)"}},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			a := s.command(t, s.slash(st.user, st.text, "channel_id", st.channel))
			for _, want := range st.want {
				if !strings.Contains(a.Text, want) {
					t.Errorf("reply lacks %q:\n%s", want, a.Text)
				}
			}
		})
	}
	if n := s.Slack.count(isCall("users.info", "user", "U1")); n == 0 {
		t.Error("a member's setup did not ask users.info whether they are an admin")
	}
	if n := s.Slack.count(isCall("chat.postMessage")) + s.Slack.count(isCall("conversations.members")); n != 0 {
		t.Errorf("refused setups called Slack %d times", n)
	}

	t.Run("setup by an admin", func(t *testing.T) {
		a := s.command(t, s.slash("UADMIN", "setup", "response_url", s.Slack.URL+"/response/setup"))
		if blocks := a.blocksJSON(t); !strings.Contains(a.Text, "Setting up") || !strings.Contains(blocks, "Setting up <#C1>") {
			t.Errorf("reply %q, blocks %s", a.Text, blocks)
		}
		done := s.Slack.waitFor(t, "the setup report", isCall("response/setup"))
		if blocks := decode[answer](t, done.JSON).blocksJSON(t); !strings.Contains(blocks, "Done: <#C1>") || !strings.Contains(blocks, "2 people") {
			t.Errorf("report %s", blocks)
		}
		for _, c := range []struct {
			match func(call) bool
			want  int
		}{
			{isCall("chat.postMessage", "channel", "C1"), 1},
			{isCall("conversations.members", "channel", "C1"), 1},
			{isCall("users.list"), 1}, // one page of profiles, not a users.info call per person
			{isCall("users.info", "user", "U2"), 0},
			{isCall("users.info", "user", "UBOT"), 0},
		} {
			if n := s.Slack.count(c.match); n != c.want {
				t.Errorf("%d matching calls, want %d; calls %v", n, c.want, s.Slack.calls())
			}
		}
	})
	t.Run("channel planbot is not in", func(t *testing.T) {
		form := s.slash("UADMIN", "setup", "channel_id", "CNOACCESS", "response_url", s.Slack.URL+"/response/noaccess")
		if a := s.command(t, form); !strings.Contains(a.blocksJSON(t), "Setting up <#CNOACCESS>") {
			t.Errorf("reply %s", a.Blocks)
		}
		told := s.Slack.waitFor(t, "the invite hint", isCall("response/noaccess"))
		if text := decode[answer](t, told.JSON).Text; !strings.Contains(text, "/invite @planbot") {
			t.Errorf("report %q", text)
		}
		if a := s.command(t, s.slash("UADMIN", "setup lang en")); !strings.Contains(a.blocksJSON(t), "retrospective channel: <#C1>") {
			t.Errorf("the digest channel changed: %s", a.Blocks)
		}
	})
}
