package report

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The summary shows each target's 完成率 against the time gone, green when
// on pace and red when behind, and the companies overdue in red, under the
// totals, in both languages.
func TestWriteXLSXMeasures(t *testing.T) {
	asOf := plannertest.Day(t, "2025-11-23")
	targets := []planner.TargetProgress{
		{Metric: planner.MetricAmount, Period: planner.TargetPeriod{Year: 2025}, Goal: 100000, Done: 20000, AsOf: asOf}, // behind
		{Metric: planner.MetricSigned, Period: planner.TargetPeriod{Year: 2025}, Goal: 4, Done: 4, AsOf: asOf},          // on pace
	}
	overdue := []planner.OverdueCompany{{CompanyID: 1, Company: "常诚车业", Owner: "U2", Due: plannertest.Day(t, "2025-11-20")}}
	for _, tt := range []struct {
		lang  planner.Lang
		sheet string
		head  string
	}{{planner.English, "Summary", "Targets"}, {planner.Chinese, "汇总", "目标完成率"}} {
		t.Run(string(tt.lang), func(t *testing.T) {
			r := testReport(t, tt.lang)
			r.Retro.Targets = targets
			r.Retro.Pipeline.Overdue = overdue
			f := writeXLSX(t, r)
			fills := map[string]string{} // the text of each row of column A → its fill
			rows, err := f.GetRows(tt.sheet)
			if err != nil {
				t.Fatal(err)
			}
			for i, row := range rows {
				if len(row) == 0 {
					continue
				}
				id, err := f.GetCellStyle(tt.sheet, cell(1, i+1))
				if err != nil {
					t.Fatal(err)
				}
				style, err := f.GetStyle(id)
				if err != nil {
					t.Fatal(err)
				}
				fills[row[0]] = strings.Join(style.Fill.Color, "")
			}
			want := map[string]string{"FFC7CE": "", "C6EFCE": ""}
			heads := 0
			for text, fill := range fills {
				switch {
				case strings.HasPrefix(text, tt.head):
					heads++
				case strings.Contains(text, "常诚车业") || strings.Contains(text, "20%") || strings.Contains(text, "100%"):
					if _, ok := want[fill]; !ok {
						t.Errorf("%q filled %q, want green C6EFCE or red FFC7CE", text, fill)
					}
					if strings.Contains(text, "100%") != (fill == "C6EFCE") {
						t.Errorf("%q filled %q: on pace is green, behind and overdue red", text, fill)
					}
					want[fill] += text + "\n"
				}
			}
			if heads != 1 || !strings.Contains(want["FFC7CE"], "常诚车业") || !strings.Contains(want["FFC7CE"], "20%") || !strings.Contains(want["C6EFCE"], "100%") {
				t.Errorf("heading %d times; red %q, green %q", heads, want["FFC7CE"], want["C6EFCE"])
			}
		})
	}
}

// The period workbook's summary has the same: the report's targets in green
// or red and its companies overdue.
func TestWritePeriodXLSXMeasures(t *testing.T) {
	r := scriptedNovember(t)
	r.Report.Targets = []planner.TargetProgress{{Metric: planner.MetricSigned, Period: planner.TargetPeriod{Year: 2025}, Goal: 4, Done: 1,
		AsOf: plannertest.Day(t, "2025-11-30")}}
	f := writePeriod(t, r, planner.Chinese)
	found := false
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	for i, row := range rows {
		if len(row) > 0 && strings.Contains(row[0], "25%") {
			id, _ := f.GetCellStyle("汇总", cell(1, i+1))
			style, err := f.GetStyle(id)
			found = err == nil && strings.Join(style.Fill.Color, "") == "FFC7CE"
		}
	}
	if !found {
		t.Errorf("no red line of the target 1 of 4 signed in:\n%v", rows)
	}
}
