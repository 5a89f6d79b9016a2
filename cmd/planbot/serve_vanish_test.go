package main

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// While serve's database directory is gone, an add is answered "nothing was
// changed" and /healthz 503; the directory back (the same file) makes it
// healthy again, and the refused add was not stored. A new directory, even
// with a new file, is not the database opened: 503 until a restart opens it.
func TestServeRefusesWritesWhileTheDatabaseIsGone(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	s := startServe(t, filepath.Join(dir, "planbot.db"))
	health := func() int {
		code, _ := s.send(t, http.MethodGet, "/healthz", nil, nil)
		return code
	}
	refused := func(text string) {
		t.Helper()
		a := s.command(t, s.slash("U1", text))
		if !strings.Contains(a.Text, "nothing was changed") {
			t.Errorf("/plan %s answered %q, want nothing was changed", text, a.Text)
		}
		if code := health(); code != http.StatusServiceUnavailable {
			t.Errorf("/healthz %d, want 503", code)
		}
	}
	s.command(t, s.slash("U1", "tue visit 4 enterprises"))

	if err := os.Rename(dir, dir+".away"); err != nil {
		t.Fatal(err)
	}
	refused("wed meet a fund company")
	if err := os.Rename(dir+".away", dir); err != nil {
		t.Fatal(err)
	}
	if code := health(); code != http.StatusOK {
		t.Errorf("/healthz %d with the directory back, want 200", code)
	}
	if rows := exportRows(t, s.env, "2025-W47"); len(rows) != 1 {
		t.Errorf("%d items stored, want only the first: %v", len(rows), rows)
	}

	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	refused("thu visit 2 enterprises")
	if err := os.Mkdir(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "planbot.db"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	refused("fri visit 3 enterprises")
}
