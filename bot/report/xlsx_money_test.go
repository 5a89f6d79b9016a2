package report

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The summary gains the week's signings under the enterprises met, in both
// languages: the projects, their total investment as a number of 亿元 (one
// decimal, right-aligned), the projects by size and those without a CNY
// amount; and the member table moves down under them. A week with nothing
// signed has none of it (TestWriteXLSXSummary).
func TestWriteXLSXMoney(t *testing.T) {
	cny := func(wan int64) planner.Amount { return planner.Amount{Value: wan, Currency: "CNY"} }
	amounts := []planner.Amount{cny(120000), cny(35000), {Value: 20000, Currency: "USD"}}
	changes := make([]planner.StageChange, len(amounts))
	companies := make([]planner.Company, len(amounts))
	for i, a := range amounts {
		companies[i] = planner.Company{ID: int64(i + 1), OwnerID: "U1", Amount: a}
		changes[i] = planner.StageChange{CompanyID: int64(i + 1), To: planner.StageSigned, At: plannertest.Monday}
	}
	money := planner.BuildMoney(plannertest.W47.Start(), plannertest.W47.End(), changes, companies, plannertest.Shanghai)
	for _, tt := range []struct {
		lang  planner.Lang
		sheet string
		want  map[string]string
	}{
		{planner.English, "Summary", map[string]string{"A18": "Projects signed", "B18": "3", "A19": "Total investment (CNY 100 m)",
			"A20": "By size: CNY 0.3–1 bn 1, CNY 1–2 bn 1", "A21": "1 signed project(s) without an amount in CNY: counted, not summed",
			"A23": "Member"}},
		{planner.Chinese, "汇总", map[string]string{"A18": "签约项目（个）", "B18": "3", "A19": "总投资（亿元）",
			"A20": "按规模：3–10亿元1个、10–20亿元1个", "A21": "其中1个项目未填人民币投资额：计入项目数，不计入总投资", "A23": "成员"}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			r := testReport(t, tt.lang)
			r.Retro.Money = money
			f := writeXLSX(t, r)
			checkCells(t, f, tt.sheet, tt.want)
			raw, err := f.GetCellValue(tt.sheet, "B19", excelize.Options{RawCellValue: true})
			if err != nil || raw != "15.5" {
				t.Errorf("B19 holds %q (%v), want the number 15.5 (亿元)", raw, err)
			}
			if shown, _ := f.GetCellValue(tt.sheet, "B19"); shown != "15.5" {
				t.Errorf("B19 shows %q, want 15.5", shown)
			}
		})
	}
}
