package slack

import (
	"planbot/bot"
	"planbot/planner"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"
)

// RetroMessage is one Slack message of a team's weekly retrospective.
type RetroMessage struct {
	// Text is the plain fallback Slack shows in notifications and to screen
	// readers: user text escaped, at most maxFallbackChars characters.
	Text string `json:"text"`
	// Blocks are the message's Block Kit blocks, within a message's limits.
	Blocks []slack.Block `json:"blocks"`
}

// RetroMessages renders a week's retrospective as Slack messages in language
// l. The first is the summary; when the whole retrospective does not fit in
// one message, the members' weeks follow in further messages, to be posted
// as replies in the summary's thread. Every message keeps within Slack's
// limits and nothing is left out, but for a member whose own week is too long
// for a message: it ends with "…and N more".
func RetroMessages(l planner.Lang, r planner.Retro) []RetroMessage {
	return viewMessages(l, bot.NewRetroView(l, r), bot.MsgRetroThread)
}

// viewMessages renders v as RetroMessages does a retrospective's view; when
// the members follow in the thread, the summary ends with the sentence thread.
func viewMessages(l planner.Lang, v bot.RetroView, thread bot.Msg) []RetroMessage {
	one := newRetroPage(l, v)
	var all []string
	for _, chunk := range v.Chunks() {
		all = append(all, sectionsOf(chunk)...)
	}
	if one.fits(all, 0, 0) {
		for _, chunk := range v.Chunks() {
			one.add(chunk, sectionsOf(chunk))
		}
		return []RetroMessage{one.message()}
	}

	summary := newRetroPage(l, v)
	note := bot.Say(l, thread)
	noteChars := utf8.RuneCountInString(escape(note))
	// The totals come first and keep what fits (a team with hundreds of
	// targets has more than a message holds), leaving room for the note and
	// for each part after them to say at least how many lines it has.
	later, moreChars := 0, utf8.RuneCountInString(escape(bot.Say(l, bot.MsgMore, 9999)))
	for _, part := range [][]bot.RetroLine{v.Trips, v.Pipe, v.Index, v.Tail} {
		if len(part) > 0 {
			later++
		}
	}
	summary.fill(v.Totals, later+1, later*moreChars+noteChars)
	tail, pipe := sectionsOf(v.Tail), sectionsOf(v.Pipe)
	index := sectionsOf(v.Index)
	summary.fill(v.Trips, len(pipe)+len(index)+len(tail)+1, runeCount(pipe)+runeCount(index)+runeCount(tail)+noteChars)
	summary.fill(v.Pipe, len(index)+len(tail)+1, runeCount(index)+runeCount(tail)+noteChars)
	summary.fill(v.Index, len(tail)+1, runeCount(tail)+noteChars)
	summary.fill(v.Tail, 1, noteChars)
	summary.context(note)
	messages := []RetroMessage{summary.message()}

	var page *retroPage
	for _, m := range v.Members {
		if page == nil || !page.fits(sectionsOf(m), 0, 0) {
			if page != nil {
				messages = append(messages, page.message())
			}
			page = newRetroPage(l, bot.RetroView{})
			page.outdent = 1
		}
		page.fill(m, 0, 0)
	}
	if page != nil {
		messages = append(messages, page.message())
	}
	return messages
}

// mrkdwn writes the line for Slack: escaped, headings bold, entries bulleted.
func mrkdwn(ln bot.RetroLine) string {
	switch {
	case ln.Head:
		return "*" + escape(ln.Text) + "*"
	case ln.Indent > 0:
		return "• " + escape(ln.Text)
	}
	return escape(ln.Text)
}

// headerText is the header block's text, escaped: a long team name is cut so
// that the week and the late marker always show.
func headerText(v bot.RetroView) string {
	title := escape(v.Title)
	if v.Team == "" {
		return truncate(title, maxHeaderChars)
	}
	return escapeWithin(v.Team, maxHeaderChars-utf8.RuneCountInString(title)-3) + " · " + title
}

// retroPage is one message of a retrospective as it is filled: its blocks,
// within a message's limits, and its plain text for the fallback.
type retroPage struct {
	b       *blocks
	plain   []string
	outdent int // levels the plain text is outdented: 1 in the members' replies
}

// newRetroPage starts a message, with the view's header when it has a title.
func newRetroPage(l planner.Lang, v bot.RetroView) *retroPage {
	p := &retroPage{b: &blocks{lang: l, max: maxMessageBlocks, budget: maxMessageChars}}
	if v.Title != "" {
		p.b.header(headerText(v))
		p.plain = append(p.plain, v.PlainHeader())
	}
	return p
}

// fits reports whether sections fit in the page and leave room for blocks
// more blocks and chars more characters.
func (p *retroPage) fits(sections []string, blocks, chars int) bool {
	return len(p.b.list)+len(sections)+blocks <= p.b.max && runeCount(sections)+chars <= p.b.budget
}

// add adds lines, as sections.
func (p *retroPage) add(lines []bot.RetroLine, sections []string) {
	for _, s := range sections {
		p.b.section(s, nil)
	}
	for _, ln := range lines {
		p.plain = append(p.plain, ln.Plain(p.outdent))
	}
}

// fill adds lines, leaving room for blocks more blocks and chars more
// characters; when they do not all fit, it adds as many whole lines as do
// and counts the others in a last "…and N more".
func (p *retroPage) fill(lines []bot.RetroLine, blocks, chars int) {
	if s := sectionsOf(lines); p.fits(s, blocks, chars) {
		p.add(lines, s)
		return
	}
	for n := len(lines) - 1; n >= 0; n-- {
		more := bot.Say(p.b.lang, bot.MsgMore, len(lines)-n)
		if s := sectionsOf(lines[:n]); n == 0 || p.fits(s, blocks+1, chars+utf8.RuneCountInString(escape(more))) {
			p.add(lines[:n], s)
			p.context(more)
			return
		}
	}
}

// context adds a line of planbot's own as a context block.
func (p *retroPage) context(text string) {
	p.b.context(escape(text))
	p.b.budget -= utf8.RuneCountInString(escape(text))
	p.plain = append(p.plain, text)
}

func (p *retroPage) message() RetroMessage {
	return RetroMessage{Text: truncate(escape(strings.Join(p.plain, "\n")), maxFallbackChars), Blocks: p.b.list}
}

// sectionsOf packs lines, written for Slack, into sections of whole lines;
// a line longer than a section is split over several.
func sectionsOf(lines []bot.RetroLine) []string {
	var sections, current []string
	size := 0
	for _, ln := range lines {
		for _, piece := range splitEscaped(mrkdwn(ln), maxSectionChars) {
			n := utf8.RuneCountInString(piece)
			if len(current) > 0 && size+1+n > maxSectionChars {
				sections = append(sections, strings.Join(current, "\n"))
				current, size = nil, 0
			}
			if len(current) > 0 {
				size++
			}
			current, size = append(current, piece), size+n
		}
	}
	if len(current) > 0 {
		sections = append(sections, strings.Join(current, "\n"))
	}
	return sections
}

// splitEscaped cuts escaped text into pieces of at most max characters,
// never inside an entity such as &lt;.
func splitEscaped(s string, max int) []string {
	if len(s) <= max { // no more bytes than max: no more characters either
		return []string{s}
	}
	r := []rune(s)
	var pieces []string
	for len(r) > max {
		cut := entityCut(r, max)
		if cut == 0 { // only when max is shorter than an entity
			cut = max
		}
		pieces = append(pieces, string(r[:cut]))
		r = r[cut:]
	}
	return append(pieces, string(r))
}

// entityCut is where to cut escaped text r to keep at most n characters
// without splitting an entity: n, or the start of the entity n falls in.
func entityCut(r []rune, n int) int {
	for k := n - 1; k >= 0 && k >= n-4; k-- {
		switch r[k] {
		case ';':
			return n
		case '&':
			return k
		}
	}
	return n
}

// escapeWithin escapes s and cuts it to at most max characters, never inside
// an entity. It escapes s whole: whether an underscore or a > is markup
// depends on what comes before it.
func escapeWithin(s string, max int) string {
	e := escape(s)
	if utf8.RuneCountInString(e) <= max {
		return e
	}
	if max <= 1 {
		return "…"
	}
	r := []rune(e)
	return string(r[:entityCut(r, max-1)]) + "…"
}

func runeCount(texts []string) int {
	n := 0
	for _, s := range texts {
		n += utf8.RuneCountInString(s)
	}
	return n
}
