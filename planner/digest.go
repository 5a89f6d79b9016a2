package planner

import (
	"slices"
	"sort"
)

// ActiveWeeks is how far back a member counts as active, for the "silent" list.
const ActiveWeeks = 4

// Totals counts one kind of item in a week: items and their counts, planned and done.
type Totals struct {
	Items     int `json:"items"`
	DoneItems int `json:"done_items"`
	Count     int `json:"count"`
	DoneCount int `json:"done_count"`
}

// MemberSummary is one member's week in a digest.
type MemberSummary struct {
	UserID    string `json:"user_id"`
	UserName  string `json:"user_name"`
	Items     int    `json:"items"`
	DoneItems int    `json:"done_items"`
	Note      string `json:"note"`
}

// TripSummary is one trip in a digest: who went where, which days.
type TripSummary struct {
	UserID   string `json:"user_id"`
	UserName string `json:"-"`
	Place    string `json:"place"`
	Start    Date   `json:"start"`
	End      Date   `json:"end"`
	Status   Status `json:"status"`
}

// Digest is a team's retrospective of one week. Cancelled items count nowhere.
type Digest struct {
	Week    Week              `json:"week"`
	Start   Date              `json:"start"`
	End     Date              `json:"end"`
	Totals  map[Kind]Totals   `json:"totals"`
	Members []MemberSummary   `json:"members"`
	Silent  []string          `json:"silent"`
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
		Totals: map[Kind]Totals{}, Members: []MemberSummary{}, Silent: []string{}, Trips: []TripSummary{},
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
		t.Items++
		t.Count += it.Count
		m.Items++
		if it.Status == StatusDone {
			t.DoneItems++
			t.DoneCount += it.Count
			m.DoneItems++
		}
		d.Totals[it.Kind] = t
		d.Items[it.UserID] = append(d.Items[it.UserID], it)
		if it.Kind == KindTrip {
			d.Trips = append(d.Trips, TripSummary{it.UserID, d.Names[it.UserID], it.Place, it.Start, it.End, it.Status})
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
	return d
}

// Completion returns the share of the week's items that are done, 0..1.
func (d Digest) Completion() float64 { return completion(d.Totals) }

func completion(totals map[Kind]Totals) float64 {
	var items, done int
	for _, t := range totals {
		items += t.Items
		done += t.DoneItems
	}
	if items == 0 {
		return 0
	}
	return float64(done) / float64(items)
}
