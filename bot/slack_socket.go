package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// maxAck is the size at which Slack drops a Socket Mode acknowledgement.
const maxAck = 20 << 10

// RunSocketMode serves Slack over Socket Mode until ctx ends: the same
// commands, clicks and events as the HTTP endpoints, with nothing listening
// publicly. slack-go's client reconnects by itself when the socket drops.
func (a *SlackApp) RunSocketMode(ctx context.Context, client *socketmode.Client) error {
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			select {
			case <-ctx.Done():
				return
			case evt, ok := <-client.Events:
				if !ok {
					return
				}
				a.socketEvent(ctx, client, evt)
			}
		}
	}()
	err := client.RunContext(ctx)
	stop() // the client gives up for good on a refused token: stop reading its events too
	<-done
	if err == nil || errors.Is(err, context.Canceled) {
		return nil
	}
	return fmt.Errorf("socket mode: %w", err)
}

// socketEvent acknowledges one envelope, carrying the answer when there is one.
// A panic is logged and the envelope acknowledged, so the connection lives on.
func (a *SlackApp) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	defer func() {
		if p := recover(); p != nil {
			a.Log.Error("socket mode handler panicked", "type", string(evt.Type), "panic", fmt.Sprint(p))
			a.ack(client, evt, nil, "")
		}
	}()
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		sc, ok := evt.Data.(slack.SlashCommand)
		if !ok {
			return
		}
		a.Metrics.requests.WithLabelValues("socket_commands", "ok").Inc()
		a.ack(client, evt, a.Command(ctx, sc), sc.ResponseURL)
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if !ok {
			return
		}
		a.Metrics.requests.WithLabelValues("socket_interactions", "ok").Inc()
		a.ack(client, evt, a.Interaction(ctx, cb), "")
	case socketmode.EventTypeEventsAPI:
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		a.Metrics.requests.WithLabelValues("socket_events", "ok").Inc()
		a.ack(client, evt, nil, "")
		a.Event(ev)
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

// ack acknowledges evt with payload; a payload too large for an acknowledgement
// goes to responseURL instead.
func (a *SlackApp) ack(client *socketmode.Client, evt socketmode.Event, payload any, responseURL string) {
	if evt.Request == nil {
		return
	}
	if resp, ok := payload.(SlackResponse); ok && responseURL != "" {
		if body, err := json.Marshal(resp); err == nil && len(body) >= maxAck-1024 {
			a.after("large reply", afterAckTimeout, func(ctx context.Context) error { return a.respond(ctx, responseURL, resp, false) })
			payload = nil
		}
	}
	var err error
	if payload == nil {
		err = client.Ack(*evt.Request)
	} else {
		err = client.Ack(*evt.Request, payload)
	}
	if err != nil {
		a.Log.Warn("socket mode ack failed", "type", string(evt.Type), "err", err)
	}
}
