package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sync"
	"syscall"
	"time"
)

// startupCmd measures how long "planbot serve" takes, from exec to the first
// 200 from GET /healthz, on a given database, over several starts.
func startupCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("startup", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dbPath := fs.String("db", "", "the database to serve (planbench gendb makes the 520k-item one)")
	runs := fs.Int("runs", 5, "how many times to start planbot")
	planbotPath := fs.String("planbot", "", "the planbot binary (default: go build it into a temporary directory)")
	now := fs.String("now", "", "PLANBOT_NOW for the server's clock (default: the real clock)")
	inPlace := fs.Bool("in-place", false, "serve --db itself; by default a copy, since serve's scheduler writes to the ledger")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dbPath == "" || *runs < 1 {
		return errors.New("startup: --db is required and --runs must be at least 1")
	}
	fi, err := os.Stat(*dbPath)
	if err != nil {
		return fmt.Errorf("startup: %w", err)
	}
	dir, err := os.MkdirTemp("", "planbench-startup-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if *planbotPath, err = ensurePlanbot(ctx, *planbotPath, dir, stderr); err != nil {
		return err
	}
	db := *dbPath
	if !*inPlace {
		db = filepath.Join(dir, "planbot.db")
		if err := copyDB(*dbPath, db); err != nil {
			return fmt.Errorf("startup: copy %s: %w", *dbPath, err)
		}
	}
	slack := fakeSlack()
	defer slack.Close()
	env := []string{
		"PLANBOT_DB=" + db, "PLANBOT_ADDR=127.0.0.1:0", "SLACK_BOT_TOKEN=xoxb-bench",
		"SLACK_SIGNING_SECRET=planbench-secret", "SLACK_API_URL=" + slack.URL + "/api/",
	}
	if *now != "" {
		env = append(env, "PLANBOT_NOW="+*now)
	}
	fmt.Fprintf(stdout, "planbench startup: %s (%.1f MB), %d runs, clock %s\n", *dbPath, float64(fi.Size())/1e6, *runs, orReal(*now))
	var ready []time.Duration
	for i := range *runs {
		if err := ctx.Err(); err != nil {
			return err
		}
		s, err := startOnce(*planbotPath, env)
		if err != nil {
			return fmt.Errorf("run %d: %w", i+1, err)
		}
		fmt.Fprintf(stdout, "run %d: /healthz 200 after %s (listening after %s), stopped in %s\n",
			i+1, ms(s.ready), ms(s.listening), ms(s.stop))
		ready = append(ready, s.ready)
	}
	slices.Sort(ready)
	fmt.Fprintf(stdout, "start-up to /healthz 200 over %d runs: min %s, median %s, max %s\n",
		len(ready), ms(ready[0]), ms(median(ready)), ms(ready[len(ready)-1]))
	return nil
}

func orReal(now string) string {
	if now == "" {
		return "real"
	}
	return now
}

// median returns the median of sorted durations.
func median(sorted []time.Duration) time.Duration {
	n := len(sorted)
	if n%2 == 1 {
		return sorted[n/2]
	}
	return (sorted[n/2-1] + sorted[n/2]) / 2
}

// startTimes are one start's figures, each from exec: until serve logged that
// it listens, until /healthz first answered 200; and how long it took to exit
// after SIGTERM.
type startTimes struct {
	listening, ready, stop time.Duration
}

// healthPoll is how often /healthz is asked while planbot starts.
const healthPoll = time.Millisecond

// startOnce execs "planbot serve" with env, polls its /healthz from the
// moment it logs its address until the first 200, then stops it with SIGTERM.
func startOnce(binary string, env []string) (startTimes, error) {
	var (
		st       startTimes
		mu       sync.Mutex
		start    time.Time
		listenAt time.Time
	)
	logs := &lineWatcher{addr: make(chan string, 1), find: func(line string) (string, bool) {
		addr, ok := planbotListening(line)
		if ok {
			mu.Lock()
			listenAt = time.Now()
			mu.Unlock()
		}
		return addr, ok
	}}
	cmd := exec.Command(binary, "serve")
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, env...)
	cmd.Stdout, cmd.Stderr = logs, logs
	start = time.Now()
	if err := cmd.Start(); err != nil {
		return st, err
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	stop := func() {
		t := time.Now()
		cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(10 * time.Second):
			cmd.Process.Kill()
			<-exited
		}
		st.stop = time.Since(t)
	}
	var url string
	select {
	case addr := <-logs.addr:
		url = "http://" + addr + "/healthz"
	case err := <-exited:
		return st, fmt.Errorf("planbot exited before listening (%v):\n%s", err, logs)
	case <-time.After(startLimit):
		stop()
		return st, fmt.Errorf("planbot is not listening after %v:\n%s", startLimit, logs)
	}
	client := &http.Client{Timeout: time.Second}
	for deadline := start.Add(startLimit); ; time.Sleep(healthPoll) {
		resp, err := client.Get(url)
		if err == nil {
			io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				st.ready = time.Since(start)
				break
			}
		}
		if time.Now().After(deadline) {
			stop()
			return st, fmt.Errorf("/healthz never answered 200:\n%s", logs)
		}
	}
	mu.Lock()
	st.listening = listenAt.Sub(start)
	mu.Unlock()
	stop()
	return st, nil
}

// copyDB copies a SQLite file, with its WAL if it has one, to a new path.
func copyDB(from, to string) error {
	for _, suffix := range []string{"", "-wal"} {
		if err := copyFile(from+suffix, to+suffix); err != nil && !(suffix != "" && errors.Is(err, os.ErrNotExist)) {
			return err
		}
	}
	return nil
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}
