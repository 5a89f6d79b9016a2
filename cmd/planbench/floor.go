package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime"
	"strings"
	"time"

	_ "github.com/mattn/go-sqlite3" // the floor's one durable INSERT

	slackbot "planbot/bot/slack"
)

// floorSettings are planbot's SQLite settings (storage's DSN): foreign keys,
// busy_timeout, WAL, BEGIN IMMEDIATE and synchronous=FULL, so that each
// commit is as durable, and costs as many fsyncs, as planbot's.
const floorSettings = "_foreign_keys=on&_busy_timeout=5000&_journal_mode=WAL&_txlock=immediate&_synchronous=FULL"

const floorSchema = `CREATE TABLE IF NOT EXISTS commands (
	id INTEGER PRIMARY KEY,
	team_id TEXT NOT NULL,
	user_id TEXT NOT NULL,
	text TEXT NOT NULL,
	received TEXT NOT NULL
)`

func floorCmd(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("floor", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:0", "where to listen")
	dbPath := fs.String("db", "", "the SQLite file to insert into (created if missing)")
	secret := fs.String("secret", "", "the Slack signing secret requests must be signed with")
	null := fs.Bool("null", false, "answer every command at once with a fixed JSON, checking and storing nothing: "+
		"the machine's own latency (loopback, scheduling, the load generator), under anything a server does")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *null {
		ln, err := net.Listen("tcp", *addr)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "listening %s\n", ln.Addr())
		return serveCommands(ctx, ln, nullCommand)
	}
	if *dbPath == "" || *secret == "" {
		return errors.New("floor: --db and --secret are required (or --null)")
	}
	// As planbot serve does (cmd/planbot/serve.go, minProcs): a second P, so
	// that handlers run while a cgo call waits for SQLite's fsync.
	if os.Getenv("GOMAXPROCS") == "" && runtime.GOMAXPROCS(0) < 2 {
		runtime.GOMAXPROCS(2)
	}
	f, err := openFloor(ctx, *dbPath, *secret)
	if err != nil {
		return err
	}
	defer f.Close()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "listening %s\n", ln.Addr())
	return f.serve(ctx, ln)
}

// floor is the least a Slack slash-command app must do: verify the
// signature, parse the form, one durable INSERT, answer a small JSON.
type floor struct {
	db       *sql.DB
	verifier slackbot.Verifier
}

// openFloor opens (creating) the floor's database at path.
func openFloor(ctx context.Context, path, secret string) (*floor, error) {
	db, err := sql.Open("sqlite3", "file:"+(&url.URL{Path: path}).EscapedPath()+"?"+floorSettings)
	if err != nil {
		return nil, err
	}
	if _, err := db.ExecContext(ctx, floorSchema); err != nil {
		db.Close()
		return nil, fmt.Errorf("floor: %s: %w", path, err)
	}
	return &floor{db: db, verifier: slackbot.Verifier{Secret: secret}}, nil
}

func (f *floor) Close() error { return f.db.Close() }

// serve answers on ln until ctx ends.
func (f *floor) serve(ctx context.Context, ln net.Listener) error {
	return serveCommands(ctx, ln, f.command)
}

// nullAnswer is the null server's answer to any command: JSON that passes
// the load generator's checks for every kind of command.
const nullAnswer = `{"response_type":"ephemeral","text":"Added #1"}` + "\n"

// nullCommand answers at once with nullAnswer, once the request is read.
func nullCommand(w http.ResponseWriter, r *http.Request) {
	if _, err := io.Copy(io.Discard, r.Body); err != nil {
		http.Error(w, "cannot read request", http.StatusBadRequest)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, nullAnswer)
}

// serveCommands answers slash commands on ln with command until ctx ends.
func serveCommands(ctx context.Context, ln net.Listener, command http.HandlerFunc) error {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/commands", command)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { io.WriteString(w, "ok\n") })
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 10 * time.Second,
		WriteTimeout: 20 * time.Second, IdleTimeout: 60 * time.Second}
	failed := make(chan error, 1)
	go func() { failed <- srv.Serve(ln) }()
	select {
	case err := <-failed:
		return err
	case <-ctx.Done():
	}
	shut, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// command is the floor's slash-command handler. Reads (week, team) count
// the team's rows instead of inserting, so that they cost no commit.
func (f *floor) command(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, slackbot.MaxBody))
	if err != nil {
		http.Error(w, "cannot read request", http.StatusBadRequest)
		return
	}
	if err := f.verifier.Verify(r.Header, body); err != nil {
		http.Error(w, "invalid signature", http.StatusUnauthorized)
		return
	}
	form, err := url.ParseQuery(string(body))
	if err != nil {
		http.Error(w, "malformed form", http.StatusBadRequest)
		return
	}
	team, user, text := form.Get("team_id"), form.Get("user_id"), form.Get("text")
	var answer string
	switch strings.TrimSpace(text) {
	case "week", "本周", "team", "团队":
		var n int64
		err = f.db.QueryRowContext(r.Context(), `SELECT count(*) FROM commands WHERE team_id = ?`, team).Scan(&n)
		answer = fmt.Sprintf("%d items", n)
	default:
		var res sql.Result
		res, err = f.db.ExecContext(r.Context(), `INSERT INTO commands (team_id, user_id, text, received) VALUES (?, ?, ?, ?)`,
			team, user, text, time.Now().UTC().Format(time.RFC3339Nano))
		if err == nil {
			id, _ := res.LastInsertId()
			answer = fmt.Sprintf("Added #%d %s", id, text)
		}
	}
	if err != nil {
		http.Error(w, "database error", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"response_type": "ephemeral", "text": answer})
}
