package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"planbot/storage"
)

// A team name stored before names were cleaned (with an escape sequence from
// Slack) reaches the operator's terminal without its control characters.
func TestTeamNamesReachTheTerminalClean(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "planbot.db")
	mustPlanbot(t, map[string]string{"PLANBOT_DB": path, "PLANBOT_NOW": seedNow}, englishWeek, "console", "--user", "ann", "--team", "en")
	db, err := storage.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	team, err := db.Team(context.Background(), "en")
	if err != nil {
		t.Fatal(err)
	}
	team.Name = "in\x1b[2Jvest\nment"
	if err := db.UpdateTeam(context.Background(), team); err != nil {
		t.Fatal(err)
	}
	db.Close()
	later := map[string]string{"PLANBOT_DB": path, "PLANBOT_NOW": "2025-12-01T09:00:00+08:00"}
	for _, args := range [][]string{{"digest"}, {"export"}, {"forget", "--team", "en", "--user", "nobody"}, {"digest", "--team", "nope"}} {
		stdout, stderr, err := planbotStreams(t, later, args...)
		out := stdout + stderr
		if err != nil {
			out += err.Error() // what main prints on stderr
		}
		if strings.ContainsAny(out, "\x1b") || strings.Contains(out, "vest\nment") {
			t.Errorf("%v printed a control character or a broken name: %q", args, out)
		}
		if !strings.Contains(out, "in[2Jvest ment") {
			t.Errorf("%v does not name the team on one line: %q", args, out)
		}
	}
}
