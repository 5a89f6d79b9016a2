package bot

import (
	"fmt"
	"strings"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// Block Kit limits (docs.slack.dev; see shared/docs/slack-platform.md).
const (
	maxMessageBlocks = 50
	maxViewBlocks    = 100
	maxSectionChars  = 3000
	maxHeaderChars   = 150
	maxFallbackChars = 3900
	// maxMessageChars keeps a message's blocks well under the ~12k characters
	// at which Slack answers msg_blocks_too_long.
	maxMessageChars = 10000
	// maxButtonsPerBlock is how many elements one actions block may hold.
	maxButtonsPerBlock = 24
)

// Action ids of planbot's buttons; a button's value is the item id and where it was shown.
const (
	ActionDone   = "item_done"
	ActionUndo   = "item_undo"
	ActionCancel = "item_cancel"
)

// RenderBlocks renders a reply as Block Kit blocks for a message: at most 50
// blocks, every section within Slack's limits, all user text escaped.
func RenderBlocks(r Reply) []slack.Block {
	b := &blocks{lang: r.Lang, max: maxMessageBlocks, budget: maxMessageChars}
	switch body := r.Body.(type) {
	case Added:
		b.added(body)
	case WeekView:
		b.week(body, "msg")
	case SetupChannel, SetupDone:
		// Only planbot's own words and a channel id Slack sent: its <#C…> must stay a link.
		b.section(RenderText(r), nil)
	default:
		b.text(RenderText(r))
	}
	return b.list
}

// Fallback is the plain text Slack shows in notifications and to screen readers.
func Fallback(r Reply) string { return truncate(RenderText(r), maxFallbackChars) }

// blocks builds a list of blocks within a block count and a character budget.
type blocks struct {
	lang   planner.Lang
	list   []slack.Block
	max    int
	budget int // characters of text left
}

func (b *blocks) room() int { return b.max - len(b.list) }

func (b *blocks) header(text string) {
	text = truncate(text, maxHeaderChars)
	b.budget -= len([]rune(text))
	b.list = append(b.list, slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, text, false, false)))
}

// section adds mrkdwn text (already escaped), cut to the section limit and the budget.
func (b *blocks) section(mrkdwn string, accessory *slack.Accessory) {
	limit := min(maxSectionChars, max(b.budget, 100))
	mrkdwn = truncate(mrkdwn, limit)
	b.budget -= len([]rune(mrkdwn))
	b.list = append(b.list, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, mrkdwn, false, false), nil, accessory))
}

func (b *blocks) context(mrkdwn string) {
	b.list = append(b.list, slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, truncate(mrkdwn, maxSectionChars), false, false)))
}

func (b *blocks) actions(elems ...slack.BlockElement) {
	if len(elems) > 0 {
		b.list = append(b.list, slack.NewActionBlock("", elems...))
	}
}

// text adds plain text as sections of whole lines, escaped.
func (b *blocks) text(text string) {
	var chunk []string
	size := 0
	flush := func() {
		if len(chunk) > 0 && b.room() > 1 {
			b.section(strings.Join(chunk, "\n"), nil)
		}
		chunk, size = nil, 0
	}
	for _, line := range strings.Split(escape(text), "\n") {
		n := len([]rune(line)) + 1
		if size+n > maxSectionChars-10 {
			flush()
		}
		chunk = append(chunk, line)
		size += n
	}
	flush()
}

// button makes one of planbot's item buttons.
func button(action, label string, id int64, where string, style slack.Style) *slack.ButtonBlockElement {
	btn := slack.NewButtonBlockElement(action, ButtonValue(id, where), slack.NewTextBlockObject(slack.PlainTextType, label, false, false))
	btn.Style = style
	return btn
}

// ButtonValue is what a button carries: the item id and where it was shown
// ("msg" for a message, "home" for the Home tab), so a click can redraw it.
func ButtonValue(id int64, where string) string { return fmt.Sprintf("%d|%s", id, where) }

func (b *blocks) added(a Added) {
	for i, it := range a.Items {
		if b.room() < 3 {
			b.context(escape(say(b.lang, msgMore, len(a.Items)-i)))
			return
		}
		b.section(escape(say(b.lang, msgAdded, itemLine(b.lang, it, false))), nil)
		b.actions(
			button(ActionDone, say(b.lang, msgButtonDone, it.ID), it.ID, "msg", slack.StylePrimary),
			button(ActionUndo, say(b.lang, msgButtonUndo), it.ID, "msg", ""),
		)
	}
}

// week renders a week by day: a section per day (its share of the character
// budget) and buttons for the viewer's open items that start that day.
func (b *blocks) week(v WeekView, where string) {
	span := shortSpan(b.lang, v.Week.Start(), v.Week.End())
	if v.Team {
		b.header(say(b.lang, msgTeamWeek, v.TeamName, v.Week, span))
	} else {
		b.header(say(b.lang, msgYourWeek, v.Week, span))
	}
	if len(v.Items) == 0 {
		b.section(escape(say(b.lang, msgWeekEmpty)+"\n"+say(b.lang, msgTryAdd)), nil)
		return
	}
	perDay := min(maxSectionChars, b.budget/7)
	for day := v.Week.Start(); !day.After(v.Week.End()); day = day.AddDays(1) {
		lines := []string{"*" + escape(dayLabel(b.lang, day)) + "*"}
		var buttons []slack.BlockElement
		for _, it := range v.Items {
			if !covers(it, day) {
				continue
			}
			lines = append(lines, escape(itemLine(b.lang, it, v.Team)))
			if it.Start == day && it.UserID == v.Viewer && it.Status == planner.StatusPlanned && len(buttons) < maxButtonsPerBlock {
				buttons = append(buttons,
					button(ActionDone, say(b.lang, msgButtonDone, it.ID), it.ID, where, slack.StylePrimary),
					button(ActionCancel, say(b.lang, msgButtonCancel, it.ID), it.ID, where, ""))
			}
		}
		if len(lines) == 1 {
			lines = append(lines, say(b.lang, msgNothing))
		}
		b.section(fitLines(b.lang, lines, perDay), nil)
		b.actions(buttons...)
	}
}

// fitLines joins lines within max characters, ending with how many were left out.
func fitLines(l planner.Lang, lines []string, max int) string {
	out, size := []string{}, 0
	for i, line := range lines {
		n := len([]rune(line)) + 1
		if size+n > max-40 && i > 0 {
			return strings.Join(append(out, escape(say(l, msgMore, len(lines)-i))), "\n")
		}
		out = append(out, line)
		size += n
	}
	return strings.Join(out, "\n")
}
