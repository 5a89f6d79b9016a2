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

// ClaimSend records s as pending, with s.Attempts, s.DueAt and s.UpdatedAt,
// unless a send with its team, job, week, recipient and subject is stored. It returns
// the send as stored and whether this call created it: of concurrent claims of
// one send, exactly one creates it. s.State, s.MessageRef and s.Detail are not
// stored. s.DueAt and s.UpdatedAt must be set (by the caller's clock); the team
// must exist.
func (db *DB) ClaimSend(ctx context.Context, s planner.Send) (_ planner.Send, created bool, err error) {
	defer wrapErr(&err, "claim send")
	if s.DueAt.IsZero() || s.UpdatedAt.IsZero() {
		return planner.Send{}, false, fmt.Errorf("send %s: zero due or updated time", sendKey(s))
	}
	var stored planner.Send
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		if created, err = insertSend(ctx, tx, s); err != nil {
			return err
		}
		stored, err = oneSend(ctx, tx, s)
		return err
	})
	return stored, created, err
}

// UpdateSend stores the state, attempts, updated time, message id and detail
// of the send with s's team, job, week, recipient and subject, which ClaimSend must
// have created. s.UpdatedAt must be set.
func (db *DB) UpdateSend(ctx context.Context, s planner.Send) (err error) {
	defer wrapErr(&err, "update send")
	if s.UpdatedAt.IsZero() {
		return fmt.Errorf("send %s: zero updated time", sendKey(s))
	}
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return updateSend(ctx, tx, s)
	})
}

// PendingSends lists the pending sends of every team, ordered by due time,
// then team, job, week, recipient and subject.
func (db *DB) PendingSends(ctx context.Context) (_ []planner.Send, err error) {
	defer wrapErr(&err, "pending sends")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Send, error) {
		sends, err := pendingSends(ctx, tx)
		if err != nil {
			return nil, err
		}
		return sends, nil
	})
}

// Schedules returns the schedules team teamID's admins have set, ordered by
// job; a job never set is absent.
func (db *DB) Schedules(ctx context.Context, teamID string) (_ []planner.Schedule, err error) {
	defer wrapErr(&err, "schedules")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Schedule, error) {
		schedules, err := teamSchedules(ctx, tx, teamID)
		if err != nil {
			return nil, err
		}
		return schedules, nil
	})
}

// SetSchedule stores schedule s of team teamID, which must exist, replacing
// any earlier one for s.Job. A weekday, hour or minute out of range is refused
// with an Internal error and nothing is changed.
func (db *DB) SetSchedule(ctx context.Context, teamID string, s planner.Schedule) (err error) {
	defer wrapErr(&err, "set schedule")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return upsertSchedule(ctx, tx, teamID, s)
	})
}

// SetRemindOff stores whether a member, who must exist, wants no reminders.
func (db *DB) SetRemindOff(ctx context.Context, teamID, userID string, off bool) (err error) {
	defer wrapErr(&err, "set remind off")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return updateRemindOff(ctx, tx, teamID, userID, off)
	})
}

// ClaimRetroPart records part p of a posted retrospective unless a part with
// its team, channel, summary and name is stored, and reports whether this call
// recorded it: of concurrent claims of one part, exactly one does. p.ClaimedAt
// must be set (by the caller's clock); the team must exist.
func (db *DB) ClaimRetroPart(ctx context.Context, p planner.RetroPart) (created bool, err error) {
	defer wrapErr(&err, "claim retrospective part")
	if p.ClaimedAt.IsZero() {
		return false, fmt.Errorf("retrospective part %q of %s: zero claimed time", p.Part, p.SummaryRef)
	}
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `
			INSERT INTO retro_parts (team_id, channel, summary_ts, part, claimed_at)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (team_id, channel, summary_ts, part) DO NOTHING`,
			p.TeamID, p.Channel, p.SummaryRef, p.Part, formatTime(p.ClaimedAt))
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		created = n == 1
		return err
	})
	return created, err
}

// sendKey describes a send's key for error messages.
func sendKey(s planner.Send) string {
	return fmt.Sprintf("(team %q, job %q, week %s, recipient %q, subject %q)", s.TeamID, s.Job, s.Week, s.Recipient, s.Subject)
}

// sendColumns are a send's columns, in the order scanSend reads them.
const sendColumns = `team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts, detail, subject`

// scanSend reads the columns of sendColumns.
func scanSend(sc scanner) (planner.Send, error) {
	var (
		s                  planner.Send
		week, due, updated string
	)
	err := sc.Scan(&s.TeamID, &s.Job, &week, &s.Recipient, &s.State, &s.Attempts,
		&due, &updated, &s.MessageRef, &s.Detail, &s.Subject)
	if err != nil {
		return planner.Send{}, err
	}
	if s.Week, err = planner.ParseWeek(week); err != nil {
		return planner.Send{}, fmt.Errorf("send of team %q: week: %w", s.TeamID, err)
	}
	if s.DueAt, err = parseTime(due); err != nil {
		return planner.Send{}, fmt.Errorf("send %s: due_at: %w", sendKey(s), err)
	}
	if s.UpdatedAt, err = parseTime(updated); err != nil {
		return planner.Send{}, fmt.Errorf("send %s: updated_at: %w", sendKey(s), err)
	}
	return s, nil
}

// insertSend inserts s as pending unless its key is stored, and reports
// whether it did.
func insertSend(ctx context.Context, tx *sql.Tx, s planner.Send) (bool, error) {
	res, err := tx.ExecContext(ctx, `
		INSERT INTO sends (team_id, job, week, recipient, state, attempts, due_at, updated_at, subject)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (team_id, job, week, recipient, subject) DO NOTHING`,
		s.TeamID, s.Job, s.Week.String(), s.Recipient, planner.RunPending, s.Attempts,
		formatTime(s.DueAt), formatTime(s.UpdatedAt), s.Subject)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

func oneSend(ctx context.Context, tx *sql.Tx, s planner.Send) (planner.Send, error) {
	stored, err := scanSend(tx.QueryRowContext(ctx, `
		SELECT `+sendColumns+` FROM sends
		WHERE team_id = ? AND job = ? AND week = ? AND recipient = ? AND subject = ?`,
		s.TeamID, s.Job, s.Week.String(), s.Recipient, s.Subject))
	if errors.Is(err, sql.ErrNoRows) {
		return planner.Send{}, fmt.Errorf("send %s vanished after its claim", sendKey(s))
	}
	return stored, err
}

func updateSend(ctx context.Context, tx *sql.Tx, s planner.Send) error {
	res, err := tx.ExecContext(ctx, `
		UPDATE sends SET state = ?, attempts = ?, updated_at = ?, message_ts = ?, detail = ?
		WHERE team_id = ? AND job = ? AND week = ? AND recipient = ? AND subject = ?`,
		s.State, s.Attempts, formatTime(s.UpdatedAt), s.MessageRef, s.Detail,
		s.TeamID, s.Job, s.Week.String(), s.Recipient, s.Subject)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("no send %s (ClaimSend first)", sendKey(s))
	}
	return nil
}

// pendingSends reads the pending sends. The text of due_at does not sort as
// its instant does (RFC 3339 with nanoseconds drops trailing zeros: "…:00Z"
// sorts after "…:00.5Z"), so the final order is by the parsed time.
func pendingSends(ctx context.Context, tx *sql.Tx) ([]planner.Send, error) {
	sends, err := queryAll(ctx, tx, scanSend, `
		SELECT `+sendColumns+` FROM sends
		WHERE state = ? ORDER BY due_at, team_id, job, week, recipient, subject`,
		planner.RunPending)
	if err != nil {
		return nil, err
	}
	slices.SortStableFunc(sends, func(a, b planner.Send) int {
		return cmp.Or(a.DueAt.Compare(b.DueAt),
			cmp.Compare(a.TeamID, b.TeamID),
			cmp.Compare(a.Job, b.Job),
			cmp.Compare(a.Week.String(), b.Week.String()),
			cmp.Compare(a.Recipient, b.Recipient),
			cmp.Compare(a.Subject, b.Subject))
	})
	return sends, nil
}

func teamSchedules(ctx context.Context, tx *sql.Tx, teamID string) ([]planner.Schedule, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT job, weekday, hour, minute, off FROM schedules
		WHERE team_id = ? ORDER BY job`, teamID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var schedules []planner.Schedule
	for rows.Next() {
		var s planner.Schedule
		if err := rows.Scan(&s.Job, &s.Weekday, &s.Hour, &s.Minute, &s.Off); err != nil {
			return nil, err
		}
		schedules = append(schedules, s)
	}
	return schedules, rows.Err()
}

func upsertSchedule(ctx context.Context, tx *sql.Tx, teamID string, s planner.Schedule) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO schedules (team_id, job, weekday, hour, minute, off)
		VALUES (?, ?, ?, ?, ?, ?)
		ON CONFLICT (team_id, job) DO UPDATE SET
			weekday = excluded.weekday, hour = excluded.hour,
			minute = excluded.minute, off = excluded.off`,
		teamID, s.Job, int(s.Weekday), s.Hour, s.Minute, s.Off)
	if err != nil {
		return fmt.Errorf("schedule %q of team %q: %w", s.Job, teamID, err)
	}
	return nil
}

func updateRemindOff(ctx context.Context, tx *sql.Tx, teamID, userID string, off bool) error {
	res, err := tx.ExecContext(ctx,
		`UPDATE members SET remind_off = ? WHERE team_id = ? AND user_id = ?`,
		off, teamID, userID)
	return oneMemberChanged(res, err, teamID, userID)
}
