package bot

import (
	"slices"
	"sort"
	"strings"

	"planbot/planner"
)

// RetroText renders a week's retrospective as plain text in language l: for
// the console, and whole, however long.
func RetroText(l planner.Lang, r planner.Retro) string {
	v := NewRetroView(l, r)
	lines := []string{v.PlainHeader()}
	for _, chunk := range v.Chunks() {
		for _, ln := range chunk {
			lines = append(lines, ln.Plain(0))
		}
	}
	return strings.Join(lines, "\n")
}

// RetroLine is one line of a retrospective: planbot's words and user text,
// made one line (planner.OneLine), unescaped.
type RetroLine struct {
	Text   string
	Indent int  // 0 at the top, 1 under a heading, 2 under a member
	Head   bool // a heading: bold in a chat message
}

// Plain writes the line for the console, indented, less levels outdented.
func (ln RetroLine) Plain(levels int) string {
	return strings.Repeat("  ", max(ln.Indent-levels, 0)) + ln.Text
}

// RetroView is a retrospective in lines, in the order they are read.
type RetroView struct {
	Team    string        // the team's name
	Title   string        // the week, and whether the retrospective is late
	Totals  []RetroLine   // completion, its change and the totals by kind
	Trips   []RetroLine   // who went where, under a heading; none without trips
	Pipe    []RetroLine   // the pipeline's moves, counts, quiet companies and 撞单; none without companies
	Index   []RetroLine   // the ranking by activity index (龙虎榜); none when the team has it off
	Members [][]RetroLine // each member's heading, items and note
	Heading RetroLine     // the heading over the members, in one message
	Tail    []RetroLine   // who logged nothing, what is planned next week
}

// NewRetroView lays retrospective r out in lines, in l.
func NewRetroView(l planner.Lang, r planner.Retro) RetroView {
	v := RetroView{
		Team:    planner.OneLine(r.TeamName),
		Title:   Say(l, MsgRetroTitle, r.Week.Num, ShortSpan(l, r.Start, r.End)),
		Heading: RetroLine{Text: Say(l, MsgDigestMembers), Head: true},
	}
	if r.Late {
		sep := " "
		if l == planner.Chinese {
			sep = ""
		}
		v.Title += sep + Say(l, MsgRetroLate)
	}
	v.Totals = append(retroTotals(l, r), moneyLines(l, r.Money)...)
	v.Totals = append(v.Totals, targetRetroLines(l, namedTargets(r.Targets, PeopleNames(l, r.Names)))...)
	v.Trips = retroTrips(l, r)
	v.Pipe = append(retroPipeline(l, r.Pipeline, r), retroOverdue(l, r)...)
	v.Index = retroIndex(l, r)
	for _, m := range r.Members {
		v.Members = append(v.Members, retroMember(l, r, m))
	}
	v.Tail = retroTail(l, r)
	return v
}

// Chunks are the view's parts after its header, as one message shows them,
// each in sections of its own.
func (v RetroView) Chunks() [][]RetroLine {
	chunks := [][]RetroLine{v.Totals, v.Trips, v.Pipe, v.Index}
	for i, m := range v.Members {
		if i == 0 {
			m = append([]RetroLine{v.Heading}, m...)
		}
		chunks = append(chunks, m)
	}
	return append(chunks, v.Tail)
}

// PlainHeader is the view's header as plain text: the team, then the title.
func (v RetroView) PlainHeader() string {
	if v.Team == "" {
		return v.Title
	}
	return v.Team + " · " + v.Title
}

// retroKinds are the totals lines, in the order a team lead reads them.
var retroKinds = []struct {
	kind planner.Kind
	line Msg
}{
	{planner.KindVisit, MsgRetroVisits}, {planner.KindReception, MsgRetroReceptions}, {planner.KindFund, MsgRetroFunds},
	{planner.KindSigning, MsgRetroSignings}, {planner.KindTrip, MsgRetroTrips}, {planner.KindEvent, MsgRetroEvents},
	{planner.KindTraining, MsgRetroTrainings}, {planner.KindReview, MsgRetroReviews},
	{planner.KindMeeting, MsgRetroMeetings}, {planner.KindOther, MsgRetroOthers}, {planner.KindLeave, MsgRetroLeaves},
}

// retroTotals are the completion rate, its change, and a line per kind
// with items: the enterprises met (visits' counts and trips' visits), a
// leave's number of items (no work to complete), the others done/planned.
func retroTotals(l planner.Lang, r planner.Retro) []RetroLine {
	var items, done int
	for k, t := range r.Totals {
		if k != planner.KindLeave {
			items += t.Items
			done += t.DoneItems
		}
	}
	if items == 0 && r.Totals[planner.KindLeave].Items == 0 {
		return []RetroLine{{Text: Say(l, MsgDigestEmpty), Head: true}}
	}
	lines := []RetroLine{
		{Text: Say(l, MsgRetroRate, percent(r.Completion()), done, items) + " · " + retroChange(l, r), Head: true},
		{Text: Say(l, MsgRetroTotals)},
	}
	if items == 0 {
		lines = []RetroLine{{Text: Say(l, MsgDigestEmpty), Head: true}}
	}
	for _, k := range retroKinds {
		t := r.Totals[k.kind]
		var text string
		switch days := tripDays(l, r.Trips); {
		case k.kind == planner.KindVisit:
			if r.Enterprises.Planned == 0 {
				continue
			}
			text = Say(l, k.line, r.Enterprises.Done, r.Enterprises.Planned)
		case t.Items == 0:
			continue
		case k.kind == planner.KindLeave:
			text = Say(l, k.line, t.Items)
		case k.kind == planner.KindTrip && days != "":
			text = Say(l, MsgRetroTripDays, t.DoneCount, t.Count, days)
		default:
			text = Say(l, k.line, t.DoneCount, t.Count)
		}
		lines = append(lines, RetroLine{Text: text, Indent: 1})
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
		return Say(l, MsgRetroNoPrevious)
	}
	now, before := percent(r.Completion()), percent(r.PreviousCompletion())
	switch diff := now - before; {
	case diff > 0:
		return Say(l, MsgRetroUp, points(l, diff), before)
	case diff < 0:
		return Say(l, MsgRetroDown, points(l, -diff), before)
	}
	return Say(l, MsgRetroSame, before)
}

// percent is share (0 to 1) as a whole percentage, rounded half up.
func percent(share float64) int { return int(share*100 + 0.5) }

func points(l planner.Lang, n int) string {
	if n == 1 {
		return Say(l, MsgRetroPoint, n)
	}
	return Say(l, MsgRetroPoints, n)
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
		parts[i] = Say(l, MsgRetroDays, place, days[place])
		if days[place] == 1 {
			parts[i] = Say(l, MsgRetroDay, place, 1)
		}
	}
	return strings.Join(parts, ListSep(l))
}

func placeName(l planner.Lang, place string) string {
	if place = planner.OneLine(place); place == "" {
		return Say(l, MsgRetroNoPlace)
	}
	return place
}

// retroTrips lists the week's trips by day: who went where, which days.
func retroTrips(l planner.Lang, r planner.Retro) []RetroLine {
	if len(r.Trips) == 0 {
		return nil
	}
	trips := slices.Clone(r.Trips)
	sort.SliceStable(trips, func(i, j int) bool { return trips[i].Start.Before(trips[j].Start) })
	lines := []RetroLine{{Text: Say(l, MsgRetroTripsHead), Head: true}}
	for _, t := range trips {
		text := statusMarks[t.Status] + " " + nameOf(l, r, t.UserID, t.UserName) + " → " + placeName(l, t.Place) +
			" · " + spanLabel(l, t.Start, t.End)
		if t.Visits > 0 {
			text += " · " + Say(l, MsgVisitsOfTrip, t.Visits)
		}
		lines = append(lines, RetroLine{Text: text, Indent: 1})
	}
	return lines
}

// retroMember is a member's week: what got done, with outcomes, then what
// carries over to next week, then the member's note.
func retroMember(l planner.Lang, r planner.Retro, m planner.MemberSummary) []RetroLine {
	name := nameOf(l, r, m.UserID, m.UserName)
	head := Say(l, MsgDigestMember, name, m.DoneItems, m.Items)
	switch {
	case m.Items == 0 && len(r.Items[m.UserID]) > 0: // leaves only: no work, but not idle
		head = Say(l, MsgRetroMemberLeave, name)
	case m.Items == 0:
		head = Say(l, MsgRetroNoItems, name)
	}
	lines := []RetroLine{{Text: head, Indent: 1, Head: true}}
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
		text := ItemLine(l, it, false)
		if slices.Contains(r.CarriedOver, it.ID) {
			text = Say(l, MsgRetroCarried, text)
		}
		lines = append(lines, RetroLine{Text: text, Indent: 2})
	}
	if m.Note != "" {
		lines = append(lines, RetroLine{Text: Say(l, MsgDigestNote, planner.OneLine(m.Note)), Indent: 2})
	}
	return lines
}

// retroTail says who was on leave all week, who logged nothing and how many
// items each member has planned next week.
func retroTail(l planner.Lang, r planner.Retro) []RetroLine {
	var lines []RetroLine
	for _, group := range []struct {
		ids  []string
		line Msg
	}{{r.OnLeave, MsgRetroOnLeave}, {r.Silent, MsgDigestSilent}} {
		if len(group.ids) == 0 {
			continue
		}
		names := make([]string, len(group.ids))
		for i, id := range group.ids {
			names[i] = nameOf(l, r, id, "")
		}
		sort.Strings(names)
		lines = append(lines, RetroLine{Text: Say(l, group.line, strings.Join(names, ListSep(l)))})
	}
	if len(r.NextWeekPlanned) == 0 {
		return append(lines, RetroLine{Text: Say(l, MsgRetroNextNone)})
	}
	type planned struct {
		id, name string
		n        int
	}
	var next []planned
	for id, n := range r.NextWeekPlanned {
		next = append(next, planned{id, nameOf(l, r, id, ""), n})
	}
	sort.Slice(next, func(i, j int) bool {
		if next[i].name != next[j].name {
			return next[i].name < next[j].name
		}
		return next[i].id < next[j].id
	})
	parts := make([]string, len(next))
	for i, p := range next {
		parts[i] = Say(l, MsgRetroNextEntry, p.name, p.n)
	}
	return append(lines, RetroLine{Text: Say(l, MsgRetroNext, strings.Join(parts, " · "))})
}

// nameOf is a member's name, on one line: the one given, else as
// PeopleNames names them among the team's members, never the user id.
func nameOf(l planner.Lang, r planner.Retro, userID, name string) string {
	if name = planner.OneLine(name); name != "" {
		return name
	}
	return PeopleNames(l, r.Names)(userID)
}

// ListSep separates the names of a list.
func ListSep(l planner.Lang) string {
	if l == planner.Chinese {
		return "、"
	}
	return ", "
}
