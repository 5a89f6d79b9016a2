package planner

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// englishPlaces returns the places an English trip goes to: "to Shenzhen and
// Dongguan", "into Indianapolis", "stops in Milan and Rome", "business trip Chengdu".
func englishPlaces(text string) []string {
	type candidate struct {
		places []string
		clean  bool // followed by the end, punctuation or a preposition
	}
	var byRank [3][]candidate
	words := strings.Fields(text)
	for i, w := range words[:max(len(words)-1, 0)] {
		rank := -1
		switch strings.ToLower(w) {
		case "to", "into":
			rank = 0
		case "in":
			rank = 1
		case "trip", "travel":
			rank = 2
		}
		if rank < 0 {
			continue
		}
		if places, clean := namesFrom(words[i+1:]); len(places) > 0 {
			byRank[rank] = append(byRank[rank], candidate{places, clean})
		}
	}
	for _, clean := range []bool{true, false} {
		for _, cands := range byRank {
			for _, c := range cands {
				if c.clean == clean {
					return c.places
				}
			}
		}
	}
	if m := lowerPlace.FindStringSubmatch(text); m != nil && tripWords.hasKeyword(strings.ToLower(text)) {
		return []string{strings.TrimSpace(m[1])}
	}
	return nil
}

// lowerPlace is a place typed in lower case after "to" or "in": "trip to beijing".
var lowerPlace = regexp.MustCompile(`(?i)\b(?:to|in)\s+(.+?)(?:\s+(?:for|with|to|and|on|from|via|by|at)\b|[,.;:!?，。；：]|$)`)

// englishStops are the words after which a list of places has ended cleanly.
var englishStops = wordSet("for with to and on from via by at this next tomorrow today starting through until begins")

// namesFrom reads capitalised names joined by ",", "and" or "&" from the
// start of words ("Japan, Germany and Hong Kong on …"), and whether the list
// ended cleanly.
func namesFrom(words []string) ([]string, bool) {
	var places []string
	var name []string
	flush := func() {
		if len(name) > 0 {
			places = append(places, strings.Join(name, " "))
			name = nil
		}
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		core := strings.Trim(w, ",;:!?")
		if strings.HasPrefix(core, "(") {
			for i < len(words) && !strings.Contains(words[i], ")") {
				i++
			}
			if i < len(words) && strings.HasSuffix(words[i], ",") {
				flush()
			}
			continue
		}
		lower := strings.ToLower(strings.TrimRight(core, "."))
		switch {
		case core == "":
			continue
		case (lower == "and" || core == "&") && len(places)+len(name) > 0:
			flush()
			continue
		case lower == "the" && len(name) == 0 && i+1 < len(words) && isCapital(words[i+1]):
			name = append(name, core)
			continue
		case isCapital(core) && !calendarWord(lower):
			name = append(name, strings.TrimRight(core, ".")+dotIfAbbrev(core))
			if core != w {
				flush()
			}
			continue
		}
		flush()
		return places, englishStops[lower] || calendarWord(lower) || i > 0 && strings.ContainsAny(words[i-1][len(words[i-1])-1:], ",.;:")
	}
	flush()
	return places, true
}

// dotIfAbbrev keeps the final dot of an abbreviation ("D.C.").
func dotIfAbbrev(w string) string {
	w = strings.Trim(w, ",;:!?")
	if strings.HasSuffix(w, ".") && strings.Count(w, ".") > 1 {
		return "."
	}
	return ""
}

func isCapital(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

// calendarWord reports whether a word is a weekday or a month, which ends a list of places.
func calendarWord(lower string) bool {
	for _, m := range englishMonths {
		if lower == m {
			return true
		}
	}
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"} {
		if lower == d {
			return true
		}
	}
	return false
}
