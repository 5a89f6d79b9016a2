package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

func compareCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c loadConfig
	var mixText string
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(stderr)
	loadFlags(fs, &c, &mixText)
	planbotPath := fs.String("planbot", "", "the planbot binary to serve with (default: go build it into a temporary directory)")
	pin := fs.Bool("pin", true, "pin the servers to CPU 0 and the load generator to CPU 1 with taskset, when available")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if c.URL != "" || c.PID != 0 {
		return errors.New("compare starts its own servers: --url and --pid are not for it")
	}
	m, err := parseMix(mixText)
	if err != nil {
		return err
	}
	c.Mix, c.URL, c.Secret = m, "http://unused", "planbench-secret"
	if err := c.check(); err != nil {
		return err
	}
	dir, err := os.MkdirTemp("", "planbench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *planbotPath, err = ensurePlanbot(ctx, *planbotPath, dir, stderr); err != nil {
		return err
	}
	self, err := os.Executable()
	if err != nil {
		return err
	}
	p := pinning{note: "not pinned (--pin=false): servers and load generator share all CPUs"}
	if *pin {
		p = choosePinning(runtime.NumCPU())
	}
	slack := fakeSlack()
	defer slack.Close()

	fmt.Fprintf(stdout, "planbench compare: %s, mix %s, %d teams, %d users, %v each\n", modeOf(c), mixText, c.Teams, c.Users, c.Duration)
	fmt.Fprintln(stdout, p.note)
	fmt.Fprintf(stdout, "machine: %d CPUs (runtime.NumCPU), %s/%s\n\n", runtime.NumCPU(), runtime.GOOS, runtime.GOARCH)

	starts := []func() (*server, error){
		func() (*server, error) {
			return startFloor(self, filepath.Join(dir, "floor.db"), c.Secret, p.serverCPU)
		},
		func() (*server, error) {
			return startPlanbot(*planbotPath, filepath.Join(dir, "planbot.db"), c.Secret, slack.URL, p.serverCPU)
		},
	}
	var reports []*report
	for _, start := range starts {
		rep, err := measure(ctx, c, start)
		if err != nil {
			return err
		}
		reports = append(reports, rep)
	}
	writeComparison(stdout, reports[1], reports[0])
	return nil
}

// measure starts a server, runs c's load against it alone and stops it.
func measure(ctx context.Context, c loadConfig, start func() (*server, error)) (*report, error) {
	s, err := start()
	if err != nil {
		return nil, err
	}
	defer s.Stop()
	c.URL, c.PID = s.URL, s.PID
	rep, err := runLoad(ctx, c)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s.Name, err)
	}
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	return rep, nil
}

func modeOf(c loadConfig) string {
	if c.Rate > 0 {
		return fmt.Sprintf("open loop at %g/s", c.Rate)
	}
	return fmt.Sprintf("closed loop, %d in flight", c.Concurrency)
}

// writeComparison prints planbot's and the floor's figures side by side,
// with the ratio planbot/floor (above 1: planbot is slower, or heavier).
func writeComparison(w io.Writer, planbot, floor *report) {
	fmt.Fprintf(w, "%-16s %14s %14s %14s\n", "", "planbot", "floor", "planbot/floor")
	row := func(name, a, b string, ratio float64) {
		fmt.Fprintf(w, "%-16s %14s %14s %14s\n", name, a, b, fmtRatio(ratio))
	}
	row("throughput ok/s", fmt.Sprintf("%.1f", planbot.Throughput), fmt.Sprintf("%.1f", floor.Throughput), div(planbot.Throughput, floor.Throughput))
	for _, l := range []struct {
		name string
		a, b time.Duration
	}{{"p50", planbot.P50, floor.P50}, {"p90", planbot.P90, floor.P90}, {"p99", planbot.P99, floor.P99}, {"max", planbot.Max, floor.Max}} {
		row(l.name, ms(l.a), ms(l.b), div(float64(l.a), float64(l.b)))
	}
	row("requests ok", fmt.Sprint(planbot.OK), fmt.Sprint(floor.OK), div(float64(planbot.OK), float64(floor.OK)))
	row("errors", fmt.Sprint(planbot.ErrorCount()), fmt.Sprint(floor.ErrorCount()), -1)
	if planbot.RSS != nil && floor.RSS != nil {
		row("VmRSS", mib(planbot.RSS.VmRSS), mib(floor.RSS.VmRSS), div(float64(planbot.RSS.VmRSS), float64(floor.RSS.VmRSS)))
		row("VmHWM", mib(planbot.RSS.VmHWM), mib(floor.RSS.VmHWM), div(float64(planbot.RSS.VmHWM), float64(floor.RSS.VmHWM)))
	}
	for _, r := range []struct {
		name string
		rep  *report
	}{{"planbot", planbot}, {"floor", floor}} {
		fmt.Fprintf(w, "\n%s:\n", r.name)
		r.rep.write(w)
	}
}

func div(a, b float64) float64 {
	if b == 0 {
		return -1
	}
	return a / b
}

func fmtRatio(r float64) string {
	if r < 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", r)
}
