package bot

import (
	"regexp"
	"strings"
	"time"
	"unicode"

	"planbot/planner"
)

// VerbReport is a report over a period: a month, a quarter, a year, or days
// from one date to another (报表, 月报, 季报, 年报).
const VerbReport Verb = "report"

// reportVerbWords are the words of a report of one kind (月报, 季报, 年报):
// the report verb, with the word itself as its period when the line names
// none ("/plan 月报 xlsx").
var reportVerbWords = map[string]bool{"月报": true, "季报": true, "年报": true}

// periodLike is text that can only mean a report's period, right or wrong:
// numbers and the marks of dates, and the words of periods (and of weeks,
// which a report does not cover: "report last week" is a mistake to
// explain, not an item to add).
var periodLike = regexp.MustCompile(`(?i)^(?:[0-9０-９\s\-–—~～/.．,，年月季度第一二三四五六七八九十〇零上下本今去这个当至到qw]|月份|[上本这下]周|month|quarter|year|week|this|last|previous|current|next|to|monthly|quarterly|annual|yearly)+$`)

// reportCommand reads a line that starts with 月报, 季报 or 年报 (word) as the
// report verb, when the rest is a period and a format, or nothing.
func reportCommand(word, rest string) (Command, bool) {
	if !reportVerbWords[word] {
		return Command{}, false
	}
	cmd, ok := readReport(Command{Verb: VerbReport, Args: rest, Lang: planner.Chinese})
	if cmd.Period == "" {
		cmd.Period = word
	}
	return cmd, ok
}

// readReport reads /plan report's arguments: a period (planner.ParsePeriod
// reads it, against today) and a format word, xlsx for the Excel report. It
// reports whether they are a report's arguments: nothing, or text that can
// only be a period ("report 2025-13" is a bad period, "report the budget
// fri" an item).
func readReport(cmd Command) (Command, bool) {
	cmd.Format, cmd.Period = exportFormat(cmd.Args)
	p := cmd.Period
	meaningful := strings.ContainsFunc(p, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
	return cmd, p == "" || periodLike.MatchString(p) && meaningful || isPeriod(p)
}

// isPeriod reports whether s is a period ParsePeriod reads ("Nov 2025"):
// whether it reads one does not depend on the day it reads it on.
func isPeriod(s string) bool {
	_, err := planner.ParsePeriod(s, planner.Date{Year: 2025, Month: time.January, Day: 1})
	return err == nil
}
