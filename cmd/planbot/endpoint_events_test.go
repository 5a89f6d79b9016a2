package main

import (
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// eventRequest is one request to /slack/events in the endpoint's table: body
// sent signed now (or as attack makes it; replayed: sent again byte for
// byte), and what must come of it: the status and, for a Home tab opened,
// the Home tab published.
type eventRequest struct {
	name   string
	body   []byte
	attack *attack
	replay bool
	status int
	check  func(t *testing.T, s *planbotServer, answer []byte)
}

// homeOpened is Slack's app_home_opened event of U1, as event eventID.
func homeOpened(eventID string) []byte {
	return []byte(`{"type":"event_callback","team_id":"T1","api_app_id":"A1","event_id":"` + eventID + `","event_time":1763341200,` +
		`"event":{"type":"app_home_opened","user":"U1","channel":"D1","tab":"home","event_ts":"1763341200.1"}}`)
}

// /slack/events, through serve's HTTP handler: one table of requests. A
// request Slack did not sign (or not now) is refused, with no call to Slack;
// the URL verification is answered its challenge; a Home tab opened
// publishes Ann's Home tab, with her item escaped, once though replayed.
func TestServeEventsEndpoint(t *testing.T) {
	s := startServe(t, "")
	s.command(t, s.slash("U1", "tue visit 4 enterprises &lt;!here&gt;"))
	s.Slack.waitFor(t, "users.info for U1", isCall("users.info", "user", "U1"))
	rows := []eventRequest{}
	tooLarge := 0
	for _, a := range attacks {
		rows = append(rows, eventRequest{name: a.name, body: homeOpened("EvForged"), attack: &a, status: a.want})
		if a.want == http.StatusRequestEntityTooLarge {
			tooLarge++
		}
	}
	rows = append(rows,
		eventRequest{name: "url_verification", body: []byte(`{"type":"url_verification","token":"x","challenge":"abc"}`), status: 200,
			check: func(t *testing.T, s *planbotServer, body []byte) {
				if got := decode[map[string]string](t, body); len(got) != 1 || got["challenge"] != "abc" {
					t.Errorf("answer %s, want the challenge", body)
				}
			}},
		eventRequest{name: "home opened, replayed", body: homeOpened("Ev1"), replay: true, status: 200,
			check: func(t *testing.T, s *planbotServer, _ []byte) {
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
			}},
	)
	for _, r := range rows {
		t.Run(r.name, func(t *testing.T) {
			body, header := r.body, signedHeader(signingSecret, time.Now(), r.body)
			if r.attack != nil {
				body, header = r.attack.make(body)
			}
			slackCalls := len(s.Slack.calls())
			code, got := s.send(t, http.MethodPost, "/slack/events", body, header)
			if code != r.status {
				t.Fatalf("status %d (%s), want %d", code, got, r.status)
			}
			if r.replay {
				if code, again := s.send(t, http.MethodPost, "/slack/events", body, header); code != http.StatusOK || len(again) != 0 {
					t.Errorf("replayed: status %d: %s; want 200 and nothing", code, again)
				}
			}
			if r.attack != nil {
				if n := len(s.Slack.calls()); n != slackCalls {
					t.Errorf("a refused request called Slack: %v", s.Slack.calls()[slackCalls:])
				}
			}
			if r.check != nil {
				r.check(t, s, got)
			}
		})
	}
	t.Run("metrics", func(t *testing.T) {
		_, body := s.send(t, http.MethodGet, "/metrics", nil, nil)
		if want := `planbot_requests_total{endpoint="events",outcome="too_large"} ` + strconv.Itoa(tooLarge); !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	})
	s.stop(t)
	if n := s.Slack.count(isCall("views.publish")); n != 1 {
		t.Errorf("the Home tab was published %d times, want once (the replay did nothing)", n)
	}
}
