package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An export or digest of a week with nothing in it still succeeds, but says
// so on stderr: an empty report is never handed over without a word.
func TestEmptyWeekIsSaidOnStderr(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "planbot.db")
	mustPlanbot(t, map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": seedNow}, englishWeek, "console", "--user", "ann", "--team", "en")
	// Two weeks later: the current week, 2025-W49, has nothing.
	later := map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": "2025-12-01T09:00:00+08:00"}
	xlsx := filepath.Join(dir, "week.xlsx")
	tests := []struct {
		name   string
		args   []string
		silent bool // the week has items: nothing on stderr
	}{
		{"csv, this week", []string{"export"}, false},
		{"xlsx, this week", []string{"export", "--format", "xlsx", "--out", xlsx}, false},
		{"digest text, this week", []string{"digest"}, false},
		{"digest json, an empty week named", []string{"digest", "--format", "json", "--week", "2025-W48"}, false},
		{"csv of a week with items", []string{"export", "--week", "2025-W47"}, true},
		{"xlsx of a week with items", []string{"export", "--week", "2025-W47", "--format", "xlsx", "--out", xlsx}, true},
		{"digest of a week with items", []string{"digest", "--week", "2025-W47"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(xlsx)
			stdout, stderr, err := planbotStreams(t, later, tc.args...)
			if err != nil {
				t.Fatalf("exit not 0: %v\n%s", err, stderr)
			}
			if stdout == "" && !strings.Contains(strings.Join(tc.args, " "), "xlsx") {
				t.Errorf("nothing on stdout")
			}
			week := "2025-W49"
			if strings.Contains(tc.name, "named") {
				week = "2025-W48"
			}
			switch {
			case tc.silent && stderr != "":
				t.Errorf("stderr %q for a week with items, want nothing", stderr)
			case !tc.silent && (!strings.Contains(stderr, "team en has nothing in "+week) || strings.Count(stderr, "\n") != 1):
				t.Errorf("stderr %q, want one line that team en has nothing in %s", stderr, week)
			}
			if strings.Contains(tc.name, "this week") && !strings.Contains(stderr, "--week") {
				t.Errorf("stderr %q does not say how to choose another week", stderr)
			}
		})
	}
}

// planbot --help names every format each command accepts, and the command
// accepts every format its help names.
func TestHelpListsEveryFormat(t *testing.T) {
	help := mustPlanbot(t, nil, "", "--help")
	db := filepath.Join(t.TempDir(), "planbot.db")
	env := map[string]string{"PLANBOT_DB": db}
	mustPlanbot(t, env, "", "console")
	for command, formats := range map[string][]string{"digest": {"text", "json", "blocks"}, "export": {"csv", "xlsx"}} {
		var line string
		for l := range strings.Lines(help) {
			if strings.HasPrefix(strings.TrimSpace(l), command+" ") {
				line = l
			}
		}
		if want := "--format " + strings.Join(formats, "|"); !strings.Contains(line, want) {
			t.Errorf("help for %s: %q, want it to list %q", command, line, want)
		}
		for _, f := range formats {
			args := []string{command, "--format", f}
			if f == "xlsx" {
				args = append(args, "--out", filepath.Join(t.TempDir(), "w.xlsx"))
			}
			if _, err := planbot(t, env, "", args...); err == nil || strings.Contains(err.Error(), "--format") {
				t.Errorf("%s --format %s: %v, want only that no team has logged anything", command, f, err)
			}
		}
	}
}
