package slack

import (
	"context"
	"errors"
	"regexp"

	"planbot/bot"
	"planbot/planner"
)

// Poster posts a week's retrospective now and stops when told: the weekly
// jobs' scheduler, which cmd connects here.
type Poster interface {
	// PostNow posts week's retrospective of team teamID to its channel now.
	PostNow(ctx context.Context, teamID string, week planner.Week, force bool) (planner.Team, error)
	// Abandon cuts what a stop lets finish (a retrospective's thread).
	Abandon()
}

// channelID is the shape of a Slack channel id.
var channelID = regexp.MustCompile(`^[A-Z0-9]{2,32}$`)

// request is the bot.Platform of one slash command: what the command asks
// beyond its answer runs after the answer, and the member hears how it ended
// at the command's response_url.
type request struct {
	app         *SlackApp
	responseURL string
	triggerID   string
}

// SetupChannel checks that planbot can post in the channel, then makes it the
// team's digest channel and imports its members.
func (r *request) SetupChannel(_ context.Context, w bot.Work) error {
	if !channelID.MatchString(w.Actor.ChannelID) {
		return planner.Errorf(planner.Invalid, planner.ReasonNoChannel, "")
	}
	r.app.after("setup", setupTimeout, func(ctx context.Context) error {
		return r.app.setupChannel(ctx, w.Actor, w.Actor.ChannelID, r.responseURL, w.Lang)
	})
	return nil
}

// OpenForm opens the new-item form with the command's trigger_id.
func (r *request) OpenForm(_ context.Context, w bot.Work) error {
	r.app.after("form", formTimeout, func(ctx context.Context) error {
		if err := r.app.openForm(ctx, w.Actor, r.triggerID, w.Lang); err != nil {
			return errors.Join(err, r.app.tell(r.responseURL, w.Lang, bot.Notice{Text: bot.Say(w.Lang, bot.MsgFormFailed, uploadErrorCode(err))}))
		}
		return nil
	})
	return nil
}

// PostRetro posts the retrospective through the Poster.
func (r *request) PostRetro(_ context.Context, w bot.Work, week planner.Week, force bool) error {
	r.app.after("post", afterAckTimeout, func(ctx context.Context) error {
		return r.app.postDigest(ctx, w.Actor, week, force, r.responseURL, w.Lang)
	})
	return nil
}

// SendReport makes the Excel report and uploads it to the member's direct messages.
func (r *request) SendReport(_ context.Context, w bot.Work, week planner.Week) error {
	r.app.after("export", uploadTimeout, func(ctx context.Context) error {
		return r.app.uploadReport(ctx, w.Actor, week, r.responseURL, w.Lang)
	})
	return nil
}
