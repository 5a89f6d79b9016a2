package planner

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// minExact is the share of the corpus's unambiguous lines that must come out
// fully right (issue 13 part 8).
const minExact = 0.95

// TestPhrasingCorpus parses every unambiguous line of testdata/phrasing.tsv,
// lines real 招商 staff wrote, and reports exact-match and per-field accuracy.
// It fails below minExact, and on any line filed on days it does not say with
// no error: a line is understood or refused, never stored on a wrong date.
// Run with -v for every failing line with what came out and what should have.
func TestPhrasingCorpus(t *testing.T) {
	if share := checkPhrasing(t, "testdata/phrasing.tsv"); share < minExact {
		t.Errorf("exact %.1f %%, want at least %.0f %%", 100*share, 100*minExact)
	}
}

// TestPhrasingHoldout scores testdata/phrasing_holdout.tsv, real lines
// collected after the grammar was tuned on phrasing.tsv and never tuned on
// (phrasing_README.md). Its rates are logged, with no bar; a line stored on a
// wrong date with no error fails here as in the tuning corpus.
func TestPhrasingHoldout(t *testing.T) {
	share := checkPhrasing(t, "testdata/phrasing_holdout.tsv")
	t.Logf("held-out exact rate %.1f %% (no bar)", 100*share)
}

// checkPhrasing parses every unambiguous line of the corpus at path, logs
// exact-match and per-field accuracy (and, with -v, every failing line), fails
// the test on any line filed on days it does not say with no error, and
// returns the exact-match share.
func checkPhrasing(t *testing.T, path string) float64 {
	t.Helper()
	rows := readPhrasing(t, path)
	var scored, exact, ambiguous, refused int
	right := map[string]int{}
	causes := map[string]int{}
	var failing, silent []string
	for _, row := range rows {
		if row.ambiguous {
			ambiguous++
			continue
		}
		scored++
		sc := scorePhrasing(row, shanghai)
		for name, ok := range map[string]bool{"days": sc.days, "kind": sc.kind, "count": sc.count, "places": sc.places, "drafts": sc.drafts} {
			if ok && !sc.err {
				right[name]++
			}
		}
		if sc.exact() {
			exact++
			continue
		}
		if sc.err {
			refused++
		}
		why := sc.causes()
		for _, c := range why {
			causes[c]++
		}
		report := fmt.Sprintf("line %d %q (%s)\n\tgot  %s\n\twant %s", row.line, row.text, strings.Join(why, ", "), sc.got, sc.want)
		failing = append(failing, report)
		if sc.silent {
			if sc.filedToday {
				report += "\n\t(filed today)"
			}
			silent = append(silent, report)
		}
	}
	if scored == 0 {
		t.Fatal("no rows scored")
	}
	pct := func(n int) string { return fmt.Sprintf("%5.1f %%", 100*float64(n)/float64(scored)) }
	var table strings.Builder
	fmt.Fprintf(&table, "%s: %d rows scored, %d ambiguous left out\n", path, scored, ambiguous)
	fmt.Fprintf(&table, "%-8s %4d  %s\n", "exact", exact, pct(exact))
	for _, f := range []string{"days", "kind", "count", "places", "drafts"} {
		fmt.Fprintf(&table, "%-8s %4d  %s\n", f, right[f], pct(right[f]))
	}
	fmt.Fprintf(&table, "refused  %4d  %s\n", refused, pct(refused))
	fmt.Fprintf(&table, "silent wrong dates %d\n", len(silent))
	names := make([]string, 0, len(causes))
	for c := range causes {
		names = append(names, c)
	}
	slices.Sort(names)
	fmt.Fprintf(&table, "failing rows by cause (a row may have several):")
	for _, c := range names {
		fmt.Fprintf(&table, " %s %d;", c, causes[c])
	}
	t.Log(table.String())
	if testing.Verbose() {
		t.Logf("%d failing rows:\n%s", len(failing), strings.Join(failing, "\n"))
	}
	for _, s := range silent {
		t.Errorf("stored on a wrong date with no error: %s", s)
	}
	return float64(exact) / float64(scored)
}

// TestScorePhrasing checks the scorer itself on lines whose reading today's
// grammar settles, and on wrong answers: right, wrong places, filed on a
// wrong day (today or not), refused, a split missed.
func TestScorePhrasing(t *testing.T) {
	tests := []struct {
		line       string
		exact      bool
		causes     string
		silent     bool
		filedToday bool
	}{
		{"周四、周五 出差北京\t2025-11-17\t2025-11-20..2025-11-21\ttrip\t1\t北京\ts\t", true, "", false, false},
		{"thu-fri trip to Beijing\t2025-11-17\t2025-11-20..2025-11-21\ttrip\t1\tBeijing, Shanghai\ts\t", false, "places", false, false},
		{"thu-fri trip to Beijing\t2025-11-17\t2025-11-20..2025-11-21\ttrip\t1\tBeijing\ts\t", true, "", false, false},
		{"周二 对接4家企业\t2025-11-17\t2025-11-19\tvisit\t4\t\ts\t", false, "days", true, false},
		{"x 对接4家企业\t2025-11-17\t2025-11-19\tvisit\t4\t\ts\t", false, "days", true, true},
		{"周八 对接4家企业\t2025-11-17\t2025-11-19\tvisit\t4\t\ts\t", false, "refused", false, false},
		{"tue visit 4 enterprises\t2025-11-17\t2025-11-18 | 2025-11-18\tvisit | visit\t4 | 4\t | \ts\t", false, "split", false, false},
		{"mon, wed x\t2025-11-17\t2025-11-17,2025-11-19\tother\t1\t\ts\t", true, "", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.line[:strings.IndexByte(tc.line, '\t')], func(t *testing.T) {
			row, err := parsePhrasingRow(tc.line)
			if err != nil {
				t.Fatal(err)
			}
			sc := scorePhrasing(row, shanghai)
			if sc.exact() != tc.exact || strings.Join(sc.causes(), ",") != tc.causes || sc.silent != tc.silent || sc.filedToday != tc.filedToday {
				t.Errorf("exact %v causes %q silent %v today %v, want %v %q %v %v (got %s)",
					sc.exact(), sc.causes(), sc.silent, sc.filedToday, tc.exact, tc.causes, tc.silent, tc.filedToday, sc.got)
			}
		})
	}
}
