package main

import (
	"context"
	"maps"
	"net"
	"net/http"
	"net/http/pprof"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"planbot/bot"
	"planbot/bot/feishu"
	"planbot/bot/schedule"
	slackbot "planbot/bot/slack"
	"planbot/planner"
)

// slackConfig is what serve reads from the environment only: Slack's secrets.
type slackConfig struct {
	botToken, signingSecret, appToken, apiURL string
	admins                                    map[string]bool
}

const slackSetupHint = " (see README.md, \"Run it in Slack\")"

// readSlackConfig reads and checks the Slack settings; secrets come only from
// the env. Serving needs a way to verify requests; posting needs only the bot token.
func readSlackConfig(getenv func(string) string, serving bool) (slackConfig, error) {
	c := slackConfig{
		botToken: getenv("SLACK_BOT_TOKEN"), signingSecret: getenv("SLACK_SIGNING_SECRET"),
		appToken: getenv("SLACK_APP_TOKEN"), apiURL: getenv("SLACK_API_URL"), admins: map[string]bool{},
	}
	switch {
	case c.botToken == "":
		return c, usagef("SLACK_BOT_TOKEN is not set: the bot token, xoxb-…" + slackSetupHint)
	case !strings.HasPrefix(c.botToken, "xoxb-"):
		return c, usagef("SLACK_BOT_TOKEN should start with xoxb-" + slackSetupHint)
	case c.appToken != "" && !strings.HasPrefix(c.appToken, "xapp-"):
		return c, usagef("SLACK_APP_TOKEN should start with xapp- (it turns on Socket Mode)" + slackSetupHint)
	case serving && c.appToken == "" && c.signingSecret == "":
		return c, usagef("SLACK_SIGNING_SECRET is not set: the app's signing secret (or set SLACK_APP_TOKEN for Socket Mode)" + slackSetupHint)
	}
	if c.apiURL != "" && !strings.HasSuffix(c.apiURL, "/") {
		c.apiURL += "/"
	}
	for _, id := range strings.Split(getenv("PLANBOT_ADMINS"), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.admins[id] = true
		}
	}
	return c, nil
}

// shutdownGrace is how long serve waits for in-flight requests and replies.
const shutdownGrace = 10 * time.Second

func (e *environment) serve(ctx context.Context, args []string) (err error) {
	var cfg config
	fs := newFlags("serve", &cfg, e.getenv, e.stderr)
	addr := fs.String("addr", envOr(e.getenv, "PLANBOT_ADDR", ":3000"), "where to listen (PLANBOT_ADDR)")
	metricsAddr := fs.String("metrics-addr", e.getenv("PLANBOT_METRICS_ADDR"), "serve /metrics here instead (PLANBOT_METRICS_ADDR)")
	if err := cfg.parse(fs, args, e.now); err != nil {
		return err
	}
	fc, feishuOn, err := readFeishuConfig(e.getenv)
	if err != nil {
		return err
	}
	slackOn := !feishuOn || e.getenv("SLACK_BOT_TOKEN") != "" || e.getenv("SLACK_SIGNING_SECRET") != "" || e.getenv("SLACK_APP_TOKEN") != ""
	var sc slackConfig
	if slackOn {
		if sc, err = readSlackConfig(e.getenv, true); err != nil {
			if !feishuOn {
				return usagef("%v; or, for Feishu, set FEISHU_APP_ID and FEISHU_APP_SECRET%s", err, feishuSetupHint)
			}
			return err
		}
	}
	ensureProcs(e.getenv)
	limitMemory(e.getenv)
	sampleHeap(e.getenv, *metricsAddr != "")
	scheduler, err := e.scheduler()
	if err != nil {
		return err
	}
	scheduler.Admins = maps.Clone(sc.admins) // the ones PLANBOT_ADMINS and FEISHU_ADMINS name are told too
	if scheduler.Admins == nil {
		scheduler.Admins = map[string]bool{}
	}
	maps.Copy(scheduler.Admins, fc.admins)
	db, err := openDB(ctx, cfg.db, true)
	if err != nil {
		return err
	}
	defer closeErr(db.Close, &err)
	svc := e.service(db, &cfg)
	var apps []shutdowner
	var jobs messengers
	var app *slackbot.SlackApp
	var client *slack.Client
	var unchecked error
	metrics := slackbot.NewMetrics()
	if slackOn {
		app, client = e.slackApp(svc, sc)
		var refusal error
		refusal, unchecked = e.checkTokens(ctx, client, sc.appToken != "", app.NameWorkspace)
		if refusal != nil {
			return refusal
		}
		if unchecked != nil {
			e.log.Warn("cannot check the Slack tokens: starting anyway, asking again in the background", "err", unchecked)
		}
		app.Poster, metrics = scheduler, app.Metrics // before any request can ask it to post
		jobs.slack = slackbot.Messenger{API: app.API}
		apps = append(apps, app)
	}
	var fapp *feishu.App
	if feishuOn {
		fapp = e.feishuApp(svc, fc)
		fapp.Poster = scheduler
		jobs.feishu = feishu.Messenger{API: fapp.API}
		apps = append(apps, fapp)
	}
	scheduler.Service, scheduler.Messenger, scheduler.Log, scheduler.Sent = svc, jobs, e.log, metrics.CountSend
	scheduler.WarnHorizon()
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", slackbot.HealthHandler(db.Ping))
	servers := []*http.Server{newServer(*addr, slackbot.Recover(e.log, mux))}
	if *metricsAddr == "" {
		mux.Handle("GET /metrics", metrics.Handler())
	} else {
		metricsMux := http.NewServeMux()
		metricsMux.Handle("GET /metrics", metrics.Handler())
		// The private metrics address also serves Go's profiler (/debug/pprof/), never the public one.
		metricsMux.HandleFunc("/debug/pprof/", pprof.Index)
		metricsMux.HandleFunc("/debug/pprof/profile", pprof.Profile)
		metricsMux.HandleFunc("/debug/pprof/trace", pprof.Trace)
		servers = append(servers, newServer(*metricsAddr, metricsMux))
	}
	if slackOn && sc.appToken == "" {
		app.Routes(mux, slackbot.Verifier{Secret: sc.signingSecret})
	}
	failed := make(chan error, len(servers)+3) // the servers, Socket Mode, the tokens' retest, Feishu's long connection
	// Socket Mode, Feishu's long connection and the scheduler run until stop:
	// the scheduler stops between two messages, leaving the rest due for the
	// next start.
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	var running sync.WaitGroup
	if feishuOn {
		wait := e.serveFeishu(ctx, fapp, fc, mux, failed) // its route before the server starts
		running.Go(wait)
	}
	for _, srv := range servers {
		ln, err := net.Listen("tcp", srv.Addr)
		if err != nil {
			// Stop the servers already listening: the database closes on return.
			stop()
			e.shutdown(servers, scheduler, apps, &running)
			return usagef("PLANBOT_ADDR/PLANBOT_METRICS_ADDR: cannot listen on %s: %v", srv.Addr, err)
		}
		e.log.Info("listening", "addr", ln.Addr().String())
		if e.listening != nil {
			e.listening(ln.Addr().String())
		}
		go func() { failed <- srv.Serve(ln) }()
	}
	if slackOn && sc.appToken != "" {
		e.log.Info("connecting to Slack in Socket Mode")
		running.Go(func() {
			if err := app.RunSocketMode(ctx, socketmode.New(client)); err != nil {
				failed <- err
			}
		})
	}
	running.Go(func() { scheduler.Run(ctx, time.Minute) })
	if unchecked != nil {
		running.Go(func() {
			if err := e.retestTokens(ctx, client, sc.appToken != "", app.NameWorkspace); err != nil {
				failed <- err
			}
		})
	}
	select {
	case <-ctx.Done():
	case err = <-failed:
	}
	stop()
	e.shutdown(servers, scheduler, apps, &running)
	return err
}

// shutdowner is an adapter whose work after answers shutdown waits for.
type shutdowner interface {
	Shutdown(ctx context.Context) error
}

// minProcs is the fewest Ps (runtime.GOMAXPROCS) serve runs with. SQLite runs
// in cgo calls, and a goroutine in a cgo call keeps its P while it waits for
// the disk (the writer's fsync at each commit) until the runtime hands the P
// to another thread. With one P (one CPU, or a taskset of one) every HTTP
// handler waits for that (BENCHMARKS.md has planbench's figures on one
// pinned CPU).
const minProcs = 2

// ensureProcs raises GOMAXPROCS to minProcs, unless the environment sets it.
func ensureProcs(getenv func(string) string) {
	if getenv("GOMAXPROCS") == "" && runtime.GOMAXPROCS(0) < minProcs {
		runtime.GOMAXPROCS(minProcs)
	}
}

// newServer is an HTTP server with timeouts, so that slow or idle clients
// cannot hold connections open.
func newServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr: addr, Handler: h,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 20 * time.Second, IdleTimeout: 60 * time.Second,
	}
}

// fanOutPace spaces the reminders of a fan-out to Slack's rate tiers:
// conversations.open allows about 50 calls a minute.
const fanOutPace = 1200 * time.Millisecond

// slackApp builds the Slack adapter for svc with Slack's settings, and the
// Slack client it calls (for the token checks and Socket Mode).
func (e *environment) slackApp(svc *planner.Service, sc slackConfig) (*slackbot.SlackApp, *slack.Client) {
	metrics := slackbot.NewMetrics()
	options := []slack.Option{
		// TrueMetadata: include_all_metadata=true, as Slack documents it (the retrospective's recovery reads it).
		slack.OptionHTTPClient(slackbot.TrueMetadata{Client: &http.Client{Timeout: 10 * time.Second, Transport: metrics.Transport(http.DefaultTransport)}}),
		slack.OptionRetry(3), // on 429, wait Retry-After and try again (after the HTTP client, to wrap it)
	}
	if sc.apiURL != "" {
		options = append(options, slack.OptionAPIURL(sc.apiURL))
	}
	if sc.appToken != "" {
		options = append(options, slack.OptionAppLevelToken(sc.appToken))
	}
	client := slack.New(sc.botToken, options...)
	return &slackbot.SlackApp{
		Handler: &bot.Handler{Service: svc, Log: e.log, Weeks: &bot.WeekCache{}},
		API:     client, Admins: sc.admins, Log: e.log, Metrics: metrics,
		HTTP: &http.Client{Timeout: 10 * time.Second}, Now: e.now,
	}, client
}

// scheduler reads PLANBOT_CALENDAR: cn (China's working calendar for every
// team), none, or unset: China's for each team whose zone is Asia/Shanghai;
// and finds the font of the retrospective's chart (PLANBOT_FONT).
func (e *environment) scheduler() (*schedule.Scheduler, error) {
	s := &schedule.Scheduler{Pace: fanOutPace}
	font, err := e.chartFont(false)
	if err != nil {
		return nil, err
	}
	s.ChartFont = font
	switch name := e.getenv("PLANBOT_CALENDAR"); name {
	case "cn":
		s.Calendar = planner.ChinaCalendar{}
	case "":
		s.AutoCalendar = true
	case "none":
	default:
		return nil, usagef("PLANBOT_CALENDAR: %q is not cn or none", name)
	}
	return s, nil
}

// shutdown stops accepting, waits for Socket Mode and the scheduler (already
// told to stop, but finishing a retrospective's thread), then lets in-flight
// replies and the work after answers finish, all within shutdownGrace: what
// still runs near its end is cancelled, and the members whose work it was
// are told (slackbot.SlackApp.Shutdown, feishu.App.Shutdown). Running out of time is logged, not an
// error: serve still exits 0 in time.
func (e *environment) shutdown(servers []*http.Server, poster interface{ Abandon() }, apps []shutdowner, running *sync.WaitGroup) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	// Answers take under 3 s; the rest of the grace is for the work after them.
	answers, cancelAnswers := context.WithTimeout(ctx, shutdownGrace/2)
	defer cancelAnswers()
	for _, srv := range servers {
		if err := srv.Shutdown(answers); err != nil {
			e.log.Warn("shutdown: closing connections still open", "addr", srv.Addr, "err", err)
			srv.Close()
		}
	}
	stopped := make(chan struct{})
	go func() { running.Wait(); close(stopped) }()
	late, cancelLate := context.WithTimeout(ctx, shutdownGrace-abandonReserve)
	defer cancelLate()
	select {
	case <-stopped:
	case <-late.Done():
		e.log.Warn("shutdown: cutting the scheduler's unfinished retrospective thread")
		poster.Abandon()
		select {
		case <-stopped:
		case <-ctx.Done():
			e.log.Error("shutdown: the scheduler did not stop in time")
		}
	}
	for _, app := range apps {
		if err := app.Shutdown(ctx); err != nil {
			e.log.Error("shutdown", "err", err)
		}
	}
}

// abandonReserve is how long before the end of shutdownGrace the scheduler's
// unfinished work is cut, to leave the rest time to end.
const abandonReserve = 3 * time.Second
