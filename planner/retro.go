package planner

import (
	"context"
	"sort"
)

// Retro is a team's retrospective of one week (周末总结复盘): the week's digest,
// compared with the week before, with what carries over and what is already
// planned for the week after.
type Retro struct {
	Digest
	TeamName        string          `json:"team"`
	Previous        map[Kind]Totals `json:"previous_week"`
	CarriedOver     []int64         `json:"carried_over"`      // ids of the week's items still planned
	NextWeekPlanned map[string]int  `json:"next_week_planned"` // user id → items planned next week
	Late            bool            `json:"late,omitempty"`    // posted as a catch-up after downtime
}

// PreviousCompletion returns the share of the previous week's items that were done, 0..1.
func (r Retro) PreviousCompletion() float64 { return completion(r.Previous) }

// BuildRetro computes week w's retrospective from the week's items, the
// previous and next weeks' items, the items of the ActiveWeeks before w, the
// week's notes and the team's members.
func BuildRetro(team Team, w Week, items, previous, next, recent []Item, notes map[string]string, members []Member) Retro {
	r := Retro{
		Digest:          BuildDigest(w, items, recent, notes, members),
		TeamName:        team.Name,
		Previous:        BuildDigest(w.Prev(), previous, nil, nil, members).Totals,
		CarriedOver:     []int64{},
		NextWeekPlanned: map[string]int{},
	}
	for _, it := range items {
		if it.Status == StatusPlanned && w.Contains(it.Start) {
			r.CarriedOver = append(r.CarriedOver, it.ID)
		}
	}
	sort.Slice(r.CarriedOver, func(i, j int) bool { return r.CarriedOver[i] < r.CarriedOver[j] })
	for _, it := range next {
		if it.Status != StatusCancelled && w.Next().Contains(it.Start) {
			r.NextWeekPlanned[it.UserID]++
		}
	}
	for _, m := range members {
		if r.Names[m.UserID] == "" {
			r.Names[m.UserID] = m.Name
		}
	}
	return r
}

// Retro builds a team's retrospective of week w from the store.
func (s *Service) Retro(ctx context.Context, teamID string, w Week) (Retro, error) {
	team, err := s.Store.Team(ctx, teamID)
	if err != nil {
		return Retro{}, err
	}
	from, to := w.Start().AddDays(-7*ActiveWeeks), w.Next().End()
	all, err := s.Store.ItemsStarting(ctx, teamID, "", from, to)
	if err != nil {
		return Retro{}, err
	}
	var items, previous, next, recent []Item
	for _, it := range all {
		switch {
		case w.Contains(it.Start):
			items = append(items, it)
		case w.Next().Contains(it.Start):
			next = append(next, it)
		default:
			recent = append(recent, it)
			if w.Prev().Contains(it.Start) {
				previous = append(previous, it)
			}
		}
	}
	notes, err := s.Store.Notes(ctx, teamID, w)
	if err != nil {
		return Retro{}, err
	}
	members, err := s.Store.Members(ctx, teamID)
	if err != nil {
		return Retro{}, err
	}
	return BuildRetro(team, w, items, previous, next, recent, notes, members), nil
}
