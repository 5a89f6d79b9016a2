package storage

import (
	"context"
	"database/sql"
	"errors"

	"planbot/planner"
)

// ForgetMember erases member userID of team teamID for good, in one
// transaction: their items and those items' history, their notes, the sends
// addressed to them (reminders), their targets and the member row. Rows of other members and
// other teams are left alone: a change the member made to someone else's item
// stays in that item's history, and the team's retrospective sends stay. The
// team remembers the highest item id it gave out, so that no erased id is
// given again. It returns how many items were erased, or a NotFound error
// (Reason no_member, Detail the user id) if the team has no such member.
func (db *DB) ForgetMember(ctx context.Context, teamID, userID string) (items int, err error) {
	defer wrapErr(&err, "forget member")
	if userID == "" {
		// recipient '' is the team's channel: never forget its sends.
		return 0, noMember(userID)
	}
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		if _, err := member(ctx, tx, teamID, userID); errors.Is(err, sql.ErrNoRows) {
			return noMember(userID)
		} else if err != nil {
			return err
		}
		items, err = forgetMember(ctx, tx, teamID, userID)
		return err
	})
	return items, err
}

// noMember is the NotFound error for a user id that is not a member of the team.
func noMember(userID string) error {
	return planner.Errorf(planner.NotFound, planner.ReasonNoMember, userID)
}

// forgetMember deletes what ForgetMember erases, children before parents so
// that the foreign keys hold at every step, and returns how many items went.
func forgetMember(ctx context.Context, tx *sql.Tx, teamID, userID string) (int, error) {
	if _, err := tx.ExecContext(ctx, `
		UPDATE teams SET last_item_id = MAX(last_item_id,
			COALESCE((SELECT MAX(id) FROM items WHERE team_id = ?), 0))
		WHERE id = ?`, teamID, teamID); err != nil {
		return 0, err
	}
	for _, child := range []string{"item_history", "item_companies"} {
		if _, err := tx.ExecContext(ctx, `
			DELETE FROM `+child+`
			WHERE team_id = ? AND item_id IN (SELECT id FROM items WHERE team_id = ? AND user_id = ?)`,
			teamID, teamID, userID); err != nil {
			return 0, err
		}
	}
	// Their companies stay the team's, unowned; the stage changes they made
	// keep their user id, as item history does.
	if _, err := tx.ExecContext(ctx, `UPDATE companies SET owner_id = '' WHERE team_id = ? AND owner_id = ?`,
		teamID, userID); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM items WHERE team_id = ? AND user_id = ?`, teamID, userID)
	if err != nil {
		return 0, err
	}
	items, err := res.RowsAffected()
	if err != nil {
		return 0, err
	}
	for _, stmt := range []string{
		`DELETE FROM notes WHERE team_id = ? AND user_id = ?`,
		`DELETE FROM sends WHERE team_id = ? AND recipient = ?`,
		`DELETE FROM targets WHERE team_id = ? AND user_id = ?`,
		`DELETE FROM members WHERE team_id = ? AND user_id = ?`,
	} {
		if _, err := tx.ExecContext(ctx, stmt, teamID, userID); err != nil {
			return 0, err
		}
	}
	return int(items), nil
}
