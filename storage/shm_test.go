package storage

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"planbot/planner"
)

// shmChildEnv names the database a child process of TestTruncatedShm works on.
const shmChildEnv = "PLANBOT_TEST_SHM_CHILD"

// SQLite maps the -shm file (the WAL index) into memory. Another process
// truncating it under a running planbot makes the next access fault: SIGBUS
// in cgo, which Go cannot recover, and the process dies (exit 2). It cannot
// be prevented while other processes (planbot backup, export, digest) share
// the file: the one mode without the mapping, locking_mode=EXCLUSIVE, locks
// them out, and planbot's own read pool too. What holds: every write answered
// before the fault is in the file when planbot starts again. The fault runs in
// a child process (this test binary, run again), never in the test itself.
func TestTruncatedShm(t *testing.T) {
	if path := os.Getenv(shmChildEnv); path != "" {
		truncateShmUnder(path)
		return
	}
	path := filepath.Join(t.TempDir(), "planbot.db")
	child := exec.Command(os.Args[0], "-test.run=^TestTruncatedShm$", "-test.count=1")
	child.Env = append(os.Environ(), shmChildEnv+"="+path)
	out, err := child.CombinedOutput()
	text := string(out)
	if !strings.Contains(text, "10 writes answered") {
		t.Fatalf("the child did not get to the fault: %v\n%s", err, text)
	}
	want := 10 // answered before the fault
	switch {
	case strings.Contains(text, "SIGBUS") && child.ProcessState.ExitCode() == 2:
		t.Log("as measured: the process died of SIGBUS in cgo, exit 2")
	case err == nil:
		t.Log("the process survived the truncated -shm, and wrote once more")
		want++
	default:
		t.Fatalf("the child failed otherwise: %v\n%s", err, text)
	}

	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatalf("the database does not open after the fault: %v", err)
	}
	defer db.Close()
	if n := len(mustMembers(t, db, "T1")); n != want {
		t.Errorf("%d members after a restart, want the %d answered", n, want)
	}
}

// truncateShmUnder opens the database at path, makes ten writes, truncates
// its -shm as another process could, then reads and writes again.
func truncateShmUnder(path string) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		os.Exit(3)
	}
	add := func(user string) error {
		_, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1", Name: "Team T1"}, planner.Member{TeamID: "T1", UserID: user, Name: user})
		return err
	}
	for i := range 10 {
		if err := add(fmt.Sprintf("U%d", i)); err != nil {
			fmt.Println("write:", err)
			os.Exit(3)
		}
	}
	fmt.Println("10 writes answered")
	if err := os.Truncate(path+"-shm", 0); err != nil {
		fmt.Println("truncate:", err)
		os.Exit(3)
	}
	_, err = db.Members(ctx, "T1")
	fmt.Println("read after the truncation:", err)
	fmt.Println("write after the truncation:", add("U10"))
	db.Close()
}
