package storage

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"planbot/planner"
)

// shmReadOnlyChildEnv names the database a child process of
// TestUnwritableShmIsUnhealthy opens.
const shmReadOnlyChildEnv = "PLANBOT_TEST_SHM_READONLY_CHILD"

// A -shm that planbot cannot write (another process's, left read-only) makes
// SQLite open the WAL index read-only: every write then fails. planbot must
// say so — refuse to open, or report unhealthy — rather than answer /healthz
// 200 while refusing every change. The database is opened in a child process
// (this test binary, run again) as a user who cannot write the -shm: nobody
// when the test runs as root (root writes any file), else the test's own user.
func TestUnwritableShmIsUnhealthy(t *testing.T) {
	if path := os.Getenv(shmReadOnlyChildEnv); path != "" {
		openBesideReadOnlyShm(path)
		return
	}
	dir := t.TempDir()
	for _, d := range []string{filepath.Dir(dir), dir} { // the test's own directory, then this one
		if err := os.Chmod(d, 0o777); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "planbot.db")
	holder, err := Open(t.Context(), path) // keeps the -shm in place, as serve's other process would
	if err != nil {
		t.Fatal(err)
	}
	defer holder.Close()
	if _, _, err := holder.EnsureMember(t.Context(), planner.Team{ID: "T1"}, planner.Member{TeamID: "T1", UserID: "U1"}); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{path, path + "-wal"} {
		if err := os.Chmod(p, 0o666); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(path+"-shm", 0o444); err != nil {
		t.Fatal(err)
	}
	binary := os.Args[0]
	var cred *syscall.Credential
	if os.Geteuid() == 0 {
		// nobody cannot reach the go tool's build directory: run a copy.
		binary = filepath.Join(dir, "storage.test")
		copyFile(t, os.Args[0], binary, 0o755)
		cred = &syscall.Credential{Uid: 65534, Gid: 65534}
	}
	child := exec.Command(binary, "-test.run=^TestUnwritableShmIsUnhealthy$", "-test.count=1")
	child.Env = append(os.Environ(), shmReadOnlyChildEnv+"="+path, "HOME="+dir, "TMPDIR="+dir)
	child.SysProcAttr = &syscall.SysProcAttr{Credential: cred}
	out, err := child.CombinedOutput()
	text := string(out)
	if err != nil && !strings.Contains(text, "open:") {
		t.Fatalf("the child failed: %v\n%s", err, text)
	}
	t.Logf("child: %s", text)
	switch {
	case strings.Contains(text, "open: ") && strings.Contains(text, "-shm"):
		// Refused at start-up, naming the file: fine.
	case strings.Contains(text, "ping: ") && strings.Contains(text, "-shm") && !strings.Contains(text, "ping: <nil>"):
		// Opened, but unhealthy, naming the file: fine.
	default:
		t.Errorf("a database whose -shm cannot be written opened healthy:\n%s", text)
	}
}

// openBesideReadOnlyShm opens the database at path, pings it and writes once,
// printing what each said.
func openBesideReadOnlyShm(path string) {
	ctx := context.Background()
	db, err := Open(ctx, path)
	if err != nil {
		fmt.Println("open:", err)
		return
	}
	defer db.Close()
	fmt.Println("ping:", db.Ping(ctx))
	_, _, err = db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{TeamID: "T1", UserID: "U2"})
	fmt.Println("write:", err)
}

// copyFile copies from to to, with mode.
func copyFile(t *testing.T, from, to string, mode os.FileMode) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, mode); err != nil {
		t.Fatal(err)
	}
}
