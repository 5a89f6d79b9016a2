package planner

import (
	"context"
	"maps"
	"time"
)

// IndexSettings returns a team's activity index settings.
func (s *Service) IndexSettings(ctx context.Context, teamID string) (IndexSettings, error) {
	return s.store.IndexSettings(ctx, teamID)
}

// SetIndexOn turns the team's activity index on or off; only admins may.
func (s *Service) SetIndexOn(ctx context.Context, a Actor, on bool) (IndexSettings, error) {
	return s.updateIndex(ctx, a, func(set *IndexSettings) error {
		set.On = on
		return nil
	})
}

// SetIndexWeights sets the weights an admin's line gives (parseIndexWeights):
// the measures it names take their new weights, the others keep theirs.
// Only admins may; a line parseIndexWeights refuses changes nothing.
func (s *Service) SetIndexWeights(ctx context.Context, a Actor, text string) (IndexSettings, error) {
	return s.updateIndex(ctx, a, func(set *IndexSettings) error {
		weights, err := parseIndexWeights(text)
		if err != nil {
			return err
		}
		maps.Copy(set.Weights, weights)
		return nil
	})
}

// updateIndex changes the team's activity index settings, if the actor is
// an admin and change accepts, and stores them.
func (s *Service) updateIndex(ctx context.Context, a Actor, change func(*IndexSettings) error) (IndexSettings, error) {
	if err := CheckAdmin(a); err != nil {
		return IndexSettings{}, err
	}
	set, err := s.store.IndexSettings(ctx, a.TeamID)
	if err != nil {
		return IndexSettings{}, err
	}
	if err := change(&set); err != nil {
		return IndexSettings{}, err
	}
	return set, s.store.SetIndexSettings(ctx, a.TeamID, set)
}

// ActivityIndex returns the team's activity index (BuildIndex) over the days
// from..to, in the service's zone, or nil when the team has it off.
func (s *Service) ActivityIndex(ctx context.Context, teamID string, from, to Date) (*Index, error) {
	set, err := s.store.IndexSettings(ctx, teamID)
	if err != nil || !set.On {
		return nil, err
	}
	items, err := s.store.ItemsStarting(ctx, teamID, "", from, to)
	if err != nil {
		return nil, err
	}
	// Every stage change up to the period's end: a company's first move to
	// construction counts only once, whenever it is.
	end := time.Date(to.Year, to.Month, to.Day, 0, 0, 0, 0, s.Loc).AddDate(0, 0, 1)
	changes, err := s.store.StageChanges(ctx, teamID, time.Time{}, end)
	if err != nil {
		return nil, err
	}
	members, err := s.store.Members(ctx, teamID)
	if err != nil {
		return nil, err
	}
	ix := BuildIndex(set.Weights, from, to, items, changes, members, s.Loc)
	return &ix, nil
}
