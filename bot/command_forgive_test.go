package bot

import (
	"testing"

	"planbot/planner"
)

// botReasons are the Reasons the bot package declares for its own refusals.
var botReasons = []planner.Reason{reasonDidYouMean, reasonOneItem}

func TestNearVerb(t *testing.T) {
	tests := []struct {
		word, want string
	}{
		{"dnoe", "done"}, {"doen", "done"}, {"dont", "done"}, {"cancle", "cancel"}, {"cancl", "cancel"},
		{"cnacel", "cancel"}, {"histroy", "history"}, {"mvoe", "move"}, {"eidt", "edit"}, {"finsihed", "finished"},
		{"完戍", "完成"}, {"取肖", "取消"}, {"改其", "改期"},
		// No typo: verbs themselves, short words, and words too far from any verb.
		{"done", ""}, {"完成", ""}, {"do", ""}, {"d", ""}, {"visit", ""}, {"meet", ""}, {"trip", ""}, {"出差", ""}, {"拜访", ""},
	}
	for _, tt := range tests {
		if got, _ := nearVerb(tt.word); got != tt.want {
			t.Errorf("nearVerb(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"done", "done", 0}, {"dnoe", "done", 1}, {"cancle", "cancel", 1}, {"cancl", "cancel", 1},
		{"完戍", "完成", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}
