package main

import (
	"context"
	"net/http"
	"strings"
	"time"

	lark "github.com/larksuite/oapi-sdk-go/v3"
	"github.com/larksuite/oapi-sdk-go/v3/core/httpserverext"
	larkevent "github.com/larksuite/oapi-sdk-go/v3/event"
	larkws "github.com/larksuite/oapi-sdk-go/v3/ws"

	"planbot/bot"
	"planbot/bot/feishu"
	"planbot/planner"
)

// feishuConfig is what serve reads from the environment only: Feishu's app
// and secrets.
type feishuConfig struct {
	appID, appSecret, verificationToken, encryptKey, baseURL string
	http                                                     bool // events by HTTP callback, not the long connection
	admins                                                   map[string]bool
}

const feishuSetupHint = " (see README.md, \"Run it in Feishu\")"

// readFeishuConfig reads and checks the Feishu settings, and reports whether
// any is set: FEISHU_APP_ID and FEISHU_APP_SECRET turn Feishu on.
func readFeishuConfig(getenv func(string) string) (feishuConfig, bool, error) {
	c := feishuConfig{
		appID: getenv("FEISHU_APP_ID"), appSecret: getenv("FEISHU_APP_SECRET"),
		verificationToken: getenv("FEISHU_VERIFICATION_TOKEN"), encryptKey: getenv("FEISHU_ENCRYPT_KEY"),
		baseURL: strings.TrimSuffix(envOr(getenv, "FEISHU_BASE_URL", lark.FeishuBaseUrl), "/"), admins: map[string]bool{},
	}
	if c.appID == "" && c.appSecret == "" {
		return c, false, nil
	}
	switch events := getenv("FEISHU_EVENTS"); {
	case c.appID == "":
		return c, true, usagef("FEISHU_APP_ID is not set: the app's App ID, cli_…" + feishuSetupHint)
	case c.appSecret == "":
		return c, true, usagef("FEISHU_APP_SECRET is not set: the app's App Secret" + feishuSetupHint)
	case events == "http":
		c.http = true
		if c.verificationToken == "" {
			return c, true, usagef("FEISHU_VERIFICATION_TOKEN is not set: the HTTP callback needs it to know Feishu's events" + feishuSetupHint)
		}
	case events != "" && events != "ws":
		return c, true, usagef("FEISHU_EVENTS: %q is not ws (the long connection, the default) or http", events)
	}
	for _, id := range strings.Split(getenv("FEISHU_ADMINS"), ",") {
		if id = strings.TrimSpace(id); id != "" {
			c.admins[id] = true
		}
	}
	return c, true, nil
}

// feishuApp builds the Feishu adapter for svc with Feishu's settings.
func (e *environment) feishuApp(svc *planner.Service, fc feishuConfig) *feishu.App {
	sdk := feishu.NewSDK(fc.appID, fc.appSecret, fc.baseURL, lark.WithLogger(feishu.Logger(e.log)),
		lark.WithHttpClient(&http.Client{Timeout: feishuCallTimeout}))
	return &feishu.App{
		Handler: &bot.Handler{Service: svc, Log: e.log, Weeks: &bot.WeekCache{}},
		API:     sdk, Admins: fc.admins, Log: e.log, Now: e.now,
	}
}

// maxFeishuBody bounds an HTTP callback's body.
const maxFeishuBody = 1 << 20

// feishuCallTimeout bounds one call to Feishu's open platform.
const feishuCallTimeout = 10 * time.Second

// serveFeishu connects app to Feishu: the HTTP callback on mux, or the long
// connection until ctx ends (its failure is sent on failed).
func (e *environment) serveFeishu(ctx context.Context, app *feishu.App, fc feishuConfig, mux *http.ServeMux, failed chan<- error) func() {
	events := app.Dispatcher(fc.verificationToken, fc.encryptKey)
	if fc.http {
		app.VerificationToken = fc.verificationToken // the SDK checks it only without FEISHU_ENCRYPT_KEY
		// Bodies are capped before the SDK reads them whole: an event is a few kB.
		mux.Handle("POST /feishu/events", http.MaxBytesHandler(
			http.HandlerFunc(httpserverext.NewEventHandlerFunc(events, larkevent.WithLogger(feishu.Logger(e.log)))), maxFeishuBody))
		return func() {}
	}
	ws := larkws.NewClient(fc.appID, fc.appSecret, larkws.WithEventHandler(events), larkws.WithDomain(fc.baseURL),
		larkws.WithLogger(feishu.Logger(e.log)),
		larkws.WithOnError(func(err error) { e.log.Warn("feishu: the long connection failed; reconnecting", "err", err) }))
	e.log.Info("connecting to Feishu over the long connection")
	done := make(chan struct{})
	go func() {
		defer close(done)
		if err := ws.Start(ctx); err != nil && ctx.Err() == nil {
			failed <- err
		}
	}()
	return func() { <-done }
}
