package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"time"
	_ "time/tzdata" // zones load in a minimal container too

	"planbot/planner"
)

// usageError is bad configuration or a bad command line: main exits 2.
type usageError struct{ error }

func usagef(format string, args ...any) error { return usageError{fmt.Errorf(format, args...)} }

// config is what every subcommand shares: flags after the subcommand beat the env.
type config struct {
	db   string
	tz   string
	lang string
	now  string

	loc      *time.Location
	teamLang planner.Lang
	clock    func() time.Time
}

// newFlags returns a flag set for a subcommand with the shared flags bound to cfg,
// their defaults taken from the environment.
func newFlags(name string, cfg *config, getenv func(string) string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("planbot "+name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.StringVar(&cfg.db, "db", envOr(getenv, "PLANBOT_DB", "planbot.db"), "SQLite database file (PLANBOT_DB)")
	fs.StringVar(&cfg.tz, "tz", envOr(getenv, "PLANBOT_TZ", "Asia/Shanghai"), "the team's time zone (PLANBOT_TZ)")
	fs.StringVar(&cfg.lang, "lang", getenv("PLANBOT_LANG"), "the teams' default language, en or zh (PLANBOT_LANG); unset: zh for a team in Asia/Shanghai, else en")
	fs.StringVar(&cfg.now, "now", getenv("PLANBOT_NOW"), "RFC 3339 instant the calendar clock starts at (PLANBOT_NOW)")
	return fs
}

func envOr(getenv func(string) string, key, fallback string) string {
	if v := getenv(key); v != "" {
		return v
	}
	return fallback
}

// parse reads the subcommand's arguments and checks the shared settings.
func (cfg *config) parse(fs *flag.FlagSet, args []string, realNow func() time.Time) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err}
	}
	if fs.NArg() > 0 {
		return usagef("%s: unexpected argument %q", fs.Name(), fs.Arg(0))
	}
	loc, err := time.LoadLocation(cfg.tz)
	if err != nil || cfg.tz == "" {
		return usagef("PLANBOT_TZ/--tz: unknown time zone %q (try Asia/Shanghai)", cfg.tz)
	}
	cfg.loc = loc
	lang, ok := planner.ParseLang(cfg.lang)
	if !ok && cfg.lang != "" {
		return usagef("PLANBOT_LANG/--lang: %q is not en or zh", cfg.lang)
	}
	cfg.teamLang = lang
	cfg.clock = realNow
	if cfg.now != "" {
		start, err := time.Parse(time.RFC3339, cfg.now)
		if err != nil {
			return usagef("PLANBOT_NOW/--now: %q is not an RFC 3339 time (try 2025-11-17T09:00:00+08:00)", cfg.now)
		}
		cfg.clock = clockFrom(start, realNow)
	}
	return nil
}

// clockFrom returns a clock that reads start at the moment it is made and runs on from there.
func clockFrom(start time.Time, realNow func() time.Time) func() time.Time {
	origin := realNow()
	return func() time.Time { return start.Add(realNow().Sub(origin)) }
}
