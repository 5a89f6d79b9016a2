package main

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestCrashDurability kills "planbot serve" with SIGKILL at a random instant
// while it answers commands from several goroutines, round after round on the
// same SQLite file, and checks that every command planbot acknowledged
// ("Added #n") is stored exactly once, as #n, and that the file is sound.
// A command cut off by the kill may be stored or not; one whose connection
// was refused must not be.
//
// PLANBOT_CRASH_ROUNDS sets the number of rounds (10 by default), for a longer
// run: PLANBOT_CRASH_ROUNDS=50 go test ./cmd/planbot -run Crash -v.
// PLANBOT_CRASH_SEED repeats a run's kill instants; every run logs its seed.
func TestCrashDurability(t *testing.T) {
	if testing.Short() {
		t.Skip("kills a real planbot serve again and again")
	}
	rounds := envInt(t, "PLANBOT_CRASH_ROUNDS", 10)
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("PLANBOT_CRASH_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseUint(s, 10, 64); err != nil {
			t.Fatalf("PLANBOT_CRASH_SEED=%q: %v", s, err)
		}
	}
	t.Logf("seed %d (PLANBOT_CRASH_SEED=%d repeats these kill instants)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed))
	slack := okSlack(t)
	db := filepath.Join(t.TempDir(), "planbot.db")
	env := procEnv(db, slack.URL)
	planbotBinary(t) // not counted in the rounds' time
	l := newLedger()
	start := time.Now()
	stored, fewest, most := 0, -1, 0
	for round := range rounds {
		delay := time.Duration(50+rng.IntN(351)) * time.Millisecond
		before, _, _ := l.counts()
		crashRound(t, env, slack.URL, l, round, delay)
		after, _, _ := l.counts()
		if n := after - before; fewest < 0 || n < fewest {
			fewest = n
		}
		most = max(most, after-before)
		stored = checkLedger(t, l, storedItems(t, db))
		integrityCheck(t, db)
		if t.Failed() {
			t.Fatalf("round %d (killed %v after the load began) lost or broke something", round, delay)
		}
	}
	elapsed := time.Since(start)

	// What planbot itself reads back after the last kill: export, run as a user would.
	exported := 0
	l.mu.Lock()
	for team, titles := range exportTitles(t, env) {
		count := map[string]int{}
		for _, title := range titles {
			count[title]++
			exported++
		}
		for key, id := range l.acked {
			if key.team == team && count[key.title] != 1 {
				t.Errorf("export of team %s has acknowledged #%d %q %d times, want once", team, id, key.title, count[key.title])
			}
		}
	}
	l.mu.Unlock()
	if exported != stored {
		t.Errorf("export has %d items, the store %d", exported, stored)
	}
	ack, refused, unknown := l.counts()
	t.Logf("crash durability: %d rounds of kill -9 in %v (seed %d), %d writers: %d acknowledged commands checked, all stored exactly once; "+
		"%d unknown (cut off by the kill), %d refused (never stored); %d items stored; %d–%d acknowledged per round; integrity_check ok after every round",
		rounds, elapsed.Round(time.Millisecond), seed, writers, ack, unknown, refused, stored, max(fewest, 0), most)
}

// crashRound starts serve on env's database, sends commands from every
// writer, kills serve with SIGKILL delay after they began, and waits until
// every writer has stopped.
func crashRound(t *testing.T, env map[string]string, slackURL string, l *ledger, round int, delay time.Duration) {
	t.Helper()
	p := startProc(t, env)
	client := &http.Client{Timeout: waitLimit, Transport: &http.Transport{MaxIdleConnsPerHost: writers}}
	defer client.CloseIdleConnections()
	var wg sync.WaitGroup
	for g := range writers {
		team, user := writerOf(g)
		wg.Go(func() {
			for i := range maxCommandsPerWriter {
				title := fmt.Sprintf("visit 4 enterprises r%d-g%d-%d", round, g, i)
				if l.send(client, p.URL, team, user, title, slackURL+"/response/cmd") != acked {
					return
				}
			}
		})
	}
	<-time.After(delay)
	select {
	case <-p.exited:
		t.Errorf("round %d: serve died by itself before the kill: %v", round, p.waitErr)
	default:
	}
	p.kill(t)
	wg.Wait()
}

// envInt reads a positive whole number from the environment variable key, or returns fallback.
func envInt(t *testing.T, key string, fallback int) int {
	t.Helper()
	s := os.Getenv(key)
	if s == "" {
		return fallback
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		t.Fatalf("%s=%q: want a positive whole number", key, s)
	}
	return n
}

// exportTitles runs the binary's export for every team's week 2025-W47 and
// returns the titles by team (CSV column "title").
func exportTitles(t *testing.T, env map[string]string) map[string][]string {
	t.Helper()
	titles := map[string][]string{}
	for _, team := range teams {
		code, out, errOut := runBinary(t, env, "export", "--team", team, "--week", "2025-W47")
		if code != 0 {
			t.Fatalf("planbot export --team %s: exit %d\n%s", team, code, errOut)
		}
		records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
		if err != nil || len(records) == 0 || records[0][9] != "title" {
			t.Fatalf("export --team %s: %v\n%s", team, err, out)
		}
		for _, r := range records[1:] {
			titles[team] = append(titles[team], r[9])
		}
	}
	return titles
}
