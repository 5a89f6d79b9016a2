package bot

import (
	"encoding/csv"
	"io"
	"strconv"

	"planbot/planner"
)

// ExportHeader is the first row of an export.
var ExportHeader = []string{"id", "user_id", "user_name", "start_date", "end_date", "kind", "count", "place", "status", "title", "outcome"}

// WriteCSV writes items as RFC 4180 CSV, with ExportHeader first.
func WriteCSV(w io.Writer, items []planner.Item) error {
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(ExportHeader); err != nil {
		return err
	}
	for _, it := range items {
		row := []string{
			strconv.FormatInt(it.ID, 10), it.UserID, it.UserName, it.Start.String(), it.End.String(),
			string(it.Kind), strconv.Itoa(it.Count), it.Place, string(it.Status), it.Title, it.Outcome,
		}
		if err := cw.Write(row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}
