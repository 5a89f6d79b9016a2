package slack

import (
	"context"
	"strconv"
	"strings"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"planbot/bot"
	"planbot/planner"
)

// Interaction answers a button click or a form submission. A non-nil result is
// the body of the answer (a form's errors); nil means an empty 200.
func (a *SlackApp) Interaction(ctx context.Context, cb slack.InteractionCallback) any {
	actor := planner.Actor{TeamID: cb.Team.ID, UserID: cb.User.ID, Admin: a.Admins[cb.User.ID]}
	switch cb.Type {
	case slack.InteractionTypeViewSubmission:
		if cb.View.CallbackID == FormCallback {
			if errs := a.submitForm(ctx, actor, cb); errs != nil {
				return errs
			}
		}
	case slack.InteractionTypeBlockActions:
		for _, act := range cb.ActionCallback.BlockActions {
			a.click(ctx, actor, cb.ResponseURL, act)
		}
	}
	return nil
}

// clickVerbs are what a click on each button does, and the words after the
// item's id (undo is a cancel that says so).
var clickVerbs = map[string]struct {
	verb bot.Verb
	more string
}{ActionDone: {bot.VerbDone, ""}, ActionCancel: {bot.VerbCancel, ""}, ActionUndo: {bot.VerbCancel, "undo"}}

// clickCommand is the command a click on a button runs, built from the
// button, never read back from text: its action_id is what it does and its
// item ("item_done:12"; "item_done" alone on messages planbot sent before the
// ids were added, still in Slack), its value the item (and, to move it, the
// day: move 12 to 2025-11-24, so that a second click moves it nowhere new).
func clickCommand(actionID string, v buttonValue) (bot.Command, bool) {
	action, id, hasID := strings.Cut(actionID, ":")
	if hasID && id != strconv.FormatInt(v.ID, 10) {
		return bot.Command{}, false
	}
	if action == ActionNextWeek && hasID && v.Day != (planner.Date{}) {
		return bot.ItemCommand(bot.VerbMove, v.ID, v.Day.String()), true
	}
	c, known := clickVerbs[action]
	if !known {
		return bot.Command{}, false
	}
	return bot.ItemCommand(c.verb, v.ID, c.more), true
}

// click runs a button's command as its clicker, then redraws what the button was on.
// A click on someone else's item is refused like the command would be.
func (a *SlackApp) click(ctx context.Context, actor planner.Actor, responseURL string, act *slack.BlockAction) {
	v, ok := parseButtonValue(act.Value)
	if !ok {
		return
	}
	cmd, ok := clickCommand(act.ActionID, v)
	if !ok {
		return
	}
	a.Metrics.commands.WithLabelValues("button").Inc()
	reply := a.Handler.Handle(ctx, &request{app: a, responseURL: responseURL}, actor, cmd)
	reply.Lang = v.Lang
	if f, failed := reply.Body.(bot.Failure); failed || v.Where == "added" {
		replace := !failed
		if failed {
			reply = bot.Reply{Lang: v.Lang, Body: f}
		}
		a.after("redraw", afterAckTimeout, func(ctx context.Context) error {
			return a.respond(ctx, responseURL, NewSlackResponse(reply), replace)
		})
		return
	}
	if v.Where == "home" {
		a.after("home", afterAckTimeout, func(ctx context.Context) error { return a.publishHome(ctx, actor, v.Lang) })
		return
	}
	kind, week, _ := strings.Cut(v.Where, ":")
	a.after("redraw", afterAckTimeout, func(ctx context.Context) error {
		t, err := a.Handler.Begin(ctx, actor)
		if err != nil {
			return err
		}
		w, err := planner.ParseWeek(week)
		if err != nil {
			return err
		}
		view, err := t.WeekView(ctx, w, kind == "team")
		if err != nil {
			return err
		}
		return a.respond(ctx, responseURL, NewSlackResponse(bot.Reply{Lang: v.Lang, Body: view}), true)
	})
}

// Event handles an Events API event: the Home tab being opened.
func (a *SlackApp) Event(ev slackevents.EventsAPIEvent) {
	opened, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent)
	if ev.Type != slackevents.CallbackEvent || !ok || opened.Tab != "home" {
		return
	}
	actor := planner.Actor{TeamID: ev.TeamID, UserID: opened.User, Admin: a.Admins[opened.User]}
	a.after("home", afterAckTimeout, func(ctx context.Context) error { return a.publishHome(ctx, actor, "") })
}

// publishHome draws the member's Home tab, in lang or else their own language.
func (a *SlackApp) publishHome(ctx context.Context, actor planner.Actor, lang planner.Lang) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	if lang == "" {
		lang = t.Lang()
	}
	w, err := t.Service.Week("")
	if err != nil {
		return err
	}
	view, err := t.WeekView(ctx, w, false)
	if err != nil {
		return err
	}
	digest, err := t.Service.Digest(ctx, actor.TeamID, w)
	if err != nil {
		return err
	}
	_, err = a.API.PublishViewContext(ctx, slack.PublishViewContextRequest{
		UserID: actor.UserID,
		View:   slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: homeBlocks(lang, view, digest)}},
	})
	return err
}
