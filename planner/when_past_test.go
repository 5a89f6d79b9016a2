package planner

import (
	"testing"
	"time"
)

// Past is set only for a bare weekday of this week that is already gone.
func TestParseItineraryPast(t *testing.T) {
	sunday := time.Date(2025, 11, 23, 20, 0, 0, 0, shanghai)
	tests := []struct {
		text string
		now  time.Time
		past bool
	}{
		{"周一 制定本周计划", sunday, true},
		{"mon plan the week", sunday, true},
		{"周一至周三 出差北京", sunday, true},
		{"周日 复盘", sunday, false},
		{"下周一 制定计划", sunday, false},
		{"本周一 制定计划", sunday, false},
		{"next mon plan", sunday, false},
		{"11月17日 制定计划", sunday, false},
		{"昨天 复盘", sunday, false},
		{"制定计划", sunday, false},
		{"周二 拜访", monday, false},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, tc.now, shanghai)
			if err != nil {
				t.Fatal(err)
			}
			if got.Past != tc.past {
				t.Errorf("Past = %v, want %v (%+v)", got.Past, tc.past, got.Drafts)
			}
		})
	}
}
