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
	Weeks   *WeekCache // keeps week views while they are current; nil keeps none
	// JoinOnWrite leaves one who only looks (week, team, help) out of the
	// team's members until their first command that writes (the console,
	// whose --user is any name); else every command records its member.
	JoinOnWrite bool
}

// Handle answers cmd, a /plan line from actor (ParseCommand's), from the
// chat platform p: what the command asks beyond its answer, p carries out.
func (h *Handler) Handle(ctx context.Context, p Platform, actor planner.Actor, cmd Command) Reply {
	t, err := h.turn(ctx, actor, cmd)
	if err != nil {
		return h.fail(h.Service.Lang, cmd, err)
	}
	body, whenLang, err := t.run(ctx, cmd)
	written := verbLang(cmd) // the language of what the member wrote
	if written == "" {
		written = whenLang
	}
	if written == "" && hasHan(cmd.Args) {
		written = planner.Chinese // "出差北京" with no verb or when: answer in the words' language
	}
	if written == "" && t.Service.LangGuessed() && hasEnglishWord(cmd.Args) {
		written = planner.English // "visit Changcheng Auto": English words beat the zone's guess
	}
	lang := t.Member.Lang
	if lang == "" {
		lang = written
	}
	if lang == "" {
		lang = t.Service.Lang
	}
	if err != nil {
		return h.fail(lang, cmd, err)
	}
	if set, ok := body.(LangSet); ok {
		lang = set.Lang
	} else if t.Member.Lang == "" && wroteChinese(cmd, whenLang) {
		h.learnChinese(ctx, t)
	}
	return Reply{Lang: lang, Body: h.start(ctx, p, t.Actor, lang, body)}
}

// laterDays returns, for the items of it that a bare weekday or day of the
// month put on a day gone by ("周一 制定本周计划" on a Sunday, "3-5日" on the
// 17th), the day to offer instead. Items come in the order of it's drafts.
func laterDays(it planner.Itinerary, items []planner.Item, today planner.Date) map[int64]planner.Date {
	var later map[int64]planner.Date
	for i, item := range items {
		if i >= len(it.Drafts) || it.Drafts[i].Later == (planner.Date{}) || !item.Start.Before(today) {
			continue
		}
		if later == nil {
			later = map[int64]planner.Date{}
		}
		later[item.ID] = it.Drafts[i].Later
	}
	return later
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

// Turn is one member's request in progress: who they are, their team's
// settings, and the planner service as it works for them (their zone, their
// team's language).
type Turn struct {
	Actor   planner.Actor
	Team    planner.Team
	Member  planner.Member
	Service *planner.Service

	weeks *WeekCache
}

// Begin records the actor as a member of their team and returns their Turn.
func (h *Handler) Begin(ctx context.Context, a planner.Actor) (*Turn, error) {
	team, member, err := h.Service.Join(ctx, a)
	if err != nil {
		return nil, err
	}
	return h.turnOf(a, team, member), nil
}

// Lang returns the language to answer this member in when nothing they typed tells.
func (t *Turn) Lang() planner.Lang {
	if t.Member.Lang != "" {
		return t.Member.Lang
	}
	return t.Service.Lang
}

// run carries out cmd. It returns the language of the line's when, if it had one.
func (t *Turn) run(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	s, a := t.Service, t.Actor
	if err := planner.CheckText(cmd.Args); err != nil {
		return nil, "", err // whatever the verb: bytes that are not text are neither stored nor echoed
	}
	switch cmd.Verb {
	case VerbMistyped:
		return nil, "", planner.Errorf(planner.Invalid, reasonDidYouMean, cmd.Args)
	case VerbAdd:
		items, it, err := s.Add(ctx, a, cmd.Args)
		return Added{Items: items, Unlinked: it.Unlinked, Later: laterDays(it, items, s.Today()), Vague: vagueAmounts(items)}, it.Lang, err
	case VerbWeek, VerbTeam:
		return t.week(ctx, cmd)
	case VerbDone, VerbCancel, VerbMove, VerbEdit:
		return t.change(ctx, cmd)
	case VerbHistory:
		return t.history(ctx, cmd)
	case VerbLead:
		return t.lead(ctx, cmd)
	case VerbLeads:
		views, err := s.Leads(ctx, a, cmd.Args)
		return PipelineView{Companies: views, Filter: cmd.Args, Today: s.Today()}, "", err
	case VerbTarget:
		return t.targets(ctx, cmd)
	case VerbNote:
		return t.note(ctx, cmd.Args)
	case VerbSetup:
		return t.setup(ctx, cmd)
	case VerbNew:
		return FormOpening{}, "", nil
	case VerbDigest:
		return t.digest(ctx, cmd)
	case VerbRemind:
		return RemindSet{Off: cmd.Off}, "", s.SetRemindOff(ctx, a, cmd.Off)
	case VerbExport:
		return t.export(ctx, cmd)
	case VerbReport:
		return t.report(ctx, cmd)
	case VerbForget:
		return t.forget(ctx, cmd.Member)
	case VerbLang:
		lang, ok := planner.ParseLang(cmd.Args)
		if !ok {
			return nil, "", planner.Errorf(planner.Invalid, planner.ReasonBadLang, cmd.Args)
		}
		return LangSet{Lang: lang}, "", s.SetLang(ctx, a, lang)
	}
	return Help{}, "", nil
}

func (t *Turn) week(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	w, err := t.Service.Week(cmd.Week)
	if err != nil {
		return nil, "", err
	}
	view, err := t.WeekView(ctx, w, cmd.Verb == VerbTeam)
	return view, "", err
}

// WeekView returns the member's week w, or the whole team's: from the
// handler's WeekCache when it keeps the view at the team's revision, else
// from the store.
func (t *Turn) WeekView(ctx context.Context, w planner.Week, team bool) (WeekView, error) {
	view := WeekView{Week: w, Team: team, TeamName: t.Team.Name, Viewer: t.Actor.UserID}
	key := weekKey{team: t.Actor.TeamID, user: t.Actor.UserID, week: w}
	if team {
		key.user = ""
	}
	if kept := t.weeks.get(key, t.Team.Revision); kept != nil {
		view.Items, view.cached = kept.items, kept
		return view, nil
	}
	// Read after the revision was: the items are at least as new as it says.
	items, err := t.Service.ItemsOf(ctx, key.team, key.user, w)
	if err != nil {
		return view, err
	}
	view.Items, view.cached = items, t.weeks.put(key, t.Team.Revision, items)
	return view, nil
}

func (t *Turn) setup(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	switch cmd.Setting {
	case "digest", "remind":
		return t.setupSchedule(ctx, cmd.Setting, strings.Fields(cmd.Value))
	case "index":
		return t.setupIndex(ctx, cmd.Value)
	case "month":
		return t.setupMonth(ctx, strings.Fields(cmd.Value))
	case "channel":
		// The platform checks the channel, and that it can post there, before storing it.
		return SetupChannel{Channel: t.Actor.ChannelID}, "", planner.CheckAdmin(t.Actor)
	case "tz":
		team, err := t.Service.SetTeamZone(ctx, t.Actor, cmd.Value)
		return SetupDone{Team: team}, "", err
	case "name":
		return t.setupName(ctx, cmd.Value)
	case "target":
		return t.setupTarget(ctx, cmd)
	}
	lang, ok := planner.ParseLang(cmd.Value)
	if !ok {
		return nil, "", planner.Errorf(planner.Invalid, planner.ReasonBadLang, cmd.Value)
	}
	team, err := t.Service.SetTeamLang(ctx, t.Actor, lang)
	return SetupDone{Team: team}, "", err
}

// setupSchedule changes when the retrospective or a reminder runs.
func (t *Turn) setupSchedule(ctx context.Context, what string, words []string) (Body, planner.Lang, error) {
	job := planner.JobRetro
	if what == "remind" {
		job, words = reminderJob(words)
	}
	sch, err := parseSchedule(job, words)
	if err != nil {
		return nil, "", err
	}
	if err := t.Service.SetSchedule(ctx, t.Actor, sch); err != nil {
		return nil, "", err
	}
	all, err := t.Service.SchedulesOf(ctx, t.Actor.TeamID)
	return ScheduleView{Schedules: all}, "", err
}

// digest previews a week's retrospective, or has the platform post it.
func (t *Turn) digest(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	w, err := t.Service.Week(cmd.Week)
	if err != nil {
		return nil, "", err
	}
	if cmd.Post {
		return Posting{Week: w, Force: cmd.Force}, "", planner.CheckAdmin(t.Actor)
	}
	r, err := t.Service.Retro(ctx, t.Actor.TeamID, w)
	return DigestView{r}, "", err
}

// usage is the error for a command missing its arguments.
func usage(v Verb) error { return planner.Errorf(planner.Invalid, planner.ReasonUsage, string(v)) }

func (t *Turn) note(ctx context.Context, text string) (Body, planner.Lang, error) {
	if text == "" {
		note, w, err := t.Service.Note(ctx, t.Actor)
		return NoteView{Week: w, Text: note}, "", err
	}
	w, err := t.Service.SetNote(ctx, t.Actor, text)
	return NoteView{Week: w, Text: text, Saved: true}, "", err
}

func (t *Turn) export(ctx context.Context, cmd Command) (Body, planner.Lang, error) {
	w, err := t.Service.Week(cmd.Week)
	if err != nil {
		return nil, "", err
	}
	if cmd.Format == "xlsx" {
		return ReportSending{Week: w}, "", nil // the platform makes and sends the file after the answer
	}
	items, err := t.Service.ItemsOf(ctx, t.Actor.TeamID, "", w)
	if err != nil {
		return nil, "", err
	}
	var b strings.Builder
	if err := WriteCSV(&b, items); err != nil {
		return nil, "", err
	}
	return ExportView{Week: w, CSV: b.String()}, "", nil
}
