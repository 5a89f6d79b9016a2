package storage

import (
	"context"
	"database/sql"

	"planbot/planner"
)

// WeeklyTotals sums the items of team teamID of the given kind that start
// between from and to inclusive, by the ISO week they start in: items, their
// counts and their visits (a trip's enterprises), all and done. Cancelled items count nowhere; weeks without
// any item are absent. It reads at most one row per day of the range (the
// retrospective's chart asks for 8 weeks: 56).
func (db *DB) WeeklyTotals(ctx context.Context, teamID string, kind planner.Kind, from, to planner.Date) (_ map[planner.Week]planner.Totals, err error) {
	defer wrapErr(&err, "weekly totals")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (map[planner.Week]planner.Totals, error) {
		totals, err := weeklyTotals(ctx, tx, teamID, kind, from, to)
		if err != nil {
			return nil, err
		}
		return totals, nil
	})
}

// weeklyTotals groups by day in SQL and by week here: the day is what the
// index (team_id, start_date …) orders by, and planner.WeekOf is the one
// definition of a week.
func weeklyTotals(ctx context.Context, tx *sql.Tx, teamID string, kind planner.Kind, from, to planner.Date) (map[planner.Week]planner.Totals, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT start_date,
		       COUNT(*),
		       COUNT(*) FILTER (WHERE status = 'done'),
		       SUM(count),
		       COALESCE(SUM(count) FILTER (WHERE status = 'done'), 0),
		       SUM(visits),
		       COALESCE(SUM(visits) FILTER (WHERE status = 'done'), 0)
		FROM items
		WHERE team_id = ? AND start_date BETWEEN ? AND ? AND kind = ? AND status <> 'cancelled'
		GROUP BY start_date`,
		teamID, from.String(), to.String(), kind)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	totals := map[planner.Week]planner.Totals{}
	for rows.Next() {
		var start string
		var day planner.Totals
		if err := rows.Scan(&start, &day.Items, &day.DoneItems, &day.Count, &day.DoneCount, &day.Visits, &day.DoneVisits); err != nil {
			return nil, err
		}
		d, err := planner.ParseDate(start)
		if err != nil {
			return nil, err
		}
		w := planner.WeekOf(d)
		t := totals[w]
		t.Items += day.Items
		t.DoneItems += day.DoneItems
		t.Count += day.Count
		t.DoneCount += day.DoneCount
		t.Visits += day.Visits
		t.DoneVisits += day.DoneVisits
		totals[w] = t
	}
	return totals, rows.Err()
}
