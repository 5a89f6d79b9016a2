package bot

import (
	"context"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// maxImport bounds how many channel members one /plan setup imports.
const maxImport = 1000

// setupChannel makes channel the team's digest channel once a test post there
// succeeds, imports the channel's people as members, and reports through the
// command's response_url.
func (a *SlackApp) setupChannel(ctx context.Context, actor planner.Actor, channel, responseURL string, lang planner.Lang) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	tell := func(m msg, args ...any) error {
		r := Reply{Lang: lang, Body: Notice{Text: say(lang, m, args...)}}
		return a.respond(ctx, responseURL, NewSlackResponse(r), false)
	}
	if _, _, err := a.API.PostMessageContext(ctx, channel, slack.MsgOptionText(say(t.Service.Lang, msgSetupHello), false)); err != nil {
		a.Log.Info("cannot post in the digest channel", "channel", channel, "err", err)
		return tell(msgSetupInvite, channel)
	}
	if _, err := t.Service.SetDigestChannel(ctx, t.Actor, channel); err != nil {
		return err
	}
	if a.Poster != nil {
		if err := a.Poster.SkipPast(ctx, t.Actor.TeamID); err != nil {
			return err
		}
	}
	n, err := a.importMembers(ctx, t, channel)
	if err != nil {
		// The channel is set; say how far the import got rather than leave "Setting up…" hanging.
		a.Log.Warn("member import stopped", "channel", channel, "imported", n, "err", err)
		return tell(msgSetupPartial, channel, n)
	}
	return tell(msgSetupReady, channel, n)
}

// importMembers adds the channel's people (not bots) to the team, with their
// Slack names, zones and admin flags, so that reminders and the silent list
// include people who never typed /plan.
func (a *SlackApp) importMembers(ctx context.Context, t *Turn, channel string) (int, error) {
	params := &slack.GetUsersInConversationParameters{ChannelID: channel, Limit: 200}
	imported := 0
	for {
		ids, cursor, err := a.API.GetUsersInConversationContext(ctx, params)
		if err != nil {
			return imported, err
		}
		for _, id := range ids {
			if imported >= maxImport {
				return imported, nil
			}
			u, err := a.API.GetUserInfoContext(ctx, id)
			if err != nil {
				return imported, err
			}
			if u.IsBot || u.Deleted || id == "USLACKBOT" {
				continue
			}
			_, m, err := a.Handler.Service.Store.EnsureMember(ctx, t.Team, planner.Member{TeamID: t.Team.ID, UserID: id})
			if err != nil {
				return imported, err
			}
			if err := a.Handler.Service.Store.SetProfile(ctx, profileOf(m, u, a.Now())); err != nil {
				return imported, err
			}
			imported++
		}
		if cursor == "" {
			return imported, nil
		}
		params.Cursor = cursor
	}
}
