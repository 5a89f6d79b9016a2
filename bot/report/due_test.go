package report

import (
	"slices"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The pipeline sheet's next step shows a company's deadline (督办), before
// the next item planned with it, in the report's language.
func TestWriteXLSXPipelineDeadlines(t *testing.T) {
	next := reportItem(t, 9, "U1", "Ann", "2025-11-20", "2025-11-20", planner.KindVisit, 1, "拜访[常诚车业]", planner.StatusPlanned, "")
	due := planner.Deadline{Date: plannertest.Day(t, "2026-03-31"), Step: planner.StageConstruction}
	for lang, want := range map[planner.Lang][]string{
		planner.Chinese: {"开工 截止 2026-03-31 · 11月20日周四 · #9 拜访[常诚车业]", "截止 2025-12-31"},
		planner.English: {"construction due 2026-03-31 · Thu Nov 20 · #9 拜访[常诚车业]", "due 2025-12-31"},
	} {
		r := testReport(t, lang)
		r.Pipeline = []planner.CompanyView{
			{Company: planner.Company{ID: 1, Name: "常诚车业", OwnerID: "U1", OwnerName: "Ann", Stage: planner.StageSigned, Due: due}, Next: next},
			{Company: planner.Company{ID: 2, Name: "Acme", OwnerID: "U1", OwnerName: "Ann", Stage: planner.StageLead,
				Due: planner.Deadline{Date: plannertest.Day(t, "2025-12-31")}}},
		}
		f := writeXLSX(t, r)
		rows, err := f.GetRows(f.GetSheetList()[2])
		if err != nil {
			t.Fatal(err)
		}
		var cells []string
		for _, row := range rows {
			cells = append(cells, row...)
		}
		for _, w := range want {
			if !slices.Contains(cells, w) {
				t.Errorf("%s: the pipeline sheet has no cell %q: %q", lang, w, cells)
			}
		}
	}
}
