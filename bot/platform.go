package bot

import (
	"context"
	"errors"
	"fmt"

	"planbot/planner"
)

// Platform carries out what a command asks beyond its answer, on the chat
// platform it came from: each method starts the work (most run after the
// answer, with their own deadline, and tell the member how they ended) and
// returns at once. ErrNotHere says the platform cannot do it at all; any
// other error refuses the command.
type Platform interface {
	// SetupChannel makes the channel the command was typed in the team's
	// channel for the retrospective, once it has checked it can post there.
	SetupChannel(ctx context.Context, w Work) error
	// OpenForm opens the form for a new item.
	OpenForm(ctx context.Context, w Work) error
	// PostRetro posts week's retrospective to the team's channel now.
	PostRetro(ctx context.Context, w Work, week planner.Week, force bool) error
	// SendReport sends the member the Excel report of week.
	SendReport(ctx context.Context, w Work, week planner.Week) error
	// SendPeriodReport sends the member the Excel report of period p.
	SendPeriodReport(ctx context.Context, w Work, p planner.Period) error
}

// Work is who asked for work beyond an answer, and the language to tell them in.
type Work struct {
	Actor planner.Actor
	Lang  planner.Lang
}

// ErrNotHere is a Platform's answer to work it cannot do (the console posts nothing).
var ErrNotHere = errors.New("not on this platform")

// NoPlatform does nothing beyond answering: the console's platform.
type NoPlatform struct{}

// SetupChannel is not here.
func (NoPlatform) SetupChannel(context.Context, Work) error { return ErrNotHere }

// OpenForm is not here.
func (NoPlatform) OpenForm(context.Context, Work) error { return ErrNotHere }

// PostRetro is not here.
func (NoPlatform) PostRetro(context.Context, Work, planner.Week, bool) error { return ErrNotHere }

// SendReport is not here.
func (NoPlatform) SendReport(context.Context, Work, planner.Week) error { return ErrNotHere }

// SendPeriodReport is not here.
func (NoPlatform) SendPeriodReport(context.Context, Work, planner.Period) error { return ErrNotHere }

// File is a file planbot sends: the Excel report, the retrospective's chart.
type File struct {
	Name    string // the file's name, with its extension
	Title   string // what the platform shows as its title
	AltText string // a description for screen readers; "" for none
	Data    []byte
}

// start has p carry out the work body asks for, in lang, and returns the view
// to answer with: body itself when the work began, what the member can do
// instead when p cannot do it, or a failure (logged when it is planbot's or
// the platform's, not the member's).
func (h *Handler) start(ctx context.Context, p Platform, a planner.Actor, lang planner.Lang, body Body) Body {
	w := Work{Actor: a, Lang: lang}
	var err error
	switch b := body.(type) {
	case SetupChannel:
		err = p.SetupChannel(ctx, w)
	case FormOpening:
		if err = p.OpenForm(ctx, w); errors.Is(err, ErrNotHere) {
			return FormElsewhere{}
		}
	case Posting:
		err = p.PostRetro(ctx, w, b.Week, b.Force)
	case ReportSending:
		if err = p.SendReport(ctx, w, b.Week); errors.Is(err, ErrNotHere) {
			return ReportElsewhere{Week: b.Week}
		}
	case PeriodReportSending:
		if err = p.SendPeriodReport(ctx, w, b.Period); errors.Is(err, ErrNotHere) {
			return PeriodReportElsewhere{Period: b.Period}
		}
	default:
		return body
	}
	switch {
	case errors.Is(err, ErrNotHere):
		return Failure{Err: planner.ErrorOf(planner.Errorf(planner.Invalid, planner.ReasonChatOnly, ""))}
	case err != nil:
		e := planner.ErrorOf(err)
		if e.Code == planner.Internal {
			h.Log.Error("platform work failed", "body", fmt.Sprintf("%T", body), "err", err)
		}
		return Failure{Err: e}
	}
	return body
}
