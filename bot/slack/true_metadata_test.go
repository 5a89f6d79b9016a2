package slack

import (
	"planbot/bot/slack/slacktest"
	"testing"

	"github.com/slack-go/slack"
)

// Through TrueMetadata, conversations.history carries include_all_metadata=true;
// the other parameters are unchanged.
func TestTrueMetadataSendsTrue(t *testing.T) {
	f := slacktest.New(t)
	api := slack.New("xoxb-test", slack.OptionAPIURL(f.APIURL()),
		slack.OptionHTTPClient(TrueMetadata{Client: f.Client()}))
	_, err := api.GetConversationHistoryContext(t.Context(), &slack.GetConversationHistoryParameters{
		ChannelID: "C1 &x=1", IncludeAllMetadata: true, Limit: 200,
	})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range f.Calls("") {
		got = append(got, c.Form.Get("include_all_metadata")+" "+c.Form.Get("channel")+" "+c.Form.Get("limit"))
	}
	if want := "true C1 &x=1 200"; len(got) != 1 || got[0] != want {
		t.Errorf("Slack got %q, want %q", got, want)
	}
}
