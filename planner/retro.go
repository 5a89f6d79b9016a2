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
	CarriedOver     []int64         `json:"carried_over"`      // ids of the week's items still planned, but leaves
	NextWeekPlanned map[string]int  `json:"next_week_planned"` // user id → items planned next week
	Pipeline        PipelineWeek    `json:"pipeline"`
	Money           Money           `json:"money"`          // the week's signed projects and their amounts
	Late            bool            `json:"late,omitempty"` // posted as a catch-up after downtime

	// Index is the week's activity index; nil when the team has it off.
	Index *Index `json:"index,omitempty"`
	// Targets are the progress at the week's Sunday of the team's targets
	// (and its members') whose year or quarter has a day in the week: a week
	// across two quarters shows both (TargetProgress).
	Targets []TargetProgress `json:"targets"`
}

// PreviousCompletion returns the share of the previous week's items that were done, 0..1.
func (r Retro) PreviousCompletion() float64 { return completion(r.Previous) }

// BuildRetro computes week w's retrospective from the week's and the previous
// week's items, each member's items next week (by user id), the members who
// logged anything in the ActiveWeeks before w, the week's notes and the team's
// members.
func BuildRetro(team Team, w Week, items, previous []Item, next map[string]ItemCounts, active []string, notes map[string]string, members []Member) Retro {
	r := Retro{
		Digest:          BuildDigest(w, items, active, notes, members),
		TeamName:        team.Name,
		Previous:        BuildDigest(w.Prev(), previous, nil, nil, members).Totals,
		CarriedOver:     []int64{},
		NextWeekPlanned: map[string]int{},
		Money:           BuildMoney(w.Start(), w.End(), nil, nil, nil),
		Targets:         []TargetProgress{},
	}
	for _, it := range items {
		if it.Status == StatusPlanned && it.Kind != KindLeave && w.Contains(it.Start) {
			r.CarriedOver = append(r.CarriedOver, it.ID)
		}
	}
	sort.Slice(r.CarriedOver, func(i, j int) bool { return r.CarriedOver[i] < r.CarriedOver[j] })
	for userID, c := range next {
		if c.NotCancelled > 0 {
			r.NextWeekPlanned[userID] = c.NotCancelled
		}
	}
	for _, m := range members {
		if r.Names[m.UserID] == "" {
			r.Names[m.UserID] = m.Name
		}
	}
	return r
}

// Retro builds a team's retrospective of week w from the store. It reads the
// items of w and of the week before in full, and only counts of the others,
// so that a year of a large team's items costs little (BENCHMARKS.md).
func (s *Service) Retro(ctx context.Context, teamID string, w Week) (Retro, error) {
	team, err := s.store.Team(ctx, teamID)
	if err != nil {
		return Retro{}, err
	}
	both, err := s.store.ItemsStarting(ctx, teamID, "", w.Prev().Start(), w.End())
	if err != nil {
		return Retro{}, err
	}
	var items, previous []Item
	for _, it := range both {
		if w.Contains(it.Start) {
			items = append(items, it)
		} else {
			previous = append(previous, it)
		}
	}
	next, err := s.store.CountItems(ctx, teamID, w.Next().Start(), w.Next().End())
	if err != nil {
		return Retro{}, err
	}
	before, err := s.store.CountItems(ctx, teamID, w.Start().AddDays(-7*ActiveWeeks), w.Start().AddDays(-1))
	if err != nil {
		return Retro{}, err
	}
	active := make([]string, 0, len(before))
	for userID := range before {
		active = append(active, userID)
	}
	notes, err := s.store.Notes(ctx, teamID, w)
	if err != nil {
		return Retro{}, err
	}
	members, err := s.store.Members(ctx, teamID)
	if err != nil {
		return Retro{}, err
	}
	leaves, err := s.store.Leaves(ctx, teamID, w.Start(), w.End())
	if err != nil {
		return Retro{}, err
	}
	r := BuildRetro(team, w, items, previous, next, active, notes, members)
	r.SetLeaves(leaves)
	if r.Index, err = s.ActivityIndex(ctx, teamID, w.Start(), w.End()); err != nil {
		return Retro{}, err
	}
	if r.Pipeline, err = s.pipelineWeek(ctx, teamID, w, items); err != nil {
		return Retro{}, err
	}
	if r.Money, err = s.Money(ctx, teamID, w.Start(), w.End()); err != nil {
		return Retro{}, err
	}
	r.Targets, err = s.TargetProgress(ctx, teamID, "", w.Start(), w.End(), w.End())
	return r, err
}

// pipelineWeek reads and builds the pipeline section of week w's
// retrospective, whose items are given.
func (s *Service) pipelineWeek(ctx context.Context, teamID string, w Week, items []Item) (PipelineWeek, error) {
	start := s.dayStart(w.Start())
	companies, changes, err := s.pipelineAsOf(ctx, teamID, start.AddDate(0, 0, 7), w.End())
	if err != nil || len(companies) == 0 {
		return BuildPipelineWeek(w, nil, nil, nil, nil, s.Loc), err
	}
	links, err := s.store.CompanyLinks(ctx, teamID, w.Start(), w.End())
	if err != nil {
		return PipelineWeek{}, err
	}
	moves := changes[:0:0]
	for _, c := range changes {
		if !c.At.Before(start) {
			moves = append(moves, c)
		}
	}
	p := BuildPipelineWeek(w, items, existingLinks(links, companies), moves, companies, s.Loc)
	asOf := w.End()
	if today := s.Today(); today.Before(asOf) {
		asOf = today
	}
	p.Overdue = overdueOf(companiesOf(companies), asOf)
	return p, nil
}

// existingLinks returns links without the companies not among companies: an
// item of a past week edited since may name a company added after it.
func existingLinks(links map[int64][]Company, companies []CompanyView) map[int64][]Company {
	known := make(map[int64]bool, len(companies))
	for _, c := range companies {
		known[c.ID] = true
	}
	kept := make(map[int64][]Company, len(links))
	for id, linked := range links {
		for _, c := range linked {
			if known[c.ID] {
				kept[id] = append(kept[id], c)
			}
		}
	}
	return kept
}
