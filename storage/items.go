package storage

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"planbot/planner"
)

// itemColumns selects the columns scanItem reads, with the owner's name from
// members.
//
// The name comes from a subquery, not a JOIN: measured, the JOIN on
// (team_id, user_id) with team_id bound made SQLite run its parser again on
// every execution of the prepared statement, four times the cost of a lookup.
const itemColumns = `
	SELECT i.team_id, i.id, i.user_id,
	       (SELECT m.name FROM members m WHERE m.team_id = i.team_id AND m.user_id = i.user_id),
	       i.start_date, i.end_date, i.kind, i.count, i.visits,
	       i.place, i.title, i.status, i.outcome, i.created_at, i.updated_at,
	       i.amount_wan, i.amount_currency
	FROM items i`

// AddItems stores items in one transaction, giving each the next id of its team,
// and records an "add" change by user by for each, at the item's CreatedAt and
// with its title as detail. Each item's UpdatedAt is set to its CreatedAt, which
// must not be zero, and its owner must be a member. It returns the items as
// stored, once they are committed to disk.
//
// The writer goroutine may commit the call in one transaction with other
// callers' (group commit), each call in its own savepoint: a call that fails
// stores nothing and takes no id, and does not fail the others. ctx is
// honoured until the writer takes the call; from then on AddItems waits for the
// outcome, so that an error always means that nothing was stored.
func (db *DB) AddItems(ctx context.Context, items []planner.Item, by string) (_ []planner.Item, err error) {
	defer wrapErr(&err, "add items")
	for _, it := range items {
		if it.CreatedAt.IsZero() {
			return nil, errors.New("item without CreatedAt")
		}
	}
	var stored []planner.Item
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		stored, err = addItems(ctx, tx, items, by)
		return err
	})
	return stored, err
}

// addItems stores items as AddItems describes, in a transaction: tx.
func addItems(ctx context.Context, tx *sql.Tx, items []planner.Item, by string) ([]planner.Item, error) {
	stored := make([]planner.Item, 0, len(items))
	for _, it := range items {
		it.UpdatedAt = it.CreatedAt
		id, err := insertItem(ctx, tx, it)
		if err != nil {
			return nil, err
		}
		change := planner.Change{TeamID: it.TeamID, ItemID: id, At: it.CreatedAt, By: by, Action: "add", Detail: it.Title}
		if err := insertChange(ctx, tx, change); err != nil {
			return nil, err
		}
		if err := linkCompanies(ctx, tx, it, id, it.Companies); err != nil {
			return nil, err
		}
		added, err := item(ctx, tx, it.TeamID, id)
		if err != nil {
			return nil, err
		}
		added.Companies = it.Companies
		stored = append(stored, added)
	}
	return stored, nil
}

// Item returns item id of team teamID, or a NotFound error.
func (db *DB) Item(ctx context.Context, teamID string, id int64) (_ planner.Item, err error) {
	defer wrapErr(&err, "item")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (planner.Item, error) {
		it, err := item(ctx, tx, teamID, id)
		if err != nil {
			return planner.Item{}, err
		}
		return it, nil
	})
}

// UpdateItem stores it's dates, kind, count, visits, place, title, amount, status and outcome,
// and, when it.Companies is not nil, makes those its only linked companies; sets
// its UpdatedAt to change.At (which must not be zero) and records change
// against item it.ID of team it.TeamID, all in one transaction. It returns the
// item as stored, or a NotFound error.
func (db *DB) UpdateItem(ctx context.Context, it planner.Item, change planner.Change) (_ planner.Item, err error) {
	defer wrapErr(&err, "update item")
	if change.At.IsZero() {
		return planner.Item{}, errors.New("change without At")
	}
	it.UpdatedAt = change.At
	change.TeamID, change.ItemID = it.TeamID, it.ID
	var stored planner.Item
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		if err := updateItem(ctx, tx, it); err != nil {
			return err
		}
		if it.Companies != nil { // an edit: the item's links are those of its new text
			if _, err := tx.ExecContext(ctx, `DELETE FROM item_companies WHERE team_id = ? AND item_id = ?`, it.TeamID, it.ID); err != nil {
				return err
			}
			if err := linkCompanies(ctx, tx, it, it.ID, it.Companies); err != nil {
				return err
			}
		}
		if err := insertChange(ctx, tx, change); err != nil {
			return err
		}
		stored, err = item(ctx, tx, it.TeamID, it.ID)
		if len(it.Companies) > 0 {
			stored.Companies = it.Companies
		}
		return err
	})
	return stored, err
}

// ItemsStarting lists the items of team teamID that start between from and to
// inclusive, only userID's unless userID is empty, ordered by start date then id.
func (db *DB) ItemsStarting(ctx context.Context, teamID, userID string, from, to planner.Date) (_ []planner.Item, err error) {
	defer wrapErr(&err, "items starting")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Item, error) {
		items, err := itemsStarting(ctx, tx, teamID, userID, from, to)
		if err != nil {
			return nil, err
		}
		return items, nil
	})
}

// CountItems counts each member's items of team teamID that start between
// from and to inclusive, all of them and those not cancelled, by user id.
// It reads the index items_team_start_user alone.
func (db *DB) CountItems(ctx context.Context, teamID string, from, to planner.Date) (_ map[string]planner.ItemCounts, err error) {
	defer wrapErr(&err, "count items")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (map[string]planner.ItemCounts, error) {
		rows, err := tx.QueryContext(ctx, `
			SELECT user_id, COUNT(*), COUNT(*) FILTER (WHERE status <> 'cancelled') FROM items
			WHERE team_id = ? AND start_date BETWEEN ? AND ?
			GROUP BY user_id`, teamID, from.String(), to.String())
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		counts := map[string]planner.ItemCounts{}
		for rows.Next() {
			var userID string
			var c planner.ItemCounts
			if err := rows.Scan(&userID, &c.All, &c.NotCancelled); err != nil {
				return nil, err
			}
			counts[userID] = c
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return counts, nil
	})
}

// History lists the changes of item id of team teamID, oldest first, or returns
// a NotFound error.
func (db *DB) History(ctx context.Context, teamID string, id int64) (_ []planner.Change, err error) {
	defer wrapErr(&err, "history")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Change, error) {
		if _, err := item(ctx, tx, teamID, id); err != nil {
			return nil, err
		}
		changes, err := history(ctx, tx, teamID, id)
		if err != nil {
			return nil, err
		}
		return changes, nil
	})
}

// insertItem stores it with the team's next id, from the team's counter
// (teams.last_item_id, which ForgetMember also keeps), so that no id is given
// twice, not even one whose item was erased.
func insertItem(ctx context.Context, tx *sql.Tx, it planner.Item) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT last_item_id + 1 FROM teams WHERE id = ?`, it.TeamID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("no team %q (EnsureMember first)", it.TeamID)
	}
	if err != nil {
		return 0, err
	}
	if _, err := tx.ExecContext(ctx, `UPDATE teams SET last_item_id = ? WHERE id = ?`, id, it.TeamID); err != nil {
		return 0, err
	}
	_, err = tx.ExecContext(ctx, `
		INSERT INTO items (team_id, id, user_id, start_date, end_date, kind, count, visits,
		                   place, title, status, outcome, created_at, updated_at, amount_wan, amount_currency)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.TeamID, id, it.UserID, it.Start.String(), it.End.String(), it.Kind, it.Count, it.Visits,
		it.Place, it.Title, it.Status, it.Outcome, formatTime(it.CreatedAt), formatTime(it.UpdatedAt),
		amountWan(it.Amount), amountCurrency(it.Amount),
	)
	return id, memberless(err, it.TeamID, it.UserID)
}

func updateItem(ctx context.Context, tx *sql.Tx, it planner.Item) error {
	res, err := tx.ExecContext(ctx, `
		UPDATE items SET start_date = ?, end_date = ?, kind = ?, count = ?, visits = ?, place = ?,
		                 title = ?, status = ?, outcome = ?, updated_at = ?, amount_wan = ?, amount_currency = ?
		WHERE team_id = ? AND id = ?`,
		it.Start.String(), it.End.String(), it.Kind, it.Count, it.Visits, it.Place,
		it.Title, it.Status, it.Outcome, formatTime(it.UpdatedAt), amountWan(it.Amount), amountCurrency(it.Amount),
		it.TeamID, it.ID)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return noItem(it.ID)
	}
	return nil
}

func insertChange(ctx context.Context, tx *sql.Tx, c planner.Change) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO item_history (team_id, item_id, at, by_user, action, detail)
		VALUES (?, ?, ?, ?, ?, ?)`,
		c.TeamID, c.ItemID, formatTime(c.At), c.By, c.Action, c.Detail)
	return err
}

func item(ctx context.Context, tx *sql.Tx, teamID string, id int64) (planner.Item, error) {
	row := tx.QueryRowContext(ctx, itemColumns+` WHERE i.team_id = ? AND i.id = ?`, teamID, id)
	it, err := scanItem(row)
	if errors.Is(err, sql.ErrNoRows) {
		return planner.Item{}, noItem(id)
	}
	return it, err
}

func itemsStarting(ctx context.Context, tx *sql.Tx, teamID, userID string, from, to planner.Date) ([]planner.Item, error) {
	// Two statements rather than one with (? = '' OR user_id = ?): a
	// parameter compared with a constant made SQLite prepare the statement
	// again on every run (BENCHMARKS.md).
	query, args := itemColumns+`
		WHERE i.team_id = ? AND i.start_date BETWEEN ? AND ?`, []any{teamID, from.String(), to.String()}
	if userID != "" {
		// Without statistics (ANALYZE) SQLite picks the team's index and
		// scans the whole team's week for a member's few items.
		query, args = itemColumns+` INDEXED BY items_team_user_start
		WHERE i.team_id = ? AND i.user_id = ? AND i.start_date BETWEEN ? AND ?`, []any{teamID, userID, from.String(), to.String()}
	}
	items, err := queryItems(ctx, tx, query, args...)
	// Sorted here, not by ORDER BY: SQLite's sorter takes whole rows
	// through it, far slower than Go's sort of a week's few items.
	slices.SortFunc(items, func(a, b planner.Item) int {
		return cmp.Or(cmp.Compare(a.Start.Year, b.Start.Year), cmp.Compare(a.Start.Month, b.Start.Month),
			cmp.Compare(a.Start.Day, b.Start.Day), cmp.Compare(a.ID, b.ID))
	})
	return items, err
}

// queryItems runs a query of itemColumns and reads its rows.
func queryItems(ctx context.Context, tx *sql.Tx, query string, args ...any) ([]planner.Item, error) {
	return queryAll(ctx, tx, scanItem, query, args...)
}

func history(ctx context.Context, tx *sql.Tx, teamID string, id int64) ([]planner.Change, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT at, by_user, action, detail FROM item_history
		WHERE team_id = ? AND item_id = ? ORDER BY seq`, teamID, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var changes []planner.Change
	for rows.Next() {
		c := planner.Change{TeamID: teamID, ItemID: id}
		var at string
		if err := rows.Scan(&at, &c.By, &c.Action, &c.Detail); err != nil {
			return nil, err
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, rows.Err()
}

// scanner is a *sql.Row or *sql.Rows.
type scanner interface{ Scan(dest ...any) error }

// scanItem reads the columns of itemColumns.
func scanItem(s scanner) (planner.Item, error) {
	var it planner.Item
	var start, end, created, updated string
	var wan sql.NullInt64
	var currency sql.NullString
	err := s.Scan(&it.TeamID, &it.ID, &it.UserID, &it.UserName, &start, &end, &it.Kind, &it.Count, &it.Visits,
		&it.Place, &it.Title, &it.Status, &it.Outcome, &created, &updated, &wan, &currency)
	if err != nil {
		return planner.Item{}, err
	}
	it.Amount = scanAmount(wan, currency)
	if it.Start, err = planner.ParseDate(start); err != nil {
		return planner.Item{}, fmt.Errorf("item %d start: %w", it.ID, err)
	}
	if it.End, err = planner.ParseDate(end); err != nil {
		return planner.Item{}, fmt.Errorf("item %d end: %w", it.ID, err)
	}
	if it.CreatedAt, err = parseTime(created); err != nil {
		return planner.Item{}, err
	}
	if it.UpdatedAt, err = parseTime(updated); err != nil {
		return planner.Item{}, err
	}
	return it, nil
}
