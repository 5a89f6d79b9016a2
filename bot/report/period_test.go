package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"html"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// writePeriod writes the report v in lang and opens the workbook as a
// reader of the file would.
func writePeriod(t *testing.T, v bot.ReportView, lang planner.Lang) *excelize.File {
	t.Helper()
	return openXLSX(t, periodBytes(t, v, lang))
}

// periodBytes is the workbook of report v in lang.
func periodBytes(t *testing.T, v bot.ReportView, lang planner.Lang) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writePeriodXLSX(&b, v, lang, periodPipeline(v.Report)); err != nil {
		t.Fatalf("writePeriodXLSX: %v", err)
	}
	return b.Bytes()
}

// periodPipeline is the pipeline as it stands beside report r: a company
// signed for 12亿元, owned by r's first member (if any), and one still courted.
func periodPipeline(r planner.Report) []planner.CompanyView {
	owner := ""
	if len(r.Members) > 0 {
		owner = r.Members[0].UserID
	}
	return []planner.CompanyView{
		{Company: planner.Company{ID: 1, Name: "常诚车业", Stage: planner.StageSigned, OwnerID: owner,
			Amount: planner.Amount{Value: 120000, Currency: "CNY"}}},
		{Company: planner.Company{ID: 2, Name: "蓝天科技", Stage: planner.StageNegotiating}},
	}
}

// part is the XML of part name of workbook b.
func part(t *testing.T, b []byte, name string) string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := z.Open(name)
	if err != nil {
		t.Fatalf("the workbook has no %s: %v", name, err)
	}
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// scriptedNovember is the scripted month as made on December 3rd.
func scriptedNovember(t *testing.T) bot.ReportView {
	return bot.ReportView{Report: plannertest.ScriptedMonth(t), Period: plannertest.November, Made: plannertest.Day(t, "2025-12-03")}
}

// The scripted November's workbook in each language: the summary's title
// block and totals, its money in 亿元 with one decimal (CNY 100 m in
// English, the same unit) and its bands, each member's numbers with the team's
// total, the projects signed (a dollar amount written, not summed), and
// the trend by week with its chart.
func TestWritePeriodXLSX(t *testing.T) {
	v := scriptedNovember(t)
	for _, tt := range []struct {
		lang   planner.Lang
		sheets string
		cells  map[string]map[string]string
	}{
		{planner.English, "Summary,Members,Signed projects,Trend,Pipeline", map[string]map[string]string{
			"Summary": {"A1": "November 2025 report", "A2": "Reporting unit: 招商一组", "A3": "Period 2025-11-01 to 2025-11-30 · made 2025-12-03",
				"A5": "Kind", "F5": "Completion", "A6": "trip", "B6": "2", "C6": "2", "A17": "Total", "B17": "6", "C17": "5", "D17": "", "E17": "", "F17": "83%",
				"A18": "Enterprises met", "D18": "6", "E18": "4", "A20": "Signings", "A21": "Projects signed", "B21": "2",
				"A22": "Total investment (CNY 100 m)", "B22": "12.0", "A23": "Signed without an amount in CNY", "B23": "1",
				"A25": "By size", "A28": "CNY 1–2 bn", "B28": "1"},
			"Members": {"A5": "Member", "E5": "Days away", "A6": "Ann", "B6": "3", "C6": "2", "D6": "67%", "F6": "1", "G6": "0.0",
				"A7": "Mike", "B7": "0", "D7": "—", "A8": "王芳", "E8": "5", "G8": "12.0", "A9": "Total", "B9": "6", "E9": "5", "F9": "2", "G9": "12.0"},
			"Signed projects": {"A6": "常诚车业", "B6": "王芳", "C6": "2025-11-18", "D6": "12.0", "E6": "CNY 1.2 bn",
				"A7": "CATL", "B7": "Ann", "D7": "", "E7": "USD 200 m", "A8": "Total", "B8": "2", "D8": "12.0"},
			"Trend": {"A5": "Week", "A6": "2025-W44", "B6": "2025-11-01 – 2025-11-02", "C6": "0", "A7": "2025-W45", "C7": "1", "C8": "2", "A10": "2025-W48", "C10": "1"},
		}},
		{planner.Chinese, "汇总,成员,签约项目,趋势,招商项目", map[string]map[string]string{
			"汇总": {"A1": "2025年11月 月报", "A2": "填报单位：招商一组", "A3": "统计期：2025-11-01 至 2025-11-30 · 制表日期：2025-12-03",
				"A17": "合计", "B17": "6", "D17": "", "E17": "", "F17": "83%", "A21": "签约项目（个）", "B21": "2", "A22": "总投资（亿元）", "B22": "12.0", "A28": "10–20亿元", "B28": "1"},
			"成员":   {"A5": "成员", "E5": "外出天数", "A8": "王芳", "E8": "5", "G8": "12.0", "A9": "合计"},
			"签约项目": {"A5": "企业/项目", "D5": "总投资（亿元）", "A6": "常诚车业", "D6": "12.0", "E6": "12亿元", "E7": "2亿美元", "D8": "12.0"},
			"趋势":   {"A5": "周", "C5": "完成事项", "C8": "2"},
		}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			b := periodBytes(t, v, tt.lang)
			f := openXLSX(t, b)
			if got := strings.Join(f.GetSheetList(), ","); got != tt.sheets {
				t.Fatalf("sheets %s, want %s", got, tt.sheets)
			}
			for sheet, cells := range tt.cells {
				checkCells(t, f, sheet, cells)
			}
			// The trend's chart: columns of the done items, one series, the weeks as categories.
			trend := strings.Split(tt.sheets, ",")[3]
			chart := html.UnescapeString(part(t, b, "xl/charts/chart1.xml"))
			for _, want := range []string{`<barDir val="col">`, `<varyColors val="0">`, fmt.Sprintf("<tx><strRef><f>'%s'!$C$5</f>", trend),
				fmt.Sprintf("<cat><strRef><f>'%s'!$A$6:$A$10</f>", trend), fmt.Sprintf("<val><numRef><f>'%s'!$C$6:$C$10</f>", trend)} {
				if !strings.Contains(chart, want) {
					t.Errorf("the chart lacks %s:\n%s", want, chart)
				}
			}
			if !strings.Contains(part(t, b, "xl/worksheets/_rels/sheet4.xml.rels"), "drawing") {
				t.Errorf("the chart is not on the trend's sheet")
			}
		})
	}
}

// Every sheet prints on A4, fitted to the page's width, with its header row
// repeated on each page (the weekly workbook's way: the title block once, on
// the first page); an amount is right-aligned, in the workbook's one font.
func TestWritePeriodXLSXPageSetup(t *testing.T) {
	f := writePeriod(t, scriptedNovember(t), planner.Chinese)
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for _, sheet := range f.GetSheetList() {
		if n := utf8.RuneCountInString(sheet); n > 31 {
			t.Errorf("sheet name %q has %d characters, Excel allows 31", sheet, n)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil || *layout.Size != 9 || layout.FitToWidth == nil || *layout.FitToWidth != 1 {
			t.Errorf("%s: paper %d, fit %v (%v); want A4 (9), one page wide", sheet, *layout.Size, layout.FitToWidth, err)
		}
		if want := fmt.Sprintf("'%s'!$%d:$%[2]d", sheet, headRows); titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
	}
	id, err := f.GetCellStyle("汇总", "B22")
	if err != nil {
		t.Fatal(err)
	}
	style, err := f.GetStyle(id)
	if err != nil || style.Font == nil || style.Font.Family != fontFamily || style.Alignment == nil || style.Alignment.Horizontal != "right" || style.CustomNumFmt == nil || *style.CustomNumFmt != "0.0" {
		t.Errorf("the investment's style %+v (%v), want right-aligned 0.0", style, err)
	}
}

// A period without signings says so on its projects sheet; typed names and
// companies that look like formulas stay text; a member's report names them
// in the title.
func TestWritePeriodXLSXInert(t *testing.T) {
	v := scriptedNovember(t)
	v.Report.Team = "=HYPERLINK(\"http://evil.example\")\n"
	v.Report.Members[0].UserName = "+cmd|' /C calc'!A0"
	v.Report.Member = v.Report.Members[0].UserID
	f := writePeriod(t, v, planner.English)
	checkCells(t, f, "Summary", map[string]string{"A1": "November 2025 report · +cmd|' /C calc'!A0", "A2": "Reporting unit: =HYPERLINK(\"http://evil.example\")"})
	for _, c := range []struct{ sheet, cell string }{{"Summary", "A1"}, {"Summary", "A2"}, {"Members", "A6"}} {
		if formula, err := f.GetCellFormula(c.sheet, c.cell); err != nil || formula != "" {
			t.Errorf("%s!%s has formula %q (%v)", c.sheet, c.cell, formula, err)
		}
		if typ, _ := f.GetCellType(c.sheet, c.cell); typ != excelize.CellTypeSharedString {
			t.Errorf("%s!%s is of type %v, want a string", c.sheet, c.cell, typ)
		}
	}

	none := bot.ReportView{Report: planner.BuildReport(planner.Team{Name: "招商一组"}, v.Period.From, v.Period.To, "", nil, nil,
		planner.BuildMoney(v.Period.From, v.Period.To, nil, nil, plannertest.Shanghai)), Period: v.Period, Made: v.Made}
	f = writePeriod(t, none, planner.Chinese)
	checkCells(t, f, "签约项目", map[string]string{"A6": "本期无签约项目。"})
	checkCells(t, f, "汇总", map[string]string{"B21": "0", "B22": "0.0"})
}

// The month's workbook ends with the pipeline as it stands, as the weekly
// one shows it: each company under the title block with its stage, its
// amount in 亿元 (a number, one decimal) and its owner by name.
func TestWritePeriodXLSXPipeline(t *testing.T) {
	v := scriptedNovember(t)
	f := writePeriod(t, v, planner.Chinese)
	sheets := f.GetSheetList()
	s := sheets[len(sheets)-1]
	owner := v.Report.Members[0].UserName
	checkCells(t, f, s, map[string]string{"A1": "2025年11月 月报", "A5": "公司", "A6": "蓝天科技", "B6": "在谈", "C6": "", "D6": "—",
		"A7": "常诚车业", "B7": "签约", "C7": "12.0", "D7": owner}) // by stage, as the weekly sheet orders them
}
