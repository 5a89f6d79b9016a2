package slack

import (
	"io"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
)

// A form's trigger_id is good for 3 s after the command: when Slack cannot
// open the form by then (429 Retry-After 30, or no answer), the member hears
// so at once, not after the after-answer work's own deadline.
func TestFormThatCannotOpenIsToldSoon(t *testing.T) {
	for _, mode := range []string{"ratelimited", "stalled"} {
		t.Run(mode, func(t *testing.T) {
			h := newHandler(t)
			api := unhelpfulSlack(t, mode)
			hooks := newResponseHooks(t)
			app := &SlackApp{
				Handler: h,
				API: slack.New("xoxb-test", slack.OptionAPIURL(api.URL+"/api/"),
					slack.OptionHTTPClient(&http.Client{Timeout: 10 * time.Second}), slack.OptionRetry(3)), // as serve has it
				Admins: map[string]bool{}, Log: slog.New(slog.NewTextHandler(io.Discard, nil)),
				Metrics: NewMetrics(), HTTP: hooks.Client(), Now: h.Service.Now,
			}
			seedDeadlineTeam(t, h, "T1")
			start := time.Now()
			app.Command(t.Context(), slack.SlashCommand{TeamID: "T1", TeamDomain: "acme", UserID: "UMEMBER", UserName: "m",
				Text: "new", TriggerID: "1.2.x", ResponseURL: hooks.ResponseURL("form")})
			t.Cleanup(func() { app.Shutdown(t.Context()) }) // the profile refresh after the answer waits on Slack too
			var told []string
			for time.Since(start) < formTimeout+time.Second && len(told) == 0 {
				time.Sleep(10 * time.Millisecond) // polls for the report, which comes from another goroutine
				told = hooks.posted("form")
			}
			if len(told) != 1 || !strings.Contains(told[0], "could not") {
				t.Errorf("the member was told %q, want that the form could not open", told)
			}
		})
	}
}
