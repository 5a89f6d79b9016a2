package bot

import (
	"context"
	"log/slog"
	"strings"
	"unicode"

	"planbot/planner"
)

// Handler answers /plan lines for any transport: it parses the line, asks the
// planner service and returns a Reply. It never writes anything on a failure.
type Handler struct {
	Service *planner.Service
	Log     *slog.Logger
}

// Handle answers one /plan line (without the command name) from actor.
func (h *Handler) Handle(ctx context.Context, actor planner.Actor, line string) Reply {
	cmd := ParseCommand(line)
	member, err := h.Service.Join(ctx, actor)
	if err != nil {
		return h.fail(h.Service.Lang, cmd, err)
	}
	lang := member.Lang
	if lang == "" {
		lang = cmd.Lang
	}
	body, whenLang, err := h.run(ctx, actor, cmd)
	if lang == "" {
		lang = whenLang
	}
	if lang == "" && hasHan(cmd.Args) {
		lang = planner.Chinese // "出差北京" with no verb or when: answer in the words' language
	}
	if lang == "" {
		lang = h.Service.Lang
	}
	if err != nil {
		return h.fail(lang, cmd, err)
	}
	if set, ok := body.(LangSet); ok {
		lang = set.Lang
	}
	return Reply{Lang: lang, Body: body}
}

// hasHan reports whether s contains Chinese characters.
func hasHan(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Han, r) }) >= 0
}

func (h *Handler) fail(lang planner.Lang, cmd Command, err error) Reply {
	e := planner.ErrorOf(err)
	if e.Code == planner.Internal {
		h.Log.Error("command failed", "verb", cmd.Verb, "err", err)
	}
	return Reply{Lang: lang, Body: Failure{Err: e}}
}

// run carries out cmd. It returns the language of the line's when, if it had one.
func (h *Handler) run(ctx context.Context, a planner.Actor, cmd Command) (Body, planner.Lang, error) {
	s := h.Service
	switch cmd.Verb {
	case VerbAdd:
		items, it, err := s.Add(ctx, a, cmd.Args)
		return Added{Items: items}, it.Lang, err
	case VerbWeek, VerbTeam:
		return h.week(ctx, a, cmd)
	case VerbDone, VerbCancel, VerbMove, VerbEdit:
		return h.change(ctx, a, cmd)
	case VerbHistory:
		return h.history(ctx, a, cmd)
	case VerbNote:
		return h.note(ctx, a, cmd.Args)
	case VerbDigest:
		w, err := s.Week(cmd.Args)
		if err != nil {
			return nil, "", err
		}
		d, err := s.Digest(ctx, a.TeamID, w)
		return DigestView{Digest: d}, "", err
	case VerbExport:
		return h.export(ctx, a, cmd.Args)
	case VerbLang:
		lang, ok := planner.ParseLang(cmd.Args)
		if !ok {
			return nil, "", planner.Errorf(planner.Invalid, planner.ReasonBadLang, cmd.Args)
		}
		return LangSet{Lang: lang}, "", s.SetLang(ctx, a, lang)
	}
	return Help{}, "", nil
}

func (h *Handler) week(ctx context.Context, a planner.Actor, cmd Command) (Body, planner.Lang, error) {
	w, err := h.Service.Week(cmd.Args)
	if err != nil {
		return nil, "", err
	}
	userID := a.UserID
	if cmd.Verb == VerbTeam {
		userID = ""
	}
	items, err := h.Service.ItemsOf(ctx, a.TeamID, userID, w)
	return WeekView{Week: w, Team: cmd.Verb == VerbTeam, TeamName: a.TeamName, Items: items}, "", err
}

func (h *Handler) change(ctx context.Context, a planner.Actor, cmd Command) (Body, planner.Lang, error) {
	id, rest, err := itemArgs(cmd)
	if err != nil {
		return nil, "", err
	}
	if rest == "" && (cmd.Verb == VerbMove || cmd.Verb == VerbEdit) {
		return nil, "", usage(cmd.Verb)
	}
	var it planner.Item
	switch cmd.Verb {
	case VerbDone:
		it, err = h.Service.Done(ctx, a, id, rest)
	case VerbCancel:
		it, err = h.Service.Cancel(ctx, a, id, rest)
	case VerbMove:
		it, err = h.Service.Move(ctx, a, id, rest)
	default:
		it, err = h.Service.Edit(ctx, a, id, rest)
	}
	return Changed{Verb: cmd.Verb, Item: it}, "", err
}

func (h *Handler) history(ctx context.Context, a planner.Actor, cmd Command) (Body, planner.Lang, error) {
	id, _, err := itemArgs(cmd)
	if err != nil {
		return nil, "", err
	}
	it, changes, err := h.Service.History(ctx, a, id)
	return HistoryView{Item: it, Changes: changes, Zone: h.Service.Loc}, "", err
}

// itemArgs reads the item id that starts a command's arguments.
func itemArgs(cmd Command) (int64, string, error) {
	if cmd.Args == "" {
		return 0, "", usage(cmd.Verb)
	}
	return splitID(cmd.Args)
}

// usage is the error for a command missing its arguments.
func usage(v Verb) error { return planner.Errorf(planner.Invalid, planner.ReasonUsage, string(v)) }

func (h *Handler) note(ctx context.Context, a planner.Actor, text string) (Body, planner.Lang, error) {
	if text == "" {
		note, w, err := h.Service.Note(ctx, a)
		return NoteView{Week: w, Text: note}, "", err
	}
	w, err := h.Service.SetNote(ctx, a, text)
	return NoteView{Week: w, Text: text, Saved: true}, "", err
}

func (h *Handler) export(ctx context.Context, a planner.Actor, spec string) (Body, planner.Lang, error) {
	w, err := h.Service.Week(spec)
	if err != nil {
		return nil, "", err
	}
	items, err := h.Service.ItemsOf(ctx, a.TeamID, "", w)
	if err != nil {
		return nil, "", err
	}
	var b strings.Builder
	if err := WriteCSV(&b, items); err != nil {
		return nil, "", err
	}
	return ExportView{Week: w, CSV: b.String()}, "", nil
}
