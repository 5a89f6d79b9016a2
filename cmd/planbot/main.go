// Command planbot is a Slack bot for investment-promotion teams: members log
// their week with /plan, and the team reads a weekly retrospective. Try it in a
// terminal with "planbot console".
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	e := &environment{getenv: os.Getenv, now: time.Now}
	err := e.run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	var usage usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	case errors.As(err, &usage):
		fmt.Fprintln(os.Stderr, "planbot:", err)
		os.Exit(2)
	default:
		fmt.Fprintln(os.Stderr, "planbot:", err)
		os.Exit(1)
	}
}

const usageText = `usage: planbot <command> [flags]

commands:
  console   type /plan commands in the terminal (try: planbot console)
  digest    print a team's weekly retrospective (--week, --format text|json|blocks, --chart FILE: its chart as a PNG)
  export    print a week's items as CSV, or the weekly Excel report (--week, --format csv|xlsx, --out FILE)
  report    a team's report of a month, quarter, year or days (--month 2025-11 | --quarter 2025-Q4 | --year 2025 | --from D --to D; --member ID, --format text|json|xlsx, --out FILE)
  backup    write a consistent copy of the database to a new file (safe while serve runs)
  forget    erase a member who left, with their items, history, notes and reminders (--user ID)
  serve     run planbot in Slack (SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET or SLACK_APP_TOKEN) and/or Feishu (FEISHU_APP_ID, FEISHU_APP_SECRET)
  version   print the version

Run "planbot <command> -h" for a command's flags.`

// run is planbot's whole program: main only supplies the process's environment.
func (env *environment) run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usageText)
		return usagef("no command given")
	}
	env.stdin, env.stdout, env.stderr = stdin, stdout, stderr
	if env.log == nil {
		env.log = slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
		if len(args) > 0 && args[0] == "serve" {
			env.log = slog.New(slog.NewJSONHandler(stderr, nil))
		}
	}
	switch args[0] {
	case "console":
		return env.console(ctx, args[1:])
	case "digest":
		return env.digest(ctx, args[1:])
	case "export":
		return env.export(ctx, args[1:])
	case "report":
		return env.report(ctx, args[1:])
	case "serve":
		return env.serve(ctx, args[1:])
	case "backup":
		return env.backup(ctx, args[1:])
	case "forget":
		return env.forget(ctx, args[1:])
	case "version", "--version", "-v":
		fmt.Fprintln(stdout, "planbot", version)
		return nil
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usageText)
		return nil
	}
	fmt.Fprintln(stderr, usageText)
	return usagef("unknown command %q", args[0])
}
