package feishu

import (
	"planbot/bot"
)

// What each part of a report still to come keeps of a card's budget: its
// heading, a few lines and its "…and N more".
const (
	partReserveBytes = 600
	partReserveTags  = 6
)

// report renders a report over a period (/plan 月报, /plan report): the
// team and the title in the header, the days covered and the day made, then
// each part (totals, signings, members, the trend) as a heading of
// planbot's own words over plain lines. A part too long for its share of
// the card keeps its first lines and counts the others, with the command
// that sends the whole report as a workbook.
func (c *card) report(v bot.ReportView) {
	l := c.lang
	ly := bot.NewReportLayout(l, v)
	c.title, c.template = shownInCard(ly.Header()), "turquoise"
	intro := []string{shownInCard(ly.Dates)}
	if ly.Note != "" {
		intro = append(intro, shownInCard(ly.Note))
	}
	c.add(plain(intro...))
	chunks := ly.Chunks()
	for i, chunk := range chunks {
		later := len(chunks) - 1 - i
		c.reportPart(chunk, later*partReserveBytes, later*partReserveTags, v.Period.String())
	}
}

// reportPart adds one part of a report: its heading and as many of its
// lines as fit, leaving reserveBytes and reserveTags for what comes after.
func (c *card) reportPart(part []bot.RetroLine, reserveBytes, reserveTags int, period string) {
	if len(part) == 0 {
		return
	}
	els := func(n int) []obj {
		list := []obj{heading(part[0].Text)}
		if !part[0].Head {
			list = []obj{plain(cardLine(part[0]))}
		}
		var lines []string
		for _, ln := range part[1:n] {
			lines = append(lines, cardLine(ln))
		}
		if len(lines) > 0 {
			list = append(list, plain(lines...))
		}
		return list
	}
	moreBytes := len(bot.Say(c.lang, bot.MsgReportMore, len(part), period)) + 64 // and its element's JSON
	for n := len(part); n >= 1; n-- {
		reserve, tags := reserveBytes, reserveTags
		if n < len(part) { // room for "…and N more"
			reserve, tags = reserve+moreBytes, tags+2
		}
		if c.fits(reserve, tags, els(n)...) {
			if n < len(part) {
				c.add(plain(bot.Say(c.lang, bot.MsgReportMore, len(part)-n, period)))
			}
			return
		}
	}
	c.add(plain(bot.Say(c.lang, bot.MsgReportMore, len(part), period)))
}

// cardLine is a report's line as a card shows it: inert, one line, bulleted
// when it is under a heading (a card's text keeps no indent).
func cardLine(ln bot.RetroLine) string {
	if ln.Indent > 0 {
		return "• " + shownInCard(ln.Text)
	}
	return shownInCard(ln.Text)
}
