package slack

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// uploadTimeout bounds making the Excel report and uploading it after the answer.
const uploadTimeout = 2 * time.Minute

// uploadReport makes the Excel report of week w for the actor's team and
// uploads it to the actor's direct messages with Slack's external upload
// flow (files.getUploadURLExternal, the upload, files.completeUploadExternal).
// A failure is told to the actor through responseURL, in lang.
func (a *SlackApp) uploadReport(ctx context.Context, actor planner.Actor, w planner.Week, responseURL string, lang planner.Lang) error {
	err := a.sendReport(ctx, actor, w)
	if err == nil {
		return nil
	}
	if rerr := a.tell(responseURL, lang, bot.Notice{Text: bot.Say(lang, bot.MsgExportFailed, w, uploadErrorCode(err))}); rerr != nil {
		return errors.Join(err, rerr)
	}
	return err
}

// sendReport makes the report and uploads it to the actor's direct messages.
func (a *SlackApp) sendReport(ctx context.Context, actor planner.Actor, w planner.Week) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	f, err := report.WeekFile(ctx, t.Service, t.Team, w)
	if err != nil {
		return err
	}
	return a.uploadToDM(ctx, actor.UserID, f)
}

// uploadToDM uploads file f to the direct messages between planbot and userID.
func (a *SlackApp) uploadToDM(ctx context.Context, userID string, f bot.File) error {
	channel, err := openDM(ctx, a.API, userID)
	if err != nil {
		return err
	}
	_, err = a.API.UploadFileContext(ctx, slack.UploadFileParameters{
		Reader: bytes.NewReader(f.Data), FileSize: len(f.Data), Filename: f.Name, Title: f.Title, Channel: channel,
	})
	if err != nil {
		return fmt.Errorf("upload %s to %s: %w", f.Name, channel, err)
	}
	return nil
}

// openDM returns the id of the direct-message channel between planbot and userID.
func openDM(ctx context.Context, api WebAPI, userID string) (string, error) {
	ch, _, _, err := api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{userID}})
	switch {
	case err != nil:
		return "", fmt.Errorf("conversations.open %s: %w", userID, err)
	case ch == nil || ch.ID == "":
		return "", fmt.Errorf("conversations.open %s: no channel in Slack's answer", userID)
	}
	return ch.ID, nil
}

// errorCode is the shape of a Slack error code, such as missing_scope.
var errorCode = regexp.MustCompile(`^[a-z0-9_]{1,64}$`)

// uploadErrorCode names why an upload (or another call to Slack) failed, in words safe to show: Slack's
// error code (missing_scope, not_in_channel…), timeout, or error.
func uploadErrorCode(err error) string {
	var slackErr slack.SlackErrorResponse
	var limited *slack.RateLimitedError
	switch {
	case errors.As(err, &slackErr) && errorCode.MatchString(slackErr.Err):
		return slackErr.Err
	case errors.As(err, &limited):
		return "ratelimited"
	case errors.Is(err, context.DeadlineExceeded):
		return "timeout"
	}
	return "error"
}
