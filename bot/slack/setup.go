package slack

import (
	"cmp"
	"context"
	"errors"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// maxImport bounds how many channel members one /plan setup imports.
const maxImport = 1000

// listPace is the pause between two users.list pages: the method is in
// Slack's tier 2, about 20 calls a minute.
const listPace = 3 * time.Second

// maxRateLimited is how many 429 answers in a row one call of the import
// waits out (each for its Retry-After) before the import stops.
const maxRateLimited = 5

// setupChannel makes channel the team's digest channel once a test post there
// succeeds, imports the channel's people as members, and reports through the
// command's response_url — also when Slack is slow or the work is cancelled.
func (a *SlackApp) setupChannel(ctx context.Context, actor planner.Actor, channel, responseURL string, lang planner.Lang) error {
	tell := func(body bot.Body) error { return a.tell(responseURL, lang, body) }
	notice := func(m bot.Msg, args ...any) bot.Body { return bot.Notice{Text: bot.Say(lang, m, args...)} }
	internal := bot.Failure{Err: planner.Errorf(planner.Internal, planner.ReasonInternalFail, "")}
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return errors.Join(err, tell(internal))
	}
	if _, _, err := a.API.PostMessageContext(ctx, channel, slack.MsgOptionText(bot.Say(t.Service.Lang, bot.MsgSetupHello), false)); err != nil {
		var refused slack.SlackErrorResponse
		if errors.As(err, &refused) { // not_in_channel, channel_not_found…
			a.Log.Info("cannot post in the digest channel", "channel", channel, "err", err)
			return tell(notice(bot.MsgSetupInvite, channel))
		}
		return errors.Join(err, tell(notice(bot.MsgSetupSlow, channel, uploadErrorCode(err))))
	}
	if _, err := t.Service.SetDigestChannel(ctx, t.Actor, channel); err != nil {
		return errors.Join(err, tell(internal))
	}
	var n int
	// A channel set up on Monday does not get last week's retrospective.
	if err = t.Service.SkipPastRetro(ctx, t.Actor.TeamID); err == nil {
		n, err = a.importMembers(ctx, t, channel)
	}
	if err != nil {
		// The channel is set; say how far the import got rather than leave "Setting up…" hanging.
		a.Log.Warn("member import stopped", "channel", channel, "imported", n, "err", err)
		return errors.Join(err, tell(notice(bot.MsgSetupPartial, channel, n)))
	}
	return tell(notice(bot.MsgSetupReady, channel, n))
}

// importMembers adds the channel's people (not bots) to the team, with their
// Slack names, zones and admin flags, so that reminders and the silent list
// include people who never typed /plan. It reads the channel's member ids
// with conversations.members, then the workspace's profiles a users.list page
// of 200 at a time, paced to the method's rate tier: a few calls for a
// channel of a thousand, instead of a users.info call per person.
func (a *SlackApp) importMembers(ctx context.Context, t *bot.Turn, channel string) (int, error) {
	wanted, err := a.channelMembers(ctx, channel)
	if err != nil {
		return 0, err
	}
	imported := 0
	page := a.API.GetUsersPaginated(slack.GetUsersOptionLimit(200), slack.GetUsersOptionIncludeLocale(false))
	for len(wanted) > 0 {
		page, err = patiently(ctx, func() (slack.UserPagination, error) { return page.Next(ctx) })
		if page.Done(err) {
			return imported, nil
		}
		if err != nil {
			return imported, err
		}
		for _, u := range page.Users {
			if !wanted[u.ID] {
				continue
			}
			delete(wanted, u.ID)
			if u.IsBot || u.Deleted || u.ID == "USLACKBOT" {
				continue
			}
			m, err := a.Handler.Service.EnsureMember(ctx, t.Team, u.ID)
			if err != nil {
				return imported, err
			}
			if err := a.Handler.Service.SaveProfile(ctx, profileOf(m, &u, a.Now())); err != nil {
				return imported, err
			}
			imported++
		}
		if page.Cursor == "" {
			return imported, nil
		}
		if !pause(ctx, cmp.Or(a.importPace, listPace)) {
			return imported, ctx.Err()
		}
	}
	return imported, nil
}

// channelMembers returns the ids of the channel's first maxImport members.
func (a *SlackApp) channelMembers(ctx context.Context, channel string) (map[string]bool, error) {
	type page struct {
		ids    []string
		cursor string
	}
	params := &slack.GetUsersInConversationParameters{ChannelID: channel, Limit: 200}
	ids := map[string]bool{}
	for {
		p, err := patiently(ctx, func() (page, error) {
			ids, cursor, err := a.API.GetUsersInConversationContext(ctx, params)
			return page{ids, cursor}, err
		})
		if err != nil {
			return ids, err
		}
		for _, id := range p.ids {
			if len(ids) == maxImport {
				return ids, nil
			}
			ids[id] = true
		}
		if p.cursor == "" {
			return ids, nil
		}
		params.Cursor = p.cursor
	}
}

// patiently calls f again while Slack answers that it is rate-limited,
// after waiting the Retry-After it asks for, at most maxRateLimited times
// and never past ctx's end.
func patiently[T any](ctx context.Context, f func() (T, error)) (T, error) {
	for tries := 1; ; tries++ {
		v, err := f()
		var limited *slack.RateLimitedError
		if !errors.As(err, &limited) || tries == maxRateLimited {
			return v, err
		}
		if !pause(ctx, limited.RetryAfter) {
			return v, errors.Join(err, ctx.Err())
		}
	}
}

// pause waits d, and reports false if ctx ends first.
func pause(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false
	case <-t.C:
		return true
	}
}
