package planner

import (
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/width"
)

// indexMeasureWords name each Measure in a weights line, in English and Chinese.
var indexMeasureWords = map[string]Measure{
	"signing": MeasureSigning, "signings": MeasureSigning, "签约": MeasureSigning,
	"construction": MeasureConstruction, "start": MeasureConstruction, "starts": MeasureConstruction, "开工": MeasureConstruction,
	"visit": MeasureVisit, "visits": MeasureVisit, "拜访": MeasureVisit, "走访": MeasureVisit, "外出拜访": MeasureVisit,
	"reception": MeasureReception, "receptions": MeasureReception, "接待": MeasureReception, "来访": MeasureReception, "企业到访": MeasureReception,
	"event": MeasureEvent, "events": MeasureEvent, "活动": MeasureEvent, "招商活动": MeasureEvent,
	"lead": MeasureLead, "leads": MeasureLead, "线索": MeasureLead, "新线索": MeasureLead,
}

// defaultWords ask for DefaultIndexWeights.
var defaultWords = map[string]bool{"default": true, "defaults": true, "默认": true}

// parseIndexWeights reads the weights of an admin's line: measure and weight
// pairs, written `签约=30 开工=20`, `signing=30, visit:5`, `签约30` or
// `签约 30` (full-width characters too), or `default` (默认) for
// DefaultIndexWeights. Each weight is a whole number from 0 to
// maxIndexWeight; a measure named twice takes the last. Anything else — an
// empty line, an unknown measure, a weight missing, negative, too large or
// no whole number — is an Invalid error (Reason bad_index) whose Detail is
// the part at fault.
func parseIndexWeights(text string) (map[Measure]int, error) {
	text = strings.ToLower(width.Fold.String(text))
	if defaultWords[strings.TrimSpace(text)] {
		return DefaultIndexWeights(), nil
	}
	words := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(",;、，；", r) })
	if len(words) == 0 {
		return nil, Errorf(Invalid, ReasonBadIndex, "")
	}
	weights := map[Measure]int{}
	for i := 0; i < len(words); i++ {
		key, value := splitWeight(words[i])
		if value == "" && i+1 < len(words) { // "签约 30", "签约 =30"
			i++
			value = strings.TrimLeft(words[i], "=:")
		}
		measure, ok := indexMeasureWords[key]
		if !ok {
			return nil, Errorf(Invalid, ReasonBadIndex, key)
		}
		n, err := strconv.Atoi(value)
		if err != nil || n < 0 || n > maxIndexWeight {
			return nil, Errorf(Invalid, ReasonBadIndex, key+"="+value)
		}
		weights[measure] = n
	}
	return weights, nil
}

// splitWeight splits "签约=30", "visit:5" or "签约30" into its measure and
// weight; a word without a weight is all measure.
func splitWeight(word string) (key, value string) {
	if i := strings.IndexAny(word, "=:"); i >= 0 {
		return word[:i], word[i+1:]
	}
	if i := strings.IndexFunc(word, func(r rune) bool { return unicode.IsDigit(r) || r == '-' || r == '+' || r == '.' }); i > 0 {
		return word[:i], word[i:]
	}
	return word, ""
}
