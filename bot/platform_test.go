package bot

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// recorder is a Platform that answers every piece of work with err (nil
// accepts it) and records what it was asked, by whom, in which language.
type recorder struct {
	err  error
	work []string
}

func (r *recorder) did(w Work, what string) error {
	r.work = append(r.work, fmt.Sprintf("%s by %s in %s", what, w.Actor.UserID, w.Lang))
	return r.err
}

func (r *recorder) SetupChannel(_ context.Context, w Work) error {
	return r.did(w, "setup "+w.Actor.ChannelID)
}
func (r *recorder) OpenForm(_ context.Context, w Work) error { return r.did(w, "form") }
func (r *recorder) PostRetro(_ context.Context, w Work, week planner.Week, force bool) error {
	return r.did(w, fmt.Sprintf("post %s %t", week, force))
}
func (r *recorder) SendReport(_ context.Context, w Work, week planner.Week) error {
	return r.did(w, "report "+week.String())
}
func (r *recorder) SendPeriodReport(_ context.Context, w Work, p planner.Period) error {
	return r.did(w, "period report "+p.String())
}

// The four commands that ask for work beyond their answer: a platform that
// takes the work on answers with the view and is given the work, by whom
// and in which language; bot.NoPlatform (the console) answers with what the
// member can do instead, or that the command works in Slack only; a platform
// that refuses the work refuses the command with its reason.
func TestPlatformWork(t *testing.T) {
	inChannel := plannertest.Boss
	inChannel.ChannelID = "CRETRO"
	refused := planner.Errorf(planner.Forbidden, planner.ReasonNotAdmin, "")
	slackOnly := Failure{Err: planner.ErrorOf(planner.Errorf(planner.Invalid, planner.ReasonChatOnly, ""))}
	tests := []struct {
		name      string
		actor     planner.Actor
		line      string
		work      string // what an accepting platform is asked, by whom, in which language
		accepted  Body   // the answer on an accepting platform
		elsewhere Body   // the answer on NoPlatform
	}{
		{"setup channel", inChannel, "setup", "setup CRETRO by U9 in en", SetupChannel{Channel: "CRETRO"}, slackOnly},
		{"setup channel, in Chinese", inChannel, "设置", "setup CRETRO by U9 in zh", SetupChannel{Channel: "CRETRO"}, slackOnly},
		{"new", plannertest.Ann, "new", "form by U1 in en", FormOpening{}, FormElsewhere{}},
		{"new, in Chinese", plannertest.Ann, "新建", "form by U1 in zh", FormOpening{}, FormElsewhere{}},
		{"digest post", plannertest.Boss, "digest post", "post 2025-W47 false by U9 in en", Posting{Week: plannertest.W47}, slackOnly},
		{"digest post, forced", plannertest.Boss, "周报 发布 上周 强制", "post 2025-W46 true by U9 in zh",
			Posting{Week: planner.Week{Year: 2025, Num: 46}, Force: true}, slackOnly},
		{"export xlsx", plannertest.Ann, "export xlsx", "report 2025-W47 by U1 in en", ReportSending{Week: plannertest.W47}, ReportElsewhere{Week: plannertest.W47}},
		{"export xlsx, in Chinese", plannertest.Ann, "导出 表格 上周", "report 2025-W46 by U1 in zh",
			ReportSending{Week: planner.Week{Year: 2025, Num: 46}}, ReportElsewhere{Week: planner.Week{Year: 2025, Num: 46}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			lang := ParseCommand(tt.line).Lang
			if lang == "" {
				t.Fatalf("ParseCommand(%q) has no language", tt.line)
			}
			t.Run("accepting", func(t *testing.T) {
				p := &recorder{}
				r := handleOn(t, newHandler(t), p, tt.actor, tt.line)
				if !sameBody(r.Body, tt.accepted) || r.Lang != lang {
					t.Errorf("reply %T %+v in %s, want %+v in %s", r.Body, r.Body, r.Lang, tt.accepted, lang)
				}
				if want := []string{tt.work}; !slices.Equal(p.work, want) {
					t.Errorf("the platform was asked for %q, want %q", p.work, want)
				}
				checkRendered(t, r)
			})
			t.Run("no platform", func(t *testing.T) {
				r := handleOn(t, newHandler(t), NoPlatform{}, tt.actor, tt.line)
				if !sameBody(r.Body, tt.elsewhere) || r.Lang != lang {
					t.Errorf("reply %T %+v in %s, want %+v in %s", r.Body, r.Body, r.Lang, tt.elsewhere, lang)
				}
				checkRendered(t, r)
			})
			t.Run("refusing", func(t *testing.T) {
				p := &recorder{err: refused}
				r := handleOn(t, newHandler(t), p, tt.actor, tt.line)
				if e := failure(t, r); e != refused {
					t.Errorf("failed with %v, want the platform's %v", e, refused)
				}
				if len(p.work) != 1 {
					t.Errorf("the platform was asked for %q, want the work once", p.work)
				}
				checkRendered(t, r)
			})
		})
	}
}

// A platform's own failure (not an ErrNotHere, not a planner error) is an
// internal failure, its cause kept for the log.
func TestPlatformInternalFailure(t *testing.T) {
	broken := errors.New("the chat platform is down")
	for _, line := range []string{"new", "export xlsx"} {
		t.Run(line, func(t *testing.T) {
			r := handleOn(t, newHandler(t), &recorder{err: broken}, plannertest.Ann, line)
			if e := failure(t, r); e.Code != planner.Internal || !errors.Is(e, broken) {
				t.Errorf("failed with %+v, want an internal failure caused by %v", e, broken)
			}
		})
	}
}

// A platform that cannot do the work says so with ErrNotHere, wrapped or not.
func TestPlatformNotHereWrapped(t *testing.T) {
	p := &recorder{err: fmt.Errorf("no files here: %w", ErrNotHere)}
	r := handleOn(t, newHandler(t), p, plannertest.Ann, "export xlsx")
	if r.Body != (ReportElsewhere{Week: plannertest.W47}) {
		t.Errorf("reply %T %+v, want ReportElsewhere of %s", r.Body, r.Body, plannertest.W47)
	}
}

// sameBody compares two bodies; a Failure by its code and reason.
func sameBody(got, want Body) bool {
	gf, gok := got.(Failure)
	wf, wok := want.(Failure)
	if gok || wok {
		return gok && wok && gf.Err.Code == wf.Err.Code && gf.Err.Reason == wf.Err.Reason
	}
	return got == want
}

// checkRendered fails the test if r renders as no text, or as text a verb was
// missing an argument for.
func checkRendered(t *testing.T, r Reply) {
	t.Helper()
	text := RenderText(r)
	if strings.TrimSpace(text) == "" || leftover.MatchString(text) {
		t.Errorf("RenderText = %q", text)
	}
}
