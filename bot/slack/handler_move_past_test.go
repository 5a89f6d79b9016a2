package slack

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// A move or edit to a past bare day of the month or weekday gets the same ⚠
// and next date as add (re-test F); a move to a day ahead gets none.
func TestMovePastDayWarns(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises") // #1
	mustHandle(t, h, plannertest.Ann, "thu-fri trip to Beijing") // #2
	for _, tt := range []struct {
		line  string
		later string // "" for no ⚠
		want  string // in the text
	}{
		{"改期 1 3号", "2025-12-03", "改期 1 2025-12-03"},
		{"move 1 the 3rd", "2025-12-03", " 1 2025-12-03"}, // the reply is in Chinese from the first Chinese line
		{"move 1 fri", "", ""},
		{"move 1 11月3日", "", ""}, // a date with its month: as written, no offer
		{"修改 1 3号 拜访", "2025-12-03", "2025-12-03"},
		{"修改 1 明儿 拜访", "", ""},
	} {
		r := mustHandle(t, h, plannertest.Ann, tt.line)
		c, ok := r.Body.(bot.Changed)
		if !ok {
			t.Fatalf("%s: %T, want Changed", tt.line, r.Body)
		}
		got := ""
		if c.Later != (planner.Date{}) {
			got = c.Later.String()
		}
		if got != tt.later {
			t.Errorf("%s: later %q, want %q", tt.line, got, tt.later)
		}
		text := bot.RenderText(r)
		if (tt.later != "") != strings.Contains(text, "⚠") || (tt.want != "" && !strings.Contains(text, tt.want)) {
			t.Errorf("%s: text %q, want ⚠ %v with %q", tt.line, text, tt.later != "", tt.want)
		}
		blocks := renderBlocks(r)
		if tt.later != "" && len(blocks) != 2 {
			t.Errorf("%s: %d blocks, want the text and the move button", tt.line, len(blocks))
		}
	}
	r := mustHandle(t, h, plannertest.Ann, "修改 1 明儿 拜访")
	if c := r.Body.(bot.Changed); c.Item.Start != plannertest.Day(t, "2025-11-18") || c.Item.Title != "拜访" {
		t.Errorf("修改 1 明儿 拜访: %s %q, want 2025-11-18 拜访", c.Item.Start, c.Item.Title)
	}
	if e := failure(t, handle(t, h, plannertest.Ann, "修改 1 Q1 拜访")); e.Reason != planner.ReasonVagueDate {
		t.Errorf("修改 1 Q1 拜访: %v, want vague_date", e)
	}
}
