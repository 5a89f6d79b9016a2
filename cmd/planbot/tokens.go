package main

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/slack-go/slack"
)

// tokenCheckTimeout bounds each time serve asks Slack about its tokens: a
// Slack that does not answer by then does not hold up the start.
const tokenCheckTimeout = 5 * time.Second

// tokenRetestEvery is how often serve asks Slack again about tokens it could
// not check.
const tokenRetestEvery = time.Minute

// tokenRefusals are Slack's answers that mean a token will never work: a
// wrong, revoked or expired token, a deleted account or workspace, a token
// of the wrong kind or without the scope. Any other failure may pass.
var tokenRefusals = []string{
	"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
	"not_allowed_token_type", "missing_scope", "team_disabled",
}

// checkTokens asks Slack whether it accepts serve's tokens: auth.test with the
// bot token, and in Socket Mode apps.connections.open with the app token.
// refusal is the usage error (exit 2) of a token Slack refused; failure is
// why Slack could not be asked (serve starts anyway); both nil: accepted.
// Once auth.test answers, named is told the workspace's id and name, which
// its team takes.
func (e *environment) checkTokens(ctx context.Context, api *slack.Client, socketMode bool, named func(teamID, name string)) (refusal, failure error) {
	ctx, cancel := context.WithTimeout(ctx, tokenCheckTimeout)
	defer cancel()
	auth, err := api.AuthTestContext(ctx)
	if slackRefused(err) {
		return usagef("SLACK_BOT_TOKEN: Slack refused the bot token (%v); copy it again from OAuth & Permissions → Bot User OAuth Token, and reinstall the app if it was removed%s", err, slackSetupHint), nil
	}
	if err == nil {
		named(auth.TeamID, auth.Team)
	}
	if err == nil && socketMode {
		_, _, err = api.StartSocketModeContext(ctx) // the connection it offers is left unused
		if slackRefused(err) {
			return usagef("SLACK_APP_TOKEN: Slack refused the app-level token (%v); create one with the connections:write scope under Basic Information → App-Level Tokens%s", err, slackSetupHint), nil
		}
	}
	if err != nil {
		return nil, err
	}
	e.log.Info("Slack accepted the tokens", "team", auth.Team, "team_id", auth.TeamID, "bot_user", auth.UserID)
	return nil, nil
}

// retestTokens asks Slack about the tokens again, every e.tokenRetest, until
// it answers or ctx ends. It returns the usage error of a token Slack
// refused, nil otherwise.
func (e *environment) retestTokens(ctx context.Context, api *slack.Client, socketMode bool, named func(teamID, name string)) error {
	every := e.tokenRetest
	if every == 0 {
		every = tokenRetestEvery
	}
	tick := time.NewTicker(every)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		refusal, failure := e.checkTokens(ctx, api, socketMode, named)
		switch {
		case ctx.Err() != nil:
			return nil
		case failure == nil:
			return refusal
		}
		e.log.Info("still cannot check the Slack tokens", "err", failure)
	}
}

// slackRefused reports whether err is Slack refusing a token for good.
func slackRefused(err error) bool {
	var slackErr slack.SlackErrorResponse
	return errors.As(err, &slackErr) && slices.Contains(tokenRefusals, slackErr.Err)
}
