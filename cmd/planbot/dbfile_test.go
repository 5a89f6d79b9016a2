package main

import (
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A mistyped PLANBOT_DB must not give an empty database that looks fine: the
// operator commands refuse a missing file in one line and create nothing.
func TestOperatorCommandsNeverCreateADatabase(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "missing.db")
	target := filepath.Join(dir, "x.db")
	tests := [][]string{
		{"backup", target},
		{"digest"},
		{"digest", "--format", "json", "--week", "2025-W47"},
		{"digest", "--post", "--team", "T1"},
		{"export"},
		{"export", "--format", "xlsx", "--out", filepath.Join(dir, "week.xlsx")},
		{"forget", "--user", "U1"},
	}
	env := map[string]string{"PLANBOT_DB": missing, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": "http://127.0.0.1:1/api/"}
	for _, args := range tests {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			out, err := planbot(t, env, "", args...)
			want := "no database at " + missing + "; set PLANBOT_DB or --db"
			if !isUsage(err) || err.Error() != want {
				t.Errorf("got %v (%q), want the usage error %q", err, out, want)
			}
			for _, f := range []string{missing, missing + "-wal", missing + "-shm", target, filepath.Join(dir, "week.xlsx")} {
				if _, err := os.Stat(f); err == nil {
					t.Errorf("%s was created", filepath.Base(f))
				}
			}
		})
	}
	t.Run("in a missing directory", func(t *testing.T) {
		db := filepath.Join(dir, "nowhere", "planbot.db")
		_, err := planbot(t, map[string]string{"PLANBOT_DB": db}, "", "export")
		if want := "no database at " + db + "; set PLANBOT_DB or --db"; !isUsage(err) || err.Error() != want {
			t.Errorf("got %v, want %q", err, want)
		}
	})
	t.Run("console creates it", func(t *testing.T) {
		mustPlanbot(t, env, "", "console")
		if _, err := os.Stat(missing); err != nil {
			t.Fatalf("console did not create the database: %v", err)
		}
		if _, err := planbot(t, env, "", "export"); !isUsage(err) || !strings.Contains(err.Error(), "no team") {
			t.Errorf("export of the new database: %v, want that no team has logged anything", err)
		}
	})
}

// The commands that create the database say, once and plainly, what is wrong
// with its path.
func TestDatabasePathErrorsSayWhatToDo(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	missingDir := filepath.Join(dir, "var", "lib", "planbot")
	tests := []struct {
		name string
		db   string
		args []string
		want string
	}{
		{"console, no directory", filepath.Join(missingDir, "planbot.db"), []string{"console"},
			"PLANBOT_DB/--db: directory " + missingDir + " does not exist: mkdir -p " + missingDir},
		{"serve, no directory", filepath.Join(missingDir, "planbot.db"), []string{"serve"},
			"PLANBOT_DB/--db: directory " + missingDir + " does not exist: mkdir -p " + missingDir},
		{"console, a file for a directory", filepath.Join(file, "planbot.db"), []string{"console"},
			"PLANBOT_DB/--db: cannot open " + filepath.Join(file, "planbot.db") + ": not a directory"},
		{"a directory with a space", filepath.Join(dir, "my data", "planbot.db"), []string{"console"},
			"PLANBOT_DB/--db: directory " + filepath.Join(dir, "my data") + " does not exist: mkdir -p '" + filepath.Join(dir, "my data") + "'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"PLANBOT_DB": tc.db, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": signingSecret,
				"SLACK_API_URL": "http://127.0.0.1:1/api/", "PLANBOT_ADDR": "127.0.0.1:0"}
			_, err := planbot(t, env, "", tc.args...)
			if !isUsage(err) || err.Error() != tc.want {
				t.Errorf("got %v\nwant the usage error %q", err, tc.want)
			}
		})
	}
}

// A backup into a directory that does not exist says so, once, and writes nothing.
func TestBackupIntoAMissingDirectory(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANBOT_DB": filepath.Join(dir, "planbot.db")}
	mustPlanbot(t, env, "", "console")
	missing := filepath.Join(dir, "backups")
	_, err := planbot(t, env, "", "backup", filepath.Join(missing, "b.db"))
	if want := "backup: directory " + missing + " does not exist: mkdir -p " + missing; !isUsage(err) || err.Error() != want {
		t.Errorf("got %v, want the usage error %q", err, want)
	}
	if _, err := os.Stat(missing); err == nil {
		t.Error("the directory was created")
	}
}

// backup -h shows the flags' help: it is no file name, and nothing is written.
func TestBackupHelp(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "planbot.db")
	mustPlanbot(t, map[string]string{"PLANBOT_DB": db}, "", "console")
	t.Chdir(dir)
	for _, arg := range []string{"-h", "--help"} {
		_, stderr, err := planbotStreams(t, map[string]string{"PLANBOT_DB": db}, "backup", arg)
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			t.Errorf("backup %s: %v", arg, err)
		}
		if !strings.Contains(stderr, "-db") {
			t.Errorf("backup %s printed %q, want the flags' help", arg, stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, arg)); err == nil {
			t.Errorf("backup %s wrote a file named %s", arg, arg)
		}
	}
}
