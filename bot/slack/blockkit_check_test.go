package slack

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/slack/slackcheck"
)

// checkSlackMessage fails t if Slack would refuse msg: a SlackResponse (a
// command's answer, a response_url post), a chat.postMessage form as slack-go
// sends it, or either as the JSON Slack received. Safe from a fake Slack's
// handler goroutines.
func checkSlackMessage(t testing.TB, msg any) {
	t.Helper()
	var problems []string
	switch m := msg.(type) {
	case url.Values:
		problems = slackcheck.PostMessage(m)
	case []byte:
		problems = slackcheck.Message(m)
	default:
		problems = slackcheck.Message(marshal(t, msg))
	}
	reportSlackProblems(t, "message", problems)
}

// checkSlackView fails t if Slack would refuse view: a modal or a Home tab,
// as the view object or its JSON.
func checkSlackView(t testing.TB, view any) {
	t.Helper()
	data, ok := view.([]byte)
	if !ok {
		data = marshal(t, view)
	}
	reportSlackProblems(t, "view", slackcheck.View(data))
}

// checkSlackBlocks fails t if Slack would refuse blocks, a part of a message
// (max 50) or of a view (max 100).
func checkSlackBlocks(t testing.TB, blocks []slack.Block, max int) {
	t.Helper()
	reportSlackProblems(t, "list of blocks", slackcheck.Blocks(marshal(t, blocks), max))
}

// checkSlackReply fails t if Slack would refuse r as planbot sends it.
func checkSlackReply(t testing.TB, r bot.Reply) {
	t.Helper()
	checkSlackMessage(t, NewSlackResponse(r))
}

func marshal(t testing.TB, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Errorf("marshal %T: %v", v, err)
	}
	return data
}

func reportSlackProblems(t testing.TB, what string, problems []string) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("Slack would refuse this %s:\n\t%s", what, strings.Join(problems, "\n\t"))
	}
}
