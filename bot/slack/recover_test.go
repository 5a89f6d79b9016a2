package slack

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A handler that panics is answered 200 with a friendly message and logged.
func TestRecover(t *testing.T) {
	var logs bytes.Buffer
	h := Recover(slog.New(slog.NewTextHandler(&logs, nil)), http.HandlerFunc(func(http.ResponseWriter, *http.Request) {
		panic("boom")
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/slack/commands", "application/x-www-form-urlencoded", strings.NewReader("text=x"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var answer SlackResponse
	if err := json.NewDecoder(resp.Body).Decode(&answer); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d, %v", resp.StatusCode, err)
	}
	if !strings.Contains(answer.Text, "Something went wrong on my side") || !strings.Contains(answer.Text, "出了点问题") {
		t.Errorf("answer %q", answer.Text)
	}
	if !strings.Contains(logs.String(), "handler panicked") || !strings.Contains(logs.String(), "boom") {
		t.Errorf("log %q", logs.String())
	}
}
