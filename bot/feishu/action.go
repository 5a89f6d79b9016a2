package feishu

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher/callback"

	"planbot/bot"
	"planbot/planner"
)

// clickTimeout bounds a click's work: Feishu waits 3 s for the answer, and
// a click that cannot be answered in time is better refused than late.
const clickTimeout = 2 * time.Second

// maxToastChars keeps a toast to what it shows in full.
const maxToastChars = 120

// clickVerbs are what a click on each button does, and the words after the
// item's id (undo is a cancel that says so).
var clickVerbs = map[string]struct {
	verb bot.Verb
	rest string
}{actionDone: {bot.VerbDone, ""}, actionCancel: {bot.VerbCancel, ""}, actionUndo: {bot.VerbCancel, "undo"}}

// clickCommand is the command a click runs, built from the button's value,
// never read back from text: move 12 2025-11-24 names its day, so that a
// second click moves it nowhere new.
func clickCommand(v buttonValue) (bot.Command, bool) {
	if v.Action == actionMove {
		return bot.ItemCommand(bot.VerbMove, v.ID, v.Day.String()), v.Day != (planner.Date{})
	}
	c, ok := clickVerbs[v.Action]
	return bot.ItemCommand(c.verb, v.ID, c.rest), ok
}

// OnCardAction answers a click on a card's button (card.action.trigger)
// within Feishu's 3 s, calling nothing of Feishu's on the way: it runs the
// button's command as its clicker, then answers with a toast (what was done,
// or why nothing was: someone else's item is refused) and, when something
// was done, the card redrawn as it is now. A redelivered click does nothing.
func (a *App) OnCardAction(ctx context.Context, ev *callback.CardActionTriggerEvent) (*callback.CardActionTriggerResponse, error) {
	none := &callback.CardActionTriggerResponse{}
	if ev == nil || ev.Event == nil || ev.Event.Operator == nil || ev.Event.Action == nil {
		return none, nil
	}
	if !a.verified(ev.EventV2Base) {
		return nil, errors.New("feishu: a card click without the app's verification token")
	}
	tenant := ""
	if !a.fresh(ev.EventV2Base) {
		return none, nil
	}
	if ev.EventV2Base != nil && ev.EventV2Base.Header != nil {
		tenant = ev.EventV2Base.Header.TenantKey
	}
	op := ev.Event.Operator
	if t := deref(op.TenantKey); t != "" {
		tenant = t
	}
	v, ok := parseButtonValue(ev.Event.Action.Value)
	if !ok || tenant == "" || op.OpenID == "" {
		return none, nil // no button of planbot's
	}
	cmd, ok := clickCommand(v)
	if !ok {
		return none, nil
	}
	actor := planner.Actor{TeamID: TeamID(tenant), UserID: op.OpenID, Admin: a.Admins[op.OpenID]}
	ctx, cancel := context.WithTimeout(ctx, clickTimeout)
	defer cancel()
	reply := a.Handler.Handle(ctx, bot.NoPlatform{}, actor, cmd)
	if f, failed := reply.Body.(bot.Failure); failed {
		return &callback.CardActionTriggerResponse{Toast: toast("error", bot.Explain(v.Lang, f.Err))}, nil
	}
	answer := &callback.CardActionTriggerResponse{
		Toast: toast("success", bot.RenderText(bot.Reply{Lang: v.Lang, Body: reply.Body})),
	}
	card, err := a.redraw(ctx, actor, v)
	switch {
	case err != nil:
		a.Log.Warn("feishu: redraw a card after a click", "where", v.Where, "err", err)
	case card != "":
		answer.Card = &callback.Card{Type: "raw", Data: json.RawMessage(card)}
	}
	return answer, nil
}

// toast is a toast of kind (success, error) saying the first line of text,
// cut to what a toast shows.
func toast(kind, text string) *callback.Toast {
	text, _, _ = strings.Cut(text, "\n")
	if utf8.RuneCountInString(text) > maxToastChars {
		text = string([]rune(text)[:maxToastChars-1]) + "…"
	}
	return &callback.Toast{Type: kind, Content: text}
}

// redraw renders again the card a button was on, as it is now: the week or
// the team's week (of the member it was shown to), or the items an added
// card or a reminder listed. "" is no card to redraw.
func (a *App) redraw(ctx context.Context, clicker planner.Actor, v buttonValue) (string, error) {
	kind, rest, _ := strings.Cut(v.Where, ":")
	viewer := clicker
	if v.Viewer != "" && v.Viewer != clicker.UserID { // an admin changed another's item on their card
		viewer = planner.Actor{TeamID: clicker.TeamID, UserID: v.Viewer}
	}
	t, err := a.Handler.Begin(ctx, viewer)
	if err != nil {
		return "", err
	}
	var body bot.Body
	switch kind {
	case "week", "team":
		w, err := planner.ParseWeek(rest)
		if err != nil {
			return "", err
		}
		if body, err = t.WeekView(ctx, w, kind == "team"); err != nil {
			return "", err
		}
	case "added":
		items, err := reread(ctx, t, v.IDs)
		if err != nil || len(items) == 0 {
			return "", err
		}
		body = bot.Added{Items: items}
	case "remind":
		job, week, _ := strings.Cut(rest, ":")
		w, err := planner.ParseWeek(week)
		if err != nil {
			return "", err
		}
		items, err := reread(ctx, t, v.IDs)
		if err != nil {
			return "", err
		}
		body = bot.Reminder{Job: planner.Job(job), Week: w, Items: items}
	default:
		return "", fmt.Errorf("a button shown at %q", v.Where)
	}
	card, _ := cardOf(bot.Reply{Lang: v.Lang, Body: body})
	return card, nil
}

// reread reads the items ids name as they are now, leaving out those gone
// (a member forgotten since).
func reread(ctx context.Context, t *bot.Turn, ids []int64) ([]planner.Item, error) {
	items := make([]planner.Item, 0, len(ids))
	for _, id := range ids {
		it, _, err := t.Service.History(ctx, t.Actor, id)
		switch {
		case err == nil:
			items = append(items, it)
		case planner.ErrorOf(err).Code != planner.NotFound:
			return nil, err
		}
	}
	return items, nil
}
