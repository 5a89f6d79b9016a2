package storage

import (
	"database/sql"

	"planbot/planner"
)

// amountWan is an amount's amount_wan column: NULL for the zero Amount (none).
func amountWan(a planner.Amount) sql.NullInt64 {
	return sql.NullInt64{Int64: a.Value, Valid: !a.IsZero()}
}

// amountCurrency is an amount's amount_currency column: NULL for none.
func amountCurrency(a planner.Amount) sql.NullString {
	return sql.NullString{String: a.Currency, Valid: !a.IsZero()}
}

// scanAmount reads the two amount columns: the zero Amount when they are NULL.
func scanAmount(wan sql.NullInt64, currency sql.NullString) planner.Amount {
	if !wan.Valid {
		return planner.Amount{}
	}
	return planner.Amount{Value: wan.Int64, Currency: currency.String}
}
