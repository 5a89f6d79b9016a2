package console

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
)

// A console user who only looks (week, team, help, digest, report, quit) is
// not made a member of the team, so the team's report does not show them as
// one who logged nothing; their first command that writes makes them one.
func TestConsoleLookingDoesNotJoin(t *testing.T) {
	ann := planner.Actor{TeamID: "local", TeamName: "local", UserID: "ann", UserName: "Ann"}
	for _, tc := range []struct {
		name  string
		lines []string
		want  []string // the team's members after, by user id
		quiet string   // the report's line of the console user, "" for none
	}{
		{"only looks", []string{"week", "team", "help", "digest", "/plan", "history 1", "report 2025-11", "target", "leads", "quit"}, []string{"ann"}, ""},
		{"writes after looking", []string{"week", "tue visit 4 enterprises", "team"}, []string{"ann", "me"}, "me: 0 of 1 done"},
		{"sets a language", []string{"lang en"}, []string{"ann", "me"}, "me: no items in this period"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, ann, "wed visit 2 companies") // #1
			var out bytes.Buffer
			c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader(strings.Join(tc.lines, "\n")), Out: &out}
			if err := c.Run(t.Context()); err != nil {
				t.Fatalf("Run: %v", err)
			}
			members, err := dbOf(h).Members(t.Context(), "local")
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, m := range members {
				ids = append(ids, m.UserID)
			}
			slices.Sort(ids)
			if !slices.Equal(ids, tc.want) {
				t.Errorf("members after %q = %v, want %v\n%s", tc.lines, ids, tc.want, out.String())
			}
			report := bot.RenderText(mustHandle(t, h, ann, "report 2025-11"))
			quiet := ""
			for line := range strings.Lines(report) {
				if strings.HasPrefix(strings.TrimSpace(line), "me:") {
					quiet = strings.TrimSpace(line)
				}
			}
			if quiet != tc.quiet {
				t.Errorf("the report's line of the console user = %q, want %q:\n%s", quiet, tc.quiet, report)
			}
		})
	}
}
