package feishu

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"planbot/bot"
	"planbot/planner"
)

// Feishu's limits on a card (card JSON 2.0): its JSON at most 30 KB, and at
// most 200 components. The body is kept below both, with room left for the
// header, the config and a last "…and N more" line, so that a large week is
// summarised, never refused.
const (
	maxCardBytes      = 30 * 1024
	maxCardComponents = 200
	bodyBytes         = 27 * 1024
	bodyComponents    = 185
	// dayReserve is what each day still to come keeps of the budget: its
	// heading and one line.
	dayReserveBytes      = 400
	dayReserveComponents = 4
	// maxListed is how many items an added card or a reminder lists: each
	// of their buttons carries the ids of all, for a click to redraw them.
	maxListed = 20
	// What an added card or a reminder keeps after each item: the unknown
	// names' line, "…and N more".
	listReserveBytes = 1000
	listReserveTags  = 4
)

// What a card's buttons do: the action of a button's value.
const (
	actionDone   = "done"
	actionCancel = "cancel"
	actionUndo   = "undo"
	actionMove   = "move"
)

// cardOf renders the views that Feishu shows as interactive cards (a week, a
// team's week, an added item, a reminder) and reports whether reply is one.
// Every text people typed goes into plain_text, made inert (inert); lark_md
// holds only planbot's own words.
func cardOf(reply bot.Reply) (string, bool) {
	c := &card{lang: reply.Lang}
	switch b := reply.Body.(type) {
	case bot.WeekView:
		c.week(b)
	case bot.Added:
		c.added(b)
	case bot.Reminder:
		c.reminder(b)
	case bot.ReportView:
		c.report(b)
	default:
		return "", false
	}
	data, err := c.json()
	if err != nil || len(data) > maxCardBytes {
		return "", false // the text it falls back to says the same
	}
	return string(data), true
}

// shownInCard makes text safe in a card's plain_text: on one line, and with
// no "<" or ">" that a Feishu client could read as the start of a mention
// (<at user_id="all">) — the look-alikes text messages use.
func shownInCard(text string) string { return shown.Replace(planner.OneLine(text)) }

// card is a card JSON 2.0 being built within Feishu's limits: a header and
// the body's elements, their size in bytes and their count of components.
type card struct {
	lang       planner.Lang
	title      string
	template   string // the header's colour
	elements   []any
	size, tags int
}

// obj is a JSON object of a card.
type obj = map[string]any

// json is the card's JSON: schema 2.0, a shared card (the only kind 2.0
// allows), its header when it has a title, its body.
func (c *card) json() ([]byte, error) {
	m := obj{
		"schema": "2.0",
		"config": obj{"update_multi": true},
		"body":   obj{"elements": c.elements},
	}
	if c.title != "" {
		m["header"] = obj{"title": plainText(c.title), "template": c.template}
	}
	return encode(m)
}

// encode writes v as JSON without escaping <, > and & (cards show them as
// they are; the escapes would only take room).
func encode(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(b.Bytes(), "\n"), nil
}

// components counts the components of a piece of a card: every object with
// a tag, a text object as much as a button.
func components(v any) int {
	n := 0
	switch v := v.(type) {
	case map[string]any:
		if _, ok := v["tag"]; ok {
			n++
		}
		for _, e := range v {
			n += components(e)
		}
	case []any:
		for _, e := range v {
			n += components(e)
		}
	}
	return n
}

// fits reports whether els fit in the body together, leaving reserveBytes
// and reserveTags for what must come after them, and adds them if so.
func (c *card) fits(reserveBytes, reserveTags int, els ...obj) bool {
	size, tags := 0, 0
	for _, el := range els {
		data, err := encode(el)
		if err != nil {
			return false
		}
		size, tags = size+len(data)+1, tags+components(el)
	}
	if c.size+size+reserveBytes > bodyBytes || c.tags+tags+reserveTags > bodyComponents {
		return false
	}
	c.elements = append(c.elements, anys(els)...)
	c.size, c.tags = c.size+size, c.tags+tags
	return true
}

// anys is els as a list of any.
func anys(els []obj) []any {
	list := make([]any, len(els))
	for i, el := range els {
		list[i] = el
	}
	return list
}

// add adds el whatever the budget: the last line of a card, which the
// margins between the body's budget and Feishu's limits leave room for.
func (c *card) add(el obj) {
	data, _ := encode(el)
	c.elements = append(c.elements, el)
	c.size, c.tags = c.size+len(data)+1, c.tags+components(el)
}

func plainText(s string) obj { return obj{"tag": "plain_text", "content": s} }

// plain is a text element of lines shown as they are: what people typed
// shows as typed, never as markup or a mention.
func plain(lines ...string) obj {
	return obj{"tag": "div", "text": plainText(strings.Join(lines, "\n"))}
}

// heading is a bold line of planbot's own words (a day).
func heading(s string) obj {
	return obj{"tag": "div", "text": obj{"tag": "lark_md", "content": "**" + s + "**"}}
}

// buttonValue is what a button carries back when clicked: what to do, the
// item, the language it was shown in, where it was shown so that the click
// can redraw it ("week:2025-W47", "team:2025-W47", "added",
// "remind:log:2025-W47"), and as needed the member whose view it is, the
// items of the card (an added card, a reminder), the day to move to.
type buttonValue struct {
	Action string
	ID     int64
	Lang   planner.Lang
	Where  string
	Viewer string
	IDs    []int64
	Day    planner.Date
}

// value is v as the button's callback value: strings only, each key there
// only when set.
func (v buttonValue) value() obj {
	m := obj{"action": v.Action, "id": strconv.FormatInt(v.ID, 10), "lang": string(v.Lang), "where": v.Where}
	if v.Viewer != "" {
		m["viewer"] = v.Viewer
	}
	if len(v.IDs) > 0 {
		ids := make([]string, len(v.IDs))
		for i, id := range v.IDs {
			ids[i] = strconv.FormatInt(id, 10)
		}
		m["ids"] = strings.Join(ids, ",")
	}
	if v.Day != (planner.Date{}) {
		m["day"] = v.Day.String()
	}
	return m
}

// parseButtonValue reads what value wrote, as Feishu sends it back.
func parseButtonValue(m map[string]any) (buttonValue, bool) {
	str := func(k string) string { s, _ := m[k].(string); return s }
	id, err := strconv.ParseInt(str("id"), 10, 64)
	lang, ok := planner.ParseLang(str("lang"))
	v := buttonValue{Action: str("action"), ID: id, Lang: lang, Where: str("where"), Viewer: str("viewer")}
	if !ok || err != nil || id <= 0 || v.Where == "" {
		return buttonValue{}, false
	}
	if ids := str("ids"); ids != "" {
		for _, s := range strings.Split(ids, ",") {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil || n <= 0 {
				return buttonValue{}, false
			}
			v.IDs = append(v.IDs, n)
		}
	}
	if day := str("day"); day != "" {
		d, err := planner.ParseDate(day)
		if err != nil {
			return buttonValue{}, false
		}
		v.Day = d
	}
	return v, true
}

// button is one of planbot's buttons: primary for the one to press first.
func button(label string, primary bool, v buttonValue) obj {
	kind := "default"
	if primary {
		kind = "primary"
	}
	return obj{"tag": "button", "text": plainText(label), "type": kind, "size": "small",
		"behaviors": []any{obj{"type": "callback", "value": v.value()}}}
}

// buttonRow lays buttons out side by side, wrapping on a narrow screen.
func buttonRow(buttons []obj) obj {
	columns := make([]any, len(buttons))
	for i, b := range buttons {
		columns[i] = obj{"tag": "column", "width": "auto", "elements": []any{b}}
	}
	return obj{"tag": "column_set", "flex_mode": "flow", "horizontal_spacing": "8px", "columns": columns}
}

// more is the last line of a card that could not hold everything: how many
// more there are, and where to see them.
func (c *card) more(n int) { c.add(plain(bot.Say(c.lang, bot.MsgMore, n))) }

// week renders a week by day: each day's items as far as its share of the
// budget holds them (the rest counted in "…and N more"), and Done and Cancel
// buttons for the viewer's own open items that start that day. Other
// members' items never get buttons.
func (c *card) week(v bot.WeekView) {
	l := c.lang
	span := bot.ShortSpan(l, v.Week.Start(), v.Week.End())
	c.title, c.template = bot.Say(l, bot.MsgYourWeek, v.Week, span), "blue"
	where := "week:" + v.Week.String()
	if v.Team {
		c.title, c.template = bot.TeamWeekTitle(l, v), "indigo"
		where = "team:" + v.Week.String()
	}
	c.title = shownInCard(c.title)
	if len(v.Items) == 0 {
		c.add(plain(bot.Say(l, bot.MsgWeekEmpty), bot.Say(l, bot.MsgTryAdd)))
		return
	}
	const days = 7
	for i, day := 0, v.Week.Start(); i < days; i, day = i+1, day.AddDays(1) {
		later := days - 1 - i // days still to come after this one
		reserveBytes, reserveTags := later*dayReserveBytes, later*dayReserveComponents
		// The day's share of what is left: its heading and lines.
		share := (bodyBytes - c.size - reserveBytes) / (later + 1)
		if !c.fits(reserveBytes+dayReserveBytes/2, reserveTags+2, heading(bot.DayLabel(l, day))) {
			c.more(itemsFrom(v.Items, day))
			return
		}
		lines, shown := c.dayLines(v, day, share-len(bot.DayLabel(l, day))-60)
		c.add(plain(lines...))
		c.ownButtons(v, day, shown, where, reserveBytes, reserveTags)
	}
}

// itemsFrom counts the items that take up day or a day after it.
func itemsFrom(items []planner.Item, day planner.Date) int {
	n := 0
	for _, it := range items {
		if !it.End.Before(day) {
			n++
		}
	}
	return n
}

// dayLines are the lines of day's items within max bytes, then "…and N
// more" for those that do not fit; and the items shown.
func (c *card) dayLines(v bot.WeekView, day planner.Date, max int) (lines []string, shown []planner.Item) {
	size, more := 0, 0
	for _, it := range v.Items {
		if !bot.Covers(it, day) {
			continue
		}
		if more > 0 {
			more++
			continue
		}
		line := shownInCard(bot.ItemLine(c.lang, it, v.Team))
		if size+len(line)+1 > max-80 && len(lines) > 0 {
			more = 1
			continue
		}
		lines, shown, size = append(lines, line), append(shown, it), size+len(line)+1
	}
	switch {
	case more > 0:
		lines = append(lines, bot.Say(c.lang, bot.MsgMore, more))
	case len(lines) == 0:
		lines = []string{bot.Say(c.lang, bot.MsgNothing)}
	}
	return lines, shown
}

// ownButtons adds Done and Cancel for each of the viewer's open items among
// shown that start on day, as many as the budget holds after the days to come.
func (c *card) ownButtons(v bot.WeekView, day planner.Date, shown []planner.Item, where string, reserveBytes, reserveTags int) {
	var buttons []obj
	for _, it := range shown {
		if it.UserID != v.Viewer || it.Start != day || it.Status != planner.StatusPlanned {
			continue
		}
		value := buttonValue{ID: it.ID, Lang: c.lang, Where: where, Viewer: v.Viewer}
		done, cancel := value, value
		done.Action, cancel.Action = actionDone, actionCancel
		buttons = append(buttons,
			button(bot.Say(c.lang, bot.MsgButtonDone, it.ID), true, done),
			button(bot.Say(c.lang, bot.MsgButtonCancel, it.ID), false, cancel))
	}
	// As many pairs as fit: fewer each time the row does not.
	for n := len(buttons); n > 0; n -= 2 {
		if c.fits(reserveBytes, reserveTags, buttonRow(buttons[:n])) {
			return
		}
	}
}

// added lists the items a line added, each with Done and Undo buttons while
// it is open, and "Move to …" for one put on a day gone by; the items that do
// not fit are counted in a last line.
func (c *card) added(a bot.Added) {
	ids := idsOf(a.Items)
	for i, it := range a.Items {
		if i == len(ids) {
			c.more(len(a.Items) - i)
			return
		}
		text := []string{shownInCard(bot.Say(c.lang, bot.MsgAdded, bot.ItemLine(c.lang, it, false)))}
		later, offered := a.Later[it.ID]
		if offered {
			text = append(text, shownInCard(bot.PastText(c.lang, it, later)))
		}
		els := []obj{plain(text...)}
		if it.Status == planner.StatusPlanned {
			value := buttonValue{ID: it.ID, Lang: c.lang, Where: "added", IDs: ids}
			done, undo := value, value
			done.Action, undo.Action = actionDone, actionUndo
			buttons := []obj{
				button(bot.Say(c.lang, bot.MsgButtonDone, it.ID), true, done),
				button(bot.Say(c.lang, bot.MsgButtonUndo), false, undo),
			}
			if offered {
				move := value
				move.Action, move.Day = actionMove, later
				buttons = append(buttons, button(bot.Say(c.lang, bot.MsgButtonNextWeek, bot.DayLabel(c.lang, later)), false, move))
			}
			els = append(els, buttonRow(buttons))
		}
		if !c.fits(listReserveBytes, listReserveTags, els...) {
			c.more(len(a.Items) - i)
			return
		}
	}
	for _, note := range a.Notes(c.lang) {
		c.add(plain(shownInCard(note)))
	}
}

// idsOf is the ids of the first maxListed items.
func idsOf(items []planner.Item) []int64 {
	ids := make([]int64, 0, min(len(items), maxListed))
	for _, it := range items[:min(len(items), maxListed)] {
		ids = append(ids, it.ID)
	}
	return ids
}

// reminder renders a nudge: what to do, then the open items, each planned
// one with a Done button; the items that do not fit are counted in a last line.
func (c *card) reminder(r bot.Reminder) {
	c.title = bot.Say(c.lang, bot.MsgYourWeek, r.Week, bot.ShortSpan(c.lang, r.Week.Start(), r.Week.End()))
	c.template = "orange"
	c.add(plain(bot.ReminderText(c.lang, bot.Reminder{Job: r.Job, Week: r.Week})))
	ids := idsOf(r.Items)
	where := "remind:" + string(r.Job) + ":" + r.Week.String()
	for i, it := range r.Items {
		if i == len(ids) {
			c.more(len(r.Items) - i)
			return
		}
		els := []obj{plain(shownInCard(bot.ItemLine(c.lang, it, false)))}
		if it.Status == planner.StatusPlanned {
			done := buttonValue{Action: actionDone, ID: it.ID, Lang: c.lang, Where: where, IDs: ids}
			els = append(els, buttonRow([]obj{button(bot.Say(c.lang, bot.MsgButtonDone, it.ID), true, done)}))
		}
		if !c.fits(listReserveBytes, listReserveTags, els...) {
			c.more(len(r.Items) - i)
			return
		}
	}
}
