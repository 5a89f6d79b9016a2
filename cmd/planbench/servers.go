package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// startLimit is how long a server may take to listen and answer /healthz.
const startLimit = 30 * time.Second

// server is a server under test running as a child process.
type server struct {
	Name string
	URL  string
	PID  int
	cmd  *exec.Cmd
	logs *lineWatcher
	done chan struct{}
	err  error
}

// pinned prefixes argv with "taskset -c cpu" when cpu is not empty.
func pinned(cpu string, argv ...string) []string {
	if cpu == "" {
		return argv
	}
	return append([]string{"taskset", "-c", cpu}, argv...)
}

// startServer starts argv (with env, nothing inherited but PATH and HOME)
// and waits until the address find reports from one of its output lines
// answers /healthz. taskset execs the server in its place, so PID is the server's.
func startServer(name string, argv, env []string, find func(line string) (addr string, ok bool)) (*server, error) {
	s := &server{Name: name, logs: &lineWatcher{find: find, addr: make(chan string, 1)}, done: make(chan struct{})}
	s.cmd = exec.Command(argv[0], argv[1:]...)
	s.cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}, env...)
	s.cmd.Stdout, s.cmd.Stderr = s.logs, s.logs
	if err := s.cmd.Start(); err != nil {
		return nil, fmt.Errorf("start %s: %w", name, err)
	}
	s.PID = s.cmd.Process.Pid
	go func() {
		s.err = s.cmd.Wait()
		close(s.done)
	}()
	select {
	case addr := <-s.logs.addr:
		s.URL = "http://" + addr
	case <-s.done:
		return nil, fmt.Errorf("%s exited before listening (%v):\n%s", name, s.err, s.logs)
	case <-time.After(startLimit):
		s.Stop()
		return nil, fmt.Errorf("%s is not listening after %v:\n%s", name, startLimit, s.logs)
	}
	client := &http.Client{Timeout: time.Second}
	for deadline := time.Now().Add(startLimit); ; time.Sleep(10 * time.Millisecond) {
		resp, err := client.Get(s.URL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return s, nil
			}
		}
		if time.Now().After(deadline) {
			s.Stop()
			return nil, fmt.Errorf("%s: /healthz never answered 200:\n%s", name, s.logs)
		}
	}
}

// Stop asks the server to stop (SIGTERM), kills it after 10 s, and waits.
func (s *server) Stop() {
	select {
	case <-s.done:
		return
	default:
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-s.done:
	case <-time.After(10 * time.Second):
		s.cmd.Process.Kill()
		<-s.done
	}
}

// Logs is what the server wrote to stdout and stderr.
func (s *server) Logs() string { return s.logs.String() }

// lineWatcher keeps a child's output and reports the first address find
// recognises in a line.
type lineWatcher struct {
	mu      sync.Mutex
	b       bytes.Buffer
	scanned int
	find    func(string) (string, bool)
	addr    chan string
	found   bool
}

func (w *lineWatcher) Write(p []byte) (int, error) {
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
		if addr, ok := w.find(string(rest[:i])); ok {
			w.found = true
			w.addr <- addr
		}
	}
	return len(p), nil
}

func (w *lineWatcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.String()
}

// planbotListening finds serve's JSON log line {"msg":"listening","addr":…}.
func planbotListening(line string) (string, bool) {
	var l struct{ Msg, Addr string }
	if json.Unmarshal([]byte(line), &l) == nil && l.Msg == "listening" && l.Addr != "" {
		return l.Addr, true
	}
	return "", false
}

// floorListening finds the floor's "listening ADDR" line.
func floorListening(line string) (string, bool) {
	addr, ok := strings.CutPrefix(line, "listening ")
	return strings.TrimSpace(addr), ok
}

// startPlanbot runs "planbot serve" from binary on db, answering requests
// signed with secret; its Slack Web API calls go to slackURL.
func startPlanbot(binary, db, secret, slackURL, cpu string) (*server, error) {
	env := []string{
		"PLANBOT_DB=" + db, "PLANBOT_ADDR=127.0.0.1:0",
		"SLACK_BOT_TOKEN=xoxb-bench", "SLACK_SIGNING_SECRET=" + secret, "SLACK_API_URL=" + slackURL + "/api/",
	}
	return startServer("planbot", pinned(cpu, binary, "serve"), env, planbotListening)
}

// startFloor runs "planbench floor" from binary (this program) on db.
func startFloor(binary, db, secret, cpu string) (*server, error) {
	argv := pinned(cpu, binary, "floor", "--addr", "127.0.0.1:0", "--db", db, "--secret", secret)
	return startServer("floor", argv, nil, floorListening)
}

// ensurePlanbot returns path, or when it is "" builds planbot into dir and
// returns that binary's path.
func ensurePlanbot(ctx context.Context, path, dir string, stderr io.Writer) (string, error) {
	if path != "" {
		return path, nil
	}
	fmt.Fprintln(stderr, "building planbot…")
	return buildPlanbot(ctx, dir)
}

// buildPlanbot builds cmd/planbot into dir (go build, from within the
// module) and returns the binary's path.
func buildPlanbot(ctx context.Context, dir string) (string, error) {
	path := filepath.Join(dir, "planbot")
	out, err := exec.CommandContext(ctx, "go", "build", "-o", path, "planbot/cmd/planbot").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build planbot/cmd/planbot (run planbench from within the module): %v\n%s", err, out)
	}
	return path, nil
}

// fakeSlack is a Slack Web API on loopback that answers {"ok":true} to
// everything (and a channel to conversations.open), so that nothing planbot
// does under load leaves the machine.
func fakeSlack() *httptest.Server {
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		if strings.HasSuffix(r.URL.Path, "/conversations.open") {
			io.WriteString(w, `{"ok":true,"channel":{"id":"D1"}}`)
			return
		}
		io.WriteString(w, `{"ok":true}`)
	}))
}

// pinning decides where compare runs things: servers on CPU 0 and the load
// generator on CPU 1, with taskset, when there is taskset and a second CPU.
type pinning struct {
	serverCPU string // "" when not pinned
	note      string
}

func choosePinning(numCPU int) pinning {
	if _, err := exec.LookPath("taskset"); err != nil {
		return pinning{note: "not pinned: taskset not found; servers and load generator share all CPUs"}
	}
	if numCPU < 2 {
		return pinning{note: "not pinned: only one CPU; servers and load generator share it"}
	}
	if out, err := exec.Command("taskset", "-a", "-p", "-c", "1", fmt.Sprint(os.Getpid())).CombinedOutput(); err != nil {
		return pinning{note: fmt.Sprintf("not pinned: taskset failed (%v: %s)", err, bytes.TrimSpace(out))}
	}
	return pinning{serverCPU: "0", note: "pinned with taskset: servers on CPU 0, load generator on CPU 1"}
}
