package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"planbot/planner"
)

// indexColumns are the activity_index table's weight columns, one for each
// planner.Measure, in the order of planner.Measures.
var indexColumns = func() []string {
	cols := make([]string, len(planner.Measures))
	for i, m := range planner.Measures {
		cols[i] = string(m)
	}
	return cols
}()

// IndexSettings returns team teamID's activity index settings: off, with
// planner.DefaultIndexWeights, when none were ever stored.
func (db *DB) IndexSettings(ctx context.Context, teamID string) (_ planner.IndexSettings, err error) {
	defer wrapErr(&err, "index settings")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (planner.IndexSettings, error) {
		return indexSettings(ctx, tx, teamID)
	})
}

// SetIndexSettings stores team teamID's activity index settings, replacing
// any earlier ones: whether it is on and the weight of every planner.Measure
// (a measure s.Weights lacks is stored as 0). The team must exist; a weight
// below 0 or above 1000 is refused with an Internal error
// and nothing is changed.
func (db *DB) SetIndexSettings(ctx context.Context, teamID string, s planner.IndexSettings) (err error) {
	defer wrapErr(&err, "set index settings")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return upsertIndexSettings(ctx, tx, teamID, s)
	})
}

func indexSettings(ctx context.Context, tx *sql.Tx, teamID string) (planner.IndexSettings, error) {
	s := planner.IndexSettings{Weights: map[planner.Measure]int{}}
	weights := make([]int, len(planner.Measures))
	dest := []any{&s.On}
	for i := range weights {
		dest = append(dest, &weights[i])
	}
	err := tx.QueryRowContext(ctx, `SELECT enabled, `+strings.Join(indexColumns, ", ")+
		` FROM activity_index WHERE team_id = ?`, teamID).Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return planner.IndexSettings{Weights: planner.DefaultIndexWeights()}, nil
	}
	if err != nil {
		return planner.IndexSettings{}, err
	}
	for i, m := range planner.Measures {
		s.Weights[m] = weights[i]
	}
	return s, nil
}

func upsertIndexSettings(ctx context.Context, tx *sql.Tx, teamID string, s planner.IndexSettings) error {
	args := []any{teamID, s.On}
	updates := []string{"enabled = excluded.enabled"}
	for _, m := range planner.Measures {
		args = append(args, s.Weights[m])
		updates = append(updates, fmt.Sprintf("%s = excluded.%[1]s", m))
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO activity_index (team_id, enabled, `+strings.Join(indexColumns, ", ")+`)
		VALUES (?, ?`+strings.Repeat(", ?", len(indexColumns))+`)
		ON CONFLICT (team_id) DO UPDATE SET `+strings.Join(updates, ", "), args...)
	if err != nil {
		return fmt.Errorf("activity index of team %q: %w", teamID, err)
	}
	return nil
}
