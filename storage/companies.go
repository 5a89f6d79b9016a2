package storage

import (
	"context"
	"database/sql"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/mattn/go-sqlite3"

	"planbot/planner"
)

// companyColumns are a company's columns, in the order scanCompany reads them,
// with the owner's name from members (” when the owner was forgotten).
const companyColumns = `
	SELECT c.team_id, c.id, c.name, c.notes, c.owner_id,
	       COALESCE((SELECT m.name FROM members m WHERE m.team_id = c.team_id AND m.user_id = c.owner_id), ''),
	       c.stage, c.created_at, c.updated_at, c.amount_wan, c.amount_currency, c.due_date, c.due_step
	FROM companies c`

// AddCompany stores company c with its team's next company id, and change as
// its first stage change (its From empty, its company id set). A name whose
// key (planner.CompanyKey) the team already has is a Conflict error (Reason
// bad_company, Detail the name), and so is one that is another company's
// alias (Detail that company's name); c.CreatedAt must be set.
func (db *DB) AddCompany(ctx context.Context, c planner.Company, change planner.StageChange) (_ planner.Company, err error) {
	defer wrapErr(&err, "add company")
	if c.CreatedAt.IsZero() {
		return planner.Company{}, errors.New("company without CreatedAt")
	}
	c.UpdatedAt = c.CreatedAt
	var stored planner.Company
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		if err := tx.QueryRowContext(ctx,
			`SELECT COALESCE(MAX(id), 0) + 1 FROM companies WHERE team_id = ?`, c.TeamID).Scan(&c.ID); err != nil {
			return err
		}
		if holder, err := companyOfKey(ctx, tx, c.TeamID, planner.CompanyKey(c.Name)); err == nil {
			return planner.Errorf(planner.Conflict, planner.ReasonCompanyExists, holder.Name) // another's alias
		}
		_, err = tx.ExecContext(ctx, `
			INSERT INTO companies (team_id, id, name, key, notes, owner_id, stage, created_at, updated_at,
			                       amount_wan, amount_currency, due_date, due_step)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
			c.TeamID, c.ID, c.Name, planner.CompanyKey(c.Name), c.Notes, c.OwnerID, c.Stage,
			formatTime(c.CreatedAt), formatTime(c.UpdatedAt), amountWan(c.Amount), amountCurrency(c.Amount),
			dueDate(c.Due), c.Due.Step)
		var sqlErr sqlite3.Error
		if errors.As(err, &sqlErr) && sqlErr.ExtendedCode == sqlite3.ErrConstraintUnique {
			return planner.Errorf(planner.Conflict, planner.ReasonCompanyExists, c.Name)
		}
		if err != nil {
			return err
		}
		change.TeamID, change.CompanyID, change.From = c.TeamID, c.ID, ""
		if err := insertStageChange(ctx, tx, change); err != nil {
			return err
		}
		stored, err = company(ctx, tx, c.TeamID, c.ID)
		return err
	})
	return stored, err
}

// UpdateCompany moves company c.ID of team c.TeamID to change.To, from the
// stage it is at when the write runs (change.From is set to that, whatever
// the caller read before), records change, and sets its UpdatedAt to change.At.
// A non-empty change.Note becomes its notes, c.Amount, unless zero, its
// amount, and c.Due, unless zero, its deadline, which a move that makes the
// deadline's step clears (planner.Deadline.MetBy); c.OwnerID becomes its owner only
// when it has none (its owner was forgotten). It returns the company and the
// change as stored, or a NotFound error.
func (db *DB) UpdateCompany(ctx context.Context, c planner.Company, change planner.StageChange) (_ planner.Company, _ planner.StageChange, err error) {
	defer wrapErr(&err, "update company")
	if change.At.IsZero() {
		return planner.Company{}, planner.StageChange{}, errors.New("stage change without At")
	}
	change.TeamID, change.CompanyID = c.TeamID, c.ID
	var stored planner.Company
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		current, err := company(ctx, tx, c.TeamID, c.ID)
		if errors.Is(err, sql.ErrNoRows) {
			return noCompany(c.Name)
		}
		if err != nil {
			return err
		}
		change.From, change.Company = current.Stage, current.Name
		notes, owner, amount, due := current.Notes, current.OwnerID, current.Amount, current.Due
		if change.Note != "" {
			notes = change.Note
		}
		if !c.Amount.IsZero() {
			amount = c.Amount // a lead line's amount replaces the one it had
		}
		if owner == "" {
			owner = c.OwnerID
		}
		switch {
		case !c.Due.IsZero():
			due = c.Due // a new deadline replaces the one it had
		case due.MetBy(change.From, change.To):
			due = planner.Deadline{}
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE companies SET stage = ?, notes = ?, owner_id = ?, updated_at = ?, amount_wan = ?, amount_currency = ?,
			                     due_date = ?, due_step = ?
			WHERE team_id = ? AND id = ?`,
			change.To, notes, owner, formatTime(change.At), amountWan(amount), amountCurrency(amount),
			dueDate(due), due.Step, c.TeamID, c.ID); err != nil {
			return err
		}
		if err := insertStageChange(ctx, tx, change); err != nil {
			return err
		}
		stored, err = company(ctx, tx, c.TeamID, c.ID)
		return err
	})
	return stored, change, err
}

// CompanyByKey returns the company of team teamID whose key, or one of whose
// aliases' keys, is key, with its aliases, or a NotFound error (Reason
// no_company, Detail the key).
func (db *DB) CompanyByKey(ctx context.Context, teamID, key string) (_ planner.Company, err error) {
	defer wrapErr(&err, "company by key")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (planner.Company, error) {
		c, err := companyOfKey(ctx, tx, teamID, key)
		if errors.Is(err, sql.ErrNoRows) {
			return planner.Company{}, noCompany(key)
		}
		if err != nil {
			return planner.Company{}, err
		}
		c.Aliases, err = aliasesOf(ctx, tx, teamID, c.ID)
		return c, err
	})
}

// MatchCompanies returns the companies (TeamID, ID, Name, and the Aliases
// the text names) of team teamID whose key, or an alias's, appears in text,
// each once, the one with the longest key found first.
//
// Every add asks this, and scanning a team's companies in SQL costs ~0.4 µs
// a company (80 µs for 200). Companies and aliases are never renamed or
// deleted and their ids grow, so the team's highest company id and alias seq
// tell whether the keys in memory (companyKeys) are still all of them; only
// a new company or alias, from this process or another, makes them read again.
func (db *DB) MatchCompanies(ctx context.Context, teamID, text string) (_ []planner.Company, err error) {
	defer wrapErr(&err, "match companies")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.Company, error) {
		var last keysVersion
		if err := tx.QueryRowContext(ctx, `
			SELECT (SELECT id FROM companies WHERE team_id = ?1 ORDER BY id DESC LIMIT 1),
			       (SELECT COALESCE(MAX(seq), 0) FROM company_aliases WHERE team_id = ?1)`, teamID).Scan(&last.company, &last.alias); err != nil {
			return nil, err
		}
		if !last.company.Valid {
			return nil, nil
		}
		keys, err := db.companyKeys(ctx, tx, teamID, last)
		if err != nil {
			return nil, err
		}
		var matched []companyKey
		for _, k := range keys {
			if strings.Contains(text, k.key) {
				matched = append(matched, k)
			}
		}
		slices.SortStableFunc(matched, func(a, b companyKey) int { return len(b.key) - len(a.key) })
		var companies []planner.Company
		at := map[int64]int{} // company id → its index in companies
		for _, k := range matched {
			i, ok := at[k.id]
			if !ok {
				i, at[k.id] = len(companies), len(companies)
				companies = append(companies, planner.Company{TeamID: teamID, ID: k.id, Name: k.name})
			}
			if k.alias != "" {
				companies[i].Aliases = append(companies[i].Aliases, k.alias)
			}
		}
		return companies, nil
	})
}

// companyKey is a company's id, name and a key of it, as MatchCompanies keeps
// them: its name's, or an alias's (alias, as typed, is then that alias).
type companyKey struct {
	id               int64
	name, alias, key string
}

// keysVersion is how far a team's companies and aliases go: its highest
// company id and alias seq.
type keysVersion struct {
	company sql.NullInt64
	alias   int64
}

// teamKeys are a team's company keys, up to last.
type teamKeys struct {
	last keysVersion
	keys []companyKey
}

// companyKeys returns the keys of team teamID's companies and their aliases,
// which go as far as last: from memory when it has them all, else read in tx
// and kept.
func (db *DB) companyKeys(ctx context.Context, tx *sql.Tx, teamID string, last keysVersion) ([]companyKey, error) {
	if v, ok := db.keys.Load(teamID); ok && v.(*teamKeys).last == last {
		return v.(*teamKeys).keys, nil
	}
	rows, err := tx.QueryContext(ctx, `
		SELECT id, name, '', key FROM companies WHERE team_id = ?1 AND id <= ?2
		UNION ALL
		SELECT a.company_id, c.name, a.name, a.key FROM company_aliases a JOIN companies c ON c.team_id = a.team_id AND c.id = a.company_id
		WHERE a.team_id = ?1 AND a.seq <= ?3`, teamID, last.company.Int64, last.alias)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var keys []companyKey
	for rows.Next() {
		var k companyKey
		if err := rows.Scan(&k.id, &k.name, &k.alias, &k.key); err != nil {
			return nil, err
		}
		keys = append(keys, k)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	db.keys.Store(teamID, &teamKeys{last: last, keys: keys})
	return keys, nil
}

// Pipeline lists the companies of team teamID by id, each with the last day
// (up to today) of a linked item done, and the first item
// planned with it that starts today or later: one query for the companies and
// one for those next items, however many companies there are.
func (db *DB) Pipeline(ctx context.Context, teamID string, today planner.Date) (_ []planner.CompanyView, err error) {
	defer wrapErr(&err, "pipeline")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.CompanyView, error) {
		day := today.String()
		rows, err := tx.QueryContext(ctx, strings.Replace(companyColumns, "FROM companies c", `,
			(SELECT MAX(MIN(i.end_date, ?1)) FROM item_companies l JOIN items i ON i.team_id = l.team_id AND i.id = l.item_id
			 WHERE l.team_id = c.team_id AND l.company_id = c.id AND i.status = 'done' AND i.start_date <= ?1),
			(SELECT i.id FROM item_companies l JOIN items i ON i.team_id = l.team_id AND i.id = l.item_id
			 WHERE l.team_id = c.team_id AND l.company_id = c.id AND i.status = 'planned' AND i.start_date >= ?1
			 ORDER BY i.start_date, i.id LIMIT 1)
			FROM companies c`, 1)+` WHERE c.team_id = ?2 ORDER BY c.id`, day, teamID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		var views []planner.CompanyView
		nextOf := map[int64][]int{} // next item id → the views it is next for
		for rows.Next() {
			var v planner.CompanyView
			var created, updated string
			var last, currency, dueDay sql.NullString
			var next, wan sql.NullInt64
			if err := rows.Scan(&v.TeamID, &v.ID, &v.Name, &v.Notes, &v.OwnerID, &v.OwnerName, &v.Stage,
				&created, &updated, &wan, &currency, &dueDay, &v.Due.Step, &last, &next); err != nil {
				return nil, err
			}
			v.Amount = scanAmount(wan, currency)
			if v.Due.Date, err = scanDueDate(dueDay); err != nil {
				return nil, err
			}
			if v.CreatedAt, err = parseTime(created); err != nil {
				return nil, err
			}
			if v.UpdatedAt, err = parseTime(updated); err != nil {
				return nil, err
			}
			if last.Valid {
				if v.LastContact, err = planner.ParseDate(last.String); err != nil {
					return nil, err
				}
			}
			if next.Valid {
				nextOf[next.Int64] = append(nextOf[next.Int64], len(views))
			}
			views = append(views, v)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		if len(nextOf) > 0 {
			next, err := queryItems(ctx, tx, itemColumns+`
				WHERE i.team_id = ? AND i.id IN (SELECT item_id FROM item_companies WHERE team_id = ?)
				  AND i.status = 'planned' AND i.start_date >= ?`, teamID, teamID, day)
			if err != nil {
				return nil, err
			}
			for _, it := range next {
				for _, v := range nextOf[it.ID] {
					views[v].Next = it
				}
			}
		}
		return views, nil
	})
}

// CompanyHistory lists company id of team teamID's stage changes and the
// items linked to it, oldest first, or returns a NotFound error.
func (db *DB) CompanyHistory(ctx context.Context, teamID string, id int64) (_ []planner.StageChange, _ []planner.Item, err error) {
	defer wrapErr(&err, "company history")
	tx, err := db.beginRead(ctx)
	if err != nil {
		return nil, nil, err
	}
	defer tx.Rollback()
	c, err := company(ctx, tx, teamID, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil, noCompany("")
	}
	if err != nil {
		return nil, nil, err
	}
	changes, err := queryStageChanges(ctx, tx, `WHERE s.team_id = ? AND s.company_id = ? ORDER BY s.seq`, teamID, id)
	if err != nil {
		return nil, nil, err
	}
	items, err := queryItems(ctx, tx, itemColumns+`
		WHERE i.team_id = ? AND i.id IN (SELECT item_id FROM item_companies WHERE team_id = ? AND company_id = ?)
		ORDER BY i.start_date, i.id`, teamID, teamID, id)
	if err != nil {
		return nil, nil, err
	}
	for i := range items {
		items[i].Companies = []planner.Company{{TeamID: teamID, ID: c.ID, Name: c.Name}}
	}
	return changes, items, tx.Commit()
}

// StageChanges lists the stage changes of team teamID made at from or later
// and before to, oldest first, each with its company's name.
func (db *DB) StageChanges(ctx context.Context, teamID string, from, to time.Time) (_ []planner.StageChange, err error) {
	defer wrapErr(&err, "stage changes")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) ([]planner.StageChange, error) {
		changes, err := queryStageChanges(ctx, tx, `WHERE s.team_id = ? AND s.at >= ? AND s.at < ? ORDER BY s.seq`,
			teamID, from.UTC().Format(stageTimeLayout), to.UTC().Format(stageTimeLayout))
		if err != nil {
			return nil, err
		}
		return changes, nil
	})
}

// CompanyLinks returns, by item id, the companies (ID and Name) linked to the
// items of team teamID that start between from and to inclusive.
func (db *DB) CompanyLinks(ctx context.Context, teamID string, from, to planner.Date) (_ map[int64][]planner.Company, err error) {
	defer wrapErr(&err, "company links")
	return read(ctx, db, func(ctx context.Context, tx *sql.Tx) (map[int64][]planner.Company, error) {
		rows, err := tx.QueryContext(ctx, `
			SELECT l.item_id, l.company_id,
			       (SELECT c.name FROM companies c WHERE c.team_id = l.team_id AND c.id = l.company_id)
			FROM item_companies l
			WHERE l.team_id = ?1 AND l.item_id IN
			      (SELECT i.id FROM items i WHERE i.team_id = ?1 AND i.start_date BETWEEN ?2 AND ?3)
			ORDER BY l.item_id, l.company_id`, teamID, from.String(), to.String())
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		links := map[int64][]planner.Company{}
		for rows.Next() {
			var itemID int64
			c := planner.Company{TeamID: teamID}
			if err := rows.Scan(&itemID, &c.ID, &c.Name); err != nil {
				return nil, err
			}
			links[itemID] = append(links[itemID], c)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
		return links, nil
	})
}

// noCompany is the NotFound error for a company the team does not have.
func noCompany(name string) error {
	return planner.Errorf(planner.NotFound, planner.ReasonNoCompany, name)
}

func company(ctx context.Context, tx *sql.Tx, teamID string, id int64) (planner.Company, error) {
	return scanCompany(tx.QueryRowContext(ctx, companyColumns+` WHERE c.team_id = ? AND c.id = ?`, teamID, id))
}

// scanCompany reads the columns of companyColumns.
func scanCompany(s scanner) (planner.Company, error) {
	var c planner.Company
	var created, updated string
	var wan sql.NullInt64
	var currency, dueDay sql.NullString
	err := s.Scan(&c.TeamID, &c.ID, &c.Name, &c.Notes, &c.OwnerID, &c.OwnerName, &c.Stage, &created, &updated, &wan, &currency,
		&dueDay, &c.Due.Step)
	if err != nil {
		return planner.Company{}, err
	}
	c.Amount = scanAmount(wan, currency)
	if c.Due.Date, err = scanDueDate(dueDay); err != nil {
		return planner.Company{}, err
	}
	if c.CreatedAt, err = parseTime(created); err != nil {
		return planner.Company{}, err
	}
	c.UpdatedAt, err = parseTime(updated)
	return c, err
}

// stageTimeLayout writes a stage change's instant with all nine fractional
// digits, so that StageChanges can compare instants as text: RFC 3339 with
// trailing zeros dropped sorts "…16:00:00.3Z" before "…16:00:00Z".
const stageTimeLayout = "2006-01-02T15:04:05.000000000Z"

func insertStageChange(ctx context.Context, tx *sql.Tx, s planner.StageChange) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO company_stages (team_id, company_id, from_stage, to_stage, by_user, at, note)
		VALUES (?, ?, ?, ?, ?, ?, ?)`,
		s.TeamID, s.CompanyID, s.From, s.To, s.By, s.At.UTC().Format(stageTimeLayout), s.Note)
	return err
}

func queryStageChanges(ctx context.Context, tx *sql.Tx, where string, args ...any) ([]planner.StageChange, error) {
	rows, err := tx.QueryContext(ctx, `
		SELECT s.team_id, s.company_id,
		       (SELECT c.name FROM companies c WHERE c.team_id = s.team_id AND c.id = s.company_id),
		       s.from_stage, s.to_stage, s.by_user, s.at, s.note
		FROM company_stages s `+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var changes []planner.StageChange
	for rows.Next() {
		var c planner.StageChange
		var at string
		if err := rows.Scan(&c.TeamID, &c.CompanyID, &c.Company, &c.From, &c.To, &c.By, &at, &c.Note); err != nil {
			return nil, err
		}
		if c.At, err = parseTime(at); err != nil {
			return nil, err
		}
		changes = append(changes, c)
	}
	return changes, rows.Err()
}

// linkCompanies records that item it (of its team, with id itemID) concerns
// companies, and gives each of them that has no amount the amount the item
// gives its companies (planner.CompanyAmountFrom): one that has one keeps it.
func linkCompanies(ctx context.Context, tx *sql.Tx, it planner.Item, itemID int64, companies []planner.Company) error {
	amount, gives := planner.CompanyAmountFrom(it)
	for _, c := range companies {
		if _, err := tx.ExecContext(ctx, `
			INSERT INTO item_companies (team_id, item_id, company_id) VALUES (?, ?, ?)
			ON CONFLICT DO NOTHING`, it.TeamID, itemID, c.ID); err != nil {
			return err
		}
		if !gives {
			continue
		}
		if _, err := tx.ExecContext(ctx, `
			UPDATE companies SET amount_wan = ?, amount_currency = ?
			WHERE team_id = ? AND id = ? AND amount_wan IS NULL`,
			amount.Value, amount.Currency, it.TeamID, c.ID); err != nil {
			return err
		}
	}
	return nil
}
