package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// With PLANBOT_LANG unset, the console of a team in the default zone
// (Asia/Shanghai) answers its views in Chinese and English words in English;
// PLANBOT_LANG=en or a zone abroad answers the views in English.
func TestConsoleLanguageByZone(t *testing.T) {
	for _, tc := range []struct {
		name string
		env  map[string]string
		want []string // the answers' first lines, in order
	}{
		{"the default zone", map[string]string{"PLANBOT_LANG": ""},
			[]string{"Added #1", "我的一周 2025-W47", "Your week 2025-W48"}},
		{"PLANBOT_LANG=en", map[string]string{"PLANBOT_LANG": "en"},
			[]string{"Added #1", "Your week 2025-W47", "Your week 2025-W48"}},
		{"a zone abroad", map[string]string{"PLANBOT_LANG": "", "PLANBOT_TZ": "Europe/Berlin"},
			[]string{"Added #1", "Your week 2025-W47", "Your week 2025-W48"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
			for k, v := range tc.env {
				env[k] = v
			}
			out := mustPlanbot(t, env, "tue visit 4 enterprises\nweek\nweek next\n", "console", "--user", "ann")
			rest := out
			for _, want := range tc.want {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Fatalf("the console's answers lack %q after what came before:\n%s", want, out)
				}
				rest = rest[i+len(want):]
			}
		})
	}
}
