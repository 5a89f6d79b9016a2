package main

import (
	"context"
	"errors"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"planbot/bot"
	"planbot/storage"
)

// slackConfig is what serve reads from the environment only: Slack's secrets.
type slackConfig struct {
	botToken, signingSecret, appToken, apiURL string
	admins                                    map[string]bool
}

const slackSetupHint = " (see README.md, \"Run it in Slack\")"

// readSlackConfig reads and checks the Slack settings; secrets come only from the env.
func readSlackConfig(getenv func(string) string) (slackConfig, error) {
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
	case c.appToken == "" && c.signingSecret == "":
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
	sc, err := readSlackConfig(e.getenv)
	if err != nil {
		return err
	}
	db, err := storage.Open(ctx, cfg.db)
	if err != nil {
		return usagef("PLANBOT_DB/--db: cannot open %q: %v", cfg.db, err)
	}
	defer closeErr(db.Close, &err)
	metrics := bot.NewMetrics()
	options := []slack.Option{
		slack.OptionHTTPClient(&http.Client{Timeout: 10 * time.Second, Transport: metrics.Transport(http.DefaultTransport)}),
		slack.OptionRetry(3), // on 429, wait Retry-After and try again (after the HTTP client, to wrap it)
	}
	if sc.apiURL != "" {
		options = append(options, slack.OptionAPIURL(sc.apiURL))
	}
	if sc.appToken != "" {
		options = append(options, slack.OptionAppLevelToken(sc.appToken))
	}
	app := &bot.SlackApp{
		Handler: &bot.Handler{Service: e.service(db, &cfg), Log: e.log},
		API:     slack.New(sc.botToken, options...), Admins: sc.admins, Log: e.log, Metrics: metrics,
		HTTP: &http.Client{Timeout: 10 * time.Second}, Now: e.now,
	}
	mux := http.NewServeMux()
	mux.Handle("GET /healthz", bot.HealthHandler(db.Ping))
	servers := []*http.Server{{Addr: *addr, Handler: mux, ReadHeaderTimeout: 10 * time.Second}}
	if *metricsAddr == "" {
		mux.Handle("GET /metrics", metrics.Handler())
	} else {
		metricsMux := http.NewServeMux()
		metricsMux.Handle("GET /metrics", metrics.Handler())
		servers = append(servers, &http.Server{Addr: *metricsAddr, Handler: metricsMux, ReadHeaderTimeout: 10 * time.Second})
	}
	if sc.appToken == "" {
		app.Routes(mux, bot.Verifier{Secret: sc.signingSecret})
	}
	failed := make(chan error, len(servers)+1)
	for _, srv := range servers {
		ln, err := net.Listen("tcp", srv.Addr)
		if err != nil {
			// Stop the servers already listening: the database closes on return.
			return errors.Join(usagef("PLANBOT_ADDR/PLANBOT_METRICS_ADDR: cannot listen on %s: %v", srv.Addr, err), e.shutdown(servers, app))
		}
		e.log.Info("listening", "addr", ln.Addr().String())
		if e.listening != nil {
			e.listening(ln.Addr().String())
		}
		go func() { failed <- srv.Serve(ln) }()
	}
	if sc.appToken != "" {
		e.log.Info("connecting to Slack in Socket Mode")
		go func() { failed <- app.RunSocketMode(ctx, socketmode.New(app.API)) }()
	}
	select {
	case <-ctx.Done():
	case err = <-failed:
	}
	return errors.Join(err, e.shutdown(servers, app))
}

// shutdown stops accepting, lets in-flight requests and replies finish (up to shutdownGrace).
func (e *environment) shutdown(servers []*http.Server, app *bot.SlackApp) error {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	var errs []error
	for _, srv := range servers {
		errs = append(errs, srv.Shutdown(ctx))
	}
	done := make(chan struct{})
	go func() { app.Wait(); close(done) }()
	select {
	case <-done:
	case <-ctx.Done():
		errs = append(errs, errors.New("shutdown: replies still running after 10s"))
	}
	return errors.Join(errs...)
}
