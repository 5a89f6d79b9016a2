package planner

import (
	"context"
	"slices"
	"time"
)

// The pipeline of a past week or period as it stood when it ended, rebuilt
// from the stage history: a company moved since shows at the stage it had
// then, and one added since is not in it.

// PipelineAt returns the team's companies as they stood at the end of day
// (as they stand, for today or later), in stage order and then by id, each
// with its last contact and next item as of day or today, whichever is first.
func (s *Service) PipelineAt(ctx context.Context, teamID string, day Date) ([]CompanyView, error) {
	asOf := day
	if today := s.Today(); today.Before(asOf) {
		asOf = today
	}
	views, _, err := s.pipelineAsOf(ctx, teamID, s.dayStart(day).AddDate(0, 0, 1), asOf)
	slices.SortStableFunc(views, func(x, y CompanyView) int {
		return slices.Index(Stages, x.Stage) - slices.Index(Stages, y.Stage)
	})
	return views, err
}

// pipelineAsOf reads the team's companies as they stood at instant end
// (companiesAsOf), with their last contact up to day and their next item
// from day on (Store.Pipeline), and every stage change made before end,
// oldest first: one read of the history.
func (s *Service) pipelineAsOf(ctx context.Context, teamID string, end time.Time, day Date) ([]CompanyView, []StageChange, error) {
	companies, err := s.store.Pipeline(ctx, teamID, day)
	if err != nil || len(companies) == 0 {
		return nil, nil, err
	}
	changes, err := s.store.StageChanges(ctx, teamID, time.Time{}, end)
	if err != nil {
		return nil, nil, err
	}
	return companiesAsOf(companies, changes, end), changes, nil
}

// dayStart is the instant day d begins in the service's zone.
func (s *Service) dayStart(d Date) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, s.Loc)
}

// companiesAsOf returns companies as they stood at instant end, given the
// stage changes made before it, oldest first: each at the stage its last
// change before end gave it, last updated no later than that change when it
// has been updated since; one with no change before end and created at end
// or later did not exist yet and is left out.
func companiesAsOf(companies []CompanyView, changes []StageChange, end time.Time) []CompanyView {
	last := make(map[int64]StageChange, len(companies))
	for _, c := range changes {
		last[c.CompanyID] = c
	}
	then := make([]CompanyView, 0, len(companies))
	for _, v := range companies {
		c, ok := last[v.ID]
		switch {
		case ok:
			v.Stage = c.To
			if !v.UpdatedAt.Before(end) {
				v.UpdatedAt = c.At
			}
		case !v.CreatedAt.Before(end):
			continue
		}
		then = append(then, v)
	}
	return then
}
