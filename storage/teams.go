package storage

import (
	"context"
	"database/sql"
	"fmt"

	"planbot/planner"
)

// EnsureMember creates team and member m if they are new, updates their names
// (an empty name leaves the stored one as it is) and returns the member as stored.
func (db *DB) EnsureMember(ctx context.Context, team planner.Team, m planner.Member) (_ planner.Member, err error) {
	defer wrapErr(&err, "ensure member")
	m.TeamID = team.ID
	tx, err := db.begin(ctx)
	if err != nil {
		return planner.Member{}, err
	}
	defer tx.Rollback()
	if err := upsertTeam(ctx, tx, team); err != nil {
		return planner.Member{}, err
	}
	if err := upsertMember(ctx, tx, m); err != nil {
		return planner.Member{}, err
	}
	stored, err := member(ctx, tx, m.TeamID, m.UserID)
	if err != nil {
		return planner.Member{}, err
	}
	return stored, tx.Commit()
}

// SetMemberLang stores the reply language of a member, who must exist.
func (db *DB) SetMemberLang(ctx context.Context, teamID, userID string, lang planner.Lang) (err error) {
	defer wrapErr(&err, "set member lang")
	tx, err := db.begin(ctx)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if err := updateLang(ctx, tx, teamID, userID, lang); err != nil {
		return err
	}
	return tx.Commit()
}

// Teams lists every team, ordered by id.
func (db *DB) Teams(ctx context.Context) (_ []planner.Team, err error) {
	defer wrapErr(&err, "teams")
	tx, err := db.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	teams, err := allTeams(ctx, tx)
	if err != nil {
		return nil, err
	}
	return teams, tx.Commit()
}

// Members lists the members of team teamID, ordered by name then user id.
func (db *DB) Members(ctx context.Context, teamID string) (_ []planner.Member, err error) {
	defer wrapErr(&err, "members")
	tx, err := db.begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	members, err := teamMembers(ctx, tx, teamID)
	if err != nil {
		return nil, err
	}
	return members, tx.Commit()
}

func upsertTeam(ctx context.Context, tx *sql.Tx, team planner.Team) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO teams (id, name) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE excluded.name <> ''`,
		team.ID, team.Name)
	return err
}

func upsertMember(ctx context.Context, tx *sql.Tx, m planner.Member) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO members (team_id, user_id, name) VALUES (?, ?, ?)
		ON CONFLICT (team_id, user_id) DO UPDATE SET name = excluded.name WHERE excluded.name <> ''`,
		m.TeamID, m.UserID, m.Name)
	return err
}

func member(ctx context.Context, tx *sql.Tx, teamID, userID string) (planner.Member, error) {
	m := planner.Member{TeamID: teamID, UserID: userID}
	err := tx.QueryRowContext(ctx,
		`SELECT name, lang FROM members WHERE team_id = ? AND user_id = ?`,
		teamID, userID).Scan(&m.Name, &m.Lang)
	return m, err
}

func updateLang(ctx context.Context, tx *sql.Tx, teamID, userID string, lang planner.Lang) error {
	res, err := tx.ExecContext(ctx,
		`UPDATE members SET lang = ? WHERE team_id = ? AND user_id = ?`,
		lang, teamID, userID)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("no member %q in team %q (EnsureMember first)", userID, teamID)
	}
	return nil
}

func allTeams(ctx context.Context, tx *sql.Tx) ([]planner.Team, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, name FROM teams ORDER BY id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var teams []planner.Team
	for rows.Next() {
		var t planner.Team
		if err := rows.Scan(&t.ID, &t.Name); err != nil {
			return nil, err
		}
		teams = append(teams, t)
	}
	return teams, rows.Err()
}

func teamMembers(ctx context.Context, tx *sql.Tx, teamID string) ([]planner.Member, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT user_id, name, lang FROM members
		WHERE team_id = ? ORDER BY name, user_id`, teamID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var members []planner.Member
	for rows.Next() {
		m := planner.Member{TeamID: teamID}
		if err := rows.Scan(&m.UserID, &m.Name, &m.Lang); err != nil {
			return nil, err
		}
		members = append(members, m)
	}
	return members, rows.Err()
}
