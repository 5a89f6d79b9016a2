package feishu

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	larkevent "github.com/larksuite/oapi-sdk-go/v3/event"
	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher/callback"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage/storagetest"
)

// noCalls is an API that fails the test on any call: a click is answered
// with no call to Feishu.
type noCalls struct{ t *testing.T }

func (n noCalls) fail(call string) error { n.t.Errorf("a click called Feishu: %s", call); return nil }
func (n noCalls) Send(context.Context, string, string, string, string, string) (string, error) {
	return "", n.fail("send")
}
func (n noCalls) Reply(context.Context, string, string, string, bool, string) (string, error) {
	return "", n.fail("reply")
}
func (n noCalls) UploadImage(context.Context, []byte) (string, error) {
	return "", n.fail("upload image")
}
func (n noCalls) UploadFile(context.Context, string, []byte) (string, error) {
	return "", n.fail("upload file")
}
func (n noCalls) UserName(context.Context, string) (string, error) { return "", n.fail("user name") }
func (n noCalls) ChatMembers(context.Context, string, string) ([]Member, string, error) {
	return nil, "", n.fail("chat members")
}
func (n noCalls) ChatOwner(context.Context, string) (string, error) { return "", n.fail("chat owner") }
func (n noCalls) ChatName(context.Context, string) (string, error)  { return "", n.fail("chat name") }

// The members of tenant "t1" who click.
var (
	annF = planner.Actor{TeamID: TeamID("t1"), UserID: "ou_ann"}
	bobF = planner.Actor{TeamID: TeamID("t1"), UserID: "ou_bob"}
)

// newClickApp is an App on a fresh SQLite database at the fixed clock.
func newClickApp(t *testing.T) *App {
	svc, _ := storagetest.Service(t)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &App{Handler: &bot.Handler{Service: svc, Log: log}, API: noCalls{t}, Log: log,
		Now: func() time.Time { return plannertest.Monday }}
}

// say has a answer line, failing the test on a Failure.
func say(t *testing.T, app *App, a planner.Actor, line string) bot.Reply {
	t.Helper()
	r := app.Handler.Handle(t.Context(), bot.NoPlatform{}, a, bot.ParseCommand(line))
	if f, failed := r.Body.(bot.Failure); failed {
		t.Fatalf("%q: %v", line, f.Err)
	}
	return r
}

// buttonOf is the value of the button with action on item id in card, as
// Feishu sends it back.
func buttonOf(t *testing.T, card string, action string, id int64) map[string]any {
	t.Helper()
	for _, b := range checkCard(t, card).buttons {
		if v := mustValue(t, b); v.Action == action && v.ID == id {
			data, _ := json.Marshal(b)
			var back map[string]any
			if err := json.Unmarshal(data, &back); err != nil {
				t.Fatal(err)
			}
			return back
		}
	}
	t.Fatalf("no %s button on #%d in\n%s", action, id, card)
	return nil
}

// click is a click event of a on a button with value, event id eventID.
func click(a planner.Actor, eventID string, value map[string]any) *callback.CardActionTriggerEvent {
	tenant := strings.TrimPrefix(a.TeamID, TeamPrefix)
	return &callback.CardActionTriggerEvent{
		EventV2Base: &larkevent.EventV2Base{Schema: "2.0", Header: &larkevent.EventHeader{EventID: eventID, EventType: "card.action.trigger", TenantKey: tenant}},
		Event: &callback.CardActionTriggerRequest{
			Operator: &callback.Operator{OpenID: a.UserID, TenantKey: &tenant},
			Action:   &callback.CallBackAction{Tag: "button", Value: value},
			Context:  &callback.Context{OpenMessageID: "om_1", OpenChatID: "oc_1"},
		},
	}
}

// status is item id's status in the store, and how many changes it had.
func status(t *testing.T, app *App, id int64) (planner.Status, int) {
	t.Helper()
	it, changes, err := app.Handler.Service.History(t.Context(), annF, id)
	if err != nil {
		t.Fatal(err)
	}
	return it.Status, len(changes)
}

// cardOfAnswer is the card an answer redrew, checked.
func cardOfAnswer(t *testing.T, r *callback.CardActionTriggerResponse) (string, checked) {
	t.Helper()
	if r.Card == nil || r.Card.Type != "raw" {
		t.Fatalf("no card in the answer: %+v", r)
	}
	raw, ok := r.Card.Data.(json.RawMessage)
	if !ok {
		t.Fatalf("card data %T", r.Card.Data)
	}
	return string(raw), checkCard(t, string(raw))
}

func TestClickOnOwnItemMarksItDoneAndRedrawsTheWeek(t *testing.T) {
	for _, tc := range []struct {
		team bool
		line string
	}{{false, "本周"}, {true, "团队"}} {
		t.Run(tc.line, func(t *testing.T) {
			app := newClickApp(t)
			say(t, app, annF, "周二 对接4家企业")
			say(t, app, annF, "周三 拜访园区")
			say(t, app, bobF, "周二 招商推介会")
			week := say(t, app, annF, tc.line)
			card, ok := cardOf(week)
			if !ok {
				t.Fatal("the week is no card")
			}
			answer, err := app.OnCardAction(t.Context(), click(annF, "ev1", buttonOf(t, card, actionDone, 1)))
			if err != nil {
				t.Fatal(err)
			}
			if answer.Toast == nil || answer.Toast.Type != "success" || !strings.Contains(answer.Toast.Content, "#1") {
				t.Errorf("toast %+v, want a success naming #1", answer.Toast)
			}
			if st, _ := status(t, app, 1); st != planner.StatusDone {
				t.Errorf("item 1 is %s after Done", st)
			}
			redrawn, c := cardOfAnswer(t, answer)
			if got := buttonIDs(t, c, actionDone); len(got) != 1 || got[0] != 2 {
				t.Errorf("Done buttons on %v after #1 was done, want on #2 only:\n%s", got, redrawn)
			}
			if !strings.Contains(redrawn, "#1 ✅") {
				t.Errorf("the redrawn card does not show #1 done:\n%s", redrawn)
			}
			if tc.team != strings.Contains(redrawn, "招商推介会") {
				t.Errorf("team %t: Bob's item shown %t", tc.team, !tc.team)
			}
		})
	}
}

func TestClickOnSomeoneElsesItemIsRefused(t *testing.T) {
	app := newClickApp(t)
	say(t, app, annF, "周二 对接4家企业")
	card, _ := cardOf(say(t, app, annF, "本周"))
	for _, action := range []string{actionDone, actionCancel} {
		answer, err := app.OnCardAction(t.Context(), click(bobF, "ev-"+action, buttonOf(t, card, action, 1)))
		if err != nil {
			t.Fatal(err)
		}
		want := bot.Explain(planner.Chinese, planner.Errorf(planner.Forbidden, planner.ReasonNotYours, "1"))
		if answer.Toast == nil || answer.Toast.Type != "error" || answer.Toast.Content != want {
			t.Errorf("%s: toast %+v, want the error %q", action, answer.Toast, want)
		}
		if answer.Card != nil {
			t.Errorf("%s: the card was redrawn on a refusal", action)
		}
		if st, changes := status(t, app, 1); st != planner.StatusPlanned || changes != 1 {
			t.Errorf("%s: item 1 is %s with %d changes after Bob's click", action, st, changes)
		}
	}
}

func TestRedeliveredClickDoesNothingTwice(t *testing.T) {
	app := newClickApp(t)
	say(t, app, annF, "周二 对接4家企业")
	card, _ := cardOf(say(t, app, annF, "本周"))
	ev := click(annF, "ev-same", buttonOf(t, card, actionCancel, 1))
	first, err := app.OnCardAction(t.Context(), ev)
	if err != nil || first.Toast == nil || first.Toast.Type != "success" {
		t.Fatalf("first delivery: %+v, %v", first, err)
	}
	_, changes := status(t, app, 1)
	again, err := app.OnCardAction(t.Context(), ev)
	if err != nil || again.Toast != nil || again.Card != nil {
		t.Errorf("second delivery answered %+v, %v; want nothing", again, err)
	}
	if st, after := status(t, app, 1); st != planner.StatusCancelled || after != changes {
		t.Errorf("item 1 is %s with %d changes after the redelivery, want cancelled with %d", st, after, changes)
	}
}

func TestClicksOnAnAddedCardRedrawIt(t *testing.T) {
	app := newClickApp(t)
	// The card is of two items, the second added on a day gone by: Monday
	// the 3rd, on the 17th, for which the card offers the 3rd of next month.
	added := say(t, app, annF, "周二 对接4家企业；周四 拜访园区")
	a := added.Body.(bot.Added)
	past := say(t, app, annF, "3号 拜访园区").Body.(bot.Added)
	if len(a.Items) != 2 || len(past.Later) != 1 {
		t.Fatalf("added %v, then %v", a, past)
	}
	a.Items[1], a.Later = past.Items[0], past.Later
	card, c := mustCard(t, bot.Reply{Lang: added.Lang, Body: a})
	if got := buttonIDs(t, c, actionMove); len(got) != 1 || got[0] != 3 {
		t.Fatalf("move buttons on %v, want on #3:\n%s", got, card)
	}
	answer, err := app.OnCardAction(t.Context(), click(annF, "ev-done", buttonOf(t, card, actionDone, 1)))
	if err != nil {
		t.Fatal(err)
	}
	redrawn, c := cardOfAnswer(t, answer)
	if st, _ := status(t, app, 1); st != planner.StatusDone || !strings.Contains(redrawn, "#1 ✅") {
		t.Errorf("item 1 is %s; the redrawn card:\n%s", st, redrawn)
	}
	if got := buttonIDs(t, c, actionUndo); len(got) != 1 || got[0] != 3 {
		t.Errorf("Undo buttons on %v after #1 was done, want on #3 only", got)
	}
	move := buttonOf(t, card, actionMove, 3)
	answer, err = app.OnCardAction(t.Context(), click(annF, "ev-move", move))
	if err != nil || answer.Toast == nil || answer.Toast.Type != "success" {
		t.Fatalf("move: %+v, %v", answer, err)
	}
	it, _, err := app.Handler.Service.History(t.Context(), annF, 3)
	if err != nil || it.Start.String() != move["day"] {
		t.Errorf("item 3 starts %s after the move, want %v (%v)", it.Start, move["day"], err)
	}
	answer, err = app.OnCardAction(t.Context(), click(annF, "ev-undo", buttonOf(t, card, actionUndo, 3)))
	if err != nil {
		t.Fatal(err)
	}
	if st, _ := status(t, app, 3); st != planner.StatusCancelled {
		t.Errorf("item 3 is %s after Undo", st)
	}
	if _, c := cardOfAnswer(t, answer); len(c.buttons) != 0 {
		t.Errorf("buttons %v left on a card of a done and an undone item", c.buttons)
	}
}

func TestClickOnAReminderRedrawsIt(t *testing.T) {
	app := newClickApp(t)
	say(t, app, annF, "周二 对接4家企业")
	say(t, app, annF, "周三 拜访园区")
	items, err := app.Handler.Service.ItemsOf(t.Context(), annF.TeamID, annF.UserID, plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	card, _ := mustCard(t, bot.Reply{Lang: planner.Chinese, Body: bot.Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: items}})
	answer, err := app.OnCardAction(t.Context(), click(annF, "ev-r", buttonOf(t, card, actionDone, 2)))
	if err != nil {
		t.Fatal(err)
	}
	redrawn, c := cardOfAnswer(t, answer)
	if got := buttonIDs(t, c, actionDone); len(got) != 1 || got[0] != 1 || !strings.Contains(redrawn, "#2 ✅") {
		t.Errorf("Done buttons on %v after #2 was done, want on #1 only:\n%s", got, redrawn)
	}
}

// TestClicksThatAreNoButtonOfPlanbotsDoNothing: a click without an operator,
// a value planbot did not write, or an action it does not know changes nothing.
func TestClicksThatAreNoButtonOfPlanbotsDoNothing(t *testing.T) {
	app := newClickApp(t)
	say(t, app, annF, "周二 对接4家企业")
	good := map[string]any{"action": "done", "id": "1", "lang": "zh", "where": "week:2025-W47"}
	with := func(k string, v any) map[string]any {
		m := map[string]any{}
		for kk, vv := range good {
			m[kk] = vv
		}
		m[k] = v
		return m
	}
	noOperator := click(annF, "ev-x", good)
	noOperator.Event.Operator = nil
	for name, ev := range map[string]*callback.CardActionTriggerEvent{
		"no operator":    noOperator,
		"unknown action": click(annF, "ev-a", with("action", "delete")),
		"id no number":   click(annF, "ev-b", with("id", "1; drop")),
		"id a number":    click(annF, "ev-c", with("id", 1.0)),
		"no language":    click(annF, "ev-d", with("lang", "fr")),
		"move no day":    click(annF, "ev-e", with("action", "move")),
	} {
		answer, err := app.OnCardAction(t.Context(), ev)
		if err != nil || answer.Toast != nil || answer.Card != nil {
			t.Errorf("%s: answered %+v, %v", name, answer, err)
		}
	}
	if st, changes := status(t, app, 1); st != planner.StatusPlanned || changes != 1 {
		t.Errorf("item 1 is %s with %d changes", st, changes)
	}
}

// Over the HTTP callback a click must carry the app's verification token
// (the SDK checks it only without an encrypt key): one that does not changes
// nothing; one that does is answered.
func TestClickWithoutTheVerificationTokenIsRefused(t *testing.T) {
	app := newClickApp(t)
	app.VerificationToken = "vt-right"
	say(t, app, annF, "周二 对接4家企业")
	card, _ := cardOf(say(t, app, annF, "本周"))
	for i, token := range []string{"", "vt-wrong"} {
		ev := click(annF, fmt.Sprintf("ev-forged-%d", i), buttonOf(t, card, actionDone, 1))
		ev.EventV2Base.Header.Token = token
		if r, err := app.OnCardAction(t.Context(), ev); err == nil {
			t.Errorf("token %q: answered %+v, want refused", token, r)
		}
	}
	if st, _ := status(t, app, 1); st != planner.StatusPlanned {
		t.Fatalf("item 1 is %s after forged clicks, want planned", st)
	}
	ev := click(annF, "ev-real", buttonOf(t, card, actionDone, 1))
	ev.EventV2Base.Header.Token = "vt-right"
	if r, err := app.OnCardAction(t.Context(), ev); err != nil || r.Toast == nil || r.Toast.Type != "success" {
		t.Errorf("the real click: %+v, %v", r, err)
	}
}
