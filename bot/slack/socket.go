package slack

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// maxAck is the size at which Slack drops a Socket Mode acknowledgement.
const maxAck = 20 << 10

// maxSocketHandlers bounds the envelopes handled at once over Socket Mode.
// Each has a goroutine of its own, so that an admin check waiting on Slack
// (adminCheckTimeout) holds up no other answer; past this many, the next
// envelope waits for one to finish.
const maxSocketHandlers = 32

// RunSocketMode serves Slack over Socket Mode until ctx ends: the same
// commands, clicks and events as the HTTP endpoints, with nothing listening
// publicly. slack-go's client reconnects by itself when the socket drops.
// It returns once every envelope it began handling is handled.
func (a *SlackApp) RunSocketMode(ctx context.Context, client *socketmode.Client) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan struct{})
	go func() {
		defer close(done)
		a.serveEnvelopes(ctx, client)
	}()
	err := client.RunContext(ctx)
	stop() // the client gives up for good on a refused token: stop reading its events too
	<-done
	if err == nil || errors.Is(err, context.Canceled) {
		return nil
	}
	return fmt.Errorf("socket mode: %w", err)
}

// serveEnvelopes reads the client's events until ctx ends or the client
// stops, and handles each envelope in a goroutine of its own, at most
// maxSocketHandlers at once, each acknowledged as soon as its answer is
// ready; an envelope Slack sends again is acknowledged, not handled twice.
// It returns once all it began are handled.
func (a *SlackApp) serveEnvelopes(ctx context.Context, client *socketmode.Client) {
	var handling sync.WaitGroup
	defer handling.Wait()
	slots := make(chan struct{}, maxSocketHandlers)
	now := a.Now
	if now == nil {
		now = time.Now
	}
	var seen deliveries
	for {
		var evt socketmode.Event
		select {
		case <-ctx.Done():
			return
		case e, ok := <-client.Events:
			if !ok {
				return
			}
			evt = e
		}
		keys := deliveryKeys(evt)
		if keys == nil {
			a.socketState(evt)
			continue
		}
		first := seen.first(now(), keys) // in the order Slack sent them
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return
		}
		handling.Go(func() {
			defer func() { <-slots }()
			if !first {
				a.socketRedelivered(ctx, client, evt)
				return
			}
			a.socketEvent(ctx, client, evt)
		})
	}
}

// socketState logs the state of the connection a frame without an envelope tells.
func (a *SlackApp) socketState(evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnectionError:
		// slack-go tries again after the backoff; say why each attempt failed.
		attrs := []any{"state", string(evt.Type)}
		if ce, ok := evt.Data.(*slack.ConnectionErrorEvent); ok {
			attrs = append(attrs, "attempt", ce.Attempt, "retry_in", ce.Backoff.Round(time.Millisecond).String(), "err", ce.ErrorObj)
		}
		a.Log.Warn("socket mode: cannot connect to Slack", attrs...)
	case socketmode.EventTypeConnected, socketmode.EventTypeConnecting:
		a.Log.Info("socket mode", "state", string(evt.Type))
	}
}

// socketRedelivered acknowledges, with nothing done, an envelope already
// handled: Slack sent it again when it missed the first acknowledgement.
func (a *SlackApp) socketRedelivered(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	a.Metrics.requests.WithLabelValues(socketEndpoint(evt), "replayed").Inc()
	a.Log.Info("socket mode: an envelope sent again was already handled; acknowledged with nothing done",
		"type", string(evt.Type), "envelope_id", evt.Request.EnvelopeID, "retry_attempt", evt.Request.RetryAttempt, "retry_reason", evt.Request.RetryReason)
	a.ack(ctx, client, evt, nil, "")
}

// socketEndpoint names an envelope's kind in the request metrics.
func socketEndpoint(evt socketmode.Event) string {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		return "socket_commands"
	case socketmode.EventTypeInteractive:
		return "socket_interactions"
	case socketmode.EventTypeEventsAPI:
		return "socket_events"
	}
	return "socket_other"
}

// socketEvent acknowledges one envelope, carrying the answer when there is
// one. An envelope that does not say which team and member it comes from (the
// checks of the HTTP endpoints) is acknowledged with nothing done. A panic is
// logged and the envelope acknowledged, so the connection lives on.
func (a *SlackApp) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	defer func() {
		if p := recover(); p != nil {
			a.Log.Error("socket mode handler panicked", "type", string(evt.Type), "panic", fmt.Sprint(p))
			a.ack(ctx, client, evt, nil, "")
		}
	}()
	if evt.Request.RetryAttempt > 0 {
		a.Log.Info("socket mode: handling an envelope Slack sent again, not seen before",
			"type", string(evt.Type), "envelope_id", evt.Request.EnvelopeID, "retry_attempt", evt.Request.RetryAttempt, "retry_reason", evt.Request.RetryReason)
	}
	endpoint := socketEndpoint(evt)
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		sc, ok := evt.Data.(slack.SlashCommand)
		if !ok || !identifiedCommand(sc) {
			a.socketRefuse(ctx, client, evt, "slash command without team_id or user_id")
			return
		}
		a.Metrics.requests.WithLabelValues(endpoint, "ok").Inc()
		a.ack(ctx, client, evt, a.Command(ctx, sc), sc.ResponseURL)
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok || !knownInteraction(cb) {
			a.socketRefuse(ctx, client, evt, "interaction of an unknown type, or without team or user")
			return
		}
		a.Metrics.requests.WithLabelValues(endpoint, "ok").Inc()
		a.ack(ctx, client, evt, a.Interaction(ctx, cb), "")
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		switch {
		case ok && ev.Type == slackevents.AppRateLimited: // Slack's notice that it dropped events: nothing to do
			a.Metrics.requests.WithLabelValues(endpoint, "ok").Inc()
			a.ack(ctx, client, evt, nil, "")
		case ok && ev.Type == slackevents.CallbackEvent && identifiedEvent(ev):
			a.Metrics.requests.WithLabelValues(endpoint, "ok").Inc()
			a.ack(ctx, client, evt, nil, "")
			a.Event(ev)
		default:
			a.socketRefuse(ctx, client, evt, "event of an unknown type, or without team_id or user")
		}
	default:
		a.ack(ctx, client, evt, nil, "")
	}
}

// socketRefuse acknowledges an envelope planbot will not act on, with nothing
// done, and says why at WARN: Slack stops sending it, and nothing is stored.
func (a *SlackApp) socketRefuse(ctx context.Context, client *socketmode.Client, evt socketmode.Event, why string) {
	a.Metrics.requests.WithLabelValues(socketEndpoint(evt), "refused").Inc()
	a.Log.Warn("socket mode: envelope refused; acknowledged with nothing done", "type", string(evt.Type), "envelope_id", evt.Request.EnvelopeID, "why", why)
	a.ack(ctx, client, evt, nil, "")
}

// ack acknowledges evt with payload; a payload too large for an acknowledgement
// goes to responseURL instead. It gives up when ctx ends: the socket is closing.
func (a *SlackApp) ack(ctx context.Context, client *socketmode.Client, evt socketmode.Event, payload any, responseURL string) {
	if evt.Request == nil {
		return
	}
	if resp, ok := payload.(SlackResponse); ok && responseURL != "" {
		if body, err := json.Marshal(resp); err == nil && len(body) >= maxAck-1024 {
			a.after("large reply", afterAckTimeout, func(ctx context.Context) error { return a.respond(ctx, responseURL, resp, false) })
			payload = nil
		}
	}
	if err := client.AckCtx(ctx, evt.Request.EnvelopeID, payload); err != nil {
		a.Log.Warn("socket mode ack failed", "type", string(evt.Type), "err", err)
	}
}
