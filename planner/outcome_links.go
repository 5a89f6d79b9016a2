package planner

import (
	"context"
	"slices"
)

// outcomeLinks returns the companies item it is to be linked to once its
// outcome names the companies named: those its title names, as Add linked
// them, then each of named it lacks.
func (s *Service) outcomeLinks(ctx context.Context, a Actor, it Item, named []Company) ([]Company, error) {
	links, _, err := s.companiesIn(ctx, a, it.Title)
	if err != nil {
		return nil, err
	}
	for _, c := range named {
		if !slices.ContainsFunc(links, func(l Company) bool { return l.ID == c.ID }) {
			links = append(links, c)
		}
	}
	return links, nil
}
