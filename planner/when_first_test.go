package planner

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// The first-rune filter never skips a pattern that would match: at every
// position of every line of the phrasing corpus and the grammar's own tests'
// forms, each when pattern that matches there may start with the rune there.
// It also skips most of them at most positions, or it would be no filter.
func TestFirstRunesNeverSkipAMatch(t *testing.T) {
	corpus, err := os.ReadFile("testdata/phrasing.tsv")
	if err != nil {
		t.Fatal(err)
	}
	lines := append(strings.Split(string(corpus), "\n"), "Tue visit 4", "下下周三 对接", "12.3 拜访", "christmas eve dinner",
		"Mon–Wed trip", "3、4号 出差", "the monday after next", "十一 值班", "ＴＵＥ visit", "ｍｏｎ 拜访")
	tried, skipped := 0, 0
	for _, line := range lines {
		for pos := 0; pos < len(line); {
			rest := line[pos:]
			r := firstRune(rest)
			for _, ap := range atomPatterns {
				tried++
				if ap.first.has(r) {
					continue
				}
				skipped++
				if ap.re.MatchString(rest) {
					t.Errorf("%q skipped at %q though it matches", ap.re, rest)
				}
			}
			_, size := utf8.DecodeRuneInString(rest)
			pos += size
		}
	}
	if skipped*2 < tried {
		t.Errorf("skipped %d of %d tries: the filter should spare most", skipped, tried)
	}
}

// A pattern that may match the empty string, or start with any rune, is
// always tried; a case-insensitive one starts with either case.
func TestFirstRunesOf(t *testing.T) {
	tests := []struct {
		re      string
		yes, no string
	}{
		{`^(?i)tue`, "tT", "uw"},
		{`^(?:周|星期|礼拜)[一二三]`, "周星礼", "一T"},
		{`^\d{1,2}月`, "09", "月a"},
		{`^x?`, "x周a", ""},
		{`^.+`, "a周", ""},
	}
	for _, tc := range tests {
		f := firstRunesOf(regexp.MustCompile(tc.re))
		for _, r := range tc.yes {
			if !f.has(r) {
				t.Errorf("%s: %q should start a match", tc.re, r)
			}
		}
		for _, r := range tc.no {
			if f.has(r) {
				t.Errorf("%s: %q cannot start a match", tc.re, r)
			}
		}
	}
}
