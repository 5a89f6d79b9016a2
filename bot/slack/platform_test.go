package slack

import (
	"testing"

	"planbot/bot"
	"planbot/planner"
)

// /plan setup needs the Slack channel it was typed in: without one (or with
// what is no channel id) it is refused, with no work started after the answer.
func TestSetupChannelNeedsAChannel(t *testing.T) {
	for _, channel := range []string{"", "general", "C1 C2", "c0123abc"} {
		t.Run(channel, func(t *testing.T) {
			a := &SlackApp{}
			r := &request{app: a, responseURL: "http://127.0.0.1:1/unused"}
			work := bot.Work{Actor: planner.Actor{TeamID: "T1", UserID: "U9", Admin: true, ChannelID: channel}, Lang: planner.English}
			err := r.SetupChannel(t.Context(), work)
			if e := planner.ErrorOf(err); err == nil || e.Reason != planner.ReasonNoChannel {
				t.Errorf("SetupChannel in %q = %v, want %s", channel, err, planner.ReasonNoChannel)
			}
			a.Wait() // nothing was started: returns at once
		})
	}
}
