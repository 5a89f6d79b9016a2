package main

import (
	"io"
	"net/http"
	"strings"
	"testing"
	"time"
)

// The bot token and the signing secret never appear in serve's logs, in its
// answers or in its metrics, through an end-to-end run that exercises the
// success paths and the failing ones (refused signatures, Slack errors).
func TestSecretsStayOutOfLogsAndMetrics(t *testing.T) {
	const token = "xoxb-1234567890-SECRET-bot-token"
	s := startServeEnv(t, "", map[string]string{"SLACK_BOT_TOKEN": token})
	var answers []string
	for _, text := range []string{
		"tue visit 4 enterprises", "周八 拜访", "done 1 2 of 4 interested", "week", "team", "digest",
		"new", "setup", "setup tz Mars/Olympus", "digest post", "history 1", "done 99999999999999999999",
	} {
		a := s.command(t, s.slash("U1", text))
		answers = append(answers, a.Text)
	}
	// An admin's setup in a channel Slack refuses, and a user Slack does not know.
	answers = append(answers, s.command(t, s.slash("UADMIN", "setup", "channel_id", "CNOACCESS")).Text)
	answers = append(answers, s.command(t, s.slash("UNKNOWN", "tue visit 2 companies")).Text)
	s.Slack.waitFor(t, "the refused setup's report", isCall("response/cmd"))
	// Requests that fail the signature check.
	body := []byte(s.slash("U1", "tue x").Encode())
	for _, h := range []http.Header{signedHeader("wrong-secret", time.Now(), body), signedHeader(signingSecret, time.Now().Add(-time.Hour), body)} {
		if code, _ := s.send(t, http.MethodPost, "/slack/commands", body, h); code != http.StatusUnauthorized {
			t.Fatalf("unsigned request: status %d", code)
		}
	}
	resp, err := http.Get(s.URL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	metrics, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	s.stop(t)

	logs := s.logs.String()
	if !strings.Contains(logs, "listening") || !strings.Contains(string(metrics), "planbot_requests_total") {
		t.Fatalf("nothing captured: logs %d bytes, metrics %d bytes", len(logs), len(metrics))
	}
	for name, text := range map[string]string{"logs": logs, "metrics": string(metrics), "answers": strings.Join(answers, "\n")} {
		for _, secret := range []string{token, "SECRET-bot-token", signingSecret} {
			if strings.Contains(text, secret) {
				t.Errorf("the %s contain the secret %q", name, secret)
			}
		}
	}
}
