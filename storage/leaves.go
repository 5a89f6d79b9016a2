package storage

import (
	"context"
	"database/sql"

	"planbot/planner"
)

// Leaves lists the leaves of team teamID (items of kind leave, not
// cancelled) that cover any day from from to to inclusive, ordered by start
// date then id. It reads the partial index items_team_leave_end: the team's
// leaves that end on or after from, however long ago they started.
func (db *DB) Leaves(ctx context.Context, teamID string, from, to planner.Date) (_ []planner.Item, err error) {
	defer wrapErr(&err, "leaves")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Item, error) {
		// kind and status are written out, not bound: only then does SQLite
		// know that the partial index holds every row the query wants.
		items, err := queryItems(ctx, tx, itemColumns+` INDEXED BY items_team_leave_end
			WHERE i.team_id = ? AND i.kind = 'leave' AND i.status <> 'cancelled'
			  AND i.end_date >= ? AND i.start_date <= ?
			ORDER BY i.start_date, i.id`, teamID, from.String(), to.String())
		if err != nil {
			return nil, err
		}
		return items, nil
	})
}
