package main

import (
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	slackbot "planbot/bot/slack"
)

// interactionRequest is one request to /slack/interactions in the endpoint's
// table: a click on one of planbot's buttons (its redraw goes to
// response/<name>) or a new-item form submitted, sent signed now (or as
// attack makes it; replayed: sent again byte for byte), and what must come
// of it.
type interactionRequest struct {
	name    string
	payload map[string]any
	attack  *attack
	replay  bool
	status  int
	redraw  []string // a click: the redraw says each (none: no redraw awaited)
	replace bool     // the redraw replaces the clicked message
	field   string   // a submission: the field whose error the form shows; "" for none
	row     string   // a good submission: the item stored, as exported (but user_name)
	items   []string // "<id> <status>" of week 2025-W47 afterwards (nil: not looked at)
	next    []string // the same, of week 2025-W48
}

// /slack/interactions, through serve's HTTP handler, on a Sunday evening
// (2025-11-23 20:00 in Shanghai): one table of requests. A request Slack did
// not sign (or not now) is refused with nothing changed and no call to
// Slack; a replayed click is answered 200 and done once; each button (done,
// undo, cancel, next week, someone else's item) redraws the message; each
// field of the new-item form shows its error, and a good submission adds the
// item and confirms it to its author.
func TestServeInteractionsEndpoint(t *testing.T) {
	s := startServeEnv(t, "", map[string]string{"PLANBOT_NOW": "2025-11-23T20:00:00+08:00"})
	s.command(t, s.slash("U1", "tue visit 4 enterprises"))
	s.command(t, s.slash("U1", "周四至周五 出差北京"))
	s.command(t, s.slash("U1", "周一 制定本周计划")) // a day gone by: its button moves it a week on
	s.command(t, s.slash("U1", "wed meet a fund company"))
	s.Slack.waitFor(t, "users.info for U1", isCall("users.info", "user", "U1"))
	const good = "签约常诚车业"
	rows := []interactionRequest{}
	for _, a := range attacks {
		rows = append(rows, interactionRequest{name: a.name, payload: s.click("U1", slackbot.ActionDone, "1|added|en", "forged"),
			attack: &a, status: a.want, items: []string{"3 planned", "1 planned", "4 planned", "2 planned"}})
	}
	rows = append(rows,
		interactionRequest{name: "done, replayed", payload: s.click("U1", slackbot.ActionDone, "1|added|en", "done"), replay: true,
			status: 200, redraw: []string{"Done #1"}, replace: true, items: []string{"3 planned", "1 done", "4 planned", "2 planned"}},
		interactionRequest{name: "undo", payload: s.click("U1", slackbot.ActionUndo+":4", "4|added|en", "undo"),
			status: 200, redraw: []string{"#4"}, replace: true, items: []string{"3 planned", "1 done", "4 cancelled undo", "2 planned"}},
		interactionRequest{name: "someone else's item", payload: s.click("U2", slackbot.ActionCancel, "2|week:2025-W47|zh", "other"),
			status: 200, redraw: []string{"#2 是别人的事项", "Item #2 belongs to someone else"}, items: []string{"3 planned", "1 done", "4 cancelled undo", "2 planned"}},
		interactionRequest{name: "cancel in the week view", payload: s.click("U1", slackbot.ActionCancel, "2|week:2025-W47|en", "cancel"),
			status: 200, redraw: []string{"Your week 2025-W47", "✖ until Fri Nov 21 (2 days)"}, replace: true, items: []string{"3 planned", "1 done", "4 cancelled undo", "2 cancelled"}},
		interactionRequest{name: "next week", payload: s.click("U1", slackbot.ActionNextWeek+":3", "3|added|zh|2025-11-24", "next"),
			status: 200, redraw: []string{"已改期 #3 ⬜ 11月24日周一"}, replace: true, items: []string{"1 done", "4 cancelled undo", "2 cancelled"}, next: []string{"3 planned"}},
		interactionRequest{name: "form: empty title", payload: submission(formState(" ", "2025-11-20", "", "signing", "1")), status: 200, field: "title"},
		interactionRequest{name: "form: place too long", payload: submission(formPlace(formState("出差", "2025-11-20", "", "trip", "1"), strings.Repeat("x", 2000))), status: 200, field: "place"},
		interactionRequest{name: "form: no start", payload: submission(formState("visit enterprises", "", "", "visit", "1")), status: 200, field: "start"},
		interactionRequest{name: "form: end before start", payload: submission(formState("出差北京", "2025-11-20", "2025-11-19", "trip", "1")), status: 200, field: "end"},
		interactionRequest{name: "form: unknown kind", payload: submission(formState("visit enterprises", "2025-11-20", "", "rocket", "1")), status: 200, field: "kind"},
		interactionRequest{name: "form: count over 999", payload: submission(formState("visit enterprises", "2025-11-20", "", "visit", "1000")), status: 200, field: "count"},
		interactionRequest{name: "form: count not a number", payload: submission(formState("visit enterprises", "2025-11-20", "", "visit", "many")), status: 200, field: "count"},
		interactionRequest{name: "form: good", payload: submission(formState(good, "2025-11-20", "", "signing", "1")), status: 200,
			row:   "5|U1|2025-11-20|2025-11-20|signing|1||planned|" + good + "||0||",
			items: []string{"1 done", "4 cancelled undo", "2 cancelled", "5 planned"}},
	)
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			p, err := json.Marshal(r.payload)
			if err != nil {
				t.Fatal(err)
			}
			body := []byte(url.Values{"payload": {string(p)}}.Encode())
			header := signedHeader(signingSecret, time.Now(), body)
			if r.attack != nil {
				body, header = r.attack.make(body)
			}
			slackCalls := len(s.Slack.calls())
			code, got := s.send(t, http.MethodPost, "/slack/interactions", body, header)
			if code != r.status {
				t.Fatalf("status %d (%s), want %d", code, got, r.status)
			}
			if r.replay {
				if code, again := s.send(t, http.MethodPost, "/slack/interactions", body, header); code != http.StatusOK || len(again) != 0 {
					t.Errorf("replayed: status %d: %s; want 200 and nothing", code, again)
				}
			}
			switch {
			case r.attack != nil:
				if n := len(s.Slack.calls()); n != slackCalls {
					t.Errorf("a refused request called Slack: %v", s.Slack.calls()[slackCalls:])
				}
			case r.payload["type"] == "view_submission":
				checkSubmission(t, s, got, r.field, good)
			default:
				checkRedraw(t, s, got, r)
			}
			if r.items != nil {
				if got := statusesIn(t, s.env, "2025-W47"); strings.Join(got, "|") != strings.Join(r.items, "|") {
					t.Errorf("week 2025-W47 holds %q, want %q", got, r.items)
				}
			}
			if r.row != "" {
				var stored []string
				for _, row := range exportRows(t, s.env, "2025-W47") {
					stored = append(stored, strings.Join(append(row[:2:2], row[3:]...), "|"))
				}
				if !slices.Contains(stored, r.row) {
					t.Errorf("stored %q, want %s among them", stored, r.row)
				}
			}
			if r.next != nil {
				if got := statusesIn(t, s.env, "2025-W48"); strings.Join(got, "|") != strings.Join(r.next, "|") {
					t.Errorf("week 2025-W48 holds %q, want %q", got, r.next)
				}
			}
		})
	}
	s.stop(t) // every piece of work after an answer is done
	if n := s.Slack.count(isCall("response/done")); n != 1 {
		t.Errorf("the replayed click was redrawn %d times, want once", n)
	}
	changes, err := openStore(t, s).History(t.Context(), "T1", 1)
	if err != nil {
		t.Fatal(err)
	}
	dones := 0
	for _, c := range changes {
		if c.Action == "done" {
			dones++
		}
	}
	if dones != 1 {
		t.Errorf("#1's history %+v: %d changes to done, want 1 (the replay did nothing)", changes, dones)
	}
}

// checkRedraw checks a click's answer (200 and nothing) and its redraw.
func checkRedraw(t *testing.T, s *planbotServer, body []byte, r interactionRequest) {
	t.Helper()
	if len(body) != 0 {
		t.Fatalf("body %q; want nothing", body)
	}
	response := r.payload["response_url"].(string)
	got := s.Slack.waitFor(t, response, isCall("response/"+response[strings.LastIndex(response, "/")+1:]))
	m := decode[map[string]any](t, got.JSON)
	if replace, present := m["replace_original"]; r.replace && replace != true || !r.replace && present {
		t.Errorf("replace_original %v (present %v), want %v", replace, present, r.replace)
	}
	for _, want := range r.redraw {
		if !strings.Contains(decode[answer](t, got.JSON).Text, want) {
			t.Errorf("redraw lacks %q:\n%s", want, got.JSON)
		}
	}
}

// checkSubmission checks a form submission's answer: errors on field only,
// or (field "") none, and the item titled good confirmed to U1.
func checkSubmission(t *testing.T, s *planbotServer, body []byte, field, good string) {
	t.Helper()
	if field == "" {
		if len(body) != 0 {
			t.Fatalf("body %q; want nothing", body)
		}
		posted := s.Slack.waitFor(t, "chat.postMessage to U1", isCall("chat.postMessage", "channel", "U1"))
		if !strings.Contains(posted.Form.Get("text"), good) {
			t.Errorf("confirmation %q", posted.Form.Get("text"))
		}
		return
	}
	got := decode[struct {
		ResponseAction string            `json:"response_action"`
		Errors         map[string]string `json:"errors"`
	}](t, body)
	if got.ResponseAction != "errors" || len(got.Errors) != 1 || got.Errors[field] == "" {
		t.Errorf("answer %s; want errors on %q", body, field)
	}
}

// formPlace is state with the place field set to place.
func formPlace(state map[string]any, place string) map[string]any {
	state["values"].(map[string]any)["place"] = map[string]any{"place": map[string]any{"type": "plain_text_input", "value": place}}
	return state
}
