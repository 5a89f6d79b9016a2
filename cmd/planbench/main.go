// Command planbench measures planbot's HTTP slash-command path against a
// floor: the least work any Slack slash-command app must do (verify the
// signature, parse the form, one durable SQLite INSERT, a small JSON answer).
//
//	planbench load    --url URL --secret S [--rate N | --concurrency C] …
//	planbench floor   --addr 127.0.0.1:0 --db FILE --secret S
//	planbench floor   --addr 127.0.0.1:0 --null
//	planbench compare --duration 10s [--rate N | --concurrency C]
//	planbench gendb   --out FILE
//	planbench startup --db FILE [--runs N]
//
// See BENCHMARKS.md at the repository's root.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

const usageText = `usage: planbench <command> [flags]

commands:
  load      send signed /plan slash commands to a server at a fixed rate or concurrency
  floor     run the floor server: verify, parse, one durable INSERT, small JSON
            (--null: answer at once, doing nothing: the machine's own latency)
  compare   run the same load against planbot serve and the floor, side by side
  gendb     write the 520k-item digest database (20 teams × 50 members × 52 weeks × 10 items)
  startup   time planbot serve from exec to the first 200 from /healthz on a database

Run "planbench <command> -h" for a command's flags.`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	err := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
	default:
		fmt.Fprintln(os.Stderr, "planbench:", err)
		os.Exit(1)
	}
}

// run is planbench's whole program: main only supplies the process's environment.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		fmt.Fprintln(stderr, usageText)
		return errors.New("no command given")
	}
	switch args[0] {
	case "load":
		return loadCmd(ctx, args[1:], stdout, stderr)
	case "floor":
		return floorCmd(ctx, args[1:], stdout, stderr)
	case "compare":
		return compareCmd(ctx, args[1:], stdout, stderr)
	case "gendb":
		return gendbCmd(ctx, args[1:], stdout, stderr)
	case "startup":
		return startupCmd(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprintln(stdout, usageText)
		return nil
	}
	fmt.Fprintln(stderr, usageText)
	return fmt.Errorf("unknown command %q", args[0])
}
