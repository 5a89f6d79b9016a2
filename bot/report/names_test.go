package report

import (
	"testing"

	"planbot/planner"
)

// The period workbook names a member without a name yet by a number, in the
// workbook's language, never by their user id.
func TestWritePeriodXLSXNameless(t *testing.T) {
	v := scriptedNovember(t)
	for i := range v.Report.Members {
		if v.Report.Members[i].UserID == "U3" { // Mike, listed between Ann and 王芳
			v.Report.Members[i].UserName = ""
		}
	}
	for _, tt := range []struct {
		lang  planner.Lang
		sheet string
		want  string
	}{
		{planner.English, "Members", "Member 1 (no name yet)"},
		{planner.Chinese, "成员", "成员1（未登记姓名）"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			checkCells(t, writePeriod(t, v, tt.lang), tt.sheet, map[string]string{"A6": "Ann", "A7": tt.want, "A8": "王芳"})
		})
	}
}
