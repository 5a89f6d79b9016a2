package plannertest

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// update is the -update flag of every test binary that imports plannertest:
// Golden rewrites its files instead of comparing.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Golden compares got with the file testdata/name of the package under test,
// or writes got there when the test runs with -update.
func Golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (create it with go test -run %s -update)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (rewrite it with -update if the change is meant):\ngot:\n%s\nwant:\n%s", path, got, want)
	}
}
