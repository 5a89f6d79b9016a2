package main

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/storage"
)

// exitLimit is how soon after SIGTERM or SIGINT serve must have exited:
// shutdownGrace and a little more.
const exitLimit = 12 * time.Second

// TestGracefulShutdown signals "planbot serve" while commands come in from
// several goroutines and while a few requests are surely in flight, their
// body half sent: serve must answer those, exit 0 within exitLimit, and keep
// everything it answered, in a sound file.
func TestGracefulShutdown(t *testing.T) {
	for _, tc := range []struct {
		name string
		sig  syscall.Signal
	}{{"SIGTERM", syscall.SIGTERM}, {"SIGINT", syscall.SIGINT}} {
		t.Run(tc.name, func(t *testing.T) { gracefulShutdown(t, tc.name, tc.sig) })
	}
}

// halfSent is how many requests are in flight, half sent, when the signal comes.
const halfSent = 3

func gracefulShutdown(t *testing.T, name string, sig syscall.Signal) {
	slack := okSlack(t)
	db := filepath.Join(t.TempDir(), "planbot.db")
	p := startProc(t, procEnv(db, slack.URL))
	responseURL := slack.URL + "/response/cmd"
	l := newLedger()

	client := &http.Client{Timeout: waitLimit, Transport: &http.Transport{MaxIdleConnsPerHost: writers}}
	defer client.CloseIdleConnections()
	answered := make(chan struct{}, writers) // each writer's first acknowledged command
	var wg sync.WaitGroup
	for g := range writers {
		team, user := writerOf(g)
		wg.Go(func() {
			for i := range maxCommandsPerWriter {
				title := fmt.Sprintf("meet a fund company %s-g%d-%d", name, g, i)
				if l.send(client, p.URL, team, user, title, responseURL) != acked {
					return
				}
				if i == 0 {
					answered <- struct{}{}
				}
			}
		})
	}
	for range writers {
		select {
		case <-answered:
		case <-time.After(waitLimit):
			t.Fatalf("the writers got no answers: %v", l.wrong)
		}
	}

	var inFlight []*halfRequest
	for i := range halfSent {
		team, user := writerOf(i)
		inFlight = append(inFlight, sendHalf(t, p.Addr, team, user, fmt.Sprintf("sign a contract %s-half-%d", name, i), responseURL))
	}
	signalled := time.Now()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	waitRefused(t, p.Addr) // serve has begun shutting down: it no longer accepts
	for _, h := range inFlight {
		o, id, what := h.finish()
		l.record(h.key, o, id, what)
		if o != acked {
			t.Errorf("%q, in flight at the signal, was not answered: %s", h.key.title, what)
		}
	}
	if code := p.wait(t, exitLimit); code != 0 {
		t.Errorf("serve exited %d after %s, want 0", code, name)
	}
	took := time.Since(signalled)
	if took > exitLimit {
		t.Errorf("serve took %v to exit after %s, want at most %v", took, name, exitLimit)
	}
	wg.Wait()

	stored := checkLedger(t, l, storedItems(t, db))
	integrityCheck(t, db)
	ack, refused, unknown := l.counts()
	t.Logf("%s: exited 0 in %v; %d requests in flight (half sent) at the signal all answered and stored; "+
		"%d acknowledged commands in all, all stored once; %d refused after the listener closed (never stored); %d unknown; %d items stored; integrity_check ok",
		name, took.Round(time.Millisecond), halfSent, ack, refused, unknown, stored)
}

// halfRequest is a signed command on its own connection whose body is half
// sent, and which planbot's handler is surely reading: it answered
// "100 Continue", which Go's server sends when the handler first reads the body.
type halfRequest struct {
	key  teamTitle
	conn net.Conn
	r    *bufio.Reader
	rest []byte
}

// sendHalf sends a signed "/plan title" with "Expect: 100-continue", waits
// for "100 Continue" and sends half the body.
func sendHalf(t *testing.T, addr, team, user, title, responseURL string) *halfRequest {
	t.Helper()
	body := commandForm(team, user, title, responseURL)
	conn, err := net.DialTimeout("tcp", addr, waitLimit)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	conn.SetDeadline(time.Now().Add(waitLimit + exitLimit))
	var head bytes.Buffer
	fmt.Fprintf(&head, "POST /slack/commands HTTP/1.1\r\nHost: %s\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: %d\r\nExpect: 100-continue\r\n", addr, len(body))
	if err := signedHeader(signingSecret, time.Now(), body).Write(&head); err != nil {
		t.Fatal(err)
	}
	head.WriteString("\r\n")
	if _, err := conn.Write(head.Bytes()); err != nil {
		t.Fatal(err)
	}
	h := &halfRequest{key: teamTitle{team, title}, conn: conn, r: bufio.NewReader(conn), rest: body[len(body)/2:]}
	resp, err := http.ReadResponse(h.r, nil)
	if err != nil || resp.StatusCode != http.StatusContinue {
		t.Fatalf("want 100 Continue, got %v, %v", resp, err)
	}
	if _, err := conn.Write(body[:len(body)/2]); err != nil {
		t.Fatal(err)
	}
	return h
}

// finish sends the rest of the body and reads the answer.
func (h *halfRequest) finish() (outcome, int64, string) {
	if _, err := h.conn.Write(h.rest); err != nil {
		return wrong, 0, fmt.Sprintf("sending the rest of the body: %v", err)
	}
	resp, err := http.ReadResponse(h.r, nil)
	if err != nil {
		return wrong, 0, fmt.Sprintf("reading the answer: %v", err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return wrong, 0, fmt.Sprintf("reading the answer: %v", err)
	}
	return classifyAnswer(resp.StatusCode, body)
}

// waitRefused waits until connections to addr are refused: the listener is closed.
func waitRefused(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		conn, err := net.DialTimeout("tcp", addr, time.Second)
		if errors.Is(err, syscall.ECONNREFUSED) {
			return
		}
		if err == nil {
			conn.Close()
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still accepts connections %v after the signal (last dial: %v)", addr, waitLimit, err)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// limitedSlack is slacktest's fake Slack answering 429 Retry-After 30 to
// every Web API call, and as Slack would to posts to the response_url
// "export"; opened gets a token each time conversations.open is called.
type limitedSlack struct {
	*slacktest.Server
	opened chan struct{}
}

func newLimitedSlack(t *testing.T) *limitedSlack {
	f := &limitedSlack{Server: slacktest.New(t), opened: make(chan struct{}, 4)}
	f.Set(slacktest.AnyMethod, slacktest.Behaviour{RetryAfter: "30"})
	f.Set("response/export", slacktest.Behaviour{})
	f.OnCall(func(c slacktest.Call) {
		if c.Method == "conversations.open" {
			select {
			case f.opened <- struct{}{}:
			default:
			}
		}
	})
	return f
}

// told returns what was posted to the response_url "export".
func (f *limitedSlack) told() []string {
	var got []string
	for _, c := range f.Calls("response/export") {
		got = append(got, string(c.JSON))
	}
	return got
}

// An Excel export after its answer, and the scheduler's Monday reminder,
// are both waiting on Slack's 429 (Retry-After 30, retried by slack-go) when
// SIGTERM comes: serve still exits 0 within shutdownGrace, the member who
// asked for the export hears by response_url that it was not sent, and the
// reminder stays on record as pending, to be sent after the restart.
func TestShutdownTellsWhoseWorkItCut(t *testing.T) {
	slack := newLimitedSlack(t)
	db := filepath.Join(t.TempDir(), "planbot.db")
	store, err := storage.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	// U2's plan reminder is due at start: PLANBOT_NOW is Monday 09:00 in Shanghai.
	if _, _, err := store.EnsureMember(t.Context(), planner.Team{ID: "T1", Name: "t1"}, planner.Member{TeamID: "T1", UserID: "U2"}); err != nil {
		t.Fatal(err)
	}
	if err := store.Close(); err != nil {
		t.Fatal(err)
	}
	p := startProc(t, procEnv(db, slack.URL))
	body := commandForm("T1", "U1", "export xlsx", slack.ResponseURL("export"))
	req, err := http.NewRequest(http.MethodPost, p.URL+"/slack/commands", bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header = signedHeader(signingSecret, time.Now(), body)
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := (&http.Client{Timeout: waitLimit}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(answer), "Making the Excel report") {
		t.Fatalf("answer %d %s", resp.StatusCode, answer)
	}
	for range 2 { // the reminder's and the upload's: both wait out a Retry-After of 30 s
		select {
		case <-slack.opened:
		case <-time.After(waitLimit):
			t.Fatal("the reminder and the export did not both call conversations.open")
		}
	}

	signalled := time.Now()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t, exitLimit); code != 0 {
		t.Errorf("serve exited %d, want 0", code)
	}
	if took := time.Since(signalled); took > shutdownGrace {
		t.Errorf("serve took %v to exit, want at most %v", took, shutdownGrace)
	}
	if told := slack.told(); len(told) != 1 || !strings.Contains(told[0], "could not send you the Excel report") {
		t.Errorf("the member was told %q, want that the report was not sent", told)
	}
	store, err = storage.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	pending, err := store.PendingSends(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	if len(pending) != 1 || pending[0].Recipient != "U2" || pending[0].Job != planner.JobPlan {
		t.Errorf("pending sends %+v, want U2's plan reminder", pending)
	}
}
