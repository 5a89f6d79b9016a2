package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	slackbot "planbot/bot/slack"
)

const testSecret = "planbench-test-secret"

// planbotBin is cmd/planbot built once for the whole test run.
var planbotBin struct {
	once      sync.Once
	dir, path string
	err       error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if planbotBin.dir != "" {
		os.RemoveAll(planbotBin.dir)
	}
	os.Exit(code)
}

func planbotBinary(t *testing.T) string {
	t.Helper()
	planbotBin.once.Do(func() {
		if planbotBin.dir, planbotBin.err = os.MkdirTemp("", "planbench-bin-"); planbotBin.err != nil {
			return
		}
		planbotBin.path, planbotBin.err = buildPlanbot(context.Background(), planbotBin.dir)
	})
	if planbotBin.err != nil {
		t.Fatal(planbotBin.err)
	}
	return planbotBin.path
}

func mustMix(t *testing.T, s string) mix {
	t.Helper()
	m, err := parseMix(s)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// checkReport checks a run that must have gone entirely well.
func checkReport(t *testing.T, rep *report, wantRSS bool) {
	t.Helper()
	var out bytes.Buffer
	rep.write(&out)
	t.Logf("\n%s", out.String())
	if n := rep.ErrorCount(); n != 0 || rep.OK == 0 || rep.OK != rep.Sent {
		t.Errorf("sent %d, ok %d, errors %d (%v, missed %d); want all ok", rep.Sent, rep.OK, n, rep.Errors, rep.Missed)
	}
	if rep.Throughput <= 0 {
		t.Errorf("throughput %v, want > 0", rep.Throughput)
	}
	if !(0 < rep.P50 && rep.P50 <= rep.P90 && rep.P90 <= rep.P99 && rep.P99 <= rep.Max) {
		t.Errorf("percentiles out of order: p50 %v p90 %v p99 %v max %v", rep.P50, rep.P90, rep.P99, rep.Max)
	}
	if wantRSS && (rep.RSS == nil || rep.RSS.VmRSS <= 0 || rep.RSS.VmHWM < rep.RSS.VmRSS) {
		t.Errorf("RSS %+v (%v), want VmRSS > 0 and VmHWM >= VmRSS", rep.RSS, rep.RSSErr)
	}
}

func TestLoadAgainstFloor(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	f, err := openFloor(ctx, filepath.Join(t.TempDir(), "floor.db"), testSecret)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	served := make(chan error, 1)
	go func() { served <- f.serve(ctx, ln) }()
	rep, err := runLoad(ctx, loadConfig{
		URL: "http://" + ln.Addr().String(), Secret: testSecret, Concurrency: 2, Duration: time.Second,
		Mix: mustMix(t, "adds=80,week=15,team=5"), Teams: 3, Users: 30, PID: os.Getpid(), Grace: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, true)
	var rows int
	if err := f.db.QueryRow(`SELECT count(*) FROM commands`).Scan(&rows); err != nil || rows == 0 {
		t.Errorf("the floor stored %d rows (%v), want some", rows, err)
	}
	cancel()
	if err := <-served; err != nil {
		t.Errorf("floor serve: %v", err)
	}
}

// TestLoadAgainstNull runs a load against the null server, through run as
// planbench does: every command of every kind counts as answered.
func TestLoadAgainstNull(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pr, pw := io.Pipe()
	served := make(chan error, 1)
	go func() {
		served <- run(ctx, []string{"floor", "--null", "--addr", "127.0.0.1:0"}, pw, io.Discard)
		pw.Close()
	}()
	line := make([]byte, 64)
	n, _ := pr.Read(line)
	addr, found := floorListening(strings.TrimSpace(string(line[:n])))
	if !found {
		t.Fatalf("the null server printed %q, want \"listening ADDR\"", line[:n])
	}
	go io.Copy(io.Discard, pr)
	rep, err := runLoad(ctx, loadConfig{
		URL: "http://" + addr, Secret: testSecret, Concurrency: 2, Duration: 300 * time.Millisecond,
		Mix: mustMix(t, "adds=80,week=15,team=5"), Teams: 3, Users: 30, Grace: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, false)
	cancel()
	if err := <-served; err != nil {
		t.Errorf("null serve: %v", err)
	}
}

func TestLoadAgainstPlanbot(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs planbot serve")
	}
	slack := fakeSlack()
	defer slack.Close()
	s, err := startPlanbot(planbotBinary(t), filepath.Join(t.TempDir(), "planbot.db"), testSecret, slack.URL, "")
	if err != nil {
		t.Fatal(err)
	}
	defer s.Stop()
	rep, err := runLoad(context.Background(), loadConfig{
		URL: s.URL, Secret: testSecret, Concurrency: 2, Duration: time.Second,
		Mix: mustMix(t, "adds=80,week=15,team=5"), Teams: 3, Users: 30, PID: s.PID, Grace: 5 * time.Second,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, true)
	if t.Failed() {
		t.Logf("planbot serve logged:\n%s", s.Logs())
	}
}

// TestFloorCommand runs the floor as planbench does, through run, and reads its address.
func TestFloorCommand(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	pr, pw := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"floor", "--db", filepath.Join(t.TempDir(), "f.db"), "--secret", testSecret}, pw, io.Discard)
		pw.Close()
	}()
	line := make([]byte, 64)
	n, _ := pr.Read(line)
	addr, found := floorListening(strings.TrimSpace(string(line[:n])))
	if !found {
		t.Fatalf("floor printed %q, want \"listening ADDR\"", line[:n])
	}
	go io.Copy(io.Discard, pr)
	body := commandForm("T1", "U1", "周二 对接4家企业 #7", "1.1")
	for _, tc := range []struct {
		secret string
		want   int
	}{{testSecret, http.StatusOK}, {"wrong", http.StatusUnauthorized}} {
		req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/slack/commands", bytes.NewReader(body))
		ts := time.Now().Unix()
		req.Header.Set("X-Slack-Request-Timestamp", itoa(ts))
		req.Header.Set("X-Slack-Signature", slackbot.Verifier{Secret: tc.secret}.Sign(itoa(ts), body))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("secret %q: status %d %s, want %d", tc.secret, resp.StatusCode, got, tc.want)
		}
		if tc.want == http.StatusOK && classify(kindAdd, resp.StatusCode, got) != ok {
			t.Errorf("floor answered %s, want JSON with Added #", got)
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("floor: %v", err)
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// TestSignerVerifies checks that generated requests are what Slack sends:
// slackbot.Verifier accepts their signature, and their forms vary across teams,
// users and texts.
func TestSignerVerifies(t *testing.T) {
	g := newGenerator(testSecret, mustMix(t, "adds=80,week=15,team=5"), 20, 1000, 7)
	v := slackbot.Verifier{Secret: testSecret}
	teams, users, texts := map[string]bool{}, map[string]bool{}, map[string]bool{}
	kinds := map[kind]int{}
	chinese := 0
	bodies := map[string]bool{}
	now := time.Now().Unix()
	for range 2000 {
		req := g.next(now)
		h := http.Header{}
		h.Set("X-Slack-Request-Timestamp", req.timestamp)
		h.Set("X-Slack-Signature", req.signature)
		if err := v.Verify(h, req.body); err != nil {
			t.Fatalf("Verify rejected a generated request: %v\n%s", err, req.body)
		}
		if (slackbot.Verifier{Secret: "other"}).Verify(h, req.body) == nil {
			t.Fatal("a request signed with one secret verified with another")
		}
		form, err := url.ParseQuery(string(req.body))
		if err != nil {
			t.Fatal(err)
		}
		for _, field := range []string{"team_id", "user_id", "command", "text", "channel_id", "response_url", "trigger_id", "api_app_id"} {
			if form.Get(field) == "" {
				t.Fatalf("form without %s: %s", field, req.body)
			}
		}
		teams[form.Get("team_id")], users[form.Get("user_id")], texts[form.Get("text")] = true, true, true
		if bodies[string(req.body)] {
			t.Fatalf("two byte-identical requests (planbot would refuse the second as a replay): %s", req.body)
		}
		bodies[string(req.body)] = true
		if strings.ContainsAny(form.Get("text"), "周对本团") {
			chinese++
		}
		kinds[req.kind]++
	}
	if len(teams) != 20 || len(users) < 500 || len(texts) < 100 || chinese == 0 {
		t.Errorf("%d teams, %d users, %d texts, %d Chinese: want 20 teams and many users and texts, some Chinese", len(teams), len(users), len(texts), chinese)
	}
	if kinds[kindAdd] < 1400 || kinds[kindWeek] < 200 || kinds[kindTeam] < 40 {
		t.Errorf("kinds %v, want about 80/15/5 %%", kinds)
	}
}

// TestOpenLoopCount checks that the open-loop scheduler issues the intended
// number of requests (rate × duration) within 5 %, against a server that
// answers at once.
func TestOpenLoopCount(t *testing.T) {
	var got atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		got.Add(1)
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"text":"Added #1"}`)
	}))
	defer srv.Close()
	const rate, dur = 100, 2 * time.Second
	rep, err := runLoad(context.Background(), loadConfig{
		URL: srv.URL, Secret: testSecret, Rate: rate, Duration: dur, Grace: 5 * time.Second, MaxInFlight: 256,
		Mix: mustMix(t, "adds=1"), Teams: 2, Users: 10,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, rep, false)
	want := float64(rate) * dur.Seconds()
	if n := float64(got.Load()); n < want*0.95 || n > want*1.05 {
		t.Errorf("server received %v requests, want %v ± 5 %%", n, want)
	}
	if rep.Sent != got.Load() {
		t.Errorf("report says %d sent, server received %d", rep.Sent, got.Load())
	}
}

// TestSchedulerTimes checks the intended times without a server: in order,
// interval apart, all before the end, and the count exact.
func TestSchedulerTimes(t *testing.T) {
	start := time.Now()
	s := scheduler{start: start, interval: 5 * time.Millisecond, duration: 200 * time.Millisecond}
	var times []time.Time
	s.run(context.Background(), func(intended time.Time) bool {
		if time.Now().Before(intended) {
			t.Errorf("issued %v before its intended time", time.Until(intended))
		}
		times = append(times, intended)
		return true
	})
	if int64(len(times)) != s.total() || s.total() != 40 {
		t.Fatalf("issued %d, total %d, want 40", len(times), s.total())
	}
	for i, tm := range times {
		if want := start.Add(time.Duration(i) * s.interval); !tm.Equal(want) {
			t.Fatalf("request %d intended at %v, want %v", i, tm.Sub(start), want.Sub(start))
		}
	}
}

func TestParseMix(t *testing.T) {
	m := mustMix(t, "adds=80,week=15,team=5")
	if m != (mix{80, 15, 5}) {
		t.Errorf("parseMix = %v", m)
	}
	for _, bad := range []string{"", "adds", "adds=x", "reads=3", "adds=0", "adds=-1"} {
		if _, err := parseMix(bad); err == nil {
			t.Errorf("parseMix(%q) succeeded", bad)
		}
	}
}

func TestParseStatus(t *testing.T) {
	m, err := parseStatus(strings.NewReader("Name:\tplanbot\nVmHWM:\t   30000 kB\nVmRSS:\t   25000 kB\nThreads:\t8\n"))
	if err != nil || *m != (rss{VmRSS: 25000, VmHWM: 30000}) {
		t.Errorf("parseStatus = %+v, %v", m, err)
	}
	if _, err := parseStatus(strings.NewReader("Name:\tkthread\n")); err == nil {
		t.Error("parseStatus without Vm lines succeeded")
	}
}

func TestPercentile(t *testing.T) {
	var s []time.Duration
	for i := 1; i <= 100; i++ {
		s = append(s, time.Duration(i))
	}
	for p, want := range map[float64]time.Duration{50: 50, 90: 90, 99: 99, 100: 100} {
		if got := percentile(s, p); got != want {
			t.Errorf("p%v = %v, want %v", p, got, want)
		}
	}
	if percentile(nil, 50) != 0 || percentile(s[:1], 99) != 1 {
		t.Error("percentile of empty or single sample")
	}
}

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		k      kind
		status int
		body   string
		want   outcome
	}{
		{kindAdd, 200, `{"text":"Added #3 ⬜ Tue"}`, ok},
		{kindAdd, 200, `{"text":"已添加 #3 ⬜ 周二"}`, ok},
		{kindAdd, 200, `{"text":"Sorry"}`, errNotAdded},
		{kindWeek, 200, `{"text":"Your week"}`, ok},
		{kindWeek, 200, `not json`, errNotJSON},
		{kindTeam, 200, `{"text":"Team week","blocks":[`, errNotJSON},
		{kindTeam, 200, `[1]`, errNotJSON},
		{kindTeam, 200, `null`, errNotJSON},
		{kindTeam, 200, "\n {\"text\":\"Team week\",\"blocks\":[]}\n", ok},
		{kindTeam, 401, `invalid signature`, errStatus},
	} {
		if got := classify(tc.k, tc.status, []byte(tc.body)); got != tc.want {
			t.Errorf("classify(%v, %d, %s) = %v, want %v", tc.k, tc.status, tc.body, got, tc.want)
		}
	}
}

func TestRunUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"nope"}, {"load"}, {"load", "--url", "http://x", "--secret", "s", "--rate", "1", "--concurrency", "1"},
		{"load", "--url", "http://x", "--secret", "s", "--mix", "reads=1"}, {"floor"}, {"compare", "--url", "http://x"}} {
		if err := run(context.Background(), args, io.Discard, io.Discard); err == nil {
			t.Errorf("run %q succeeded", args)
		}
	}
}
