package slack

import (
	"context"
	"fmt"
	"log/slog"
	"planbot/bot/slack/slacktest"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"
)

// logRecords is a slog handler that hands each record to the test.
type logRecords chan slog.Record

func (l logRecords) Enabled(context.Context, slog.Level) bool { return true }
func (l logRecords) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l logRecords) WithGroup(string) slog.Handler            { return l }
func (l logRecords) Handle(_ context.Context, r slog.Record) error {
	select {
	case l <- r.Clone():
	default: // the test has seen what it waited for
	}
	return nil
}

// attrs returns a record's attributes as text, key=value.
func attrs(r slog.Record) string {
	var b strings.Builder
	r.Attrs(func(a slog.Attr) bool {
		fmt.Fprintf(&b, " %s=%v", a.Key, a.Value)
		return true
	})
	return b.String()
}

// While Slack will not open a Socket Mode connection (an error it may recover
// from), each failed attempt is logged at WARN with Slack's reason.
func TestSocketModeLogsConnectionErrorsWithCause(t *testing.T) {
	f := newFakeSlack(t)
	f.Set("apps.connections.open", slacktest.Behaviour{Error: "internal_error"})
	app := newTestApp(newHandler(t), f)
	records := make(logRecords, 64)
	app.Log = slog.New(records)
	ctx, cancel := context.WithCancel(t.Context())
	errc := make(chan error, 1)
	go func() { errc <- app.RunSocketMode(ctx, socketmode.New(app.API.(*slack.Client))) }()
	timeout := time.After(guard)
	var seen []string
	for found := false; !found; {
		select {
		case r := <-records:
			seen = append(seen, r.Level.String()+" "+r.Message+attrs(r))
			found = r.Level == slog.LevelWarn && strings.Contains(attrs(r), "err=internal_error") && strings.Contains(attrs(r), "retry_in=")
		case <-timeout:
			t.Fatalf("no WARN with the cause; logged:\n%s", strings.Join(seen, "\n"))
		}
	}
	cancel()
	select {
	case err := <-errc:
		if err != nil {
			t.Errorf("RunSocketMode = %v once its context ended, want nil", err)
		}
	case <-time.After(guard):
		t.Fatal("RunSocketMode did not return after its context ended")
	}
}
