package slack

import (
	"time"

	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// redeliveryWindow is how long an envelope handled over Socket Mode is
// remembered. Slack sends an envelope whose acknowledgement it did not get
// in time again at once, then about one and five minutes later.
const redeliveryWindow = 10 * time.Minute

// maxDeliveries is the most keys deliveries keeps; beyond, the oldest are
// forgotten early, so memory stays bounded whatever the load.
const maxDeliveries = 1 << 14

// deliveries remembers the envelopes handled over Socket Mode within
// redeliveryWindow, so that one Slack sends again (retry_attempt > 0, after an
// acknowledgement it missed) is acknowledged again but not handled twice. An
// envelope is known by its envelope_id and, for an event, by its event_id too,
// which stays the same when Slack wraps a retried event in a new envelope.
// It is used by one goroutine, the one reading the envelopes in order.
type deliveries struct {
	seen  map[string]time.Time // a key → when its envelope arrived
	order []string             // the keys in seen, oldest first from head on
	head  int
}

// deliveryKeys are the keys an envelope is known by: "envelope:<id>", and
// for an event "event:<event_id>"; none for a frame without an envelope_id.
func deliveryKeys(evt socketmode.Event) []string {
	if evt.Request == nil || evt.Request.EnvelopeID == "" {
		return nil
	}
	keys := []string{"envelope:" + evt.Request.EnvelopeID}
	if ev, ok := evt.Data.(slackevents.EventsAPIEvent); ok {
		if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok && cb.EventID != "" {
			keys = append(keys, "event:"+cb.EventID)
		}
	}
	return keys
}

// first records keys, arrived at now, and reports whether none of them was
// seen within the window: whether their envelope is to be handled.
func (d *deliveries) first(now time.Time, keys []string) bool {
	if d.seen == nil {
		d.seen = map[string]time.Time{}
	}
	oldest := now.Add(-redeliveryWindow)
	for d.head < len(d.order) && (d.seen[d.order[d.head]].Before(oldest) || len(d.seen)+len(keys) > maxDeliveries) {
		delete(d.seen, d.order[d.head])
		d.head++
	}
	if d.head >= 1024 && 2*d.head >= len(d.order) {
		d.order = append(d.order[:0], d.order[d.head:]...)
		d.head = 0
	}
	fresh := true
	for _, key := range keys {
		if _, ok := d.seen[key]; ok {
			fresh = false
			continue
		}
		d.seen[key] = now
		d.order = append(d.order, key)
	}
	return fresh
}
