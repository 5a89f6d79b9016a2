package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	slackbot "planbot/bot/slack"
)

// attack turns a request Slack would send into one Slack did not sign (or not now).
type attack struct {
	name string
	want int
	make func(body []byte) ([]byte, http.Header)
}

var attacks = []attack{
	{"forged signature", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		h := signedHeader(signingSecret, time.Now(), body)
		h.Set("X-Slack-Signature", "v0="+strings.Repeat("0", 64))
		return body, h
	}},
	{"wrong secret", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		return body, signedHeader("not-the-signing-secret", time.Now(), body)
	}},
	{"stale timestamp", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		return body, signedHeader(signingSecret, time.Now().Add(-6*time.Minute), body)
	}},
	{"future timestamp", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		return body, signedHeader(signingSecret, time.Now().Add(6*time.Minute), body)
	}},
	{"no headers", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) { return body, nil }},
	{"no timestamp", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		h := signedHeader(signingSecret, time.Now(), body)
		h.Del("X-Slack-Request-Timestamp")
		return body, h
	}},
	{"no signature", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		h := signedHeader(signingSecret, time.Now(), body)
		h.Del("X-Slack-Signature")
		return body, h
	}},
	{"tampered body", http.StatusUnauthorized, func(body []byte) ([]byte, http.Header) {
		return bytes.Replace(body, []byte("U1"), []byte("U2"), 1), signedHeader(signingSecret, time.Now(), body)
	}},
	// Over every endpoint's cap (64 KiB; 1 MiB for interactions, which carry the clicked message).
	{"body over the cap", http.StatusRequestEntityTooLarge, func(body []byte) ([]byte, http.Header) {
		big := append(bytes.Clone(body), bytes.Repeat([]byte(" "), slackbot.MaxInteractionBody)...)
		return big, signedHeader(signingSecret, time.Now(), big)
	}},
}

// The routes besides the endpoints' own tables (TestServeCommandsEndpoint,
// TestServeInteractionsEndpoint, TestServeEventsEndpoint, where requests
// Slack did not sign, or not now, are refused): ssl_check, /healthz,
// /metrics without user data, and no GET of anything else.
func TestServeRejectsUnsignedRequests(t *testing.T) {
	s := startServe(t, "")
	s.command(t, s.slash("U1", "tue visit 4 enterprises"))
	s.Slack.waitFor(t, "users.info for U1", isCall("users.info", "user", "U1"))

	t.Run("ssl_check", func(t *testing.T) {
		if code, body := s.signed(t, "/slack/commands", []byte("ssl_check=1&token=x")); code != http.StatusOK || len(body) != 0 {
			t.Errorf("status %d, body %q; want 200 and nothing", code, body)
		}
	})
	t.Run("healthz", func(t *testing.T) {
		if code, body := s.send(t, http.MethodGet, "/healthz", nil, nil); code != http.StatusOK || strings.TrimSpace(string(body)) != "ok" {
			t.Errorf("status %d: %q", code, body)
		}
	})
	t.Run("metrics", func(t *testing.T) {
		code, body := s.send(t, http.MethodGet, "/metrics", nil, nil)
		text := string(body)
		if code != http.StatusOK {
			t.Fatalf("status %d", code)
		}
		for _, want := range []string{
			"planbot_requests_total", "planbot_commands_total", "planbot_slack_api_calls_total",
			`planbot_slack_api_calls_total{method="users.info"} 1`,
		} {
			if !strings.Contains(text, want) {
				t.Errorf("metrics lack %q", want)
			}
		}
		for _, private := range []string{"enterprises", "Ann Lee", "acme"} {
			if strings.Contains(text, private) {
				t.Errorf("metrics show user data %q", private)
			}
		}
	})
	t.Run("unknown routes", func(t *testing.T) {
		for _, path := range []string{"/slack/commands", "/slack/nothing", "/"} {
			if code, _ := s.send(t, http.MethodGet, path, nil, nil); code == http.StatusOK {
				t.Errorf("GET %s answered 200", path)
			}
		}
	})

}

func TestServeExplainsAFailedCommand(t *testing.T) {
	s := startServe(t, "")
	a := s.command(t, s.slash("U1", "周八 拜访"))
	for _, want := range []string{"“周八”不是星期几", `"周八" is not a day of the week`} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("reply lacks %q:\n%s", want, a.Text)
		}
	}
	if rows := exportRows(t, s.env, "2025-W47"); len(rows) != 0 {
		t.Errorf("a failed command stored %q", rows)
	}
}

func TestServeClosesWhatItOpenedWhenAPortIsTaken(t *testing.T) {
	taken, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer taken.Close()
	env := map[string]string{
		"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_ADDR": "127.0.0.1:0",
		"PLANBOT_METRICS_ADDR": taken.Addr().String(), "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": signingSecret,
		"SLACK_API_URL": okSlack(t).URL + "/api/",
	}
	var opened []string
	e := &environment{getenv: getenvOf(env), now: time.Now, listening: func(addr string) { opened = append(opened, addr) }}
	var stderr bytes.Buffer
	err = e.run(context.Background(), []string{"serve"}, strings.NewReader(""), io.Discard, &stderr)
	if !isUsage(err) || !strings.Contains(err.Error(), "cannot listen on "+taken.Addr().String()) {
		t.Fatalf("got %v, want a usage error about the taken port", err)
	}
	if len(opened) != 1 {
		t.Fatalf("listened on %v before failing, want the main address only", opened)
	}
	if conn, err := net.Dial("tcp", opened[0]); err == nil {
		conn.Close()
		t.Errorf("still serving on %s after serve returned", opened[0])
	}
}
