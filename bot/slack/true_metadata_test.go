package slack

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/slack-go/slack"
)

// Through TrueMetadata, conversations.history carries include_all_metadata=true;
// the other parameters are unchanged.
func TestTrueMetadataSendsTrue(t *testing.T) {
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.ParseForm()
		mu.Lock()
		defer mu.Unlock()
		got = append(got, r.PostForm.Get("include_all_metadata")+" "+r.PostForm.Get("channel")+" "+r.PostForm.Get("limit"))
		fmt.Fprint(w, `{"ok":true,"messages":[]}`)
	}))
	t.Cleanup(srv.Close)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/"),
		slack.OptionHTTPClient(TrueMetadata{Client: srv.Client()}))
	_, err := api.GetConversationHistoryContext(t.Context(), &slack.GetConversationHistoryParameters{
		ChannelID: "C1 &x=1", IncludeAllMetadata: true, Limit: 200,
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := "true C1 &x=1 200"; len(got) != 1 || got[0] != want {
		t.Errorf("Slack got %q, want %q", got, want)
	}
}
