package main

// The helpers that more than one test file of package main uses; a helper
// only one file uses stays in that file, beside its tests. First come the
// helpers of the tests that run the real planbot binary as a separate process
// (crash_test.go, shutdown_test.go, backup_test.go): they kill it, signal it
// and run a second one beside it, which serve's in-process harness
// (startServe) cannot do. Then those that run the program in the test's own
// process (planbot, mustPlanbot), the seed weeks they type, the load of the
// binary's writers, and the check of what the fake Slack is sent.

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	_ "github.com/mattn/go-sqlite3" // integrity_check opens files read-only beside storage

	"planbot/planner"
	"planbot/storage"
)

// binary is the planbot binary built once for the whole test run.
var binary struct {
	once      sync.Once
	dir, path string
	err       error
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary.dir != "" {
		os.RemoveAll(binary.dir)
	}
	os.Exit(code)
}

// planbotBinary builds cmd/planbot (go build -o …) the first time a test asks
// for it and returns its path.
func planbotBinary(t *testing.T) string {
	t.Helper()
	binary.once.Do(func() {
		if binary.dir, binary.err = os.MkdirTemp("", "planbot-bin-"); binary.err != nil {
			return
		}
		binary.path = filepath.Join(binary.dir, "planbot")
		out, err := exec.Command("go", "build", "-o", binary.path, ".").CombinedOutput()
		if err != nil {
			binary.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if binary.err != nil {
		t.Fatal(binary.err)
	}
	return binary.path
}

// okSlack is a Slack that answers {"ok":true} to everything, on loopback,
// with the one field Slack never leaves out and planbot relies on: the
// channel of conversations.open, where the scheduler's reminders go.
func okSlack(t *testing.T) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/conversations.open") {
			io.WriteString(w, `{"ok":true,"channel":{"id":"D1"}}`)
			return
		}
		io.WriteString(w, `{"ok":true}`)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// procEnv is the whole environment of a planbot process serving db against
// slack: nothing is inherited from the test's own environment.
func procEnv(db, slackURL string) map[string]string {
	return map[string]string{
		"PLANBOT_DB": db, "PLANBOT_NOW": seedNow, "PLANBOT_ADDR": "127.0.0.1:0", "PLANBOT_LANG": "en",
		"SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": signingSecret, "SLACK_API_URL": slackURL + "/api/",
	}
}

func envList(env map[string]string) []string {
	var list []string
	for k, v := range env {
		list = append(list, k+"="+v)
	}
	return list
}

// proc is "planbot serve" running as its own process.
type proc struct {
	URL, Addr string
	cmd       *exec.Cmd
	stderr    *logWatcher
	exited    chan struct{} // closed once the process has been waited for
	waitErr   error
}

// startProc starts the binary's serve with env and waits until it listens
// and /healthz answers 200. The test's end kills it if it still runs.
func startProc(t *testing.T, env map[string]string) *proc {
	t.Helper()
	p := &proc{stderr: &logWatcher{listening: make(chan string, 1)}, exited: make(chan struct{})}
	p.cmd = exec.Command(planbotBinary(t), "serve")
	p.cmd.Env = envList(env)
	p.cmd.Stdout, p.cmd.Stderr = io.Discard, p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		p.waitErr = p.cmd.Wait()
		close(p.exited)
	}()
	t.Cleanup(func() {
		p.kill(t)
		if t.Failed() {
			t.Logf("planbot serve (pid %d) logged:\n%s", p.cmd.Process.Pid, p.stderr)
		}
	})
	select {
	case p.Addr = <-p.stderr.listening:
		p.URL = "http://" + p.Addr
	case <-p.exited:
		t.Fatalf("serve exited before listening (%v):\n%s", p.waitErr, p.stderr)
	case <-time.After(waitLimit):
		t.Fatalf("serve is not listening:\n%s", p.stderr)
	}
	p.waitHealthy(t)
	return p
}

// waitHealthy polls /healthz until it answers 200.
func (p *proc) waitHealthy(t *testing.T) {
	t.Helper()
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(waitLimit)
	for {
		resp, err := client.Get(p.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz never answered 200 (last: %v, %v)", resp, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// kill sends SIGKILL (if the process still runs) and waits until it is gone.
func (p *proc) kill(t *testing.T) {
	t.Helper()
	select {
	case <-p.exited:
		return
	default:
	}
	if err := p.cmd.Process.Signal(syscall.SIGKILL); err != nil && !errors.Is(err, os.ErrProcessDone) {
		t.Errorf("kill -9 %d: %v", p.cmd.Process.Pid, err)
	}
	select {
	case <-p.exited:
	case <-time.After(waitLimit):
		t.Fatalf("process %d outlived SIGKILL", p.cmd.Process.Pid)
	}
}

// wait waits at most limit for the process to exit and returns its exit code.
func (p *proc) wait(t *testing.T, limit time.Duration) int {
	t.Helper()
	select {
	case <-p.exited:
		return p.cmd.ProcessState.ExitCode()
	case <-time.After(limit):
		t.Fatalf("serve did not exit within %v:\n%s", limit, p.stderr)
		return -1
	}
}

// logWatcher keeps serve's stderr and reports the address of its JSON
// {"msg":"listening","addr":…} line.
type logWatcher struct {
	mu        sync.Mutex
	b         bytes.Buffer
	scanned   int
	listening chan string
	found     bool
}

func (w *logWatcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.b.Write(p)
	for !w.found {
		rest := w.b.Bytes()[w.scanned:]
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			break
		}
		w.scanned += i + 1
		var line struct{ Msg, Addr string }
		if json.Unmarshal(rest[:i], &line) == nil && line.Msg == "listening" {
			w.found = true
			w.listening <- line.Addr
		}
	}
	return len(p), nil
}

func (w *logWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// runBinary runs a planbot subcommand to the end (at most waitLimit) and
// returns its exit code, stdout and stderr.
func runBinary(t *testing.T, env map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, planbotBinary(t), args...)
	cmd.Env, cmd.Stdout, cmd.Stderr = envList(env), &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) || ctx.Err() != nil {
		t.Fatalf("planbot %v: %v (%v)\n%s", args, err, ctx.Err(), errOut.Bytes())
	}
	return cmd.ProcessState.ExitCode(), out.String(), errOut.String()
}

// commandForm is the form Slack posts when user of team types "/plan text".
func commandForm(team, user, text, responseURL string) []byte {
	return []byte(url.Values{
		"team_id": {team}, "team_domain": {strings.ToLower(team)}, "channel_id": {"C1"}, "channel_name": {"investment"},
		"user_id": {user}, "user_name": {strings.ToLower(user)}, "command": {"/plan"}, "text": {text},
		"response_url": {responseURL}, "trigger_id": {"13345224609.738474920.8088930838d88f008e0"}, "api_app_id": {"A1"},
	}.Encode())
}

// outcome is how a command sent to a process that may die ended.
type outcome int

const (
	acked   outcome = iota // 200 with "Added #id": it must be stored
	refused                // the connection was refused: it never reached planbot, so it must not be stored
	unknown                // cut off by the kill or the shutdown: either way is right
	wrong                  // any other answer: a failure
)

var addedID = regexp.MustCompile(`Added #(\d+)\b`)

// sendCommand posts a signed "/plan text" as user of team and classifies
// what came of it; for acked it returns the id planbot gave, for wrong a description.
func sendCommand(client *http.Client, base, team, user, text, responseURL string) (outcome, int64, string) {
	body := commandForm(team, user, text, responseURL)
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", bytes.NewReader(body))
	if err != nil {
		return wrong, 0, err.Error()
	}
	req.Header = signedHeader(signingSecret, time.Now(), body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := client.Do(req)
	if err != nil {
		if errors.Is(err, syscall.ECONNREFUSED) {
			return refused, 0, ""
		}
		return unknown, 0, ""
	}
	defer resp.Body.Close()
	got, err := io.ReadAll(resp.Body)
	if err != nil {
		return unknown, 0, ""
	}
	return classifyAnswer(resp.StatusCode, got)
}

// classifyAnswer reads a command's answer: acked with its id, or wrong.
func classifyAnswer(code int, body []byte) (outcome, int64, string) {
	var a answer
	if code != http.StatusOK || json.Unmarshal(body, &a) != nil {
		return wrong, 0, fmt.Sprintf("status %d: %s", code, body)
	}
	m := addedID.FindStringSubmatch(a.Text)
	if m == nil {
		return wrong, 0, fmt.Sprintf("status %d without Added #: %s", code, body)
	}
	id, _ := strconv.ParseInt(m[1], 10, 64)
	return acked, id, ""
}

// ledger records what was sent to planbot and what came of it, from many goroutines.
type ledger struct {
	mu      sync.Mutex
	sent    map[teamTitle]bool
	acked   map[teamTitle]int64 // the id planbot answered with
	refused map[teamTitle]bool
	unknown int
	wrong   []string
}

type teamTitle struct{ team, title string }

func newLedger() *ledger {
	return &ledger{sent: map[teamTitle]bool{}, acked: map[teamTitle]int64{}, refused: map[teamTitle]bool{}}
}

// send sends one command and records it; it reports whether planbot answered it.
func (l *ledger) send(client *http.Client, base, team, user, title, responseURL string) outcome {
	key := teamTitle{team, title}
	l.mu.Lock()
	l.sent[key] = true
	l.mu.Unlock()
	o, id, what := sendCommand(client, base, team, user, title, responseURL)
	l.record(key, o, id, what)
	return o
}

func (l *ledger) record(key teamTitle, o outcome, id int64, what string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.sent[key] = true
	switch o {
	case acked:
		l.acked[key] = id
	case refused:
		l.refused[key] = true
	case unknown:
		l.unknown++
	case wrong:
		l.wrong = append(l.wrong, fmt.Sprintf("%s %q: %s", key.team, key.title, what))
	}
}

func (l *ledger) counts() (acked, refused, unknown int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.acked), len(l.refused), l.unknown
}

// teams are the teams the tests' commands come from.
var teams = []string{"T1", "T2"}

// allWeeks spans every date the tests' items can start on.
var allFrom, allTo = planner.Date{Year: 2025, Month: 11, Day: 1}, planner.Date{Year: 2025, Month: 12, Day: 31}

// storedItems opens db with storage.Open (planbot must not be running, or be
// running on it: SQLite shares) and returns every team's items by team.
func storedItems(t *testing.T, db string) map[string][]planner.Item {
	t.Helper()
	ctx := context.Background()
	store, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatalf("storage.Open %s: %v", db, err)
	}
	defer store.Close()
	items := map[string][]planner.Item{}
	for _, team := range teams {
		its, err := store.ItemsStarting(ctx, team, "", allFrom, allTo)
		var pe *planner.Error
		if errors.As(err, &pe) && pe.Code == planner.NotFound {
			continue
		}
		if err != nil {
			t.Fatalf("ItemsStarting %s: %v", team, err)
		}
		items[team] = its
	}
	return items
}

// checkLedger checks the stored items against what was sent: every acked
// title once, under the id planbot answered with; nothing refused or never
// sent; no title twice; ids 1..n in each team. It returns how many items are stored.
func checkLedger(t *testing.T, l *ledger, items map[string][]planner.Item) int {
	t.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	stored := map[teamTitle]int64{}
	n := 0
	for team, its := range items {
		checkContiguous(t, team, its)
		for _, it := range its {
			key := teamTitle{team, it.Title}
			if id, twice := stored[key]; twice {
				t.Errorf("team %s holds %q twice: #%d and #%d", team, it.Title, id, it.ID)
			}
			stored[key] = it.ID
			if !l.sent[key] {
				t.Errorf("team %s holds #%d %q, which was never sent", team, it.ID, it.Title)
			}
			if l.refused[key] {
				t.Errorf("team %s holds #%d %q, whose connection was refused", team, it.ID, it.Title)
			}
			n++
		}
	}
	for key, id := range l.acked {
		got, ok := stored[key]
		switch {
		case !ok:
			t.Errorf("acknowledged \"Added #%d\" in team %s but lost: %q", id, key.team, key.title)
		case got != id:
			t.Errorf("acknowledged as #%d in team %s but stored as #%d: %q", id, key.team, got, key.title)
		}
	}
	for _, w := range l.wrong {
		t.Errorf("unexpected answer: %s", w)
	}
	return n
}

// checkContiguous checks that a team's ids are exactly 1..n.
func checkContiguous(t *testing.T, team string, its []planner.Item) {
	t.Helper()
	seen := map[int64]bool{}
	for _, it := range its {
		seen[it.ID] = true
	}
	for id := int64(1); id <= int64(len(its)); id++ {
		if !seen[id] {
			t.Errorf("team %s: %d items but no #%d (ids must be 1..n)", team, len(its), id)
			return
		}
	}
}

// integrityCheck runs PRAGMA integrity_check on db opened read-only, beside
// planbot's own code, and fails unless SQLite says ok.
func integrityCheck(t *testing.T, db string) {
	t.Helper()
	conn, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: db}).EscapedPath()+"?mode=ro")
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	rows, err := conn.Query("PRAGMA integrity_check")
	if err != nil {
		t.Fatalf("integrity_check %s: %v", db, err)
	}
	defer rows.Close()
	var got []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			t.Fatal(err)
		}
		got = append(got, s)
	}
	if err := rows.Err(); err != nil {
		t.Fatalf("integrity_check %s: %v", db, err)
	}
	if len(got) != 1 || got[0] != "ok" {
		t.Errorf("integrity_check %s = %q, want ok", db, got)
	}
}

// seedNow is Monday 2025-11-17 09:00 in Shanghai, the week of the seed article.
const seedNow = "2025-11-17T09:00:00+08:00"

// fixedNow is the real clock of the tests that run the program in their own
// process: PLANBOT_NOW runs on from it.
func fixedNow() time.Time { return time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC) }

// getenvOf reads env as the program's environment. The tests mean English
// where they set no language: PLANBOT_LANG is "en" unless env has it, even
// as "" (a team's language by its zone, zh in Asia/Shanghai).
func getenvOf(env map[string]string) func(string) string {
	return func(k string) string {
		if v, ok := env[k]; ok || k != "PLANBOT_LANG" {
			return v
		}
		return "en"
	}
}

// planbot runs the program as a user would, with env and stdin, and returns stdout.
func planbot(t *testing.T, env map[string]string, stdin string, args ...string) (string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	e := &environment{getenv: getenvOf(env), now: fixedNow}
	err := e.run(context.Background(), args, strings.NewReader(stdin), &stdout, &stderr)
	if err != nil {
		return stdout.String() + stderr.String(), err
	}
	return stdout.String(), nil
}

// mustPlanbot is planbot, failing the test on an error.
func mustPlanbot(t *testing.T, env map[string]string, stdin string, args ...string) string {
	t.Helper()
	out, err := planbot(t, env, stdin, args...)
	if err != nil {
		t.Fatalf("planbot %v: %v\n%s", args, err, out)
	}
	return out
}

// englishWeek is the seed article's week as typed into the console, in English.
const englishWeek = `# The seed week, in English
/plan tue visit 4 enterprises
/plan wed meet a fund company
/plan thu-fri trip to Beijing
/plan weekend retrospective and investment training
/plan done 1 2 of 4 interested
done 3
note Two companies want a second visit.
`

// chineseWeek is the seed article's week as typed into the console, in Chinese.
const chineseWeek = `# 种子文章里的一周
/plan 周二 对接4家企业
/plan 周三 对接基金公司开展以商引商
/plan 周四至周五 出差北京
/plan 周末 回常总结复盘
/plan sun 参加招商培训
/plan 完成 1 两家有意向
`

// isUsage reports whether err is a usageError: bad configuration or a bad
// command line, on which main exits 2.
func isUsage(err error) bool {
	var u usageError
	return errors.As(err, &u)
}

// planbotStreams runs the program and returns its stdout and stderr apart.
func planbotStreams(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	e := &environment{getenv: getenvOf(env), now: fixedNow}
	err = e.run(context.Background(), args, strings.NewReader(""), &out, &errOut)
	return out.String(), errOut.String(), err
}

// kindsIn returns "<id> <start>..<end> <kind> <count> <place>" of each item of
// team T1 in week (planbot export), by id.
func kindsIn(t *testing.T, env map[string]string, week string) []string {
	t.Helper()
	var got []string
	for _, f := range exportRows(t, env, week) {
		got = append(got, strings.Join([]string{f[0], f[3] + ".." + f[4], f[5], f[6], f[7]}, " "))
	}
	slices.Sort(got) // ids of one digit
	return got
}

// The load the tests that run the binary put on it: writers goroutines, each
// sending at most maxCommandsPerWriter commands one after another (they stop
// sooner, at the first command planbot does not answer).
const (
	writers              = 6
	maxCommandsPerWriter = 5000
)

// users are the members the writers speak for: writer g is users[g%4] of teams[g%2].
var users = []string{"U1", "U2", "U3", "U4"}

// writerOf returns writer g's team and user.
func writerOf(g int) (team, user string) { return teams[g%len(teams)], users[g%len(users)] }

// checkSlackProblems fails t with what, and why Slack would refuse it, if it would.
func checkSlackProblems(t testing.TB, what string, problems []string) {
	t.Helper()
	if len(problems) > 0 {
		t.Errorf("Slack would refuse %s:\n\t%s", what, strings.Join(problems, "\n\t"))
	}
}
