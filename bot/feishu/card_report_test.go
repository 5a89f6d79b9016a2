package feishu

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// reportView is report r of period p, made on December 3rd.
func reportView(t *testing.T, r planner.Report, p planner.Period) bot.ReportView {
	return bot.ReportView{Report: r, Period: p, Made: plannertest.Day(t, "2025-12-03")}
}

// The scripted month is a card: the team and the title in its header, the
// dates, then each part under a heading of planbot's words, whole.
func TestReportCard(t *testing.T) {
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			v := reportView(t, plannertest.ScriptedMonth(t), plannertest.November)
			card, c := mustCard(t, bot.Reply{Lang: l, Body: v})
			ly := bot.NewReportLayout(l, v)
			if !strings.Contains(card, `"title":{"content":"`+ly.Header()+`","tag":"plain_text"}`) {
				t.Errorf("the header is not the report's title %q:\n%s", ly.Header(), card)
			}
			var heads []string
			for _, part := range ly.Chunks() {
				heads = append(heads, "**"+part[0].Text+"**")
			}
			if strings.Join(c.md, "|") != strings.Join(heads, "|") {
				t.Errorf("headings %q, want %q", c.md, heads)
			}
			plain := strings.Join(c.plain, "\n")
			for _, part := range ly.Chunks() {
				for _, ln := range part[1:] {
					want := ln.Text
					if ln.Indent > 0 {
						want = "• " + want
					}
					if !slices.Contains(strings.Split(plain, "\n"), want) {
						t.Errorf("the card lacks the line %q:\n%s", want, plain)
					}
				}
			}
			if !strings.Contains(plain, ly.Dates) {
				t.Errorf("the card lacks the dates %q", ly.Dates)
			}
		})
	}
}

// A year of 300 members and 80 projects (plannertest.BigYear) makes a card
// within Feishu's limits: the members and the projects keep the lines that
// fit and count the others, the trend keeps its place after them, and no
// typed name is a mention or markup.
func TestLargeReportCardIsSummarised(t *testing.T) {
	year, r := planner.YearPeriod(2025), plannertest.BigYear()
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			card, c := mustCard(t, bot.Reply{Lang: l, Body: reportView(t, r, year)})
			more := regexp.MustCompile("^" + strings.Replace(regexp.QuoteMeta(bot.Say(l, bot.MsgReportMore, 987654, year.String())), "987654", `(\d+)`, 1) + "$")
			members, counted := 0, 0
			for _, p := range c.plain {
				for _, line := range strings.Split(p, "\n") {
					if m := more.FindStringSubmatch(line); m != nil {
						n, _ := strconv.Atoi(m[1])
						counted += n
					}
					if strings.Contains(line, "*成员") {
						members++
					}
				}
			}
			if members == 0 || members >= len(r.Members) || counted < len(r.Members)-members {
				t.Errorf("%d members shown and %d lines counted as more, want some shown and the rest of %d counted", members, counted, len(r.Members))
			}
			if !slices.Contains(c.md, "**"+bot.Say(l, bot.MsgReportTrend)+"**") {
				t.Errorf("the trend's heading is gone: %q", c.md)
			}
			if strings.Contains(card, "<at") || strings.Contains(card, "<!here>") {
				t.Errorf("a mention's markup in the card")
			}
		})
	}
}
