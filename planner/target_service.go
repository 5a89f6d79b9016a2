package planner

import (
	"context"
	"slices"
	"sort"
)

// SetTargets reads an admin's target line (ParseTargetLine) and stores what
// it sets, all of it or nothing: each goal replaces that metric's target for
// the period and scope, a goal of 0 removes it, and clear removes every
// target of the period and scope. The period must be this year or next (or
// one of their quarters); a member must be one of the team's. Only admins
// may. A line that sets nothing is returned as read, and nothing is stored.
func (s *Service) SetTargets(ctx context.Context, a Actor, text string) (TargetLine, error) {
	if err := CheckAdmin(a); err != nil {
		return TargetLine{}, err
	}
	line, err := ParseTargetLine(text)
	if err != nil {
		return TargetLine{}, err
	}
	if year := s.Today().Year; line.Period.Year < year || line.Period.Year > year+1 {
		return TargetLine{}, Errorf(Invalid, ReasonTargetPeriod, line.Period.String())
	}
	if line.Member != "" {
		members, err := s.store.Members(ctx, a.TeamID)
		if err != nil {
			return TargetLine{}, err
		}
		i := slices.IndexFunc(members, func(m Member) bool { return m.UserID == line.Member })
		if i < 0 {
			return TargetLine{}, Errorf(Invalid, ReasonBadTarget, line.Member)
		}
		line.MemberName = OneLine(members[i].Name)
	}
	if !line.Sets() {
		return line, nil
	}
	at := s.now().UTC()
	var targets []Target
	if line.Clear {
		stored, err := s.store.Targets(ctx, a.TeamID)
		if err != nil {
			return TargetLine{}, err
		}
		for _, t := range stored {
			if t.Period == line.Period && t.UserID == line.Member {
				line.Goals[t.Metric] = 0
			}
		}
	}
	for _, m := range Metrics {
		if goal, ok := line.Goals[m]; ok {
			targets = append(targets, Target{TeamID: a.TeamID, Period: line.Period, UserID: line.Member, Metric: m,
				Goal: goal, SetBy: a.UserID, SetAt: at})
		}
	}
	if len(targets) == 0 {
		return line, nil // clear, with nothing set
	}
	return line, s.store.SetTargets(ctx, a.TeamID, targets)
}

// TargetProgress returns how far each of a team's targets whose period
// overlaps the days from from to to is done at day asOf: every target (the
// team's and each member's) when member is "", else that member's only.
// Done counts from the target's period's first day to asOf, or its last day
// if earlier; the signed projects and amount as Money counts them (a
// member's: the projects credited to them), the visits and the kinds from
// the done items that start in those days (a member's: their own). They
// come the years first, then the quarters; the team's before the members'
// (by name); metrics in the order of Metrics. A team without targets costs
// one read.
func (s *Service) TargetProgress(ctx context.Context, teamID, member string, from, to, asOf Date) ([]TargetProgress, error) {
	stored, err := s.store.Targets(ctx, teamID)
	if err != nil {
		return nil, err
	}
	var targets []Target
	for _, t := range stored {
		if t.Period.overlaps(from, to) && (member == "" || t.UserID == member) {
			targets = append(targets, t)
		}
	}
	progress := []TargetProgress{}
	if len(targets) == 0 {
		return progress, nil
	}
	names, err := s.memberNames(ctx, teamID, targets)
	if err != nil {
		return nil, err
	}
	done := map[TargetPeriod]*periodDone{}
	for _, t := range targets {
		pd := done[t.Period]
		if pd == nil {
			if pd, err = s.periodDone(ctx, teamID, t.Period, asOf, targets); err != nil {
				return nil, err
			}
			done[t.Period] = pd
		}
		progress = append(progress, newTargetProgress(t, names[t.UserID], pd.of(t), asOf))
	}
	sortProgress(progress)
	return progress, nil
}

// memberNames returns the names of the team's members, by user id, when
// any of targets is a member's (one read), else none.
func (s *Service) memberNames(ctx context.Context, teamID string, targets []Target) (map[string]string, error) {
	names := map[string]string{}
	if !slices.ContainsFunc(targets, func(t Target) bool { return t.UserID != "" }) {
		return names, nil
	}
	members, err := s.store.Members(ctx, teamID)
	for _, m := range members {
		names[m.UserID] = OneLine(m.Name)
	}
	return names, err
}

// periodDone is what was done in a target period up to a day: its money
// and its done items (only those a target of the period needs are read).
type periodDone struct {
	money Money
	items []Item
}

// periodDone reads what was done in period p from its first day to asOf
// (or its last day, if earlier), for the targets of p among targets.
func (s *Service) periodDone(ctx context.Context, teamID string, p TargetPeriod, asOf Date, targets []Target) (*periodDone, error) {
	pd := &periodDone{}
	end := p.End()
	if asOf.Before(end) {
		end = asOf
	}
	if end.Before(p.Start()) {
		return pd, nil // not begun
	}
	var money, items bool
	for _, t := range targets {
		if t.Period == p {
			money = money || t.Metric == MetricSigned || t.Metric == MetricAmount
			items = items || t.Metric != MetricSigned && t.Metric != MetricAmount
		}
	}
	var err error
	if money {
		if pd.money, err = s.Money(ctx, teamID, p.Start(), end); err != nil {
			return nil, err
		}
	}
	if items {
		if pd.items, err = s.store.ItemsStarting(ctx, teamID, "", p.Start(), end); err != nil {
			return nil, err
		}
	}
	return pd, nil
}

// of is what was done towards target t.
func (pd *periodDone) of(t Target) int64 {
	money := pd.money
	if t.UserID != "" {
		money = money.Of(t.UserID)
	}
	switch t.Metric {
	case MetricSigned:
		return int64(money.SignedProjects)
	case MetricAmount:
		return money.SignedWan
	}
	totals := map[Kind]Totals{}
	for _, it := range pd.items {
		if it.Status != StatusDone || t.UserID != "" && it.UserID != t.UserID {
			continue
		}
		k := totals[it.Kind]
		k.DoneCount += it.Count
		k.DoneVisits += it.Visits
		totals[it.Kind] = k
	}
	if t.Metric == MetricVisits {
		return int64(EnterprisesMet(totals).Done)
	}
	return int64(totals[Kind(t.Metric)].DoneCount)
}

// sortProgress orders progress as TargetProgress returns it.
func sortProgress(progress []TargetProgress) {
	rank := map[Metric]int{}
	for i, m := range Metrics {
		rank[m] = i
	}
	sort.SliceStable(progress, func(i, j int) bool {
		a, b := progress[i], progress[j]
		switch {
		case (a.Period.Quarter == 0) != (b.Period.Quarter == 0):
			return a.Period.Quarter == 0
		case a.Period != b.Period:
			return a.Period.Start().Before(b.Period.Start())
		case (a.Member == "") != (b.Member == ""):
			return a.Member == ""
		case a.MemberName != b.MemberName:
			return a.MemberName < b.MemberName
		case a.Member != b.Member:
			return a.Member < b.Member
		}
		return rank[a.Metric] < rank[b.Metric]
	})
}
