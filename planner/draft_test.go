package planner

import (
	"strings"
	"testing"
)

// Check refuses what the grammar could not have produced; the place has the
// title's limit, whoever gives the draft field by field (the form, an API).
func TestDraftCheck(t *testing.T) {
	day := Date{Year: 2025, Month: 11, Day: 18}
	ok := Draft{Span: Span{Start: day, End: day}, Kind: KindTrip, Count: 1, Place: "北京", Title: "出差北京"}
	if err := ok.Check(); err != nil {
		t.Fatalf("a valid draft: %v", err)
	}
	for name, change := range map[string]func(*Draft){
		"no title":       func(d *Draft) { d.Title = " " },
		"long title":     func(d *Draft) { d.Title = strings.Repeat("a", MaxTitle+1) },
		"long place":     func(d *Draft) { d.Place = strings.Repeat("京", MaxTitle+1) },
		"place with ESC": func(d *Draft) { d.Place = "北\x1b京" },
		"count 0":        func(d *Draft) { d.Count = 0 },
		"unknown kind":   func(d *Draft) { d.Kind = "party" },
		"end before":     func(d *Draft) { d.End = Date{Year: 2025, Month: 11, Day: 17} },
	} {
		d := ok
		change(&d)
		if err := d.Check(); ErrorOf(err).Code != Invalid {
			t.Errorf("%s: Check = %v, want an Invalid error", name, err)
		}
	}
	long := ok
	long.Place = strings.Repeat("京", MaxTitle)
	if err := long.Check(); err != nil {
		t.Errorf("a place of exactly %d characters: %v", MaxTitle, err)
	}
}
