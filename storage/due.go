package storage

import (
	"context"
	"database/sql"

	"planbot/planner"
)

// SetCompanyDue gives company id of team teamID deadline d, replacing any
// (the zero Deadline clears it), and returns the company; nothing else of it
// changes, its UpdatedAt neither: a deadline is no step made. An unknown
// company is a NotFound error.
func (db *DB) SetCompanyDue(ctx context.Context, teamID string, id int64, d planner.Deadline) (_ planner.Company, err error) {
	defer wrapErr(&err, "set company deadline")
	var stored planner.Company
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE companies SET due_date = ?, due_step = ? WHERE team_id = ? AND id = ?`,
			dueDate(d), d.Step, teamID, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil {
			return err
		} else if n == 0 {
			return noCompany("")
		}
		stored, err = company(ctx, tx, teamID, id)
		return err
	})
	return stored, err
}

// CompaniesDue lists the companies of team teamID that have a deadline, the
// earliest deadline first, then by id, with their owners' names.
func (db *DB) CompaniesDue(ctx context.Context, teamID string) (_ []planner.Company, err error) {
	defer wrapErr(&err, "companies with a deadline")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Company, error) {
		return queryAll(ctx, tx, scanCompany, companyColumns+`
			WHERE c.team_id = ? AND c.due_date IS NOT NULL ORDER BY c.due_date, c.id`, teamID)
	})
}

// dueDate is a deadline's day as stored: YYYY-MM-DD, or NULL for none.
func dueDate(d planner.Deadline) any {
	if d.IsZero() {
		return nil
	}
	return d.Date.String()
}

// scanDueDate reads a deadline's day as dueDate stores it: the zero Date for NULL.
func scanDueDate(s sql.NullString) (planner.Date, error) {
	if !s.Valid {
		return planner.Date{}, nil
	}
	return planner.ParseDate(s.String)
}
