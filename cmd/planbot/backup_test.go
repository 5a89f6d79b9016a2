package main

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// backupLimit is how long "planbot backup" may take on a small database
// while serve writes to it as fast as it can.
const backupLimit = 5 * time.Second

// TestBackupUnderLoad runs "planbot backup" beside "planbot serve" while
// writers send commands without pause: each backup must end quickly and be
// a sound snapshot (per team, the items 1..n exactly as the live file holds
// them), readable by its owner only; a backup never overwrites a file.
func TestBackupUnderLoad(t *testing.T) {
	slack := okSlack(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "planbot.db")
	env := procEnv(db, slack.URL)
	p := startProc(t, env)
	l := newLedger()

	client := &http.Client{Timeout: waitLimit, Transport: &http.Transport{MaxIdleConnsPerHost: writers}}
	defer client.CloseIdleConnections()
	const warmUp = 30 // commands answered before the first backup
	answered := make(chan struct{}, warmUp)
	stop := make(chan struct{})
	var wg sync.WaitGroup
	for g := range writers {
		team, user := writerOf(g)
		wg.Go(func() {
			for i := range maxCommandsPerWriter {
				select {
				case <-stop:
					return
				default:
				}
				title := fmt.Sprintf("visit 2 companies b-g%d-%d", g, i)
				if l.send(client, p.URL, team, user, title, slack.URL+"/response/cmd") != acked {
					return
				}
				select {
				case answered <- struct{}{}:
				default:
				}
			}
		})
	}
	for range warmUp {
		select {
		case <-answered:
		case <-time.After(waitLimit):
			t.Fatalf("the writers got no answers: %v", l.wrong)
		}
	}

	var copies []string
	for i := range 3 {
		target := filepath.Join(dir, fmt.Sprintf("backup-%d.db", i))
		before, _, _ := l.counts()
		start := time.Now()
		code, stdout, stderr := runBinary(t, env, "backup", target)
		took := time.Since(start)
		during, _, _ := l.counts()
		if code != 0 {
			t.Fatalf("planbot backup %s: exit %d\n%s%s", target, code, stdout, stderr)
		}
		if took > backupLimit {
			t.Errorf("planbot backup took %v under load, want under %v", took, backupLimit)
		}
		if !strings.Contains(stdout, "backed up") {
			t.Errorf("planbot backup said %q", stdout)
		}
		t.Logf("backup %d: exit 0 in %v while serve acknowledged %d commands", i, took.Round(time.Millisecond), during-before)
		copies = append(copies, target)
	}

	t.Run("never overwrites", func(t *testing.T) {
		was, err := os.ReadFile(copies[0])
		if err != nil {
			t.Fatal(err)
		}
		code, _, stderr := runBinary(t, env, "backup", copies[0])
		if code != 2 || !strings.Contains(stderr, "exists") {
			t.Errorf("backup to an existing file: exit %d, %q; want 2 and a word that it exists", code, stderr)
		}
		if is, err := os.ReadFile(copies[0]); err != nil || !bytes.Equal(is, was) {
			t.Errorf("backup to an existing file changed it (%v)", err)
		}
	})

	close(stop)
	wg.Wait()
	if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	if code := p.wait(t, exitLimit); code != 0 {
		t.Fatalf("serve exited %d after SIGTERM, want 0", code)
	}
	live := storedItems(t, db)
	stored := checkLedger(t, l, live)
	integrityCheck(t, db)

	for _, c := range copies {
		t.Run(filepath.Base(c), func(t *testing.T) {
			fi, err := os.Stat(c)
			if err != nil {
				t.Fatal(err)
			}
			if mode := fi.Mode().Perm(); mode != 0o600 {
				t.Errorf("mode %v, want -rw-------", mode)
			}
			integrityCheck(t, c)
			var counts []string
			for team, items := range storedItems(t, c) {
				checkContiguous(t, team, items)
				byID := map[int64]string{}
				for _, it := range live[team] {
					byID[it.ID] = it.UserID + " " + it.Title
				}
				for _, it := range items {
					if got, want := it.UserID+" "+it.Title, byID[it.ID]; got != want {
						t.Errorf("team %s #%d is %q in the copy, %q in the live file", team, it.ID, got, want)
					}
				}
				counts = append(counts, fmt.Sprintf("%s 1..%d of %d", team, len(items), len(live[team])))
			}
			t.Logf("%s: mode 0600, integrity_check ok, a prefix of the live file: %s", filepath.Base(c), strings.Join(counts, ", "))
		})
	}
	ack, _, _ := l.counts()
	t.Logf("%d commands acknowledged during the test, all stored once in the live file (%d items)", ack, stored)
}
