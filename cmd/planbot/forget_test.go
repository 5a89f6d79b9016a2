package main

import (
	"encoding/csv"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// exportUsers returns the user id of each row of a team's export of the seed week.
func exportUsers(t *testing.T, env map[string]string, team string) []string {
	t.Helper()
	out := mustPlanbot(t, env, "", "export", "--team", team, "--week", "2025-W47")
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var users []string
	for _, r := range records[1:] {
		users = append(users, r[1])
	}
	return users
}

func TestForget(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	mustPlanbot(t, env, "tue visit 4 enterprises\nwed meet a fund company\n", "console", "--user", "ann", "--team", "en")
	mustPlanbot(t, env, "thu-fri trip to Beijing\nnote back on Monday\n", "console", "--user", "bob", "--team", "en")
	mustPlanbot(t, env, "周二 对接4家企业\n", "console", "--user", "bob", "--team", "zh")

	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"no --user", []string{"forget", "--team", "en"}, "--user"},
		{"empty --user", []string{"forget", "--user", "", "--team", "en"}, "--user"},
		{"several teams, no --team", []string{"forget", "--user", "bob"}, "several teams"},
		{"unknown team", []string{"forget", "--user", "bob", "--team", "fr"}, `no team "fr"`},
		{"unknown member", []string{"forget", "--user", "carol", "--team", "en"}, `no member "carol"`},
		{"extra argument", []string{"forget", "--user", "bob", "--team", "en", "now"}, "unexpected argument"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := planbot(t, env, "", tc.args...)
			if !isUsage(err) || !strings.Contains(err.Error()+out, tc.want) {
				t.Errorf("got %v (%s), want a usage error (exit 2) about %q", err, out, tc.want)
			}
		})
	}
	if got, want := exportUsers(t, env, "en"), []string{"ann", "ann", "bob"}; !slices.Equal(got, want) {
		t.Fatalf("a refused forget changed team en: users %v, want %v", got, want)
	}

	out := mustPlanbot(t, env, "", "forget", "--user", "bob", "--team", "en")
	if want := "forgot member bob of team en: erased 1 items"; !strings.Contains(out, want) {
		t.Errorf("forget printed %q, want %q", out, want)
	}
	if got, want := exportUsers(t, env, "en"), []string{"ann", "ann"}; !slices.Equal(got, want) {
		t.Errorf("team en after forget: users %v, want %v", got, want)
	}
	if got, want := exportUsers(t, env, "zh"), []string{"bob"}; !slices.Equal(got, want) {
		t.Errorf("team zh after forgetting bob of team en: users %v, want %v", got, want)
	}
	if out := mustPlanbot(t, env, "", "digest", "--team", "en", "--week", "2025-W47"); strings.Contains(out, "bob") || strings.Contains(out, "back on Monday") {
		t.Errorf("the digest still shows bob:\n%s", out)
	}
	if out, err := planbot(t, env, "", "forget", "--user", "bob", "--team", "en"); !isUsage(err) {
		t.Errorf("forgetting bob again: %v (%s), want a usage error", err, out)
	}

	// The console's user is an admin: /plan forget works there too.
	out = mustPlanbot(t, env, "/plan forget bob\n", "console", "--user", "ann", "--team", "zh")
	if !strings.Contains(out, "Forgot member bob for good: 1 items erased") {
		t.Errorf("console forget printed:\n%s", out)
	}
	if got := exportUsers(t, env, "zh"); len(got) != 0 {
		t.Errorf("team zh after the console's forget: users %v, want none", got)
	}
}

func TestUsageListsForget(t *testing.T) {
	if out := mustPlanbot(t, nil, "", "help"); !strings.Contains(out, "forget") {
		t.Errorf("usage text lacks forget:\n%s", out)
	}
}
