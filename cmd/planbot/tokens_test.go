package main

import (
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"planbot/bot/slack/slacktest"
	"strings"
	"sync"
	"testing"
	"time"
)

// newTokenSlack is slacktest's fake Slack whose auth.test and
// apps.connections.open give their answers in turn (the last one again and
// again): authOK or openOK (answered as Slack would), "503" (that HTTP
// status: Slack not answering), or a refusal (refusedAs(code)).
func newTokenSlack(t *testing.T, auth, open []string) *slacktest.Server {
	f := slacktest.New(t)
	answers := map[string][]string{"auth.test": auth, "apps.connections.open": open}
	var mu sync.Mutex
	seen := map[string]int{}
	f.OnCall(func(c slacktest.Call) { // before the fake answers: sets how it answers this call
		mu.Lock()
		defer mu.Unlock()
		list := answers[c.Method]
		if len(list) == 0 {
			return
		}
		answer := list[min(seen[c.Method], len(list)-1)]
		seen[c.Method]++
		switch {
		case answer == "503":
			f.Set(c.Method, slacktest.Behaviour{Status: http.StatusServiceUnavailable})
		case strings.HasPrefix(answer, "refused:"):
			f.Set(c.Method, slacktest.Behaviour{Error: strings.TrimPrefix(answer, "refused:")})
		default:
			f.Set(c.Method, slacktest.Behaviour{})
		}
	})
	return f
}

// refusedAs is an answer of newTokenSlack: {"ok":false,"error":code}.
func refusedAs(code string) string { return "refused:" + code }

const (
	authOK      = "ok"             // team T1, the bot UBOT
	openOK      = "ok"             // the fake's own websocket
	tokenRetest = time.Millisecond // how often these tests' serve asks Slack again
)

// serveRun is "planbot serve" run in the test until it returns by itself or
// the test ends.
type serveRun struct {
	addr  chan string   // each address it listens on
	done  chan error    // what run returned
	logs  *syncBuffer   // its log
	wrote chan struct{} // a token after each write to logs
}

// notifying is a writer that tells of each write.
type notifying struct {
	io.Writer
	wrote chan struct{}
}

func (n notifying) Write(p []byte) (int, error) {
	defer func() {
		select {
		case n.wrote <- struct{}{}:
		default:
		}
	}()
	return n.Writer.Write(p)
}

func runServe(t *testing.T, env map[string]string) *serveRun {
	t.Helper()
	s := &serveRun{addr: make(chan string, 2), done: make(chan error, 1), logs: &syncBuffer{}, wrote: make(chan struct{}, 1)}
	base := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_ADDR": "127.0.0.1:0",
		"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": signingSecret}
	for k, v := range env {
		base[k] = v
	}
	e := &environment{getenv: getenvOf(base), now: time.Now, tokenRetest: tokenRetest,
		listening: func(addr string) { s.addr <- addr }}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		s.done <- e.run(ctx, []string{"serve"}, strings.NewReader(""), io.Discard, notifying{s.logs, s.wrote})
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-s.done:
		case <-time.After(waitLimit + shutdownGrace):
			t.Error("serve did not stop")
		}
		if t.Failed() {
			t.Logf("serve's log:\n%s", s.logs)
		}
	})
	return s
}

// result waits for serve to return by itself.
func (s *serveRun) result(t *testing.T) error {
	t.Helper()
	select {
	case err := <-s.done:
		s.done <- err // for the cleanup
		return err
	case <-time.After(waitLimit):
		t.Fatalf("serve still runs; log:\n%s", s.logs)
	}
	return nil
}

// A token Slack refuses stops serve at start-up, before it listens, with one
// line saying which token and why: exit 2.
func TestServeRefusesATokenSlackRefuses(t *testing.T) {
	tests := []struct {
		name       string
		auth, open string
		socketMode bool
		want       string
	}{
		{"bot token invalid", refusedAs("invalid_auth"), "", false, "SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth)"},
		{"bot token not authed", refusedAs("not_authed"), "", false, "SLACK_BOT_TOKEN: Slack refused the bot token (not_authed)"},
		{"bot token of a deleted account", refusedAs("account_inactive"), "", false, "SLACK_BOT_TOKEN: Slack refused the bot token (account_inactive)"},
		{"bot token revoked", refusedAs("token_revoked"), "", false, "SLACK_BOT_TOKEN: Slack refused the bot token (token_revoked)"},
		{"bot token refused in Socket Mode", refusedAs("invalid_auth"), openOK, true, "SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth)"},
		{"app token invalid", authOK, refusedAs("invalid_auth"), true, "SLACK_APP_TOKEN: Slack refused the app-level token (invalid_auth)"},
		{"app token revoked", authOK, refusedAs("token_revoked"), true, "SLACK_APP_TOKEN: Slack refused the app-level token (token_revoked)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			slack := newTokenSlack(t, []string{tc.auth}, []string{tc.open})
			env := map[string]string{"SLACK_API_URL": slack.URL + "/api/"}
			if tc.socketMode {
				env["SLACK_APP_TOKEN"] = "xapp-test"
			}
			s := runServe(t, env)
			err := s.result(t)
			if !isUsage(err) || !strings.HasPrefix(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("serve returned %v, want one line starting %q, exit 2", err, tc.want)
			}
			select {
			case addr := <-s.addr:
				t.Errorf("serve listened on %s with a refused token", addr)
			default:
			}
			if strings.Contains(err.Error()+s.logs.String(), "xoxb-test") || strings.Contains(err.Error()+s.logs.String(), "xapp-test") {
				t.Errorf("a token was printed: %v\n%s", err, s.logs)
			}
		})
	}
	t.Run("the binary exits 2", func(t *testing.T) {
		slack := newTokenSlack(t, []string{refusedAs("invalid_auth")}, nil)
		env := procEnv(filepath.Join(t.TempDir(), "planbot.db"), slack.URL)
		code, _, stderr := runBinary(t, env, "serve")
		lines := strings.Split(strings.TrimSpace(stderr), "\n") // the log, then the error
		if code != 2 || !strings.HasPrefix(lines[len(lines)-1], "planbot: SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth)") {
			t.Errorf("exit %d, stderr %q; want 2 and the refusal", code, stderr)
		}
	})
}

// When Slack cannot be asked at start-up, serve warns and starts anyway, then
// asks again in the background: a token accepted then keeps it running, a
// token refused then stops it as at start-up.
func TestServeStartsWhenSlackCannotCheckTheTokens(t *testing.T) {
	invalid := refusedAs("invalid_auth")
	t.Run("unreachable", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		closed := "http://" + ln.Addr().String() + "/api/"
		ln.Close() // nothing listens there: connection refused
		s := runServe(t, map[string]string{"SLACK_API_URL": closed})
		var addr string
		select {
		case addr = <-s.addr:
		case err := <-s.done:
			t.Fatalf("serve returned %v, want it to start", err)
		case <-time.After(waitLimit):
			t.Fatal("serve is not listening")
		}
		resp, err := http.Get("http://" + addr + "/healthz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("/healthz %d, want 200", resp.StatusCode)
		}
		if logs := s.logs.String(); !strings.Contains(logs, `"level":"WARN","msg":"cannot check the Slack tokens`) || !strings.Contains(logs, "connection refused") {
			t.Errorf("no warning with the cause:\n%s", logs)
		}
	})
	t.Run("refused later", func(t *testing.T) {
		slack := newTokenSlack(t, []string{"503", "503", invalid}, nil)
		s := runServe(t, map[string]string{"SLACK_API_URL": slack.URL + "/api/"})
		err := s.result(t)
		if !isUsage(err) || !strings.HasPrefix(err.Error(), "SLACK_BOT_TOKEN: Slack refused the bot token (invalid_auth)") {
			t.Errorf("serve returned %v, want the refusal", err)
		}
		if n := slack.Count("auth.test"); n != 3 {
			t.Errorf("auth.test asked %d times, want 3", n)
		}
		select {
		case <-s.addr:
		default:
			t.Error("serve did not start while Slack could not be asked")
		}
	})
	t.Run("accepted later", func(t *testing.T) {
		slack := newTokenSlack(t, []string{"503", authOK}, nil)
		s := runServe(t, map[string]string{"SLACK_API_URL": slack.URL + "/api/"})
		timeout := time.After(waitLimit)
		for !strings.Contains(s.logs.String(), "Slack accepted the tokens") {
			select {
			case err := <-s.done:
				t.Fatalf("serve returned %v", err)
			case <-timeout:
				t.Fatalf("no word that Slack accepted the tokens:\n%s", s.logs)
			case <-s.wrote:
			}
		}
		// The check asked once more, and asks no more.
		if n := slack.Count("auth.test"); n != 2 {
			t.Errorf("auth.test asked %d times, want 2", n)
		}
	})
}
