package bot

import (
	"io"
	"log/slog"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage/storagetest"
)

// A team in Asia/Shanghai (the default zone) with no language set
// (PLANBOT_LANG unset, no /plan setup lang) answers the neutral views in
// Chinese; a line in English words, the member's own language, the team's
// language or a zone abroad answers in English.
func TestChineseByDefaultInShanghai(t *testing.T) {
	en, zh := planner.English, planner.Chinese
	for _, tc := range []struct {
		name  string
		setup []string // lines Ann then types first
		boss  []string // lines the admin types first
		line  string
		want  planner.Lang
	}{
		{"/plan alone", nil, nil, "", zh},
		{"week", nil, nil, "week", zh},
		{"week with a week number", nil, nil, "week 2025-W47", zh},
		{"team", nil, nil, "team", zh},
		{"digest", nil, nil, "digest", zh},
		{"本周", nil, nil, "本周", zh},
		{"week next: English words", nil, nil, "week next", en},
		{"an item in English words", nil, nil, "visit Changcheng Auto", en},
		{"an item with an English when", nil, nil, "team meeting tomorrow", en},
		{"help in English", nil, nil, "help", en},
		{"the member's language", []string{"lang en"}, nil, "week", en},
		{"the team's language", nil, []string{"setup lang en"}, "week", en},
		{"a team abroad", nil, []string{"setup tz Europe/Berlin"}, "week", en},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := planner.NewService(storagetest.Open(t), planner.Options{Loc: plannertest.Shanghai,
				Now: func() time.Time { return plannertest.Monday }})
			h := &Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
			for _, line := range tc.boss {
				mustHandle(t, h, plannertest.Boss, line)
			}
			for _, line := range tc.setup {
				mustHandle(t, h, plannertest.Ann, line)
			}
			if r := mustHandle(t, h, plannertest.Ann, tc.line); r.Lang != tc.want {
				t.Errorf("%q answered in %q, want %q", tc.line, r.Lang, tc.want)
			}
		})
	}
}

func TestHasEnglishWord(t *testing.T) {
	for s, want := range map[string]bool{
		"": false, "2025-W47": false, "W48": false, "#3": false, "上周": false,
		"next": true, "visit 常诚车业": true, "a b": false, "ok": true,
	} {
		if got := hasEnglishWord(s); got != want {
			t.Errorf("hasEnglishWord(%q) = %v, want %v", s, got, want)
		}
	}
}
