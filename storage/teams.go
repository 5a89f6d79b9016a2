package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"planbot/planner"
)

// EnsureMember creates team and member m if they are new, fills in a name the
// member lacks (SetProfile is what renames; a team's empty name leaves the
// stored one, and so does any name while the stored one is an admin's:
// Team.NameSet) and returns the team and the member as stored, with their
// settings. It stores names only: the team's settings are set by UpdateTeam and
// the member's profile by SetProfile.
func (db *DB) EnsureMember(ctx context.Context, team planner.Team, m planner.Member) (_ planner.Team, _ planner.Member, err error) {
	defer wrapErr(&err, "ensure member")
	m.TeamID = team.ID
	// Nearly every command comes from a member already stored as given: that
	// takes one read, not a write and its share of a commit.
	if storedTeam, stored, ok, err := db.storedAsGiven(ctx, team, m); err != nil || ok {
		return storedTeam, stored, err
	}
	var storedTeam planner.Team
	var stored planner.Member
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		if err := upsertTeam(ctx, tx, team); err != nil {
			return err
		}
		if err := upsertMember(ctx, tx, m); err != nil {
			return err
		}
		if storedTeam, err = oneTeam(ctx, tx, team.ID); err != nil {
			return err
		}
		stored, err = member(ctx, tx, m.TeamID, m.UserID)
		return err
	})
	return storedTeam, stored, err
}

// storedAsGiven returns team and member m as stored when nothing EnsureMember
// would write is missing: the member exists, with a name if m gives one, and
// the team has the name team gives (if any) or one an admin set.
func (db *DB) storedAsGiven(ctx context.Context, team planner.Team, m planner.Member) (planner.Team, planner.Member, bool, error) {
	tx, err := db.beginRead(ctx)
	if err != nil {
		return planner.Team{}, planner.Member{}, false, err
	}
	defer tx.Rollback()
	stored, err := member(ctx, tx, m.TeamID, m.UserID)
	if errors.Is(err, sql.ErrNoRows) {
		return planner.Team{}, planner.Member{}, false, nil
	}
	if err != nil || stored.Name == "" && m.Name != "" {
		return planner.Team{}, planner.Member{}, false, err
	}
	storedTeam, err := oneTeam(ctx, tx, team.ID)
	if err != nil {
		return planner.Team{}, planner.Member{}, false, err
	}
	return storedTeam, stored, team.Name == "" || team.Name == storedTeam.Name || storedTeam.NameSet, tx.Commit()
}

// Team returns team id with its settings, or a NotFound error (Reason
// unknown_team, Detail the id) if there is no such team.
func (db *DB) Team(ctx context.Context, id string) (_ planner.Team, err error) {
	defer wrapErr(&err, "team")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (planner.Team, error) {
		team, err := oneTeam(ctx, tx, id)
		if err != nil {
			return planner.Team{}, err
		}
		return team, nil
	})
}

// UpdateTeam stores the name, whether an admin set it, and settings (time
// zone, language, digest channel) of team.ID, which must exist, or else it
// returns a NotFound error. The name is stored as given, even if empty. A language other than "", "en" and "zh" is
// refused with an Internal error and nothing is changed.
func (db *DB) UpdateTeam(ctx context.Context, team planner.Team) (err error) {
	defer wrapErr(&err, "update team")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return updateTeam(ctx, tx, team)
	})
}

// SetProfile stores member m's profile: their name (unless m.Name is empty),
// time zone, admin flag and when these were fetched (in UTC; zero for never).
// The member must exist; their reply language is left as it is.
func (db *DB) SetProfile(ctx context.Context, m planner.Member) (err error) {
	defer wrapErr(&err, "set profile")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return updateProfile(ctx, tx, m)
	})
}

// SetMemberLang stores the reply language of a member, who must exist.
func (db *DB) SetMemberLang(ctx context.Context, teamID, userID string, lang planner.Lang) (err error) {
	defer wrapErr(&err, "set member lang")
	return db.write(ctx, func(ctx context.Context, tx *sql.Tx) error {
		return updateLang(ctx, tx, teamID, userID, lang)
	})
}

// Teams lists every team with its settings, ordered by id.
func (db *DB) Teams(ctx context.Context) (_ []planner.Team, err error) {
	defer wrapErr(&err, "teams")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Team, error) {
		teams, err := allTeams(ctx, tx)
		if err != nil {
			return nil, err
		}
		return teams, nil
	})
}

// Members lists the members of team teamID with their settings, ordered by
// name then user id.
func (db *DB) Members(ctx context.Context, teamID string) (_ []planner.Member, err error) {
	defer wrapErr(&err, "members")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Member, error) {
		members, err := teamMembers(ctx, tx, teamID)
		if err != nil {
			return nil, err
		}
		return members, nil
	})
}

// teamColumns are a team's columns, in the order scanTeam reads them.
const teamColumns = `id, name, tz, lang, digest_channel, revision, name_set`

// scanTeam reads the columns of teamColumns.
func scanTeam(s scanner) (planner.Team, error) {
	var t planner.Team
	err := s.Scan(&t.ID, &t.Name, &t.TZ, &t.Lang, &t.DigestChannel, &t.Revision, &t.NameSet)
	return t, err
}

// memberColumns are a member's columns, in the order scanMember reads them.
const memberColumns = `team_id, user_id, name, lang, tz, is_admin, profile_at, remind_off`

// scanMember reads the columns of memberColumns.
func scanMember(s scanner) (planner.Member, error) {
	var (
		m         planner.Member
		profileAt string
	)
	if err := s.Scan(&m.TeamID, &m.UserID, &m.Name, &m.Lang, &m.TZ, &m.IsAdmin, &profileAt, &m.RemindOff); err != nil {
		return planner.Member{}, err
	}
	if profileAt != "" {
		at, err := parseTime(profileAt)
		if err != nil {
			return planner.Member{}, fmt.Errorf("member %q of team %q: profile_at: %w", m.UserID, m.TeamID, err)
		}
		m.ProfileAt = at
	}
	return m, nil
}

// noTeam is the NotFound error for a team id that is not stored.
func noTeam(id string) error {
	return planner.Errorf(planner.NotFound, planner.ReasonUnknownTeam, id)
}

func upsertTeam(ctx context.Context, tx *sql.Tx, team planner.Team) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO teams (id, name) VALUES (?, ?)
		ON CONFLICT (id) DO UPDATE SET name = excluded.name WHERE excluded.name <> '' AND NOT teams.name_set`,
		team.ID, team.Name)
	return err
}

func upsertMember(ctx context.Context, tx *sql.Tx, m planner.Member) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO members (team_id, user_id, name) VALUES (?, ?, ?)
		ON CONFLICT (team_id, user_id) DO UPDATE SET name = excluded.name WHERE members.name = '' AND excluded.name <> ''`,
		m.TeamID, m.UserID, m.Name)
	return err
}

func oneTeam(ctx context.Context, tx *sql.Tx, id string) (planner.Team, error) {
	t, err := scanTeam(tx.QueryRowContext(ctx,
		`SELECT `+teamColumns+` FROM teams WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return planner.Team{}, noTeam(id)
	}
	return t, err
}

func updateTeam(ctx context.Context, tx *sql.Tx, team planner.Team) error {
	res, err := tx.ExecContext(ctx, `
		UPDATE teams SET name = ?, tz = ?, lang = ?, digest_channel = ?, name_set = ?
		WHERE id = ?`,
		team.Name, team.TZ, team.Lang, team.DigestChannel, team.NameSet, team.ID)
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return noTeam(team.ID)
	}
	return nil
}

func member(ctx context.Context, tx *sql.Tx, teamID, userID string) (planner.Member, error) {
	return scanMember(tx.QueryRowContext(ctx,
		`SELECT `+memberColumns+` FROM members WHERE team_id = ? AND user_id = ?`,
		teamID, userID))
}

func updateProfile(ctx context.Context, tx *sql.Tx, m planner.Member) error {
	profileAt := ""
	if !m.ProfileAt.IsZero() {
		profileAt = formatTime(m.ProfileAt)
	}
	res, err := tx.ExecContext(ctx, `
		UPDATE members
		SET name = COALESCE(NULLIF(?, ''), name), tz = ?, is_admin = ?, profile_at = ?
		WHERE team_id = ? AND user_id = ?`,
		m.Name, m.TZ, m.IsAdmin, profileAt, m.TeamID, m.UserID)
	return oneMemberChanged(res, err, m.TeamID, m.UserID)
}

func updateLang(ctx context.Context, tx *sql.Tx, teamID, userID string, lang planner.Lang) error {
	res, err := tx.ExecContext(ctx,
		`UPDATE members SET lang = ? WHERE team_id = ? AND user_id = ?`,
		lang, teamID, userID)
	return oneMemberChanged(res, err, teamID, userID)
}

// oneMemberChanged checks the result of an UPDATE of member userID of team
// teamID: it fails if the UPDATE did, or if there is no such member.
func oneMemberChanged(res sql.Result, err error, teamID, userID string) error {
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
	return queryAll(ctx, tx, scanTeam, `SELECT `+teamColumns+` FROM teams ORDER BY id`)
}

func teamMembers(ctx context.Context, tx *sql.Tx, teamID string) ([]planner.Member, error) {
	return queryAll(ctx, tx, scanMember, `
		SELECT `+memberColumns+` FROM members
		WHERE team_id = ? ORDER BY name, user_id`, teamID)
}
