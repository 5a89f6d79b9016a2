package bot

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"planbot/planner"
)

// RetroMessage is one Slack message of a team's weekly retrospective.
type RetroMessage struct {
	// Text is the plain fallback Slack shows in notifications and to screen
	// readers: user text escaped, at most maxFallbackChars characters.
	Text string `json:"text"`
	// Blocks are the message's Block Kit blocks, within a message's limits.
	Blocks []slack.Block `json:"blocks"`
}

// RetroText renders a week's retrospective as plain text in language l: for
// the console, and whole, however long.
func RetroText(l planner.Lang, r planner.Retro) string {
	v := newRetroView(l, r)
	lines := []string{v.plainHeader()}
	for _, chunk := range v.chunks() {
		for _, ln := range chunk {
			lines = append(lines, ln.plain(0))
		}
	}
	return strings.Join(lines, "\n")
}

// RetroMessages renders a week's retrospective as Slack messages in language
// l. The first is the summary; when the whole retrospective does not fit in
// one message, the members' weeks follow in further messages, to be posted
// as replies in the summary's thread. Every message keeps within Slack's
// limits and nothing is left out, but for a member whose own week is too long
// for a message: it ends with "…and N more".
func RetroMessages(l planner.Lang, r planner.Retro) []RetroMessage {
	v := newRetroView(l, r)
	one := newRetroPage(l, v)
	var all []string
	for _, chunk := range v.chunks() {
		all = append(all, sectionsOf(chunk)...)
	}
	if one.fits(all, 0, 0) {
		for _, chunk := range v.chunks() {
			one.add(chunk, sectionsOf(chunk))
		}
		return []RetroMessage{one.message()}
	}

	summary := newRetroPage(l, v)
	thread := say(l, msgRetroThread)
	noteChars := utf8.RuneCountInString(escape(thread))
	summary.add(v.totals, sectionsOf(v.totals))
	tail, pipe := sectionsOf(v.tail), sectionsOf(v.pipe)
	summary.fill(v.trips, len(pipe)+len(tail)+1, runeCount(pipe)+runeCount(tail)+noteChars)
	summary.fill(v.pipe, len(tail)+1, runeCount(tail)+noteChars)
	summary.fill(v.tail, 1, noteChars)
	summary.context(thread)
	messages := []RetroMessage{summary.message()}

	var page *retroPage
	for _, m := range v.members {
		if page == nil || !page.fits(sectionsOf(m), 0, 0) {
			if page != nil {
				messages = append(messages, page.message())
			}
			page = newRetroPage(l, retroView{})
			page.outdent = 1
		}
		page.fill(m, 0, 0)
	}
	if page != nil {
		messages = append(messages, page.message())
	}
	return messages
}

// retroLine is one line of a retrospective: planbot's words and user text,
// made one line (planner.OneLine), unescaped.
type retroLine struct {
	text   string
	indent int  // 0 at the top, 1 under a heading, 2 under a member
	head   bool // a heading: bold in Slack
}

// plain writes the line for the console, indented, less levels outdented.
func (ln retroLine) plain(levels int) string {
	return strings.Repeat("  ", max(ln.indent-levels, 0)) + ln.text
}

// mrkdwn writes the line for Slack: escaped, headings bold, entries bulleted.
func (ln retroLine) mrkdwn() string {
	switch {
	case ln.head:
		return "*" + escape(ln.text) + "*"
	case ln.indent > 0:
		return "• " + escape(ln.text)
	}
	return escape(ln.text)
}

// retroView is a retrospective in lines, in the order they are read.
type retroView struct {
	team    string        // the team's name
	title   string        // the week, and whether the retrospective is late
	totals  []retroLine   // completion, its change and the totals by kind
	trips   []retroLine   // who went where, under a heading; none without trips
	pipe    []retroLine   // the pipeline's moves, counts, quiet companies and 撞单; none without companies
	members [][]retroLine // each member's heading, items and note
	heading retroLine     // the heading over the members, in one message
	tail    []retroLine   // who logged nothing, what is planned next week
}

func newRetroView(l planner.Lang, r planner.Retro) retroView {
	v := retroView{
		team:    planner.OneLine(r.TeamName),
		title:   say(l, msgRetroTitle, r.Week.Num, shortSpan(l, r.Start, r.End)),
		heading: retroLine{text: say(l, msgDigestMembers), head: true},
	}
	if r.Late {
		sep := " "
		if l == planner.Chinese {
			sep = ""
		}
		v.title += sep + say(l, msgRetroLate)
	}
	v.totals = retroTotals(l, r)
	v.trips = retroTrips(l, r)
	v.pipe = retroPipeline(l, r.Pipeline, r)
	for _, m := range r.Members {
		v.members = append(v.members, retroMember(l, r, m))
	}
	v.tail = retroTail(l, r)
	return v
}

// chunks are the view's parts after its header, as one message shows them,
// each in sections of its own.
func (v retroView) chunks() [][]retroLine {
	chunks := [][]retroLine{v.totals, v.trips, v.pipe}
	for i, m := range v.members {
		if i == 0 {
			m = append([]retroLine{v.heading}, m...)
		}
		chunks = append(chunks, m)
	}
	return append(chunks, v.tail)
}

func (v retroView) plainHeader() string {
	if v.team == "" {
		return v.title
	}
	return v.team + " · " + v.title
}

// headerText is the header block's text, escaped: a long team name is cut so
// that the week and the late marker always show.
func (v retroView) headerText() string {
	title := escape(v.title)
	if v.team == "" {
		return truncate(title, maxHeaderChars)
	}
	return escapeWithin(v.team, maxHeaderChars-utf8.RuneCountInString(title)-3) + " · " + title
}

// retroKinds are the totals lines, in the order a team lead reads them.
var retroKinds = []struct {
	kind planner.Kind
	line msg
}{
	{planner.KindVisit, msgRetroVisits}, {planner.KindReception, msgRetroReceptions}, {planner.KindFund, msgRetroFunds},
	{planner.KindSigning, msgRetroSignings}, {planner.KindTrip, msgRetroTrips}, {planner.KindEvent, msgRetroEvents},
	{planner.KindTraining, msgRetroTrainings}, {planner.KindReview, msgRetroReviews},
	{planner.KindMeeting, msgRetroMeetings}, {planner.KindOther, msgRetroOthers}, {planner.KindLeave, msgRetroLeaves},
}

// retroTotals are the completion rate, its change, and a line per kind
// with items: the enterprises met (visits' counts and trips' visits), a
// leave's number of items (no work to complete), the others done/planned.
func retroTotals(l planner.Lang, r planner.Retro) []retroLine {
	var items, done int
	for k, t := range r.Totals {
		if k != planner.KindLeave {
			items += t.Items
			done += t.DoneItems
		}
	}
	if items == 0 && r.Totals[planner.KindLeave].Items == 0 {
		return []retroLine{{text: say(l, msgDigestEmpty), head: true}}
	}
	lines := []retroLine{
		{text: say(l, msgRetroRate, percent(r.Completion()), done, items) + " · " + retroChange(l, r), head: true},
		{text: say(l, msgRetroTotals)},
	}
	if items == 0 {
		lines = []retroLine{{text: say(l, msgDigestEmpty), head: true}}
	}
	for _, k := range retroKinds {
		t := r.Totals[k.kind]
		var text string
		switch days := tripDays(l, r.Trips); {
		case k.kind == planner.KindVisit:
			if r.Enterprises.Planned == 0 {
				continue
			}
			text = say(l, k.line, r.Enterprises.Done, r.Enterprises.Planned)
		case t.Items == 0:
			continue
		case k.kind == planner.KindLeave:
			text = say(l, k.line, t.Items)
		case k.kind == planner.KindTrip && days != "":
			text = say(l, msgRetroTripDays, t.DoneCount, t.Count, days)
		default:
			text = say(l, k.line, t.DoneCount, t.Count)
		}
		lines = append(lines, retroLine{text: text, indent: 1})
	}
	return lines
}

// retroChange compares the week's completion with the week before's, in percentage points.
func retroChange(l planner.Lang, r planner.Retro) string {
	var previous int
	for _, t := range r.Previous {
		previous += t.Items
	}
	if previous == 0 {
		return say(l, msgRetroNoPrevious)
	}
	now, before := percent(r.Completion()), percent(r.PreviousCompletion())
	switch diff := now - before; {
	case diff > 0:
		return say(l, msgRetroUp, points(l, diff), before)
	case diff < 0:
		return say(l, msgRetroDown, points(l, -diff), before)
	}
	return say(l, msgRetroSame, before)
}

func percent(share float64) int { return int(share*100 + 0.5) }

func points(l planner.Lang, n int) string {
	if n == 1 {
		return say(l, msgRetroPoint, n)
	}
	return say(l, msgRetroPoints, n)
}

// tripDays writes the days of the week's done trips by place: "北京 2 days, Shanghai 1 day".
func tripDays(l planner.Lang, trips []planner.TripSummary) string {
	var places []string
	days := map[string]int{}
	for _, t := range trips {
		if t.Status != planner.StatusDone {
			continue
		}
		place := placeName(l, t.Place)
		if days[place] == 0 {
			places = append(places, place)
		}
		days[place] += t.Start.DaysUntil(t.End) + 1
	}
	parts := make([]string, len(places))
	for i, place := range places {
		parts[i] = say(l, msgRetroDays, place, days[place])
		if days[place] == 1 {
			parts[i] = say(l, msgRetroDay, place, 1)
		}
	}
	return strings.Join(parts, listSep(l))
}

func placeName(l planner.Lang, place string) string {
	if place = planner.OneLine(place); place == "" {
		return say(l, msgRetroNoPlace)
	}
	return place
}

// retroTrips lists the week's trips by day: who went where, which days.
func retroTrips(l planner.Lang, r planner.Retro) []retroLine {
	if len(r.Trips) == 0 {
		return nil
	}
	trips := slices.Clone(r.Trips)
	sort.SliceStable(trips, func(i, j int) bool { return trips[i].Start.Before(trips[j].Start) })
	lines := []retroLine{{text: say(l, msgRetroTripsHead), head: true}}
	for _, t := range trips {
		text := statusMarks[t.Status] + " " + nameOf(r, t.UserID, t.UserName) + " → " + placeName(l, t.Place) +
			" · " + spanLabel(l, t.Start, t.End)
		if t.Visits > 0 {
			text += " · " + say(l, msgVisitsOfTrip, t.Visits)
		}
		lines = append(lines, retroLine{text: text, indent: 1})
	}
	return lines
}

// retroMember is a member's week: what got done, with outcomes, then what
// carries over to next week, then the member's note.
func retroMember(l planner.Lang, r planner.Retro, m planner.MemberSummary) []retroLine {
	name := nameOf(r, m.UserID, m.UserName)
	head := say(l, msgDigestMember, name, m.DoneItems, m.Items)
	switch {
	case m.Items == 0 && len(r.Items[m.UserID]) > 0: // leaves only: no work, but not idle
		head = say(l, msgRetroMemberLeave, name)
	case m.Items == 0:
		head = say(l, msgRetroNoItems, name)
	}
	lines := []retroLine{{text: head, indent: 1, head: true}}
	items := slices.Clone(r.Items[m.UserID])
	sort.SliceStable(items, func(i, j int) bool {
		a, b := items[i], items[j]
		if done := a.Status == planner.StatusDone; done != (b.Status == planner.StatusDone) {
			return done
		}
		if a.Start != b.Start {
			return a.Start.Before(b.Start)
		}
		return a.ID < b.ID
	})
	for _, it := range items {
		text := itemLine(l, it, false)
		if slices.Contains(r.CarriedOver, it.ID) {
			text = say(l, msgRetroCarried, text)
		}
		lines = append(lines, retroLine{text: text, indent: 2})
	}
	if m.Note != "" {
		lines = append(lines, retroLine{text: say(l, msgDigestNote, planner.OneLine(m.Note)), indent: 2})
	}
	return lines
}

// retroTail says who was on leave all week, who logged nothing and how many
// items each member has planned next week.
func retroTail(l planner.Lang, r planner.Retro) []retroLine {
	var lines []retroLine
	for _, group := range []struct {
		ids  []string
		line msg
	}{{r.OnLeave, msgRetroOnLeave}, {r.Silent, msgDigestSilent}} {
		if len(group.ids) == 0 {
			continue
		}
		names := make([]string, len(group.ids))
		for i, id := range group.ids {
			names[i] = nameOf(r, id, "")
		}
		sort.Strings(names)
		lines = append(lines, retroLine{text: say(l, group.line, strings.Join(names, listSep(l)))})
	}
	if len(r.NextWeekPlanned) == 0 {
		return append(lines, retroLine{text: say(l, msgRetroNextNone)})
	}
	type planned struct {
		id, name string
		n        int
	}
	var next []planned
	for id, n := range r.NextWeekPlanned {
		next = append(next, planned{id, nameOf(r, id, ""), n})
	}
	sort.Slice(next, func(i, j int) bool {
		if next[i].name != next[j].name {
			return next[i].name < next[j].name
		}
		return next[i].id < next[j].id
	})
	parts := make([]string, len(next))
	for i, p := range next {
		parts[i] = say(l, msgRetroNextEntry, p.name, p.n)
	}
	return append(lines, retroLine{text: say(l, msgRetroNext, strings.Join(parts, " · "))})
}

// nameOf is a member's name, on one line: the one given, else the team's,
// else the user id.
func nameOf(r planner.Retro, userID, name string) string {
	if name = planner.OneLine(name); name != "" {
		return name
	}
	if name = planner.OneLine(r.Names[userID]); name != "" {
		return name
	}
	return planner.OneLine(userID)
}

// listSep separates the names of a list.
func listSep(l planner.Lang) string {
	if l == planner.Chinese {
		return "、"
	}
	return ", "
}

// retroPage is one message of a retrospective as it is filled: its blocks,
// within a message's limits, and its plain text for the fallback.
type retroPage struct {
	b       *blocks
	plain   []string
	outdent int // levels the plain text is outdented: 1 in the members' replies
}

// newRetroPage starts a message, with the view's header when it has a title.
func newRetroPage(l planner.Lang, v retroView) *retroPage {
	p := &retroPage{b: &blocks{lang: l, max: maxMessageBlocks, budget: maxMessageChars}}
	if v.title != "" {
		p.b.header(v.headerText())
		p.plain = append(p.plain, v.plainHeader())
	}
	return p
}

// fits reports whether sections fit in the page and leave room for blocks
// more blocks and chars more characters.
func (p *retroPage) fits(sections []string, blocks, chars int) bool {
	return len(p.b.list)+len(sections)+blocks <= p.b.max && runeCount(sections)+chars <= p.b.budget
}

// add adds lines, as sections.
func (p *retroPage) add(lines []retroLine, sections []string) {
	for _, s := range sections {
		p.b.section(s, nil)
	}
	for _, ln := range lines {
		p.plain = append(p.plain, ln.plain(p.outdent))
	}
}

// fill adds lines, leaving room for blocks more blocks and chars more
// characters; when they do not all fit, it adds as many whole lines as do
// and counts the others in a last "…and N more".
func (p *retroPage) fill(lines []retroLine, blocks, chars int) {
	if s := sectionsOf(lines); p.fits(s, blocks, chars) {
		p.add(lines, s)
		return
	}
	for n := len(lines) - 1; n >= 0; n-- {
		more := say(p.b.lang, msgMore, len(lines)-n)
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
func sectionsOf(lines []retroLine) []string {
	var sections, current []string
	size := 0
	for _, ln := range lines {
		for _, piece := range splitEscaped(ln.mrkdwn(), maxSectionChars) {
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
