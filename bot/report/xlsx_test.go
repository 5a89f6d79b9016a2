package report

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// Text a spreadsheet would run as a formula, with control characters, a
// bidirectional override and an escape sequence of the xlsx format.
const (
	hostileName  = `=HYPERLINK("http://evil.example","click")`
	hostileTitle = "=1+2\tcall\a @here\u202e_x0041_\n+cmd|' /C calc'!A0"
	hostileLine  = "○ #6 =1+2 call @here_x0041_ +cmd|' /C calc'!A0"
)

// reportItem is an item of team T1.
func reportItem(t *testing.T, id int64, user, name, start, end string, kind planner.Kind, count int, title string, status planner.Status, outcome string) planner.Item {
	return planner.Item{
		ID: id, TeamID: "T1", UserID: user, UserName: name, Start: plannertest.Day(t, start), End: plannertest.Day(t, end),
		Kind: kind, Count: count, Title: title, Status: status, Outcome: outcome,
	}
}

// testReport is week 2025-W47 of team 招商一组: Ann visits on Tuesday (done),
// cancels Wednesday's fund meeting and travels Friday to Monday; 王芳 comes
// back on Monday from a trip that started the Thursday before and has a visit
// planned that day, and hosts a delegation on Thursday; Bob is on leave from
// Monday to Friday; someone named like a formula adds a hostile item. The
// report is made on Sunday.
func testReport(t *testing.T, lang planner.Lang) WeekReport {
	items := []planner.Item{
		reportItem(t, 4, "U2", "王芳", "2025-11-13", "2025-11-17", planner.KindTrip, 1, "出差上海", planner.StatusDone, "签了意向书"),
		reportItem(t, 5, "U2", "王芳", "2025-11-17", "2025-11-17", planner.KindVisit, 4, "对接4家企业", planner.StatusPlanned, ""),
		reportItem(t, 1, "U1", "Ann", "2025-11-18", "2025-11-18", planner.KindVisit, 4, "visit 4 enterprises", planner.StatusDone, "2 of 4 interested"),
		reportItem(t, 6, "U4", hostileName, "2025-11-18", "2025-11-18", planner.KindOther, 1, hostileTitle, planner.StatusPlanned, ""),
		reportItem(t, 3, "U1", "Ann", "2025-11-19", "2025-11-19", planner.KindFund, 1, "meet a fund company", planner.StatusCancelled, "client postponed"),
		reportItem(t, 2, "U1", "Ann", "2025-11-21", "2025-11-24", planner.KindTrip, 1, "trip to Beijing", planner.StatusPlanned, ""),
		reportItem(t, 7, "U3", "Bob", "2025-11-17", "2025-11-21", planner.KindLeave, 1, "年假", planner.StatusPlanned, ""),
		reportItem(t, 8, "U2", "王芳", "2025-11-20", "2025-11-20", planner.KindReception, 1, "接待深圳客商考察团", planner.StatusDone, ""),
	}
	items[5].Visits = 3 // Ann's trip to Beijing visits 3 enterprises
	members := []planner.Member{
		{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"},
		{TeamID: "T1", UserID: "U3", Name: "Bob"}, {TeamID: "T1", UserID: "U4", Name: hostileName},
	}
	team := planner.Team{ID: "T1", Name: "招商一组"}
	var week, previous []planner.Item
	for _, it := range items {
		if plannertest.W47.Contains(it.Start) {
			week = append(week, it)
		} else {
			previous = append(previous, it)
		}
	}
	notes := map[string]string{"U1": "Two companies want\na second visit."}
	retro := planner.BuildRetro(team, plannertest.W47, week, previous, nil, nil, notes, members)
	return WeekReport{Team: team, Week: plannertest.W47, Lang: lang, Members: members, Items: items, Retro: retro, Made: plannertest.Day(t, "2025-11-23")}
}

// writeXLSX writes r and opens the result as a reader of the file would.
func writeXLSX(t *testing.T, r WeekReport) *excelize.File {
	t.Helper()
	return openXLSX(t, writeXLSXBytes(t, r))
}

// writeXLSXBytes writes r as a file's bytes.
func writeXLSXBytes(t *testing.T, r WeekReport) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, r); err != nil {
		t.Fatalf("WriteXLSX: %v", err)
	}
	return b.Bytes()
}

func openXLSX(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// checkCells compares cells of a sheet with want, by cell name.
func checkCells(t *testing.T, f *excelize.File, sheet string, want map[string]string) {
	t.Helper()
	for name, w := range want {
		got, err := f.GetCellValue(sheet, name)
		if err != nil {
			t.Fatalf("%s!%s: %v", sheet, name, err)
		}
		if got != w {
			t.Errorf("%s!%s = %q, want %q", sheet, name, got, w)
		}
	}
}

func TestWriteXLSXBoard(t *testing.T) {
	// Under the title block, rows by name: the formula-named member, Ann,
	// Bob, 王芳; then the legend.
	for _, tt := range []struct {
		lang  planner.Lang
		sheet string
		want  map[string]string
	}{
		{planner.English, "Board", map[string]string{
			"A1": "招商一组 · the week's board, 2025-W47 (Nov 17–23)",
			"A3": "Member", "B3": "Mon 11/17", "C3": "Tue 11/18", "F3": "Fri 11/21", "H3": "Sun 11/23",
			"B6": "○ #7 leave · 年假 (1/5)", "F6": "○ #7 leave · 年假 (5/5)",
			"A8": "√ done   × cancelled   ○ planned   (2/3): day 2 of a 3-day item",
		}},
		{planner.Chinese, "作战图", map[string]string{
			"A1": "招商一组 · 本周作战图 2025-W47（11月17日–23日）",
			"A3": "成员", "B3": "周一 11/17", "C3": "周二 11/18", "F3": "周五 11/21", "H3": "周日 11/23",
			"B6": "○ #7 请假 · 年假 (1/5)", "F6": "○ #7 请假 · 年假 (5/5)",
			"A8": "√ 完成   × 取消   ○ 计划   (2/3)：3 天事项的第 2 天",
		}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			f := writeXLSX(t, testReport(t, tt.lang))
			if got := f.GetSheetList(); len(got) != 3 || got[0] != tt.sheet {
				t.Fatalf("sheets %q, want the board first of three", got)
			}
			want := map[string]string{
				"A4": hostileName, "C4": hostileLine, "B4": "",
				"A5": "Ann", "B5": "",
				"C5": "√ #1 visit 4 enterprises — 2 of 4 interested",
				"D5": "× #3 meet a fund company — client postponed",
				"E5": "",
				"F5": "○ #2 trip to Beijing (1/4)", "G5": "○ #2 trip to Beijing (2/4)", "H5": "○ #2 trip to Beijing (3/4)",
				"A6": "Bob", "G6": "", "H6": "",
				"E7": "√ #8 接待深圳客商考察团",
				"A7": "王芳", "B7": "√ #4 出差上海 (5/5) — 签了意向书\n○ #5 对接4家企业", "C7": "",
			}
			for k, v := range tt.want {
				want[k] = v
			}
			checkCells(t, f, tt.sheet, want)
		})
	}
}

func TestWriteXLSXSummary(t *testing.T) {
	for _, tt := range []struct {
		lang   planner.Lang
		sheet  string
		header []string
		want   map[string]string
	}{
		{planner.English, "Summary",
			[]string{"Kind", "Planned items", "Done items", "Planned count", "Done count", "Completion"},
			map[string]string{"A4": "trip", "A7": "reception", "A8": "visit", "A9": "event", "A13": "leave", "A15": "Total", "A16": "Last week",
				"A17": "Enterprises met", "A19": "Member", "G19": "Note"}},
		{planner.Chinese, "汇总",
			// A header too wide for its column is broken before its bracket.
			[]string{"类型", "计划\n（项）", "完成\n（项）", "计划\n（数量）", "完成\n（数量）", "完成率"},
			map[string]string{"A4": "出差", "A7": "接待", "A8": "拜访", "A9": "活动", "A13": "请假", "A15": "合计", "A16": "上周",
				"A17": "对接企业（家）", "A19": "成员", "G19": "心得"}},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			f := writeXLSX(t, testReport(t, tt.lang))
			want := map[string]string{
				// Kinds in planner.Kinds order: trip, signing, fund, reception, visit, event, …, leave, other.
				"B4": "1", "C4": "0", "D4": "1", "E4": "0", "F4": "0%", // Ann's trip; 王芳's began last week
				"B6": "0", "F6": "—", // the fund meeting was cancelled: it counts nowhere
				"B7": "1", "C7": "1", "D7": "1", "E7": "1", "F7": "100%", // 王芳 hosted a delegation
				"B8": "2", "C8": "1", "D8": "8", "E8": "4", "F8": "50%",
				"B13": "1", "C13": "0", "F13": "—", // Bob's leave: no work to complete
				"B14": "1", "C14": "0", // the hostile item is "other"
				// The total leaves the leave out, and totals items only: the
				// counts of different kinds (enterprises, delegations) do not add up.
				"B15": "5", "C15": "2", "D15": "", "E15": "", "F15": "40%",
				"B16": "1", "C16": "1", "D16": "", "E16": "", "F16": "100%", // 王芳's trip
				// The visits' 8 and the 3 of Ann's trip; 4 met.
				"B17": "", "D17": "11", "E17": "4", "F17": "36%",
				// Members by name, as on the board.
				"A20": hostileName, "B20": "1", "F20": "0%",
				// A member's items are of several kinds: no counts either.
				"A21": "Ann", "B21": "2", "C21": "1", "D21": "", "E21": "", "F21": "50%", "G21": "Two companies want a second visit.",
				"A22": "Bob", "B22": "0", "D22": "", "F22": "—", // on leave
				"A23": "王芳", "B23": "2", "C23": "1", "D23": "", "E23": "", "F23": "50%",
			}
			for i, h := range tt.header {
				want[cell(i+1, headerRow)] = h
			}
			for k, v := range tt.want {
				want[k] = v
			}
			checkCells(t, f, tt.sheet, want)
			// Completion is a number shown as a percentage, not text.
			raw, err := f.GetCellValue(tt.sheet, "F15", excelize.Options{RawCellValue: true})
			if err != nil || raw != "0.4" {
				t.Errorf("F15 holds %q (%v), want 0.4", raw, err)
			}
		})
	}
}

func TestWriteXLSXPipeline(t *testing.T) {
	t.Run("none yet", func(t *testing.T) {
		for lang, want := range map[planner.Lang]map[string]string{
			planner.English: {"A3": "Company", "B3": "Stage", "C3": "Amount (CNY 100 m)", "D3": "Owner", "E3": "Last contact", "F3": "Next step", "A4": "No companies in the pipeline yet."},
			planner.Chinese: {"A3": "公司", "B3": "阶段", "C3": "投资额\n（亿元）", "D3": "负责人", "E3": "最近接触", "F3": "下一步", "A4": "还没有招商项目。"},
		} {
			f := writeXLSX(t, testReport(t, lang))
			checkCells(t, f, f.GetSheetList()[2], want)
		}
	})
	t.Run("companies", func(t *testing.T) {
		r := testReport(t, planner.Chinese)
		next := reportItem(t, 9, "U1", "Ann", "2025-11-20", "2025-11-20", planner.KindVisit, 1, "拜访[常诚车业]", planner.StatusPlanned, "")
		r.Pipeline = []planner.CompanyView{
			{Company: planner.Company{ID: 2, Name: "Zeta Motors", OwnerID: "U2", OwnerName: "王芳", Stage: planner.StageLead,
				Amount: planner.Amount{Value: 12000, Currency: "USD"}}},
			{Company: planner.Company{ID: 1, Name: "常诚车业", Notes: "年产150万套车灯项目", OwnerID: "U1", OwnerName: "Ann", Stage: planner.StageSigned,
				Amount: planner.Amount{Value: 120000, Currency: "CNY"}}, LastContact: plannertest.Day(t, "2025-11-18"), Next: next},
			// An owner who left the team: no name, and no id shown.
			{Company: planner.Company{ID: 3, Name: "=cmd|' /C calc'!A0", OwnerID: "U9", Stage: planner.StageLost,
				Amount: planner.Amount{Value: 3500, Currency: "CNY"}}},
			{Company: planner.Company{ID: 4, Name: "Acme", OwnerID: "U1", OwnerName: "Ann", Stage: planner.StageLead}},
		}
		f := writeXLSX(t, r)
		checkCells(t, f, "招商项目", map[string]string{
			"A4": "Acme", "B4": "线索", "C4": "", "D4": "Ann", "E4": "—", "F4": "—",
			"A5": "Zeta Motors", "B5": "线索", "C5": "1.2亿美元", "D5": "王芳",
			"A6": "常诚车业", "B6": "签约", "C6": "12.0", "D6": "Ann", "E6": "2025-11-18", "F6": "11月20日周四 · #9 拜访[常诚车业]", "G6": "年产150万套车灯项目",
			"A7": "=cmd|' /C calc'!A0", "B7": "流失", "C7": "0.4", "D7": "—",
		})
		// An amount in yuan is a number of 亿元, shown with one decimal and
		// right-aligned; one in another currency is text, right-aligned too.
		for name, want := range map[string]string{"C6": "12", "C7": "0.35"} {
			if raw, err := f.GetCellValue("招商项目", name, excelize.Options{RawCellValue: true}); err != nil || raw != want {
				t.Errorf("%s holds %q (%v), want the number %s", name, raw, err, want)
			}
		}
		for _, name := range []string{"C5", "C6", "C7"} {
			id, err := f.GetCellStyle("招商项目", name)
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.GetStyle(id)
			if err != nil || style.Alignment == nil || style.Alignment.Horizontal != "right" {
				t.Errorf("%s is not right-aligned (%v)", name, err)
			}
		}
	})
}

// Every sheet prints on A4, one page wide (and, this short week, one page
// tall), with its column headers on every page: the board and the pipeline
// in landscape, the summary in portrait.
func TestWriteXLSXPageSetup(t *testing.T) {
	for _, lang := range plannertest.Langs {
		f := writeXLSX(t, testReport(t, lang))
		titles := map[string]string{}
		for _, d := range f.GetDefinedName() {
			if d.Name == "_xlnm.Print_Titles" {
				titles[d.Scope] = d.RefersTo
			}
		}
		for i, sheet := range f.GetSheetList() {
			orientation := []string{"landscape", "portrait", "landscape"}[i]
			if n := utf8.RuneCountInString(sheet); n > 31 {
				t.Errorf("sheet name %q has %d characters, Excel allows 31", sheet, n)
			}
			layout, err := f.GetPageLayout(sheet)
			if err != nil {
				t.Fatal(err)
			}
			if *layout.Orientation != orientation || *layout.Size != 9 || layout.FitToWidth == nil || *layout.FitToWidth != 1 ||
				layout.FitToHeight == nil || *layout.FitToHeight != 1 {
				t.Errorf("%s: orientation %s, paper %d, fit %v×%v; want %s A4 (9), one page wide and tall", sheet,
					*layout.Orientation, *layout.Size, layout.FitToWidth, layout.FitToHeight, orientation)
			}
			props, err := f.GetSheetProps(sheet)
			if err != nil || props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s: fit to page is off (%v)", sheet, err)
			}
			if want := fmt.Sprintf("'%s'!$3:$3", sheet); titles[sheet] != want {
				t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
			}
			rows, err := f.GetRows(sheet)
			if err != nil || len(rows) < headerRow {
				t.Fatalf("%s: no header row (%v)", sheet, err)
			}
			var total float64
			for col := 1; col <= len(rows[headerRow-1]); col++ {
				w, err := f.GetColWidth(sheet, colName(col))
				if err != nil {
					t.Fatal(err)
				}
				total += w
			}
			if limit := map[string]float64{"landscape": 140, "portrait": 100}[orientation]; total > limit {
				t.Errorf("%s: the columns are %.0f wide; A4 landscape holds about 130 at 100%%, portrait about 96", sheet, total)
			}
		}
	}
}

// No cell holds a formula or a control character, whatever was typed.
func TestWriteXLSXTextIsInert(t *testing.T) {
	r := testReport(t, planner.English)
	r.Team.Name = "@SUM(1+1)\x00"
	r.Pipeline = []planner.CompanyView{
		{Company: planner.Company{ID: 1, Name: "-2+3", Notes: "\x1b[31m=A1\u2028*forged*\u0085line", OwnerName: "+x", Stage: "weird\x7f"}},
		{Company: planner.Company{ID: 2, Name: "_x003D_1+1", Notes: "_x0007_bell _x0041__x0042_ _x12", OwnerName: "_x005F_", Stage: planner.StageLead}},
	}
	f := writeXLSX(t, r)
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			for j, value := range row {
				name := cell(j+1, i+1)
				if formula, err := f.GetCellFormula(sheet, name); err != nil || formula != "" {
					t.Errorf("%s!%s has formula %q (%v)", sheet, name, formula, err)
				}
				if strings.ContainsFunc(value, func(r rune) bool {
					return unicode.IsControl(r) && r != '\n' || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
				}) {
					t.Errorf("%s!%s = %q holds a control character or a line separator", sheet, name, value)
				}
				if strings.ContainsAny(value[:min(1, len(value))], "=+-@") {
					if typ, _ := f.GetCellType(sheet, name); typ != excelize.CellTypeSharedString {
						t.Errorf("%s!%s = %q is of type %v, want a string", sheet, name, value, typ)
					}
				}
			}
		}
	}
	checkCells(t, f, "Board", map[string]string{"A1": "@SUM(1+1) · the week's board, 2025-W47 (Nov 17–23)", "A4": hostileName, "C4": hostileLine})
	checkCells(t, f, "Pipeline", map[string]string{
		"A4": "_x003D_1+1", "D4": "_x005F_", "G4": "_x0007_bell _x0041__x0042_ _x12", // the format's escapes stay text
		"A5": "-2+3", "B5": "weird", "D5": "+x", "G5": "[31m=A1 *forged* line",
	})
}

// The layout of both languages' reports, cell by cell, against testdata.
func TestWriteXLSXGolden(t *testing.T) {
	for _, lang := range plannertest.Langs {
		t.Run(string(lang), func(t *testing.T) {
			plannertest.Golden(t, "export_xlsx_"+string(lang)+".golden", dumpXLSX(t, writeXLSX(t, testReport(t, lang))))
		})
	}
}

// dumpXLSX writes a workbook as text: per sheet its page setup and footer,
// column widths, merged cells and panes, then each row's height and cells.
func dumpXLSX(t *testing.T, f *excelize.File) []byte {
	t.Helper()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		layout, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s · %s, paper %d, %d page(s) wide\n", sheet, *layout.Orientation, *layout.Size, *layout.FitToWidth)
		footer, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "footer: %q\n", footer.OddFooter)
		b.WriteString("widths:")
		for col := 1; col <= 8; col++ {
			w, _ := f.GetColWidth(sheet, colName(col))
			fmt.Fprintf(&b, " %s=%g", colName(col), w)
		}
		b.WriteString("\nmerged:")
		merged, _ := f.GetMergeCells(sheet)
		for _, m := range merged {
			fmt.Fprintf(&b, " %s:%s", m.GetStartAxis(), m.GetEndAxis())
		}
		panes, _ := f.GetPanes(sheet)
		fmt.Fprintf(&b, "\nfrozen at %s\n", panes.TopLeftCell)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for i, row := range rows {
			height, _ := f.GetRowHeight(sheet, i+1)
			fmt.Fprintf(&b, "row %d (%gpt)\n", i+1, height)
			for j, value := range row {
				if value != "" {
					fmt.Fprintf(&b, "  %s %q\n", cell(j+1, i+1), value)
				}
			}
		}
	}
	return []byte(b.String())
}

// BuildWeekReport puts on the board the items of the week's days, an earlier
// trip that runs into Monday too, and every member, even one who logged nothing.
func TestBuildWeekReport(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "2025-11-14 to 2025-11-17 trip to Shanghai")
	mustHandle(t, h, plannertest.Ann, "2025-10-01 visit 2 enterprises")  // long before: not on the board
	mustHandle(t, h, plannertest.Ann, "2025-11-13 visit 3 enterprises")  // the week before: not on the board
	mustHandle(t, h, plannertest.Bob, "周五至下周一 出差北京")                     // Friday to next Monday
	mustHandle(t, h, plannertest.Carol, "2025-11-24 visit 1 enterprise") // next week
	mustHandle(t, h, plannertest.Bob, "done 4 谈妥")
	mustHandle(t, h, plannertest.Boss, "lang zh")
	mustHandle(t, h, plannertest.Boss, "setup lang zh")
	mustHandle(t, h, plannertest.Bob, "线索 常诚车业 签约")
	mustHandle(t, h, plannertest.Bob, "下周二 拜访【常诚车业】") // #6, next week: the company's next step
	team, err := dbOf(h).Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	r, err := BuildWeekReport(t.Context(), h.Service, team, plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	if r.Lang != planner.Chinese || r.Week != plannertest.W47 || r.Team.ID != "T1" {
		t.Errorf("report of %s in %q for %q, want W47 in Chinese for T1", r.Week, r.Lang, r.Team.ID)
	}
	if len(r.Pipeline) != 1 || r.Pipeline[0].Name != "常诚车业" || r.Pipeline[0].Stage != planner.StageSigned || r.Pipeline[0].Next.ID != 6 {
		t.Errorf("pipeline %+v, want 常诚车业, signed, next #6", r.Pipeline)
	}
	var ids []int64
	for _, it := range r.Items {
		ids = append(ids, it.ID)
	}
	if fmt.Sprint(ids) != "[1 4]" {
		t.Errorf("items on the board %v, want the trip into Monday (#1) and Bob's trip (#4)", ids)
	}
	if len(r.Members) != 4 {
		t.Errorf("members %+v, want Ann, Bob, Carol and Boss", r.Members)
	}
	if r.Retro.Totals[planner.KindTrip].Items != 1 || r.Retro.Totals[planner.KindTrip].DoneItems != 1 {
		t.Errorf("trip totals %+v, want Bob's trip, done (Ann's started last week)", r.Retro.Totals[planner.KindTrip])
	}
	f := writeXLSX(t, r)
	checkCells(t, f, "作战图", map[string]string{
		"A4": "Ann", "B4": "○ #1 trip to Shanghai (4/4)", "C4": "",
		"A5": "Bob", "F5": "√ #4 出差北京 (1/4) — 谈妥", "G5": "√ #4 出差北京 (2/4)", "H5": "√ #4 出差北京 (3/4)",
		"A6": "Boss", "A7": "Carol", "B7": "", "H7": "",
	})
}
