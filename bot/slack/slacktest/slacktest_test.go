package slacktest

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
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
