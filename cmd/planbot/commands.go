package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sort"
	"strings"
	"time"

	"planbot/bot"
	"planbot/bot/console"
	"planbot/bot/feishu"
	"planbot/bot/report"
	"planbot/bot/schedule"
	slackbot "planbot/bot/slack"
	"planbot/planner"
	"planbot/storage"
)

// environment is what the process gives planbot: its streams, env and clock.
type environment struct {
	getenv         func(string) string
	stdin          io.Reader
	stdout, stderr io.Writer
	now            func() time.Time
	log            *slog.Logger
	listening      func(addr string) // told each address serve listens on (tests)
	fonts          []string          // font files tried for charts when PLANBOT_FONT is unset; nil: report.FontCandidates
	tokenRetest    time.Duration     // how often serve asks Slack again about tokens it could not check; 0: tokenRetestEvery
}

// open opens the database (creating it only if create: see openDB) and
// builds the planner service for cfg.
func (e *environment) open(ctx context.Context, cfg *config, create bool) (*planner.Service, func() error, error) {
	db, err := openDB(ctx, cfg.db, create)
	if err != nil {
		return nil, nil, err
	}
	return e.service(db, cfg), db.Close, nil
}

// service builds the planner service on db with cfg's clock, zone and language.
func (e *environment) service(db *storage.DB, cfg *config) *planner.Service {
	return planner.NewService(db, planner.Options{Now: cfg.clock, Loc: cfg.loc, Lang: cfg.teamLang})
}

func (e *environment) console(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("console", &cfg, e.getenv, e.stderr)
	user := fs.String("user", envOr(e.getenv, "USER", "me"), "your user id and name")
	team := fs.String("team", "local", "your team's name")
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	svc, closeDB, err := e.open(ctx, &cfg, true)
	if err != nil {
		return err
	}
	defer closeErr(closeDB, &err)
	c := &console.Console{
		Handler: &bot.Handler{Service: svc, Log: e.log},
		Actor:   planner.Actor{TeamID: *team, TeamName: *team, UserID: *user, UserName: *user, Admin: true},
		In:      e.stdin, Out: e.stdout, Prompt: isTerminal(e.stdin),
	}
	if c.Prompt {
		fmt.Fprintf(e.stdout, "planbot console · team %s · you are %s · type help; quit (or Ctrl-D) to leave\n", *team, *user)
	}
	return c.Run(ctx)
}

func (e *environment) digest(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("digest", &cfg, e.getenv, e.stderr)
	team := fs.String("team", "", "the team (required when there are several)")
	week := fs.String("week", "", "the week, YYYY-Www (default: the current week)")
	format := fs.String("format", "text", "text, json, or blocks (the Slack messages as posted)")
	post := fs.Bool("post", false, "post it to the team's Slack channel now (SLACK_BOT_TOKEN)")
	force := fs.Bool("force", false, "with --post: post a week again, or before its time (a preview)")
	chartFile := fs.String("chart", "", "write the week's chart, a PNG, to this file instead of printing the digest (a Chinese font: PLANBOT_FONT)")
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	if *format != "text" && *format != "json" && *format != "blocks" {
		return usagef("digest: --format must be text, json or blocks, not %q", *format)
	}
	font, err := e.digestChartFont(*chartFile, *post, given(fs, "format"))
	if err != nil {
		return err
	}
	svc, closeDB, err := e.open(ctx, &cfg, false)
	if err != nil {
		return err
	}
	defer closeErr(closeDB, &err)
	t, w, err := e.teamAndWeek(ctx, svc, *team, *week)
	if err != nil {
		return err
	}
	if *post {
		return e.post(ctx, svc, t, w, *force)
	}
	r, err := svc.Retro(ctx, t.ID, w)
	if err != nil {
		return err
	}
	lang := svc.For(t, planner.Member{}).Lang
	if *chartFile != "" {
		return e.writeChart(ctx, svc, t, r, lang, font, *chartFile)
	}
	if len(r.Members) == 0 {
		e.sayEmpty(t, w, *week == "")
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	switch *format {
	case "json":
		return enc.Encode(r)
	case "blocks":
		return enc.Encode(slackbot.RetroMessages(lang, r))
	}
	_, err = fmt.Fprintln(e.stdout, bot.RetroText(lang, r))
	return err
}

// post posts a week's retrospective to the team's Slack channel, through the
// same exactly-once ledger as the scheduled run.
func (e *environment) post(ctx context.Context, svc *planner.Service, t planner.Team, w planner.Week, force bool) error {
	var jobs messengers
	if strings.HasPrefix(t.ID, feishu.TeamPrefix) {
		fc, on, err := readFeishuConfig(e.getenv)
		switch {
		case err != nil:
			return err
		case !on:
			return usagef("team %s is on Feishu: set FEISHU_APP_ID and FEISHU_APP_SECRET%s", t.ID, feishuSetupHint)
		}
		jobs.feishu = feishu.Messenger{API: e.feishuApp(svc, fc).API}
	} else {
		sc, err := readSlackConfig(e.getenv, false)
		if err != nil {
			return err
		}
		app, _ := e.slackApp(svc, sc)
		jobs.slack = slackbot.Messenger{API: app.API}
	}
	font, err := e.chartFont(false)
	if err != nil {
		return err
	}
	team, err := (&schedule.Scheduler{Service: svc, Messenger: jobs, Log: e.log, ChartFont: font}).PostNow(ctx, t.ID, w, force)
	if err != nil {
		if planner.ErrorOf(err).Code == planner.Conflict {
			return usagef("digest --post: %s", bot.Explain(planner.English, err))
		}
		return err
	}
	fmt.Fprintf(e.stdout, "posted the retrospective of %s to channel %s\n", w, team.DigestChannel)
	return nil
}

func (e *environment) export(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("export", &cfg, e.getenv, e.stderr)
	team := fs.String("team", "", "the team (required when there are several)")
	week := fs.String("week", "", "the week, YYYY-Www (default: the current week)")
	format := fs.String("format", "csv", "csv, or xlsx (the weekly Excel report)")
	out := fs.String("out", "", "write to this file instead of stdout (xlsx: required when stdout is a terminal)")
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	if *format != "csv" && *format != "xlsx" {
		return usagef("export: --format must be csv or xlsx, not %q", *format)
	}
	if *format == "xlsx" && *out == "" && writesToTerminal(e.stdout) {
		return usagef("export: an xlsx file is binary; write it to a file with --out report.xlsx (or redirect stdout)")
	}
	svc, closeDB, err := e.open(ctx, &cfg, false)
	if err != nil {
		return err
	}
	defer closeErr(closeDB, &err)
	t, w, err := e.teamAndWeek(ctx, svc, *team, *week)
	if err != nil {
		return err
	}
	var file bytes.Buffer // whole before a byte is written: a failure leaves no half file
	if *format == "xlsx" {
		weekReport, err := report.BuildWeekReport(ctx, svc, t, w)
		if err != nil {
			return err
		}
		if len(weekReport.Items) == 0 && len(weekReport.Retro.Members) == 0 {
			e.sayEmpty(t, w, *week == "")
		}
		if err := report.WriteXLSX(&file, weekReport); err != nil {
			return err
		}
	} else {
		items, err := svc.ItemsOf(ctx, t.ID, "", w)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			e.sayEmpty(t, w, *week == "")
		}
		if err := bot.WriteCSV(&file, items); err != nil {
			return err
		}
	}
	if *out == "" {
		_, err = e.stdout.Write(file.Bytes())
		return err
	}
	if err := os.WriteFile(*out, file.Bytes(), 0o600); err != nil {
		return usagef("export: --out: %v", err)
	}
	return nil
}

// sayEmpty tells, on stderr, that team t has nothing in week w: the report
// that follows is empty. current is when w is the default, this week.
func (e *environment) sayEmpty(t planner.Team, w planner.Week, current bool) {
	name := teamLabel(t)
	hint := ""
	if current {
		hint = fmt.Sprintf(" (this week; another: --week %s)", w.Prev())
	}
	fmt.Fprintf(e.stderr, "planbot: team %s has nothing in %s%s\n", name, w, hint)
}

// teamLabel is how a terminal line names team t: its name, else its id, on
// one line and without control characters (the name came from Slack).
func teamLabel(t planner.Team) string {
	if t.Name == "" {
		return planner.OneLine(t.ID)
	}
	return planner.OneLine(t.Name)
}

// writesToTerminal reports whether w is an interactive terminal.
func writesToTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isTerminal(f)
}

// teamAndWeek picks the team (the only one, or the one named) and the week.
func (e *environment) teamAndWeek(ctx context.Context, svc *planner.Service, name, week string) (planner.Team, planner.Week, error) {
	w, err := svc.Week(week)
	if err != nil {
		return planner.Team{}, planner.Week{}, usagef("--week: %q is not a week like 2025-W47", week)
	}
	teams, err := svc.Teams(ctx)
	if err != nil {
		return planner.Team{}, planner.Week{}, err
	}
	var names []string
	for _, t := range teams {
		if name == "" && len(teams) == 1 || name != "" && (t.ID == name || t.Name == name) {
			return t, w, nil
		}
		names = append(names, planner.OneLine(t.Name))
	}
	sort.Strings(names)
	switch {
	case len(teams) == 0:
		return planner.Team{}, planner.Week{}, usagef("no team has logged anything yet; try: planbot console")
	case name == "":
		return planner.Team{}, planner.Week{}, usagef("several teams: choose one with --team (%s)", strings.Join(names, ", "))
	}
	return planner.Team{}, planner.Week{}, usagef("no team %q; teams: %s", name, strings.Join(names, ", "))
}

// closeErr closes and keeps the first error.
func closeErr(close func() error, err *error) {
	if cerr := close(); *err == nil {
		*err = cerr
	}
}

// isTerminal reports whether r is an interactive terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
