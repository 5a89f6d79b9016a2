package planner

import (
	"errors"
	"testing"
	"time"
)

// The helpers that more than one test file of package planner uses; a
// helper only one file uses stays in that file, beside its tests.

// shanghai is the zone of the tests' lines.
var shanghai = mustZone("Asia/Shanghai")

// mustZone loads the zone name, panicking if it is unknown.
func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// monday is the reference instant: Monday 2025-11-17 09:00 in Shanghai.
var monday = time.Date(2025, 11, 17, 9, 0, 0, 0, shanghai)

// d is the Date written YYYY-MM-DD in s, panicking if s is not one.
func d(s string) Date {
	day, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return day
}

// want is one expected draft: dates, kind, count, place.
type want struct {
	start, end string
	kind       Kind
	count      int
	place      string
}

// checkDrafts fails t unless got's drafts are wants, in order; an empty end
// is the start, a zero count is 1.
func checkDrafts(t *testing.T, got Itinerary, wants []want) {
	t.Helper()
	if len(got.Drafts) != len(wants) {
		t.Fatalf("got %d drafts %+v, want %d", len(got.Drafts), got.Drafts, len(wants))
	}
	for i, w := range wants {
		g := got.Drafts[i]
		end := w.end
		if end == "" {
			end = w.start
		}
		count := w.count
		if count == 0 {
			count = 1
		}
		if g.Start != d(w.start) || g.End != d(end) || g.Kind != w.kind || g.Count != count || g.Place != w.place {
			t.Errorf("draft %d = %s..%s %s ×%d %q, want %s..%s %s ×%d %q",
				i, g.Start, g.End, g.Kind, g.Count, g.Place, w.start, end, w.kind, count, w.place)
		}
	}
}

// parseOn parses a line typed on the Monday, failing the test on an error.
func parseOn(t *testing.T, line string) Itinerary {
	t.Helper()
	got, err := ParseItinerary(line, monday, shanghai)
	if err != nil {
		t.Fatalf("ParseItinerary(%q): %v", line, err)
	}
	if len(got.Drafts) == 0 {
		t.Fatalf("ParseItinerary(%q): no drafts", line)
	}
	return got
}

// day is one expected run of days of a line: start..end ("" end for one day).
type day struct{ start, end string }

// checkDays fails t unless got's drafts cover the runs of days wants, in order.
func checkDays(t *testing.T, got Itinerary, wants []day) {
	t.Helper()
	var spans []Span
	for _, d := range got.Drafts {
		if len(spans) == 0 || spans[len(spans)-1] != d.Span {
			spans = append(spans, d.Span)
		}
	}
	if len(spans) != len(wants) {
		t.Fatalf("days %v, want %v", spans, wants)
	}
	for i, w := range wants {
		end := w.end
		if end == "" {
			end = w.start
		}
		if spans[i] != (Span{d(w.start), d(end)}) {
			t.Errorf("days %v, want %v", spans, wants)
		}
	}
}

// dayCase is a line read at now: on days, or refused for reason (days nil),
// and the day offered instead of a past one ("" for none).
type dayCase struct {
	now    time.Time
	text   string
	days   []day
	reason Reason
	later  string
}

// checkDayCases parses each case's line and checks its days, its refusal
// (nothing comes back with it), and the day offered instead of a past one
// (Itinerary.Past exactly when one is).
func checkDayCases(t *testing.T, cases []dayCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			got, err := ParseItinerary(tc.text, tc.now, shanghai)
			if tc.days == nil {
				var e *Error
				if !errors.As(err, &e) || e.Reason != tc.reason || len(got.Drafts) != 0 {
					t.Fatalf("got %+v, %v; want refused %s", got.Drafts, err, tc.reason)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDays(t, got, tc.days)
			var later Date
			if tc.later != "" {
				later = d(tc.later)
			}
			if got.Drafts[0].Later != later || got.Past != (tc.later != "") {
				t.Errorf("later %v, past %v; want %v", got.Drafts[0].Later, got.Past, later)
			}
		})
	}
}
