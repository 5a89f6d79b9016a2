package bot

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	"planbot/planner"
)

// exportHeader is the first row of an export.
// visits (the enterprises a trip visited), then amount_wan and currency (the
// money its title names: an exact integer in 万 of the currency, both empty
// when none) came last, so that a reader of the earlier columns by position
// reads them as before.
var exportHeader = []string{"id", "user_id", "user_name", "start_date", "end_date", "kind", "count", "place", "status", "title", "outcome", "visits", "amount_wan", "currency"}

// WriteCSV writes items as RFC 4180 CSV, with exportHeader first: a line per
// item. Free text is on one line, without control characters
// (planner.OneLine), and free text that a spreadsheet would run as a formula
// (=, +, -, @ first) gets a leading apostrophe, as OWASP advises against CSV
// injection.
func WriteCSV(w io.Writer, items []planner.Item) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(exportHeader); err != nil {
		return err
	}
	for _, it := range items {
		row := []string{
			strconv.FormatInt(it.ID, 10), inert(it.UserID), inert(it.UserName), it.Start.String(), it.End.String(),
			string(it.Kind), strconv.Itoa(it.Count), inert(it.Place), string(it.Status), inert(it.Title), inert(it.Outcome),
			strconv.Itoa(it.Visits), "", "",
		}
		if !it.Amount.IsZero() {
			row[12], row[13] = strconv.FormatInt(it.Amount.Value, 10), it.Amount.Currency
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// inert makes free text one line and keeps a spreadsheet from reading it as a formula.
func inert(s string) string {
	if s = planner.OneLine(s); s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// exportFormats are the words that choose an export's format.
var exportFormats = map[string]string{"xlsx": "xlsx", "excel": "xlsx", "表格": "xlsx", "csv": "csv"}

// exportFormat splits /plan export's arguments into the format word they name
// (xlsx or csv; "" when none) and the week: "xlsx", "xlsx last", "W47 excel".
func exportFormat(args string) (format, week string) {
	words := strings.Fields(args)
	for i, w := range words {
		if f, ok := exportFormats[strings.ToLower(w)]; ok {
			return f, strings.Join(slices.Delete(words, i, i+1), " ")
		}
	}
	return "", args
}
