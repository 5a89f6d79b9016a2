package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"runtime/debug"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"planbot/bot"
	"planbot/planner"
)

// The largest request bodies planbot reads from Slack: 64 KiB, except for
// interactions, whose payload carries the whole message or Home tab a button
// was clicked on (a long week of Chinese items passes 64 KiB).
const (
	MaxBody            = 64 << 10
	MaxInteractionBody = 1 << 20
)

// Routes registers Slack's three endpoints on mux, each answering only
// requests signed with the verifier's secret, each request once.
func (a *SlackApp) Routes(mux *http.ServeMux, v Verifier) {
	seen := &replays{}
	mux.Handle("POST /slack/commands", a.signed("commands", MaxBody, v, seen, a.serveCommand))
	mux.Handle("POST /slack/interactions", a.signed("interactions", MaxInteractionBody, v, seen, a.serveInteraction))
	mux.Handle("POST /slack/events", a.signed("events", MaxBody, v, seen, a.serveEvent))
}

// signed reads at most limit bytes (413 beyond), checks Slack's signature
// over them (401 when it fails, with nothing done) and passes them on, unless
// seen has seen the same signed request within the replay window: a replay is
// answered 200 with nothing done.
func (a *SlackApp) signed(endpoint string, limit int64, v Verifier, seen *replays, next func(http.ResponseWriter, *http.Request, []byte)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			a.Metrics.requests.WithLabelValues(endpoint, "too_large").Inc()
			http.Error(w, "request body too large", http.StatusRequestEntityTooLarge)
			return
		case err != nil:
			a.Metrics.requests.WithLabelValues(endpoint, "unreadable").Inc()
			http.Error(w, "cannot read request", http.StatusBadRequest)
			return
		}
		sig, secs, err := v.verify(r.Header, body)
		if err != nil {
			a.Metrics.requests.WithLabelValues(endpoint, "unsigned").Inc()
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		if !seen.first(sig, secs, v.now()) {
			a.Metrics.requests.WithLabelValues(endpoint, "replayed").Inc()
			w.WriteHeader(http.StatusOK)
			return
		}
		a.Metrics.requests.WithLabelValues(endpoint, "ok").Inc()
		next(w, r, body)
	})
}

func (a *SlackApp) serveCommand(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "malformed form", http.StatusBadRequest)
		return
	}
	if form.Get("ssl_check") == "1" {
		w.WriteHeader(http.StatusOK)
		return
	}
	sc := slashCommandOf(form)
	if !identifiedCommand(sc) {
		http.Error(w, "slash command without team_id or user_id", http.StatusBadRequest)
		return
	}
	writeResponse(w, a.Command(r.Context(), sc))
}

// slashCommandOf reads a slash command's form fields.
func slashCommandOf(f url.Values) slack.SlashCommand {
	return slack.SlashCommand{
		TeamID: f.Get("team_id"), TeamDomain: f.Get("team_domain"), EnterpriseID: f.Get("enterprise_id"),
		ChannelID: f.Get("channel_id"), ChannelName: f.Get("channel_name"),
		UserID: f.Get("user_id"), UserName: f.Get("user_name"), Command: f.Get("command"), Text: f.Get("text"),
		ResponseURL: f.Get("response_url"), TriggerID: f.Get("trigger_id"), APIAppID: f.Get("api_app_id"),
	}
}

func (a *SlackApp) serveInteraction(w http.ResponseWriter, r *http.Request, body []byte) {
	form, err := url.ParseQuery(string(body))
	var cb slack.InteractionCallback
	if err == nil {
		err = json.Unmarshal([]byte(form.Get("payload")), &cb)
	}
	if err != nil {
		http.Error(w, "malformed payload", http.StatusBadRequest)
		return
	}
	if !knownInteraction(cb) {
		http.Error(w, "interaction of an unknown type, or without team or user", http.StatusBadRequest)
		return
	}
	if answer := a.Interaction(r.Context(), cb); answer != nil {
		writeJSON(w, answer)
		return
	}
	w.WriteHeader(http.StatusOK)
}

func (a *SlackApp) serveEvent(w http.ResponseWriter, _ *http.Request, body []byte) {
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		http.Error(w, "malformed event", http.StatusBadRequest)
		return
	}
	challenge, verifying := ev.Data.(*slackevents.EventsAPIURLVerificationEvent)
	switch {
	case ev.Type == slackevents.URLVerification && verifying:
		writeJSON(w, map[string]string{"challenge": challenge.Challenge})
		return
	case ev.Type == slackevents.AppRateLimited: // Slack's notice that it dropped events: nothing to do
	case ev.Type == slackevents.CallbackEvent && identifiedEvent(ev):
		a.Event(ev)
	default:
		http.Error(w, "event of an unknown type, or without team_id or user", http.StatusBadRequest)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Recover answers a request whose handler panicked with a friendly message in
// both languages (200, as Slack wants), and logs the panic, so that one bad
// request never takes the server down.
func Recover(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				log.Error("handler panicked", "path", r.URL.Path, "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
				failure := planner.Errorf(planner.Internal, planner.ReasonInternalFail, "")
				writeJSON(w, NewSlackResponse(bot.Reply{Lang: planner.English, Body: bot.Failure{Err: failure}}))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v) // the client is gone if this fails; nothing to do
}

// HealthHandler answers 200 while ping succeeds (serve's: the database is
// open, and its file is still the one opened, and writable), else 503.
func HealthHandler(ping func(context.Context) error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := ping(r.Context()); err != nil {
			http.Error(w, "unhealthy", http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ok\n")
	})
}
