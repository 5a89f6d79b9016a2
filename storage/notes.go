package storage

import (
	"context"
	"database/sql"

	"planbot/planner"
)

// SetNote stores member userID's note for week, replacing any earlier one. The
// member must exist. Its updated_at is SQLite's clock, as no instant is given.
func (db *DB) SetNote(ctx context.Context, teamID, userID string, week planner.Week, text string) (err error) {
	defer wrapErr(&err, "set note")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return upsertNote(ctx, tx, teamID, userID, week, text)
	})
}

// Notes returns the notes of team teamID for week, by user id. It returns an
// empty map when there are none.
func (db *DB) Notes(ctx context.Context, teamID string, week planner.Week) (_ map[string]string, err error) {
	defer wrapErr(&err, "notes")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (map[string]string, error) {
		notes, err := weekNotes(ctx, tx, teamID, week)
		if err != nil {
			return nil, err
		}
		return notes, nil
	})
}

func upsertNote(ctx context.Context, tx *sql.Tx, teamID, userID string, week planner.Week, text string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO notes (team_id, user_id, week, text, updated_at)
		VALUES (?, ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
		ON CONFLICT (team_id, user_id, week) DO UPDATE
		SET text = excluded.text, updated_at = excluded.updated_at`,
		teamID, userID, week.String(), text)
	return memberless(err, teamID, userID)
}

func weekNotes(ctx context.Context, tx *sql.Tx, teamID string, week planner.Week) (map[string]string, error) {
	rows, err := tx.QueryContext(ctx,
		`SELECT user_id, text FROM notes WHERE team_id = ? AND week = ?`,
		teamID, week.String())
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	notes := make(map[string]string)
	for rows.Next() {
		var userID, text string
		if err := rows.Scan(&userID, &text); err != nil {
			return nil, err
		}
		notes[userID] = text
	}
	return notes, rows.Err()
}
