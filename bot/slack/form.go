package slack

import (
	"context"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// FormCallback identifies the new-item form's submissions.
const FormCallback = "new_item"

// The form's blocks; each holds one input whose action id is the same name.
const (
	fieldStart = "start"
	fieldEnd   = "end"
	fieldKind  = "kind"
	fieldCount = "count"
	fieldPlace = "place"
	fieldTitle = "title"
)

// openForm opens the new-item form with the command's trigger_id (valid for 3 s).
func (a *SlackApp) openForm(ctx context.Context, actor planner.Actor, triggerID string, lang planner.Lang) error {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	_, err = a.API.OpenViewContext(ctx, triggerID, newItemForm(lang, t.Service.Today()))
	return err
}

// newItemForm is the modal for one item: days, kind, count, place and what.
func newItemForm(l planner.Lang, today planner.Date) slack.ModalViewRequest {
	plain := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, s, false, false)
	}
	start := slack.NewDatePickerBlockElement(fieldStart)
	start.InitialDate = today.String()
	end := slack.NewDatePickerBlockElement(fieldEnd)
	var options []*slack.OptionBlockObject
	for _, k := range planner.Kinds {
		options = append(options, slack.NewOptionBlockObject(string(k), plain(bot.KindName(l, k)), nil))
	}
	kind := slack.NewOptionsSelectBlockElement(slack.OptTypeStatic, plain(bot.Say(l, bot.MsgFormKind)), fieldKind, options...)
	kind.InitialOption = options[len(options)-1]
	count := slack.NewNumberInputBlockElement(nil, fieldCount, false)
	count.InitialValue, count.MinValue, count.MaxValue = "1", "1", strconv.Itoa(planner.MaxCount)
	title := slack.NewPlainTextInputBlockElement(plain(bot.Say(l, bot.MsgFormTitleHint)), fieldTitle)
	title.MaxLength = planner.MaxTitle
	place := slack.NewPlainTextInputBlockElement(nil, fieldPlace)
	place.MaxLength = planner.MaxTitle
	input := func(id string, label bot.Msg, el slack.BlockElement, optional bool) *slack.InputBlock {
		b := slack.NewInputBlock(id, plain(bot.Say(l, label)), nil, el)
		b.Optional = optional
		return b
	}
	return slack.ModalViewRequest{
		Type:       slack.VTModal,
		CallbackID: FormCallback,
		Title:      plain(bot.Say(l, bot.MsgFormTitle)),
		Submit:     plain(bot.Say(l, bot.MsgFormSubmit)),
		Close:      plain(bot.Say(l, bot.MsgFormClose)),
		Blocks: slack.Blocks{BlockSet: []slack.Block{
			input(fieldTitle, bot.MsgFormWhat, title, false),
			input(fieldStart, bot.MsgFormStart, start, false),
			input(fieldEnd, bot.MsgFormEnd, end, true),
			input(fieldKind, bot.MsgFormKind, kind, false),
			input(fieldCount, bot.MsgFormCount, count, false),
			input(fieldPlace, bot.MsgFormPlace, place, true),
		}},
	}
}

// formDraft reads a submitted form; bad fields come back as errors by block
// id. The form's text inputs hold at most MaxTitle characters, but the
// submission is Slack's word only: every field is checked here again.
func formDraft(l planner.Lang, state *slack.ViewState) (planner.Draft, map[string]string) {
	value := func(id string) slack.BlockAction {
		if state == nil {
			return slack.BlockAction{}
		}
		return state.Values[id][id]
	}
	errs := map[string]string{}
	var d planner.Draft
	var err error
	if d.Start, err = planner.ParseDate(value(fieldStart).SelectedDate); err != nil {
		errs[fieldStart] = bot.Explain(l, planner.ErrorOf(err))
	}
	d.End = d.Start
	if s := value(fieldEnd).SelectedDate; s != "" {
		if d.End, err = planner.ParseDate(s); err != nil {
			errs[fieldEnd] = bot.Explain(l, planner.ErrorOf(err))
		}
	}
	d.Kind = planner.Kind(value(fieldKind).SelectedOption.Value)
	count := value(fieldCount).Value
	if d.Count, err = strconv.Atoi(count); err != nil {
		errs[fieldCount] = bot.Explain(l, planner.Errorf(planner.Invalid, planner.ReasonBadCount, count))
	}
	d.Place = strings.TrimSpace(value(fieldPlace).Value)
	d.Title = strings.TrimSpace(value(fieldTitle).Value)
	for id, text := range map[string]string{fieldTitle: d.Title, fieldPlace: d.Place} {
		if e := checkFormText(text); e != nil {
			errs[id] = bot.Explain(l, e)
		}
	}
	if len(errs) == 0 {
		if e := d.Check(); e != nil {
			errs[fieldFor(planner.ErrorOf(e), d)] = bot.Explain(l, planner.ErrorOf(e))
		}
	}
	return d, errs
}

// checkFormText checks a text field of the form: text (planner.CheckText) of
// at most MaxTitle characters.
func checkFormText(text string) *planner.Error {
	if utf8.RuneCountInString(text) > planner.MaxTitle {
		return planner.Errorf(planner.Invalid, planner.ReasonTooLong, "")
	}
	if err := planner.CheckText(text); err != nil {
		return planner.ErrorOf(err)
	}
	return nil
}

// fieldFor names the form field a draft's error is about.
func fieldFor(e *planner.Error, d planner.Draft) string {
	switch e.Reason {
	case planner.ReasonBadCount:
		return fieldCount
	case planner.ReasonBadKind:
		return fieldKind
	case planner.ReasonEndBefore:
		return fieldEnd
	case planner.ReasonDateRange:
		if e.Detail == d.End.String() && d.End != d.Start {
			return fieldEnd
		}
		return fieldStart
	}
	return fieldTitle
}

// submitForm adds the form's item, or returns the errors to show in the form.
func (a *SlackApp) submitForm(ctx context.Context, actor planner.Actor, cb slack.InteractionCallback) *slack.ViewSubmissionResponse {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return slack.NewErrorsViewSubmissionResponse(map[string]string{fieldTitle: bot.Explain(planner.English, planner.ErrorOf(err))})
	}
	lang := t.Lang()
	d, errs := formDraft(lang, cb.View.State)
	if len(errs) > 0 {
		return slack.NewErrorsViewSubmissionResponse(errs)
	}
	it, err := t.Service.AddDraft(ctx, t.Actor, d)
	if err != nil {
		return slack.NewErrorsViewSubmissionResponse(map[string]string{fieldTitle: bot.Explain(lang, planner.ErrorOf(err))})
	}
	reply := bot.Reply{Lang: lang, Body: bot.Added{Items: []planner.Item{it}}}
	a.after("form confirmation", afterAckTimeout, func(ctx context.Context) error {
		// A message to the user's id lands in planbot's Messages tab.
		msg := NewSlackResponse(reply)
		_, _, err := a.API.PostMessageContext(ctx, actor.UserID, slack.MsgOptionText(msg.Text, false), slack.MsgOptionBlocks(msg.Blocks.BlockSet...))
		return err
	})
	return nil
}
