package storage

import (
	"context"
	"database/sql"
	"errors"

	"planbot/planner"
)

// AddCompanyAlias gives company id of team teamID the other name alias and
// returns the company with its aliases. An alias whose key
// (planner.CompanyKey) is the company's name's or one of its aliases' already
// changes nothing; one that is another company's name or alias is a Conflict
// error (Reason alias_taken, Detail that company's name); an unknown company
// is a NotFound error.
func (db *DB) AddCompanyAlias(ctx context.Context, teamID string, id int64, alias string) (_ planner.Company, err error) {
	defer wrapErr(&err, "add company alias")
	key := planner.CompanyKey(alias)
	var stored planner.Company
	err = db.write(ctx, func(ctx context.Context, tx *sql.Tx) (err error) {
		if _, err := company(ctx, tx, teamID, id); errors.Is(err, sql.ErrNoRows) {
			return noCompany("")
		} else if err != nil {
			return err
		}
		holder, err := companyOfKey(ctx, tx, teamID, key)
		switch {
		case errors.Is(err, sql.ErrNoRows):
			if _, err := tx.ExecContext(ctx, `INSERT INTO company_aliases (team_id, company_id, name, key) VALUES (?, ?, ?, ?)`,
				teamID, id, alias, key); err != nil {
				return err
			}
		case err != nil:
			return err
		case holder.ID != id:
			return planner.Errorf(planner.Conflict, planner.ReasonAliasTaken, holder.Name)
		}
		stored, err = companyWithAliases(ctx, tx, teamID, id)
		return err
	})
	return stored, err
}

// companyOfKey returns the company of team teamID whose name's key, or one of
// whose aliases' keys, is key, without its aliases, or sql.ErrNoRows.
func companyOfKey(ctx context.Context, tx *sql.Tx, teamID, key string) (planner.Company, error) {
	return scanCompany(tx.QueryRowContext(ctx, companyColumns+`
		WHERE c.team_id = ?1 AND (c.key = ?2 OR c.id = (SELECT a.company_id FROM company_aliases a WHERE a.team_id = ?1 AND a.key = ?2))`,
		teamID, key))
}

// companyWithAliases returns company id of team teamID with its aliases.
func companyWithAliases(ctx context.Context, tx *sql.Tx, teamID string, id int64) (planner.Company, error) {
	c, err := company(ctx, tx, teamID, id)
	if err != nil {
		return planner.Company{}, err
	}
	c.Aliases, err = aliasesOf(ctx, tx, teamID, id)
	return c, err
}

// aliasesOf lists the aliases of company id of team teamID, oldest first.
func aliasesOf(ctx context.Context, tx *sql.Tx, teamID string, id int64) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name FROM company_aliases WHERE team_id = ? AND company_id = ? ORDER BY seq`, teamID, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var name string
		if err := rows.Scan(&name); err != nil {
			return nil, err
		}
		names = append(names, name)
	}
	return names, rows.Err()
}
