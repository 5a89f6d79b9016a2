package feishu

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
)

// request is the bot.Platform of one message: what the command asks beyond
// its answer runs after the event is acknowledged, once the answer is sent,
// and the member hears how it ended in a reply to their message.
type request struct {
	app       *App
	messageID string        // the message the command came in
	chatID    string        // its chat
	answered  chan struct{} // closed once the answer is sent or failed; nil: nothing to wait for
}

// afterAnswer waits until the command's answer is sent, or ctx ends: what
// the work does in the chat (a retrospective posted, how it ended) must not
// come before the answer that says it begins, and the answer and the work
// run side by side after the event.
func (r *request) afterAnswer(ctx context.Context) error {
	if r.answered == nil {
		return nil
	}
	select {
	case <-r.answered:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// tell replies to the command's message with body, in lang: how the work
// after its answer ended.
func (r *request) tell(ctx context.Context, lang planner.Lang, body bot.Body) error {
	msgType, content := render(bot.Reply{Lang: lang, Body: body})
	_, err := r.app.API.Reply(ctx, r.messageID, msgType, content, false, "")
	return err
}

// SetupChannel makes the group the command was typed in the team's chat for
// the retrospective, gives the team the group's name (unless an admin named
// it: /plan setup name) and imports its members. Feishu lets a bot send only
// to a group it is in, and it is: the command reached it there.
func (r *request) SetupChannel(_ context.Context, w bot.Work) error {
	if w.Actor.ChannelID == "" {
		return planner.Errorf(planner.Invalid, planner.ReasonNoChannel, "")
	}
	r.app.after("setup", setupTimeout, func(ctx context.Context) error {
		if err := r.afterAnswer(ctx); err != nil {
			return err
		}
		t, err := r.app.Handler.Begin(ctx, r.app.namedByGroup(ctx, w.Actor))
		if err != nil {
			return errors.Join(err, r.tell(ctx, w.Lang, bot.Failure{Err: planner.ErrorOf(err)}))
		}
		if _, err := t.Service.SetDigestChannel(ctx, t.Actor, w.Actor.ChannelID); err != nil {
			return errors.Join(err, r.tell(ctx, w.Lang, bot.Failure{Err: planner.ErrorOf(err)}))
		}
		// A chat set up on Monday does not get last week's retrospective.
		if err := t.Service.SkipPastRetro(ctx, t.Actor.TeamID); err != nil {
			return err
		}
		n, err := r.app.importMembers(ctx, t, w.Actor.ChannelID)
		if err != nil {
			return errors.Join(err, r.tell(ctx, w.Lang, bot.Notice{Text: bot.Say(w.Lang, bot.MsgFeishuSetupPartial, n)}))
		}
		return r.tell(ctx, w.Lang, bot.Notice{Text: bot.Say(w.Lang, bot.MsgFeishuSetupReady, n)})
	})
	return nil
}

// OpenForm: Feishu's form is a card; planbot does not offer one yet, and the
// member is told what to type instead.
func (r *request) OpenForm(context.Context, bot.Work) error { return bot.ErrNotHere }

// PostRetro posts the retrospective through the Poster.
func (r *request) PostRetro(_ context.Context, w bot.Work, week planner.Week, force bool) error {
	if r.app.Poster == nil {
		return bot.ErrNotHere
	}
	r.app.after("post", replyTimeout, func(ctx context.Context) error {
		if err := r.afterAnswer(ctx); err != nil {
			return err
		}
		_, err := r.app.Poster.PostNow(ctx, w.Actor.TeamID, week, force)
		var body bot.Body = bot.Notice{Text: bot.Say(w.Lang, bot.MsgFeishuPosted, week)}
		switch {
		case err != nil && planner.ErrorOf(err).Code == planner.Internal:
			body = bot.Notice{Text: bot.Say(w.Lang, bot.MsgPostFailed, week, errorCode(err))}
		case err != nil:
			body = bot.Failure{Err: planner.ErrorOf(err)}
		}
		return errors.Join(err, r.tell(ctx, w.Lang, body))
	})
	return nil
}

// SendReport makes the Excel report and sends it to the member as a file.
func (r *request) SendReport(_ context.Context, w bot.Work, week planner.Week) error {
	r.app.after("export", replyTimeout, func(ctx context.Context) error {
		if err := r.afterAnswer(ctx); err != nil {
			return err
		}
		err := r.app.sendReport(ctx, w.Actor, week)
		if err != nil {
			return errors.Join(err, r.tell(ctx, w.Lang, bot.Notice{Text: bot.Say(w.Lang, bot.MsgFeishuExportFailed, week, errorCode(err))}))
		}
		return nil
	})
	return nil
}

// sendReport makes week's report and sends it to the actor's direct chat.
func (a *App) sendReport(ctx context.Context, actor planner.Actor, week planner.Week) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	f, err := report.WeekFile(ctx, t.Service, t.Team, week)
	if err != nil {
		return err
	}
	return a.sendFile(ctx, actor.UserID, f)
}

// sendFile sends file f to userID's direct chat with the bot.
func (a *App) sendFile(ctx context.Context, userID string, f bot.File) error {
	key, err := a.API.UploadFile(ctx, f.Name, f.Data)
	if err != nil {
		return err
	}
	_, err = a.API.Send(ctx, "open_id", userID, "file", fmt.Sprintf(`{"file_key":%q}`, key), "")
	return err
}

// importMembers makes each member of the group chatID a member of the team,
// a page at a time, and returns how many it imported.
func (a *App) importMembers(ctx context.Context, t *bot.Turn, chatID string) (int, error) {
	n, token := 0, ""
	for {
		members, next, err := a.API.ChatMembers(ctx, chatID, token)
		if err != nil {
			return n, err
		}
		for _, m := range members {
			if m.OpenID == "" {
				continue
			}
			member, err := t.Service.EnsureMember(ctx, t.Team, m.OpenID)
			if err != nil {
				return n, err
			}
			if name := planner.OneLine(m.Name); name != "" && member.Name != name {
				member.Name, member.ProfileAt = name, a.Now()
				if err := t.Service.SaveProfile(ctx, member); err != nil {
					return n, err
				}
			}
			n++
		}
		if next == "" {
			return n, nil
		}
		token = next
		if err := pause(ctx, importPace); err != nil {
			return n, err
		}
	}
}

// importPace spaces the pages of setup's member import, well within
// Feishu's frequency limits for an app.
const importPace = 300 * time.Millisecond

// pause waits d, or less if ctx ends first (then it says why).
func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// errorCode names why a call to Feishu failed, in words safe to show: its
// code (99991400: too frequent), or what kind of failure it was.
func errorCode(err error) string {
	if m := feishuCode.FindStringSubmatch(err.Error()); m != nil {
		return m[1]
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return "timeout"
	}
	return "error"
}

// feishuCode finds Feishu's error code in an error's text.
var feishuCode = regexp.MustCompile(`(?i)\bcode\W{0,3}(\d{3,})`)
