package slack

import (
	"net/http"
	"path"
	"planbot/planner"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are planbot's Prometheus metrics: the Slack adapter's, and the
// weekly jobs' sends (CountSend). They carry no user data: only
// endpoints, outcomes, verbs and Slack method names.
type Metrics struct {
	registry       *prometheus.Registry
	requests       *prometheus.CounterVec
	commandSeconds prometheus.Histogram
	commands       *prometheus.CounterVec
	slackCalls     *prometheus.CounterVec
	slackErrors    *prometheus.CounterVec
	sends          *prometheus.CounterVec
}

// NewMetrics registers planbot's metrics (and Go's runtime metrics) in a fresh registry.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "planbot_requests_total", Help: "Slack requests by endpoint and outcome.",
		}, []string{"endpoint", "outcome"}),
		commandSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "planbot_command_seconds", Help: "Time to answer a slash command.",
			Buckets: []float64{.001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5},
		}),
		commands: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "planbot_commands_total", Help: "Slash commands by verb.",
		}, []string{"verb"}),
		slackCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "planbot_slack_api_calls_total", Help: "Calls to Slack's Web API by method.",
		}, []string{"method"}),
		slackErrors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "planbot_slack_api_errors_total", Help: "Failed calls to Slack's Web API by method.",
		}, []string{"method"}),
		sends: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "planbot_scheduled_sends_total", Help: "Scheduled messages (retrospectives, reminders) by job and outcome.",
		}, []string{"job", "state"}),
	}
	m.registry.MustRegister(m.requests, m.commandSeconds, m.commands, m.slackCalls, m.slackErrors, m.sends,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// CountSend counts a scheduled send recorded as finished, by job and outcome.
func (m *Metrics) CountSend(s planner.Send) {
	m.sends.WithLabelValues(string(s.Job), string(s.State)).Inc()
}

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// Transport wraps an HTTP transport so that every Slack Web API call is counted by method.
func (m *Metrics) Transport(next http.RoundTripper) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		method := path.Base(r.URL.Path)
		m.slackCalls.WithLabelValues(method).Inc()
		resp, err := next.RoundTrip(r)
		if err != nil || resp.StatusCode >= 400 {
			m.slackErrors.WithLabelValues(method).Inc()
		}
		return resp, err
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
