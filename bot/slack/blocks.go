package slack

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// Block Kit limits (docs.slack.dev, reference/block-kit/blocks and reference/surfaces).
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

// What planbot's buttons do. A button's action_id is one of these, a colon
// and its item's id ("item_done:12"): Slack refuses a block in which two
// elements share an action_id, and a day's buttons share one actions block.
// Its value is the item id and where it was shown (buttonValue).
const (
	ActionDone   = "item_done"
	ActionUndo   = "item_undo"
	ActionCancel = "item_cancel"
	// ActionNextWeek moves an item added on a day gone by to the day its
	// value names, a week later.
	ActionNextWeek = "item_next_week"
)

// renderBlocks renders a reply as Block Kit blocks for a message: at most 50
// blocks, every section within Slack's limits, all user text escaped.
func renderBlocks(r bot.Reply) []slack.Block {
	b := &blocks{lang: r.Lang, max: maxMessageBlocks, budget: maxMessageChars}
	switch body := r.Body.(type) {
	case bot.Added:
		b.added(body)
	case bot.WeekView:
		b.week(body, false)
	case bot.Reminder:
		b.reminder(body)
	case bot.SetupChannel, bot.SetupDone, bot.Notice, bot.FormOpening:
		b.section(slackText(r), nil)
	case bot.Changed:
		b.changed(body)
	case bot.ReportView:
		return reportBlocks(r.Lang, body)
	default:
		b.text(bot.RenderText(r))
	}
	return b.list
}

// Fallback is the plain text Slack shows in notifications and to screen
// readers. Slack reads mentions in it too, so user text is escaped here as well.
func Fallback(r bot.Reply) string {
	if v, ok := r.Body.(bot.WeekView); ok {
		// The same text, rendered only as far as it is kept: escaping only
		// lengthens it, so a prefix of over maxFallbackChars is enough.
		return truncate(escape(bot.WeekText(r.Lang, v, maxFallbackChars)), maxFallbackChars)
	}
	return truncate(slackText(r), maxFallbackChars)
}

// slackText is a reply's text as Slack shows it: escaped, except for replies
// made only of planbot's own words and a channel id Slack sent, whose <#C…>
// must stay a link.
func slackText(r bot.Reply) string {
	switch b := r.Body.(type) {
	case bot.SetupChannel:
		return bot.Say(r.Lang, bot.MsgSetupChannel, channelLink(b.Channel))
	case bot.SetupDone:
		return bot.SetupText(r.Lang, b.Team, channelLink)
	case bot.Notice, bot.FormOpening:
		return bot.RenderText(r)
	}
	return escape(bot.RenderText(r))
}

// channelLink is a channel as a link Slack shows by the channel's name.
func channelLink(channel string) string { return "<#" + channel + ">" }

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

// text adds plain text as sections of whole lines, escaped, within the blocks
// and the budget left; the lines that do not fit are counted in a last
// "…and N more" line instead.
func (b *blocks) text(text string) {
	lines := strings.Split(escape(text), "\n")
	for len(lines) > 0 {
		if b.room() < 2 || b.budget < 100 {
			b.context(escape(bot.Say(b.lang, bot.MsgMore, len(lines))))
			return
		}
		// The first line goes in even when longer than a section: section cuts it.
		limit := min(maxSectionChars-10, b.budget)
		n, size := 1, len([]rune(lines[0]))
		for n < len(lines) && size+1+len([]rune(lines[n])) <= limit {
			size += 1 + len([]rune(lines[n]))
			n++
		}
		b.section(strings.Join(lines[:n], "\n"), nil)
		lines = lines[n:]
	}
}

// button makes one of planbot's item buttons.
func (b *blocks) button(action, label string, id int64, where string, style slack.Style) *slack.ButtonBlockElement {
	return b.buttonOf(action, label, buttonValue{ID: id, Where: where, Lang: b.lang}, style)
}

// buttonOf makes an item button with value v.
func (b *blocks) buttonOf(action, label string, v buttonValue, style slack.Style) *slack.ButtonBlockElement {
	btn := slack.NewButtonBlockElement(action+":"+strconv.FormatInt(v.ID, 10), v.String(), slack.NewTextBlockObject(slack.PlainTextType, label, false, false))
	btn.Style = style
	return btn
}

// buttonValue is what an item button carries: the item, where it was shown
// ("added", "week:2025-W47", "team:2025-W47" or "home") so that a click can
// redraw it, the language it was shown in, and for a move the day to move to.
type buttonValue struct {
	ID    int64
	Where string
	Lang  planner.Lang
	Day   planner.Date // zero for the buttons that need no day
}

// String writes the value as "12|week:2025-W47|zh", or with its day
// "12|added|zh|2025-11-24".
func (v buttonValue) String() string {
	s := fmt.Sprintf("%d|%s|%s", v.ID, v.Where, v.Lang)
	if v.Day != (planner.Date{}) {
		s += "|" + v.Day.String()
	}
	return s
}

// parseButtonValue reads what String wrote.
func parseButtonValue(s string) (buttonValue, bool) {
	parts := strings.Split(s, "|")
	if len(parts) != 3 && len(parts) != 4 {
		return buttonValue{}, false
	}
	id, err := strconv.ParseInt(parts[0], 10, 64)
	lang, ok := planner.ParseLang(parts[2])
	v := buttonValue{ID: id, Where: parts[1], Lang: lang}
	if len(parts) == 4 {
		day, dayErr := planner.ParseDate(parts[3])
		v.Day, ok = day, ok && dayErr == nil
	}
	return v, err == nil && ok && id > 0
}

// added lists the items a line added, each with its buttons, as many as the
// blocks and the budget hold; the rest are counted in a last "…and N more" line.
func (b *blocks) added(a bot.Added) {
	defer func() { // after the items, however many fit
		for _, note := range a.Notes(b.lang) {
			b.context(escape(note))
		}
	}()
	for i, it := range a.Items {
		if b.room() < 3 || b.budget < 100 {
			b.context(escape(bot.Say(b.lang, bot.MsgMore, len(a.Items)-i)))
			return
		}
		text := bot.Say(b.lang, bot.MsgAdded, bot.ItemLine(b.lang, it, false))
		buttons := []slack.BlockElement{
			b.button(ActionDone, bot.Say(b.lang, bot.MsgButtonDone, it.ID), it.ID, "added", slack.StylePrimary),
			b.button(ActionUndo, bot.Say(b.lang, bot.MsgButtonUndo), it.ID, "added", ""),
		}
		if later, ok := a.Later[it.ID]; ok {
			text += "\n" + bot.PastText(b.lang, it, later)
			next := buttonValue{ID: it.ID, Where: "added", Lang: b.lang, Day: later}
			buttons = append(buttons, b.buttonOf(ActionNextWeek, bot.Say(b.lang, bot.MsgButtonNextWeek, bot.DayLabel(b.lang, next.Day)), next, ""))
		}
		b.section(escape(text), nil)
		b.actions(buttons...)
	}
}

// changed renders a move or edit: its text, and, when it put the item on a
// day gone by, the button that moves it to the day offered instead.
func (b *blocks) changed(c bot.Changed) {
	b.section(escape(bot.ChangedText(b.lang, c)), nil)
	if c.Later != (planner.Date{}) {
		next := buttonValue{ID: c.Item.ID, Where: "added", Lang: b.lang, Day: c.Later} // a click answers in place, as on added
		b.actions(b.buttonOf(ActionNextWeek, bot.Say(b.lang, bot.MsgButtonNextWeek, bot.DayLabel(b.lang, next.Day)), next, ""))
	}
}

// reminder renders a nudge: its sentence, then the open items, each with a
// Done button when the nudge is to log results.
func (b *blocks) reminder(r bot.Reminder) {
	lines := strings.Split(bot.ReminderText(b.lang, bot.Reminder{Job: r.Job, Week: r.Week}), "\n")
	b.section(escape(strings.Join(lines, "\n")), nil)
	for i, it := range r.Items {
		if b.room() < 3 || b.budget < 100 {
			b.context(escape(bot.Say(b.lang, bot.MsgMore, len(r.Items)-i)))
			return
		}
		b.section(escape(bot.ItemLine(b.lang, it, false)), nil)
		if r.Job == planner.JobLog && it.Status == planner.StatusPlanned {
			b.actions(b.button(ActionDone, bot.Say(b.lang, bot.MsgButtonDone, it.ID), it.ID, "week:"+it.Week().String(), slack.StylePrimary))
		}
	}
}

// week renders a week by day: a section per day (its share of the character
// budget) and buttons for the viewer's open items that start that day.
func (b *blocks) week(v bot.WeekView, home bool) {
	parts, budget := weekParts(b.lang, v, b.budget)
	b.budget = budget
	b.addWeekParts(parts, v.Viewer, weekWhere(v, home))
}

// addWeekParts adds a week's shared parts, each day followed by viewer's buttons.
func (b *blocks) addWeekParts(parts []weekPart, viewer, where string) {
	for _, p := range parts {
		b.list = append(b.list, p.block)
		b.actions(b.ownButtons(p.open, viewer, where)...)
	}
}

// weekWhere is where a week's buttons say they were shown, for a click to redraw it.
func weekWhere(v bot.WeekView, home bool) string {
	switch {
	case home:
		return "home"
	case v.Team:
		return "team:" + v.Week.String()
	}
	return "week:" + v.Week.String()
}

// weekPart is a block of a week view that is the same whoever asks (its
// header, or a day's section) and, for a day, its open items that start that
// day: those of the viewer get buttons after it.
type weekPart struct {
	block slack.Block
	open  []openItem
}

// openItem is a planned item that may get buttons: its id and its owner.
type openItem struct {
	id   int64
	user string
}

// weekParts renders the blocks of week v that are the same for every viewer,
// within budget characters, and returns them with the budget left.
func weekParts(l planner.Lang, v bot.WeekView, budget int) ([]weekPart, int) {
	b := &blocks{lang: l, max: maxMessageBlocks, budget: budget}
	span := bot.ShortSpan(l, v.Week.Start(), v.Week.End())
	if v.Team {
		b.header(bot.TeamWeekTitle(l, v))
	} else {
		b.header(bot.Say(l, bot.MsgYourWeek, v.Week, span))
	}
	opens := [][]openItem{nil}
	if len(v.Items) == 0 {
		b.section(escape(bot.Say(l, bot.MsgWeekEmpty)+"\n"+bot.Say(l, bot.MsgTryAdd)), nil)
		opens = append(opens, nil)
	}
	perDay := min(maxSectionChars, b.budget/7)
	for day := v.Week.Start(); len(v.Items) > 0 && !day.After(v.Week.End()); day = day.AddDays(1) {
		text := newFitText("*"+escape(bot.DayLabel(l, day))+"*", perDay)
		var open []openItem
		for _, it := range v.Items {
			if !bot.Covers(it, day) {
				continue
			}
			text.add(func() string { return escape(bot.ItemLine(l, it, v.Team)) })
			if it.Start == day && it.Status == planner.StatusPlanned {
				open = append(open, openItem{id: it.ID, user: it.UserID})
			}
		}
		if text.empty() {
			text.add(func() string { return bot.Say(l, bot.MsgNothing) })
		}
		b.section(text.String(l), nil)
		opens = append(opens, open)
	}
	parts := make([]weekPart, len(b.list))
	for i, block := range b.list {
		parts[i] = weekPart{block: block, open: opens[i]}
	}
	return parts, b.budget
}

// ownButtons returns Done and Cancel buttons for viewer's items among open,
// as many as one actions block holds.
func (b *blocks) ownButtons(open []openItem, viewer, where string) []slack.BlockElement {
	var buttons []slack.BlockElement
	for _, it := range open {
		if it.user == viewer && len(buttons) < maxButtonsPerBlock {
			buttons = append(buttons,
				b.button(ActionDone, bot.Say(b.lang, bot.MsgButtonDone, it.id), it.id, where, slack.StylePrimary),
				b.button(ActionCancel, bot.Say(b.lang, bot.MsgButtonCancel, it.id), it.id, where, ""))
		}
	}
	return buttons
}

// homeBlocks is the Home tab: the member's week with buttons, the team's
// counts this week and a short help, within the 100 blocks of a view.
func homeBlocks(l planner.Lang, week bot.WeekView, team planner.Digest) []slack.Block {
	b := &blocks{lang: l, max: maxViewBlocks - 3, budget: 4 * maxMessageChars}
	b.week(week, true)
	b.list = append(b.list, slack.NewDividerBlock())
	var kinds []string
	for _, k := range planner.Kinds {
		if t := team.Totals[k]; t.Items > 0 {
			kinds = append(kinds, fmt.Sprintf("%s %d/%d", bot.KindName(l, k), t.DoneCount, t.Count))
		}
	}
	if len(kinds) == 0 {
		kinds = append(kinds, bot.Say(l, bot.MsgDigestEmpty))
	}
	b.section("*"+escape(bot.Say(l, bot.MsgHomeTeam))+"*\n"+escape(strings.Join(kinds, " · ")), nil)
	b.context(escape(bot.Say(l, bot.MsgHomeHelp)))
	return b.list
}

// fitText is lines under a first one, kept while they fit in max characters
// (less 40 for the last line, "…and N more"); a line that does not fit and all
// after it are only counted, never rendered: a team's day may have a hundred.
type fitText struct {
	lines      []string
	size, max  int
	more, kept int
}

func newFitText(first string, max int) *fitText {
	return &fitText{lines: []string{first}, size: len([]rune(first)) + 1, max: max}
}

// add adds the line render makes, if it fits and nothing was left out before.
func (f *fitText) add(render func() string) {
	if f.more > 0 {
		f.more++
		return
	}
	line := render()
	n := len([]rune(line)) + 1
	if f.size+n > f.max-40 {
		f.more = 1
		return
	}
	f.lines = append(f.lines, line)
	f.size += n
	f.kept++
}

// empty reports whether no line was added after the first.
func (f *fitText) empty() bool { return f.kept == 0 && f.more == 0 }

// String is the kept lines, then how many more there are, in l.
func (f *fitText) String(l planner.Lang) string {
	if f.more > 0 {
		return strings.Join(append(f.lines, escape(bot.Say(l, bot.MsgMore, f.more))), "\n")
	}
	return strings.Join(f.lines, "\n")
}
