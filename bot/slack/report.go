package slack

import (
	"unicode/utf8"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// reportBlocks renders a report over a period (/plan report, 月报) as one
// message's blocks: its header (the team and the title), the days it covers
// and the day it was made in context, then its parts as sections. When the
// whole report does not fit in one message, each part keeps as many lines
// as fit, leaving room for the parts after it, and counts the others in
// "…and N more", with the command that sends the whole report as a workbook.
func reportBlocks(l planner.Lang, v bot.ReportView) []slack.Block {
	ly := bot.NewReportLayout(l, v)
	p := newRetroPage(l, bot.RetroView{Team: ly.Team, Title: ly.Title})
	p.context(ly.Dates)
	if ly.Note != "" {
		p.context(ly.Note)
	}
	more := func(n int) string { return bot.Say(l, bot.MsgReportMore, n, v.Period.String()) }
	moreChars := utf8.RuneCountInString(escape(more(9999)))
	chunks := ly.Chunks()
	for i, chunk := range chunks {
		// Each part to come keeps room for its heading and its "…and N more".
		blocks, chars := 0, 0
		for _, later := range chunks[i+1:] {
			if len(later) > 0 {
				head := sectionsOf(later[:1])
				blocks, chars = blocks+len(head)+1, chars+runeCount(head)+moreChars
			}
		}
		fillReport(p, chunk, blocks, chars, more)
	}
	return p.b.list
}

// fillReport adds lines to p, leaving room for blocks more blocks and chars
// more characters; when they do not all fit, it adds as many whole lines as
// do and says how many more there are.
func fillReport(p *retroPage, lines []bot.RetroLine, blocks, chars int, more func(n int) string) {
	if s := sectionsOf(lines); p.fits(s, blocks, chars) {
		p.add(lines, s)
		return
	}
	for n := len(lines) - 1; n >= 0; n-- {
		text := more(len(lines) - n)
		if s := sectionsOf(lines[:n]); n == 0 || p.fits(s, blocks+1, chars+utf8.RuneCountInString(escape(text))) {
			p.add(lines[:n], s)
			p.context(text)
			return
		}
	}
}
