package planner

import (
	"bufio"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// phrasingRow is one line of testdata/phrasing.tsv (see phrasing_README.md):
// a line as typed, the day it is typed, and what a right reading gives.
type phrasingRow struct {
	line      int // line number in the file
	text      string
	now       Date
	items     []phrasingItem
	ambiguous bool
}

// phrasingItem is one item a corpus line asks for; one draft per span.
type phrasingItem struct {
	spans  []Span
	kind   Kind
	count  int
	places string // normalised by normalPlaces
}

// readPhrasing reads the corpus, failing the test on any malformed row.
func readPhrasing(t *testing.T, path string) []phrasingRow {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []phrasingRow
	header := false
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !header {
			header = true
			continue
		}
		row, err := parsePhrasingRow(line)
		if err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		row.line = n
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// parsePhrasingRow reads the columns text, now, days, kind, count, places,
// source, note; days, kind, count and places hold one entry per item,
// separated by " | ".
func parsePhrasingRow(line string) (phrasingRow, error) {
	cols := strings.Split(line, "\t")
	if len(cols) != 8 {
		return phrasingRow{}, fmt.Errorf("%d columns, want 8", len(cols))
	}
	now, err := ParseDate(cols[1])
	if err != nil {
		return phrasingRow{}, fmt.Errorf("now %q: %v", cols[1], err)
	}
	row := phrasingRow{text: cols[0], now: now, ambiguous: strings.Contains(cols[7], "ambiguous")}
	days, kinds := strings.Split(cols[2], " | "), strings.Split(cols[3], " | ")
	counts, places := strings.Split(cols[4], " | "), strings.Split(cols[5], " | ")
	if len(kinds) != len(days) || len(counts) != len(days) || len(places) != len(days) {
		return phrasingRow{}, fmt.Errorf("items: %d days, %d kinds, %d counts, %d places", len(days), len(kinds), len(counts), len(places))
	}
	for i := range days {
		it := phrasingItem{kind: Kind(strings.TrimSpace(kinds[i])), places: normalPlaces(places[i])}
		if !it.kind.Valid() {
			return phrasingRow{}, fmt.Errorf("kind %q", it.kind)
		}
		if it.count, err = strconv.Atoi(strings.TrimSpace(counts[i])); err != nil || it.count < 1 {
			return phrasingRow{}, fmt.Errorf("count %q", counts[i])
		}
		for _, run := range strings.Split(strings.TrimSpace(days[i]), ",") {
			from, to, _ := strings.Cut(run, "..")
			if to == "" {
				to = from
			}
			s, e1 := ParseDate(from)
			e, e2 := ParseDate(to)
			if e1 != nil || e2 != nil || e.Before(s) {
				return phrasingRow{}, fmt.Errorf("days %q", run)
			}
			it.spans = append(it.spans, Span{s, e})
		}
		row.items = append(row.items, it)
	}
	return row, nil
}

// placeSeparators are what a list of places is joined by: 、, commas, 和, "and".
var placeSeparators = regexp.MustCompile(`\s*(?:、|,|，|和|\band\b)\s*`)

// normalPlaces writes a list of places one way: split on the separators,
// sorted, joined by 、.
func normalPlaces(s string) string {
	var out []string
	for _, p := range placeSeparators.Split(s, -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return strings.Join(out, "、")
}

// draftPlaces is a parsed draft's trip places, normalised as the corpus's.
func draftPlaces(d Draft) string { return normalPlaces(d.Place) }

// draftCount is a parsed draft's count as the corpus writes it: for a trip
// that visits enterprises, the enterprises it visits (phrasing_README.md).
func draftCount(d Draft) int {
	if d.Kind == KindTrip && d.Visits > 0 {
		return d.Visits
	}
	return d.Count
}

// phrasingScore is how the parse of one row compares with the corpus.
type phrasingScore struct {
	err                               bool
	days, kind, count, places, drafts bool
	silent, filedToday                bool // wrong days with no error; those days are today
	got, want                         string
}

// exact reports whether every field of the row came out right.
func (s phrasingScore) exact() bool {
	return !s.err && s.days && s.kind && s.count && s.places && s.drafts
}

// causes names the fields the row got wrong, for the failure tally.
func (s phrasingScore) causes() []string {
	if s.err {
		return []string{"refused"}
	}
	var c []string
	for _, f := range []struct {
		ok   bool
		name string
	}{{s.days, "days"}, {s.kind, "kind"}, {s.count, "count"}, {s.places, "places"}, {s.drafts, "split"}} {
		if !f.ok {
			c = append(c, f.name)
		}
	}
	return c
}

// scorePhrasing parses row.text at 09:00 in loc on row.now and compares the
// drafts with the row's: days as the set of days covered, kind, count and
// places draft by draft (as sets when the number of drafts differs), and the
// number of drafts.
func scorePhrasing(row phrasingRow, loc *time.Location) phrasingScore {
	var wantDays, wantKinds, wantCounts, wantPlaces []string
	for _, it := range row.items {
		for _, s := range it.spans {
			wantDays = append(wantDays, spanDays(s)...)
			wantKinds = append(wantKinds, string(it.kind))
			wantCounts = append(wantCounts, strconv.Itoa(it.count))
			wantPlaces = append(wantPlaces, it.places)
		}
	}
	sc := phrasingScore{want: formatItems(row.items)}
	now := time.Date(row.now.Year, row.now.Month, row.now.Day, 9, 0, 0, 0, loc)
	got, err := ParseItinerary(row.text, now, loc)
	if err != nil {
		sc.err, sc.got = true, "refused: "+err.Error()
		return sc
	}
	var gotDays, gotKinds, gotCounts, gotPlaces, shown []string
	for _, d := range got.Drafts {
		gotDays = append(gotDays, spanDays(d.Span)...)
		gotKinds = append(gotKinds, string(d.Kind))
		gotCounts = append(gotCounts, strconv.Itoa(draftCount(d)))
		gotPlaces = append(gotPlaces, draftPlaces(d))
		shown = append(shown, formatDraft(d.Span, d.Kind, draftCount(d), draftPlaces(d)))
	}
	sc.got = strings.Join(shown, " | ")
	sc.days = sameSet(gotDays, wantDays)
	sc.kind = sameValues(gotKinds, wantKinds)
	sc.count = sameValues(gotCounts, wantCounts)
	sc.places = sameValues(gotPlaces, wantPlaces)
	sc.drafts = len(got.Drafts) == len(wantKinds)
	sc.silent = !sc.days
	sc.filedToday = sc.silent && sameSet(gotDays, []string{row.now.String()})
	return sc
}

// spanDays lists every day of s.
func spanDays(s Span) []string {
	var days []string
	for d := s.Start; !d.After(s.End); d = d.AddDays(1) {
		days = append(days, d.String())
	}
	return days
}

// sameSet reports whether a and b hold the same values, ignoring order and repeats.
func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(slices.Compact(a), slices.Compact(b))
}

// sameValues compares draft by draft when the numbers of drafts agree, else
// as sets, so that a missed split is counted once, under "split".
func sameValues(got, want []string) bool {
	if len(got) == len(want) {
		return slices.Equal(got, want)
	}
	return sameSet(got, want)
}

func formatItems(items []phrasingItem) string {
	var shown []string
	for _, it := range items {
		for _, s := range it.spans {
			shown = append(shown, formatDraft(s, it.kind, it.count, it.places))
		}
	}
	return strings.Join(shown, " | ")
}

func formatDraft(s Span, kind Kind, count int, places string) string {
	days := s.Start.String()
	if s.End != s.Start {
		days += ".." + s.End.String()
	}
	out := fmt.Sprintf("%s %s ×%d", days, kind, count)
	if places != "" {
		out += " [" + places + "]"
	}
	return out
}
