package planner

import (
	"slices"
	"sort"
)

// ActiveWeeks is how far back a member counts as active, for the "silent" list.
const ActiveWeeks = 4

// Totals counts one kind of item in a week: items, their counts and the
// enterprises they visited (a trip's Visits), planned and done.
type Totals struct {
	Items      int `json:"items"`
	DoneItems  int `json:"done_items"`
	Count      int `json:"count"`
	DoneCount  int `json:"done_count"`
	Visits     int `json:"visits"`
	DoneVisits int `json:"done_visits"`
}

// Tally is a number planned and the part of it done.
type Tally struct {
	Planned int `json:"planned"`
	Done    int `json:"done"`
}

// EnterprisesMet returns the enterprises met in a week of totals by kind:
// the counts of visit items, and the enterprises that items of other kinds
// (trips: "出差上海 拜访3家企业") visited.
func EnterprisesMet(totals map[Kind]Totals) Tally {
	t := Tally{Planned: totals[KindVisit].Count, Done: totals[KindVisit].DoneCount}
	for k, kt := range totals {
		if k != KindVisit {
			t.Planned += kt.Visits
			t.Done += kt.DoneVisits
		}
	}
	return t
}

// MemberSummary is one member's week in a digest. A leave is no work to do:
// it counts in neither Items nor DoneItems.
type MemberSummary struct {
	UserID    string `json:"user_id"`
	UserName  string `json:"user_name"`
	Items     int    `json:"items"`
	DoneItems int    `json:"done_items"`
	Note      string `json:"note"`
}

// TripSummary is one trip in a digest: who went where, which days. Place is
// the places as stored and shown, joined by 、 or ", "; Places lists them.
type TripSummary struct {
	UserID   string   `json:"user_id"`
	UserName string   `json:"-"`
	Place    string   `json:"place"`
	Places   []string `json:"places"`
	Visits   int      `json:"visits"`
	Start    Date     `json:"start"`
	End      Date     `json:"end"`
	Status   Status   `json:"status"`
}

// Digest is a team's retrospective of one week. Cancelled items count nowhere.
type Digest struct {
	Week        Week            `json:"week"`
	Start       Date            `json:"start"`
	End         Date            `json:"end"`
	Totals      map[Kind]Totals `json:"totals"`
	Enterprises Tally           `json:"enterprises_met"` // EnterprisesMet(Totals)
	Members     []MemberSummary `json:"members"`
	Silent      []string        `json:"silent"`
	// OnLeave are the members on leave from Monday to Friday (SetLeaves),
	// by user id: they are never Silent.
	OnLeave []string          `json:"on_leave"`
	Trips   []TripSummary     `json:"trips"`
	Names   map[string]string `json:"-"` // user id → display name, for rendering Silent
	Items   map[string][]Item `json:"-"` // each member's items of the week, for rendering
}

// BuildDigest computes week w's digest from the week's items, the members who
// logged anything in the ActiveWeeks before it (to find who went silent), the
// week's notes and the team's members.
func BuildDigest(w Week, items []Item, active []string, notes map[string]string, members []Member) Digest {
	d := Digest{
		Week: w, Start: w.Start(), End: w.End(),
		Totals: map[Kind]Totals{}, Members: []MemberSummary{}, Silent: []string{}, OnLeave: []string{}, Trips: []TripSummary{},
		Names: map[string]string{}, Items: map[string][]Item{},
	}
	for _, k := range Kinds {
		d.Totals[k] = Totals{}
	}
	for _, m := range members {
		d.Names[m.UserID] = m.Name
	}
	byUser := map[string]*MemberSummary{}
	summary := func(userID string) *MemberSummary {
		if byUser[userID] == nil {
			byUser[userID] = &MemberSummary{UserID: userID, UserName: d.Names[userID], Note: notes[userID]}
		}
		return byUser[userID]
	}
	for _, it := range items {
		if it.Status == StatusCancelled || !w.Contains(it.Start) {
			continue
		}
		t, m := d.Totals[it.Kind], summary(it.UserID)
		work := 1
		if it.Kind == KindLeave {
			work = 0
		}
		t.Items++
		t.Count += it.Count
		t.Visits += it.Visits
		m.Items += work
		if it.Status == StatusDone {
			t.DoneItems++
			t.DoneCount += it.Count
			t.DoneVisits += it.Visits
			m.DoneItems += work
		}
		d.Totals[it.Kind] = t
		d.Items[it.UserID] = append(d.Items[it.UserID], it)
		if it.Kind == KindTrip {
			d.Trips = append(d.Trips, TripSummary{UserID: it.UserID, UserName: d.Names[it.UserID], Place: it.Place, Places: placesOf(it.Place),
				Visits: it.Visits, Start: it.Start, End: it.End, Status: it.Status})
		}
	}
	for userID, note := range notes {
		if note != "" {
			summary(userID)
		}
	}
	for _, m := range byUser {
		d.Members = append(d.Members, *m)
	}
	sort.Slice(d.Members, func(i, j int) bool {
		a, b := d.Members[i], d.Members[j]
		if a.UserName != b.UserName {
			return a.UserName < b.UserName
		}
		return a.UserID < b.UserID
	})
	for _, userID := range active {
		if byUser[userID] == nil && !slices.Contains(d.Silent, userID) {
			d.Silent = append(d.Silent, userID)
		}
	}
	sort.Strings(d.Silent)
	d.Enterprises = EnterprisesMet(d.Totals)
	return d
}

// SetLeaves takes the team's leaves that reach into the digest's week (as
// Store.Leaves lists them): a member they cover from Monday to Friday is on
// leave, and not silent.
func (d *Digest) SetLeaves(leaves []Item) {
	d.OnLeave = []string{}
	for _, it := range leaves {
		if !slices.Contains(d.OnLeave, it.UserID) && OnLeaveAllWeek(leaves, it.UserID, d.Week) {
			d.OnLeave = append(d.OnLeave, it.UserID)
		}
	}
	sort.Strings(d.OnLeave)
	d.Silent = slices.DeleteFunc(d.Silent, func(userID string) bool { return slices.Contains(d.OnLeave, userID) })
}

// Completion returns the share of the week's items that are done, 0..1;
// leaves are no work to do and count for nothing.
func (d Digest) Completion() float64 { return completion(d.Totals) }

func completion(totals map[Kind]Totals) float64 {
	var items, done int
	for k, t := range totals {
		if k == KindLeave {
			continue
		}
		items += t.Items
		done += t.DoneItems
	}
	if items == 0 {
		return 0
	}
	return float64(done) / float64(items)
}
