package main

import (
	"encoding/json"
	"strings"
	"testing"

	"planbot/bot/slack/slackcheck"
)

// checkSlackCall fails t if Slack would refuse what the fake Slack got in c:
// a chat.postMessage, a view opened or published, a response_url post.
// Safe from the fake's handler goroutines.
func checkSlackCall(t testing.TB, c call) {
	t.Helper()
	var problems []string
	switch {
	case c.Path == "chat.postMessage":
		problems = slackcheck.PostMessage(c.Form)
	case c.Path == "views.open" || c.Path == "views.publish":
		var body struct{ View json.RawMessage }
		if err := json.Unmarshal(c.JSON, &body); err != nil {
			t.Errorf("%s: %v in %s", c.Path, err, c.JSON)
			return
		}
		problems = slackcheck.View(body.View)
	case strings.HasPrefix(c.Path, "response/"):
		problems = slackcheck.Message(c.JSON)
	}
	checkSlackProblems(t, c.Path, problems)
}

// checkSlackProblems fails t with what, and why Slack would refuse it, if it would.
func checkSlackProblems(t testing.TB, what string, problems []string) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("Slack would refuse %s:\n\t%s", what, strings.Join(problems, "\n\t"))
	}
}
