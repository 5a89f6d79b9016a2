package planner

import "context"

// Board is what a team's week report holds: the retrospective's totals, the
// members, the items on the week's days and the pipeline as the week ended.
type Board struct {
	Team    Team
	Week    Week
	Members []Member // the board's rows (anyone else with an item gets one too)
	Items   []Item   // the items on the week's days: those that start in it and earlier ones that run into it
	Retro   Retro    // the week's totals and members, as the retrospective counts them
	// Pipeline is the companies the team courts; for a past week, as they
	// stood when it ended.
	Pipeline []CompanyView
}

// BoardLookback is how many days before a week an item may start and still be
// on the week's board, on the days it runs into the week (a trip from Friday
// to Monday shows on Monday).
const BoardLookback = 31

// Board reads week w of team: the retrospective's totals, the team's members,
// the items on the week's days and its pipeline.
func (s *Service) Board(ctx context.Context, team Team, w Week) (Board, error) {
	retro, err := s.Retro(ctx, team.ID, w)
	if err != nil {
		return Board{}, err
	}
	members, err := s.store.Members(ctx, team.ID)
	if err != nil {
		return Board{}, err
	}
	items, err := s.store.ItemsStarting(ctx, team.ID, "", w.Start().AddDays(-BoardLookback), w.End())
	if err != nil {
		return Board{}, err
	}
	pipeline, err := s.PipelineAt(ctx, team.ID, w.End()) // a past week's report shows the pipeline as that week ended
	if err != nil {
		return Board{}, err
	}
	// A leave may have begun long before the lookback: the board shows it all the same.
	leaves, err := s.store.Leaves(ctx, team.ID, w.Start(), w.End())
	if err != nil {
		return Board{}, err
	}
	onBoard := items[:0]
	for _, it := range items {
		if !it.End.Before(w.Start()) {
			onBoard = append(onBoard, it)
		}
	}
	for _, it := range leaves {
		if it.Start.Before(w.Start().AddDays(-BoardLookback)) {
			onBoard = append(onBoard, it)
		}
	}
	return Board{Team: team, Week: w, Members: members, Items: onBoard, Retro: retro, Pipeline: pipeline}, nil
}
