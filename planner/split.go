package planner

import (
	"regexp"
	"strings"
)

// activityBreak is what stands between two activities written on one line:
// "+", "；" (not ";", which ends the escapes Slack sends: &amp;), "并且", or a
// comma before a time of day ("上午拜会…，下午参观…"), which then begins the
// next activity.
var activityBreak = regexp.MustCompile(`\s*(?:[+＋；]|[、，,]?\s*并且)\s*|[，,]\s*(上午|下午|中午|晚上|傍晚|早上|凌晨)`)

// splitActivities cuts a what into the activities it names, leaving a
// plain comma or 、 inside one activity alone ("拜访常诚车业、金士博").
func splitActivities(what string) []string {
	if !strings.ContainsAny(what, "+＋；并，,") {
		return []string{what}
	}
	var parts []string
	from := 0
	for _, m := range activityBreak.FindAllStringSubmatchIndex(what, -1) {
		if glued(what, m[0]) {
			continue
		}
		parts = appendPart(parts, what[from:m[0]])
		from = m[1]
		if m[2] >= 0 {
			from = m[2]
		}
	}
	return appendPart(parts, what[from:])
}

// glued reports whether the + at i belongs to a word ("C++", "B+轮融资"), not between two activities.
func glued(what string, i int) bool {
	return what[i] == '+' && i > 0 && (isWordByte(what[i-1]) || what[i-1] == '+')
}

func appendPart(parts []string, part string) []string {
	if part = strings.TrimSpace(part); part != "" {
		parts = append(parts, part)
	}
	return parts
}

// readWhat reads the what of a line: one draft, without its days, for each
// activity it names, each with its own kind, count, visits and place.
func readWhat(what string) ([]Draft, error) {
	var drafts []Draft
	for _, part := range splitActivities(what) {
		d, err := readActivity(part)
		if err != nil {
			return nil, err
		}
		drafts = append(drafts, d)
	}
	if len(drafts) == 0 {
		return nil, Errorf(Invalid, ReasonNoWhat, what)
	}
	return drafts, nil
}

// readActivity reads one activity's kind, count, visits and place.
func readActivity(text string) (Draft, error) {
	c, err := detectCount(text)
	if err != nil {
		return Draft{}, err
	}
	d := Draft{Kind: detectKind(text, c), Count: c.n, Title: text}
	switch {
	case d.Kind == KindTrip:
		d.Place = detectPlace(text)
		if c.enterprise {
			d.Count, d.Visits = 1, c.n
		}
	case d.Kind == KindVisit && c.n == 1:
		d.Count = namedCount(text)
	}
	return d, nil
}
