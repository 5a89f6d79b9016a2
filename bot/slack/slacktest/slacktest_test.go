package slacktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// call posts form to method and returns the HTTP status and the answer.
func call(t *testing.T, s *Server, method string, form url.Values) (int, map[string]any) {
	t.Helper()
	resp, err := s.Client().PostForm(s.APIURL()+method, form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	var answer map[string]any
	json.Unmarshal(body, &answer)
	return resp.StatusCode, answer
}

// A Behaviour applies after After calls, for Times calls, and only to its method.
func TestBehaviourAfterAndTimes(t *testing.T) {
	s := New(t)
	s.Set("conversations.open", Behaviour{Error: "ratelimited", After: 1, Times: 2})
	var got []string
	for range 4 {
		_, a := call(t, s, "conversations.open", url.Values{"users": {"U1"}})
		if a["ok"] == true {
			got = append(got, "ok")
		} else {
			got = append(got, a["error"].(string))
		}
	}
	if want := "ok ratelimited ratelimited ok"; strings.Join(got, " ") != want {
		t.Errorf("answers %v, want %s", got, want)
	}
	if code, _ := call(t, s, "auth.test", nil); code != http.StatusOK || s.Count("conversations.open") != 4 {
		t.Errorf("auth.test %d, %d calls of conversations.open recorded", code, s.Count("conversations.open"))
	}
}

// A posted message is in its channel's history, newest first, in pages, with
// its metadata only for include_all_metadata=true; thread replies are not.
func TestHistoryKeepsPosts(t *testing.T) {
	s := New(t)
	meta := `{"event_payload":{"n":1},"event_type":"e"}` // keys in order, as json.Marshal writes them
	call(t, s, "chat.postMessage", url.Values{"channel": {"C1"}, "text": {"one"}, "metadata": {meta}})
	_, second := call(t, s, "chat.postMessage", url.Values{"channel": {"C1"}, "text": {"two"}})
	call(t, s, "chat.postMessage", url.Values{"channel": {"C1"}, "text": {"reply"}, "thread_ts": {second["ts"].(string)}})
	for _, tc := range []struct{ flag, want string }{{"1", ""}, {"true", meta}} {
		_, page1 := call(t, s, "conversations.history", url.Values{"channel": {"C1"}, "limit": {"1"}, "include_all_metadata": {tc.flag}})
		next := page1["response_metadata"].(map[string]any)["next_cursor"].(string)
		_, page2 := call(t, s, "conversations.history", url.Values{"channel": {"C1"}, "limit": {"1"}, "cursor": {next}, "include_all_metadata": {tc.flag}})
		first := page1["messages"].([]any)[0].(map[string]any)
		last := page2["messages"].([]any)[0].(map[string]any)
		got, _ := json.Marshal(last["metadata"])
		if first["text"] != "two" || last["text"] != "one" || page2["has_more"] != false || (tc.want == "") != (last["metadata"] == nil) ||
			tc.want != "" && string(got) != tc.want {
			t.Errorf("include_all_metadata=%s: pages %v then %v", tc.flag, page1, page2)
		}
	}
	if n := len(s.Posts()); n != 3 {
		t.Errorf("%d posts recorded, want 3", n)
	}
}

// A gated method's calls are recorded at once but answered only after the
// gate opens, and MostAtOnce counts them while they wait; other methods pass.
func TestGateHoldsCallsUntilOpened(t *testing.T) {
	s := New(t)
	open := s.Gate("users.info")
	arrived := make(chan struct{}, 3)
	s.OnCall(func(c Call) {
		if c.Method == "users.info" {
			arrived <- struct{}{}
		}
	})
	var wg sync.WaitGroup
	answers := make([]map[string]any, 3)
	for i := range answers {
		wg.Go(func() { _, answers[i] = call(t, s, "users.info", url.Values{"user": {"U1"}}) })
	}
	for range answers {
		<-arrived
	}
	if _, a := call(t, s, "auth.test", nil); a["ok"] != true {
		t.Errorf("auth.test behind a closed gate of users.info: %v", a)
	}
	for _, a := range answers {
		if a != nil {
			t.Fatalf("users.info answered %v before the gate opened", a)
		}
	}
	open()
	wg.Wait()
	for _, a := range answers {
		if a["ok"] != true {
			t.Errorf("users.info after the gate opened: %v", a)
		}
	}
	if got := s.MostAtOnce("users.info"); got != 3 {
		t.Errorf("MostAtOnce = %d, want the 3 calls held together", got)
	}
}

// A rate-limited method answers 429 with Retry-After to a call sooner than
// its gap after the previous one, and counts it; a call after the gap passes.
func TestRateLimitBySinceLastCall(t *testing.T) {
	s := New(t)
	s.RateLimit("users.list", time.Hour, "7")
	first, _ := call(t, s, "users.list", nil)
	resp, err := s.Client().PostForm(s.APIURL()+"users.list", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if first != http.StatusOK || resp.StatusCode != http.StatusTooManyRequests || resp.Header.Get("Retry-After") != "7" || s.Limited("users.list") != 1 {
		t.Errorf("answers %d then %d (Retry-After %q), %d limited; want 200, then 429 after 7, 1 limited",
			first, resp.StatusCode, resp.Header.Get("Retry-After"), s.Limited("users.list"))
	}
	s.RateLimit("users.list", 0, "7") // no gap: every call is in time
	if code, _ := call(t, s, "users.list", nil); code != http.StatusOK || s.Limited("users.list") != 0 {
		t.Errorf("with no gap: %d, %d limited", code, s.Limited("users.list"))
	}
}

// conversations.open answers "D" and the user's id, or the channel SetDM named.
func TestSetDMNamesTheChannel(t *testing.T) {
	s := New(t)
	s.SetDM("U1", "D42")
	for user, want := range map[string]string{"U1": "D42", "U2": "DU2"} {
		_, a := call(t, s, "conversations.open", url.Values{"users": {user}})
		if got := a["channel"].(map[string]any)["id"]; got != want {
			t.Errorf("conversations.open with %s: channel %v, want %s", user, got, want)
		}
	}
}

// A Behaviour with a Channel misbehaves only for calls to that channel.
func TestBehaviourForOneChannel(t *testing.T) {
	s := New(t)
	s.Set("chat.postMessage", Behaviour{Error: "not_in_channel", Channel: "CNO"})
	_, refused := call(t, s, "chat.postMessage", url.Values{"channel": {"CNO"}, "text": {"x"}})
	_, posted := call(t, s, "chat.postMessage", url.Values{"channel": {"C1"}, "text": {"x"}})
	if refused["error"] != "not_in_channel" || posted["ok"] != true || len(s.Posts()) != 1 {
		t.Errorf("answers %v and %v, %d posts; want only CNO refused", refused, posted, len(s.Posts()))
	}
}

// apps.connections.open hands out the fake's websocket, which carries the
// test's frames to the client and the client's frames back.
func TestSocketModeCarriesFrames(t *testing.T) {
	s := New(t)
	_, a := call(t, s, "apps.connections.open", nil)
	conn, _, err := websocket.DefaultDialer.DialContext(t.Context(), a["url"].(string), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	s.SendFrame(t, `{"type":"hello"}`)
	if _, got, err := conn.ReadMessage(); err != nil || string(got) != `{"type":"hello"}` {
		t.Fatalf("client read %s, %v", got, err)
	}
	if err := conn.WriteMessage(websocket.TextMessage, []byte(`{"envelope_id":"e1"}`)); err != nil {
		t.Fatal(err)
	}
	if got := s.Frame(t); string(got) != `{"envelope_id":"e1"}` {
		t.Errorf("Frame = %s, want the client's acknowledgement", got)
	}
}
