package slack

import (
	"io"
	"log/slog"
	"testing"

	"github.com/slack-go/slack"

	"planbot/bot/slack/slacktest"
)

// A Slack team takes its workspace's name, as auth.test gave it, and its
// domain (the only name a command carries) while that is not known; never
// the id, never "local". A name an admin set stays whatever either says.
func TestTeamTakesTheWorkspaceName(t *testing.T) {
	h := newHandler(t)
	api := slacktest.New(t)
	app := &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(api.APIURL()), slack.OptionHTTPClient(api.Client())),
		Admins:  map[string]bool{"UADMIN": true},
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		Now:     h.Service.Now,
	}
	command := func(team, user, text string) SlackResponse {
		t.Helper()
		return app.Command(t.Context(), slack.SlashCommand{TeamID: team, TeamDomain: "wujin-zsj", UserID: user, UserName: user, Text: text})
	}
	teamName := func(team string) string {
		t.Helper()
		stored, err := dbOf(h).Team(t.Context(), team)
		if err != nil {
			t.Fatal(err)
		}
		return stored.Name
	}
	command("T1", "U1", "week")
	if got := teamName("T1"); got != "wujin-zsj" {
		t.Errorf("before auth.test: %q, want the domain", got)
	}
	app.NameWorkspace("T1", "武进区招商\u202e局\n")
	command("T1", "U1", "week")
	if got := teamName("T1"); got != "武进区招商局" {
		t.Errorf("after auth.test: %q, want the workspace's name on one line", got)
	}
	command("T2", "U1", "week") // another workspace's command: its own domain
	if got := teamName("T2"); got != "wujin-zsj" {
		t.Errorf("another workspace: %q, want its domain", got)
	}
	command("T1", "UADMIN", "setup name 常州市武进区商务局")
	command("T1", "U1", "week")
	if got := teamName("T1"); got != "常州市武进区商务局" {
		t.Errorf("after /plan setup name: %q, want the admin's name kept", got)
	}
	app.Wait()
}
