package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// loadConfig is one load run's settings.
type loadConfig struct {
	URL         string
	Secret      string
	Rate        float64       // open loop: requests per second (0: closed loop)
	Concurrency int           // closed loop: requests in flight
	Duration    time.Duration // how long requests are issued
	Grace       time.Duration // how long in-flight requests may finish after Duration
	MaxInFlight int           // open loop: at most this many requests outstanding
	Mix         mix
	Teams       int
	Users       int
	PID         int  // the server's process, for its RSS; 0: not read
	BenchIDs    bool // the ids of planbench gendb's database
}

// loadFlags registers load's flags on fs, into c.
func loadFlags(fs *flag.FlagSet, c *loadConfig, mixText *string) {
	fs.StringVar(&c.URL, "url", "", "the server's base URL, e.g. http://127.0.0.1:3000 (requests go to /slack/commands)")
	fs.StringVar(&c.Secret, "secret", "", "the Slack signing secret the server verifies with")
	fs.Float64Var(&c.Rate, "rate", 0, "open loop: issue this many requests a second, each at its intended time")
	fs.IntVar(&c.Concurrency, "concurrency", 0, "closed loop: keep this many requests in flight (default 4 when --rate is not set)")
	fs.DurationVar(&c.Duration, "duration", 10*time.Second, "how long to issue requests; the run stops by itself")
	fs.DurationVar(&c.Grace, "grace", 5*time.Second, "how long requests still in flight at --duration may take before they count as errors")
	fs.IntVar(&c.MaxInFlight, "max-inflight", 512, "open loop: most requests outstanding at once")
	fs.StringVar(mixText, "mix", "adds=80,week=15,team=5", "share of each command: adds (add an item), week (/plan week), team (/plan team)")
	fs.IntVar(&c.Teams, "teams", 20, "how many teams the requests come from")
	fs.IntVar(&c.Users, "users", 1000, "how many users the requests come from, spread over the teams")
	fs.IntVar(&c.PID, "pid", 0, "the server's process id: report its RSS (VmRSS, VmHWM from /proc/PID/status)")
	fs.BoolVar(&c.BenchIDs, "benchdb-ids", false, "use the team and user ids of planbench gendb's database (T001…, U001001…), to read its weeks")
}

// check validates c and fills defaults.
func (c *loadConfig) check() error {
	switch {
	case c.URL == "":
		return errors.New("--url is required")
	case c.Secret == "":
		return errors.New("--secret is required")
	case c.Rate > 0 && c.Concurrency > 0:
		return errors.New("give --rate (open loop) or --concurrency (closed loop), not both")
	case c.Rate < 0 || c.Concurrency < 0:
		return errors.New("--rate and --concurrency must not be negative")
	case c.Duration <= 0:
		return errors.New("--duration must be positive")
	}
	if c.Rate == 0 && c.Concurrency == 0 {
		c.Concurrency = 4
	}
	c.MaxInFlight = max(c.MaxInFlight, 1)
	if c.Grace <= 0 {
		c.Grace = 5 * time.Second
	}
	if c.Mix == (mix{}) {
		c.Mix = mix{kindAdd: 80, kindWeek: 15, kindTeam: 5}
	}
	c.URL = strings.TrimSuffix(c.URL, "/")
	return nil
}

func loadCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var c loadConfig
	var mixText string
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	fs.SetOutput(stderr)
	loadFlags(fs, &c, &mixText)
	if err := fs.Parse(args); err != nil {
		return err
	}
	m, err := parseMix(mixText)
	if err != nil {
		return err
	}
	c.Mix = m
	if err := c.check(); err != nil {
		return err
	}
	rep, err := runLoad(ctx, c)
	if err != nil {
		return err
	}
	rep.write(stdout)
	return nil
}

// runLoad sends c's load and reports what came of it.
func runLoad(ctx context.Context, c loadConfig) (*report, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	conns := c.Concurrency
	if c.Rate > 0 {
		conns = c.MaxInFlight
	}
	l := &loader{
		cfg: c, endpoint: c.URL + "/slack/commands", rec: newRecorder(),
		client: &http.Client{Transport: &http.Transport{
			MaxIdleConns: conns, MaxIdleConnsPerHost: conns, DisableCompression: true, ForceAttemptHTTP2: false,
		}},
	}
	defer l.client.CloseIdleConnections()
	// The signature's timestamp is second-grained: a ticker keeps it, so that
	// requests do not read the clock for it.
	l.unix.Store(time.Now().Unix())
	clockCtx, stopClock := context.WithCancel(ctx)
	defer stopClock()
	go l.tickClock(clockCtx)

	// Requests still in flight Grace after Duration are cut off.
	reqCtx, cancel := context.WithTimeout(ctx, c.Duration+c.Grace)
	defer cancel()
	start := time.Now()
	if c.Rate > 0 {
		l.openLoop(ctx, reqCtx, start)
	} else {
		l.closedLoop(ctx, reqCtx, start)
	}
	elapsed := time.Since(start)
	rep := l.rec.report(c, elapsed)
	if c.PID > 0 {
		rep.RSS, rep.RSSErr = readRSS(c.PID)
	}
	return rep, nil
}

// loader is one run's shared state.
type loader struct {
	cfg      loadConfig
	endpoint string
	client   *http.Client
	rec      *recorder
	unix     atomic.Int64 // the current Unix second, for signatures
}

func (l *loader) tickClock(ctx context.Context) {
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case now := <-t.C:
			l.unix.Store(now.Unix())
		}
	}
}

// closedLoop runs Concurrency workers, each sending its next request as soon
// as the previous one is answered, until Duration has passed.
func (l *loader) closedLoop(ctx, reqCtx context.Context, start time.Time) {
	deadline := start.Add(l.cfg.Duration)
	var wg sync.WaitGroup
	for w := range l.cfg.Concurrency {
		gen := newGenerator(l.cfg.Secret, l.cfg.Mix, l.cfg.Teams, l.cfg.Users, uint64(w)+1)
		gen.benchIDs = l.cfg.BenchIDs
		wg.Go(func() {
			for ctx.Err() == nil {
				t0 := time.Now()
				if !t0.Before(deadline) {
					return
				}
				l.do(reqCtx, gen.next(l.unix.Load()), t0)
			}
		})
	}
	wg.Wait()
}

// openLoop issues request i at start + i/Rate, whether or not earlier ones
// have been answered, and measures each one's latency from that intended
// time (so that a stalled server is charged for the requests it delayed:
// no coordinated omission). Requests due before Duration ends but not yet
// issued then (the generator was descheduled, or MaxInFlight were
// outstanding) are still issued, late, and charged from their intended
// time; only those not issued before Duration+Grace count as missed.
func (l *loader) openLoop(ctx, reqCtx context.Context, start time.Time) {
	s := scheduler{start: start, interval: time.Duration(float64(time.Second) / l.cfg.Rate), duration: l.cfg.Duration}
	gen := newGenerator(l.cfg.Secret, l.cfg.Mix, l.cfg.Teams, l.cfg.Users, 1)
	gen.benchIDs = l.cfg.BenchIDs
	slots := make(chan struct{}, l.cfg.MaxInFlight)
	var wg sync.WaitGroup
	var launched int64
	s.run(reqCtx, func(intended time.Time) bool {
		select {
		case slots <- struct{}{}:
		case <-reqCtx.Done():
			return false
		}
		req := gen.next(l.unix.Load())
		launched++
		wg.Go(func() {
			defer func() { <-slots }()
			l.do(reqCtx, req, intended)
		})
		return true
	})
	l.rec.missed.Add(s.total() - launched)
	wg.Wait()
}

// do sends req and records its latency from from.
func (l *loader) do(ctx context.Context, req request, from time.Time) {
	outcome := l.send(ctx, req)
	l.rec.record(time.Since(from), outcome)
}

// send posts req and classifies the answer.
func (l *loader) send(ctx context.Context, req request) outcome {
	hr, err := http.NewRequestWithContext(ctx, http.MethodPost, l.endpoint, bytes.NewReader(req.body))
	if err != nil {
		return errTransport
	}
	hr.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	hr.Header.Set("X-Slack-Request-Timestamp", req.timestamp)
	hr.Header.Set("X-Slack-Signature", req.signature)
	resp, err := l.client.Do(hr)
	if err != nil {
		if ctx.Err() != nil {
			return errTimeout
		}
		return errTransport
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return errTransport
	}
	return classify(req.kind, resp.StatusCode, body)
}

// outcome is how one request ended.
type outcome int

const (
	ok           outcome = iota
	errStatus            // not 200
	errNotJSON           // 200 but not a JSON object
	errNotAdded          // an add answered without "Added #n" / "已添加 #n"
	errTransport         // no answer: connection refused or reset
	errTimeout           // still unanswered Grace after Duration
	numOutcomes
)

var outcomeNames = [numOutcomes]string{"ok", "non-200", "non-JSON", "no \"Added #\"", "transport", "timeout"}

// classify checks one answer: 200, a JSON object, and for an add its "Added #".
// A read's answer (a team's week is 20 kB) is only validated, not decoded:
// decoding it took the load generator more CPU than the server answering it.
func classify(k kind, status int, body []byte) outcome {
	if status != http.StatusOK {
		return errStatus
	}
	if k != kindAdd {
		if !json.Valid(body) || !bytes.HasPrefix(bytes.TrimSpace(body), []byte("{")) {
			return errNotJSON
		}
		return ok
	}
	var answer struct {
		Text string `json:"text"`
	}
	if json.Unmarshal(body, &answer) != nil {
		return errNotJSON
	}
	if !strings.Contains(answer.Text, "Added #") && !strings.Contains(answer.Text, "已添加 #") {
		return errNotAdded
	}
	return ok
}
