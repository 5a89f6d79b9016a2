package planner

import (
	"context"
	"sort"
)

// Report is a team's (or one member's) work over any period of days — a
// month, a quarter, a year — as bureaus report it (月报, 季报, 年报). Its
// Totals are the sum of the weekly digests' totals over the days of the
// period: an item belongs to the day it starts, and cancelled items count
// nowhere.
type Report struct {
	From    Date            `json:"from"`
	To      Date            `json:"to"`
	Team    string          `json:"team"`
	Member  string          `json:"member,omitempty"` // the one member reported on, or "" for the team
	Totals  map[Kind]Totals `json:"totals"`
	Members []MemberReport  `json:"members"`
	Money   Money           `json:"money"`
	// Targets are the targets whose year or quarter has a day in the period,
	// as of its last day (today, for a period not yet over): the team's and
	// its members', or the member's alone.
	Targets []TargetProgress `json:"targets"`
	// Overdue are the companies overdue (超期) as of the same day: the team's,
	// or those the member owns.
	Overdue []OverdueCompany `json:"overdue"`
	// Index is the period's activity index, nil when the team has it off
	// and in a member's report.
	Index *Index     `json:"index,omitempty"`
	Weeks []WeekDone `json:"weeks"`
}

// MemberReport is one member's part of a Report. DaysOut counts the days of
// the member's trips done (外出天数), each day once, within the period; a
// leave counts in neither Items nor DoneItems, as in a Digest.
type MemberReport struct {
	UserID    string `json:"user_id"`
	UserName  string `json:"user_name"`
	Items     int    `json:"items"`
	DoneItems int    `json:"done_items"`
	DaysOut   int    `json:"days_out"`
}

// WeekDone is the items done in one week of a Report's period (the days of
// the week inside the period): the trend a report's chart draws.
type WeekDone struct {
	Week      Week `json:"week"`
	DoneItems int  `json:"done_items"`
}

// BuildReport computes the report of the days from from to to inclusive
// from the items starting in them (and the done trips that started before
// and run into them, for their days away), the team's members (every one is
// listed, those with nothing too; with member set, only that one) and the
// period's money.
func BuildReport(team Team, from, to Date, member string, items []Item, members []Member, money Money) Report {
	r := Report{From: from, To: to, Team: team.Name, Member: member, Totals: map[Kind]Totals{}, Money: money,
		Members: []MemberReport{}, Weeks: []WeekDone{}, Targets: []TargetProgress{}, Overdue: []OverdueCompany{}}
	for _, k := range Kinds {
		r.Totals[k] = Totals{}
	}
	byUser := map[string]*MemberReport{}
	for _, m := range members {
		if member == "" || m.UserID == member {
			byUser[m.UserID] = &MemberReport{UserID: m.UserID, UserName: m.Name}
		}
	}
	weekIndex := map[Week]int{}
	for d := from; !to.Before(d); d = WeekOf(d).End().AddDays(1) {
		weekIndex[WeekOf(d)] = len(r.Weeks)
		r.Weeks = append(r.Weeks, WeekDone{Week: WeekOf(d)})
	}
	outDays := map[string]map[Date]bool{}
	for _, it := range items {
		if member != "" && it.UserID != member || it.Status == StatusCancelled {
			continue
		}
		if it.Kind == KindTrip && it.Status == StatusDone { // its days inside the period, wherever it starts
			for d := maxDate(it.Start, from); !it.End.Before(d) && !to.Before(d); d = d.AddDays(1) {
				if outDays[it.UserID] == nil {
					outDays[it.UserID] = map[Date]bool{}
				}
				outDays[it.UserID][d] = true
			}
		}
		if it.Start.Before(from) || to.Before(it.Start) {
			continue
		}
		m := byUser[it.UserID]
		if m == nil { // an item of a member no longer listed: counted in the totals, by id
			m = &MemberReport{UserID: it.UserID}
			byUser[it.UserID] = m
		}
		t := r.Totals[it.Kind]
		t.Items++
		t.Count += it.Count
		t.Visits += it.Visits
		done := it.Status == StatusDone
		if done {
			t.DoneItems++
			t.DoneCount += it.Count
			t.DoneVisits += it.Visits
			r.Weeks[weekIndex[WeekOf(it.Start)]].DoneItems++
		}
		r.Totals[it.Kind] = t
		if it.Kind != KindLeave {
			m.Items++
			if done {
				m.DoneItems++
			}
		}
	}
	for _, m := range byUser {
		m.DaysOut = len(outDays[m.UserID])
		r.Members = append(r.Members, *m)
	}
	sort.Slice(r.Members, func(i, j int) bool {
		a, b := r.Members[i], r.Members[j]
		if a.UserName != b.UserName {
			return a.UserName < b.UserName
		}
		return a.UserID < b.UserID
	})
	return r
}

// Days returns the first and last days of week w inside the report's period.
func (r Report) Days(w Week) (first, last Date) {
	first, last = w.Start(), w.End()
	if first.Before(r.From) {
		first = r.From
	}
	if last.After(r.To) {
		last = r.To
	}
	return first, last
}

// Completion returns the share of the period's items that were done, 0..1
// (a leave is no work to complete).
func (r Report) Completion() float64 { return completion(r.Totals) }

// Period resolves the period a report covers, as a command names it
// (ParsePeriod), against today.
func (s *Service) Period(spec string) (Period, error) { return ParsePeriod(spec, s.Today()) }

// LongestTrip is how many days before a report's period a trip may begin
// and still count its days inside the period (外出天数): a quarter, far more
// than any business trip.
const LongestTrip = 92

// maxDate returns the later of a and b.
func maxDate(a, b Date) Date {
	if a.Before(b) {
		return b
	}
	return a
}

// Report reads and computes a team's report of the days from from to to
// inclusive; with member set, that member's alone (the money too).
func (s *Service) Report(ctx context.Context, teamID string, from, to Date, member string) (Report, error) {
	if to.Before(from) {
		return Report{}, Errorf(Invalid, ReasonBadPeriod, from.String()+" > "+to.String())
	}
	team, err := s.store.Team(ctx, teamID)
	if err != nil {
		return Report{}, err
	}
	// A trip that began before the period counts its days inside it as days
	// away: one that began LongestTrip days before or less.
	items, err := s.store.ItemsStarting(ctx, teamID, member, from.AddDays(-LongestTrip), to)
	if err != nil {
		return Report{}, err
	}
	members, err := s.store.Members(ctx, teamID)
	if err != nil {
		return Report{}, err
	}
	money, err := s.Money(ctx, teamID, from, to)
	if err != nil {
		return Report{}, err
	}
	if member != "" {
		money = money.Of(member)
	}
	r := BuildReport(team, from, to, member, items, members, money)
	return r, s.measures(ctx, teamID, &r)
}

// measures adds to r what it is measured against: the targets, the
// companies overdue and the activity index, as of the period's last day or
// today, whichever is first.
func (s *Service) measures(ctx context.Context, teamID string, r *Report) (err error) {
	asOf := r.To
	if today := s.Today(); today.Before(asOf) {
		asOf = today
	}
	if r.Targets, err = s.TargetProgress(ctx, teamID, r.Member, r.From, r.To, asOf); err != nil {
		return err
	}
	overdue, err := s.Overdue(ctx, teamID, asOf)
	if err != nil {
		return err
	}
	for _, o := range overdue {
		if r.Member == "" || o.Owner == r.Member {
			r.Overdue = append(r.Overdue, o)
		}
	}
	if r.Member == "" {
		r.Index, err = s.ActivityIndex(ctx, teamID, r.From, r.To)
	}
	return err
}
