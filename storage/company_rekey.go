package storage

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/mattn/go-sqlite3"

	"planbot/planner"
)

// rekeyTables are the tables whose rows hold a name and its key.
var rekeyTables = []string{"companies", "company_aliases"}

// rekeyCompanies gives each company and alias the key planner.CompanyKey
// gives its name now, where the stored one differs: keys written before
// CompanyKey learned a folding (traditional characters made simplified, in
// issue 17) match again. A key another company of the team holds already
// (京東方 and 京东方 added as two companies before) is left as it was: the
// two stay two, as they were. It runs on open; a database whose keys are all
// current is only read.
func rekeyCompanies(ctx context.Context, sqlDB *sql.DB) error {
	stale := map[string][]staleKey{} // table → its rows whose key is stale, by rowid
	for _, table := range rekeyTables {
		keys, err := staleKeys(ctx, sqlDB, table)
		if err != nil {
			return fmt.Errorf("rekey %s: %w", table, err)
		}
		if len(keys) > 0 {
			stale[table] = keys
		}
	}
	if len(stale) == 0 {
		return nil
	}
	tx, err := sqlDB.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for table, keys := range stale {
		for _, k := range keys { // the older row takes a key two now share
			_, err := tx.ExecContext(ctx, `UPDATE `+table+` SET key = ? WHERE rowid = ?`, k.key, k.rowid)
			var sqlErr sqlite3.Error
			if errors.As(err, &sqlErr) && sqlErr.ExtendedCode == sqlite3.ErrConstraintUnique {
				continue
			}
			if err != nil {
				return fmt.Errorf("rekey %s: %w", table, err)
			}
		}
	}
	return tx.Commit()
}

// staleKey is a row whose stored key is not its name's CompanyKey, and that.
type staleKey struct {
	rowid int64
	key   string
}

// staleKeys returns the rows of table whose key is not their name's
// CompanyKey, in rowid order.
func staleKeys(ctx context.Context, sqlDB *sql.DB, table string) ([]staleKey, error) {
	rows, err := sqlDB.QueryContext(ctx, `SELECT rowid, name, key FROM `+table+` ORDER BY rowid`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var stale []staleKey
	for rows.Next() {
		var rowid int64
		var name, key string
		if err := rows.Scan(&rowid, &name, &key); err != nil {
			return nil, err
		}
		if now := planner.CompanyKey(name); now != key {
			stale = append(stale, staleKey{rowid, now})
		}
	}
	return stale, rows.Err()
}
