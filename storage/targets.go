package storage

import (
	"context"
	"database/sql"
	"fmt"

	"planbot/planner"
)

// SetTargets stores targets of team teamID in one transaction: each replaces
// the target of its period, member and metric, and one whose Goal is 0
// removes it. A metric or period the schema does not know fails the whole
// write with an Internal error, and nothing is stored.
func (db *DB) SetTargets(ctx context.Context, teamID string, targets []planner.Target) (err error) {
	defer wrapErr(&err, "set targets")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		for _, t := range targets {
			if err := setTarget(ctx, tx, teamID, t); err != nil {
				return err
			}
		}
		return nil
	})
}

// Targets lists the targets of team teamID, ordered by period, member and metric.
func (db *DB) Targets(ctx context.Context, teamID string) (_ []planner.Target, err error) {
	defer wrapErr(&err, "targets")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Target, error) {
		return queryAll(ctx, tx, scanTarget, `
			SELECT team_id, period, user_id, metric, goal, set_by, set_at FROM targets
			WHERE team_id = ? ORDER BY period, user_id, metric`, teamID)
	})
}

func setTarget(ctx context.Context, tx *sql.Tx, teamID string, t planner.Target) error {
	if t.Goal == 0 {
		_, err := tx.ExecContext(ctx, `DELETE FROM targets WHERE team_id = ? AND period = ? AND user_id = ? AND metric = ?`,
			teamID, t.Period.String(), t.UserID, t.Metric)
		return err
	}
	_, err := tx.ExecContext(ctx, `
		INSERT INTO targets (team_id, period, user_id, metric, goal, set_by, set_at) VALUES (?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (team_id, period, user_id, metric) DO UPDATE
		SET goal = excluded.goal, set_by = excluded.set_by, set_at = excluded.set_at`,
		teamID, t.Period.String(), t.UserID, t.Metric, t.Goal, t.SetBy, formatTime(t.SetAt))
	return err
}

// scanTarget reads a target's columns, in the order Targets selects them.
func scanTarget(s scanner) (planner.Target, error) {
	var (
		t             planner.Target
		period, setAt string
	)
	if err := s.Scan(&t.TeamID, &period, &t.UserID, &t.Metric, &t.Goal, &t.SetBy, &setAt); err != nil {
		return planner.Target{}, err
	}
	p, ok := planner.ParseTargetPeriod(period)
	if !ok {
		return planner.Target{}, fmt.Errorf("target of team %q: period %q", t.TeamID, period)
	}
	at, err := parseTime(setAt)
	if err != nil {
		return planner.Target{}, fmt.Errorf("target of team %q: set_at: %w", t.TeamID, err)
	}
	t.Period, t.SetAt = p, at
	return t, nil
}
