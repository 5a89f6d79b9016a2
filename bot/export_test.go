package bot

import (
	"encoding/csv"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// awkward is a title that needs every kind of CSV quoting, and a line break
// the CSV shows as a space: one line per item.
const awkward = "meet \"Acme, Inc.\"\nabout the fund"

// readCSV parses text as CSV and checks that every line ends in CRLF.
func readCSV(t *testing.T, text string) [][]string {
	t.Helper()
	if !strings.HasSuffix(text, "\r\n") || strings.Count(text, "\n") != strings.Count(text, "\r\n") {
		t.Errorf("CSV lines do not all end in CRLF: %q", text)
	}
	records, err := csv.NewReader(strings.NewReader(text)).ReadAll()
	if err != nil {
		t.Fatalf("read CSV: %v\n%q", err, text)
	}
	return records
}

func TestWriteCSV(t *testing.T) {
	items := []planner.Item{
		{ID: 1, UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
			Kind: planner.KindVisit, Count: 4, Title: "visit 4 enterprises", Status: planner.StatusPlanned},
		{ID: 2, UserID: "U2", UserName: "王芳", Start: plannertest.Day(t, "2025-11-20"), End: plannertest.Day(t, "2025-11-21"),
			Kind: planner.KindTrip, Count: 1, Visits: 3, Place: "北京", Title: "出差北京 拜访3家企业", Status: planner.StatusCancelled, Outcome: "客户改期"},
		{ID: 3, UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-19"), End: plannertest.Day(t, "2025-11-19"),
			Kind: planner.KindFund, Count: 1, Title: awkward, Status: planner.StatusDone, Outcome: "yes, \"maybe\""},
	}
	amounts := []planner.Item{
		{ID: 4, UserID: "U2", UserName: "王芳", Start: plannertest.Day(t, "2025-11-24"), End: plannertest.Day(t, "2025-11-24"),
			Kind: planner.KindSigning, Count: 2, Title: "签约2个项目 总投资30亿", Status: planner.StatusPlanned,
			Amount: planner.Amount{Value: 300000, Currency: "CNY"}},
		{ID: 5, UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-25"), End: plannertest.Day(t, "2025-11-25"),
			Kind: planner.KindSigning, Count: 1, Title: "sign Acme USD 200M", Status: planner.StatusDone,
			Amount: planner.Amount{Value: 20000, Currency: "USD"}},
	}
	for _, tt := range []struct {
		name  string
		items []planner.Item
		want  string
	}{
		{"no items", nil, "id,user_id,user_name,start_date,end_date,kind,count,place,status,title,outcome,visits,amount_wan,currency\r\n"},
		{"items", items, "id,user_id,user_name,start_date,end_date,kind,count,place,status,title,outcome,visits,amount_wan,currency\r\n" +
			"1,U1,Ann,2025-11-18,2025-11-18,visit,4,,planned,visit 4 enterprises,,0,,\r\n" +
			"2,U2,王芳,2025-11-20,2025-11-21,trip,1,北京,cancelled,出差北京 拜访3家企业,客户改期,3,,\r\n" +
			"3,U1,Ann,2025-11-19,2025-11-19,fund,1,,done,\"meet \"\"Acme, Inc.\"\" about the fund\",\"yes, \"\"maybe\"\"\",0,,\r\n"},
		{"amounts", amounts, "id,user_id,user_name,start_date,end_date,kind,count,place,status,title,outcome,visits,amount_wan,currency\r\n" +
			"4,U2,王芳,2025-11-24,2025-11-24,signing,2,,planned,签约2个项目 总投资30亿,,0,300000,CNY\r\n" +
			"5,U1,Ann,2025-11-25,2025-11-25,signing,1,,done,sign Acme USD 200M,,0,20000,USD\r\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			if err := WriteCSV(&b, tt.items); err != nil {
				t.Fatalf("WriteCSV: %v", err)
			}
			if b.String() != tt.want {
				t.Errorf("WriteCSV wrote\n%q\nwant\n%q", b.String(), tt.want)
			}
			records := readCSV(t, b.String())
			if !reflect.DeepEqual(records[0], exportHeader) || len(records) != len(tt.items)+1 {
				t.Fatalf("read back %q, want the header and %d rows", records, len(tt.items))
			}
			for i, it := range tt.items {
				title := planner.OneLine(it.Title)
				got := records[i+1]
				if got[9] != title || got[10] != it.Outcome || got[7] != it.Place || got[11] != strconv.Itoa(it.Visits) {
					t.Errorf("row %d read back as %q, want title %q, outcome %q, place %q, visits %d", i+1, got, title, it.Outcome, it.Place, it.Visits)
				}
				if wan, _ := strconv.ParseInt(got[12], 10, 64); wan != it.Amount.Value || got[13] != it.Amount.Currency {
					t.Errorf("row %d read back as %q, want amount %+v", i+1, got, it.Amount)
				}
			}
		})
	}
}

func TestHandleExport(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Bob, "周四至周五 出差北京")
	mustHandle(t, h, plannertest.Ann, "wed "+awkward)
	mustHandle(t, h, plannertest.Carol, "last mon visit 2 companies")
	mustHandle(t, h, plannertest.Ann, "done 3 yes, \"maybe\"")
	mustHandle(t, h, plannertest.Bob, "cancel 2 client postponed")

	want := [][]string{
		{"id", "user_id", "user_name", "start_date", "end_date", "kind", "count", "place", "status", "title", "outcome", "visits", "amount_wan", "currency"},
		{"1", "U1", "Ann", "2025-11-18", "2025-11-18", "visit", "4", "", "planned", "visit 4 enterprises", "", "0", "", ""},
		{"3", "U1", "Ann", "2025-11-19", "2025-11-19", "fund", "1", "", "done", planner.OneLine(awkward), "yes, \"maybe\"", "0", "", ""},
		{"2", "U2", "Bob", "2025-11-20", "2025-11-21", "trip", "1", "北京", "cancelled", "出差北京", "client postponed", "0", "", ""},
	}
	for _, tt := range []struct {
		line string
		lang planner.Lang
		want [][]string
	}{
		{"export", planner.English, want},
		{"export last", planner.English, [][]string{
			want[0], {"4", "U3", "Carol", "2025-11-10", "2025-11-10", "visit", "2", "", "planned", "visit 2 companies", "", "0", "", ""},
		}},
		{"export next", planner.English, want[:1]},
		{"导出 2025-W47", planner.Chinese, want}, // last: from now on Ann is answered in Chinese
	} {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			v, ok := r.Body.(ExportView)
			if !ok || r.Lang != tt.lang {
				t.Fatalf("reply %T %+v in %q, want an ExportView in %q", r.Body, r.Body, r.Lang, tt.lang)
			}
			if header := strings.Join(exportHeader, ",") + "\r\n"; !strings.HasPrefix(v.CSV, header) {
				t.Errorf("CSV starts %q, want %q", v.CSV[:min(len(v.CSV), len(header))], header)
			}
			if got := readCSV(t, v.CSV); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CSV rows\n%q\nwant\n%q", got, tt.want)
			}
			text := RenderText(r)
			title, body, _ := strings.Cut(text, "\n")
			if wantTitle := map[planner.Lang]string{planner.English: "Export of week ", planner.Chinese: "导出 "}[tt.lang]; !strings.HasPrefix(title, wantTitle) {
				t.Errorf("RenderText title %q, want it to start %q", title, wantTitle)
			}
			if body != strings.TrimRight(v.CSV, "\r\n") {
				t.Errorf("RenderText body %q, want the CSV", body)
			}
		})
	}
}

// Free text that a spreadsheet would run as a formula gets a leading
// apostrophe; other cells and other text are written as they are.
func TestWriteCSVFormulas(t *testing.T) {
	const hyperlink = `=HYPERLINK("http://x","y")`
	tests := []struct {
		name  string
		edit  func(*planner.Item)
		col   int // the column of exportHeader to check
		value string
	}{
		{"title =", func(it *planner.Item) { it.Title = hyperlink }, 9, "'" + hyperlink},
		{"title +", func(it *planner.Item) { it.Title = "+1 visit" }, 9, "'+1 visit"},
		{"title -", func(it *planner.Item) { it.Title = "-2+3" }, 9, "'-2+3"},
		{"title @", func(it *planner.Item) { it.Title = "@SUM(A1:A9)" }, 9, "'@SUM(A1:A9)"},
		{"title tab", func(it *planner.Item) { it.Title = "\t=1+1" }, 9, "'=1+1"},
		{"title CR", func(it *planner.Item) { it.Title = "\r=1+1" }, 9, "'=1+1"},
		{"title line break", func(it *planner.Item) { it.Title = "visit\n=1+1" }, 9, "visit =1+1"},
		{"user name ESC", func(it *planner.Item) { it.UserName = "Eve\x1b[2J" }, 2, "Eve[2J"},
		{"outcome", func(it *planner.Item) { it.Outcome = "=1+1" }, 10, "'=1+1"},
		{"place", func(it *planner.Item) { it.Place = "@北京" }, 7, "'@北京"},
		{"user id", func(it *planner.Item) { it.UserID = "=U1" }, 1, "'=U1"},
		{"user name", func(it *planner.Item) { it.UserName = "-Ann" }, 2, "'-Ann"},
		{"formula char inside", func(it *planner.Item) { it.Title = "visit A=B, C+D" }, 9, "visit A=B, C+D"},
		{"apostrophe already", func(it *planner.Item) { it.Title = "'quoted" }, 9, "'quoted"},
		{"space first", func(it *planner.Item) { it.Title = " =1" }, 9, "'=1"}, // trimmed, then made inert
		{"empty outcome", func(it *planner.Item) {}, 10, ""},
		{"chinese", func(it *planner.Item) { it.Title = "对接4家企业" }, 9, "对接4家企业"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := planner.Item{ID: 1, UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
				Kind: planner.KindVisit, Count: 4, Title: "visit 4 enterprises", Status: planner.StatusPlanned}
			tt.edit(&it)
			var b strings.Builder
			if err := WriteCSV(&b, []planner.Item{it}); err != nil {
				t.Fatalf("WriteCSV: %v", err)
			}
			records := readCSV(t, b.String())
			if len(records) != 2 {
				t.Fatalf("read back %q, want the header and one row", records)
			}
			if got := records[1][tt.col]; got != tt.value {
				t.Errorf("%s = %q, want %q", exportHeader[tt.col], got, tt.value)
			}
			for col, want := range map[int]string{0: "1", 3: "2025-11-18", 4: "2025-11-18", 5: "visit", 6: "4", 8: "planned"} {
				if got := records[1][col]; got != want {
					t.Errorf("%s = %q, want %q", exportHeader[col], got, want)
				}
			}
		})
	}
}

// A title typed as a formula is exported inert.
func TestHandleExportFormula(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, `tue =HYPERLINK("http://x","y")`)
	mustHandle(t, h, plannertest.Ann, "done 1 +2 interested")
	r := mustHandle(t, h, plannertest.Ann, "export")
	v, ok := r.Body.(ExportView)
	if !ok {
		t.Fatalf("reply %T %+v, want an ExportView", r.Body, r.Body)
	}
	want := "1,U1,Ann,2025-11-18,2025-11-18,other,1,,done,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+2 interested,0,,\r\n"
	if _, row, _ := strings.Cut(v.CSV, "\r\n"); row != want {
		t.Errorf("CSV row %q, want %q", row, want)
	}
	if it, _ := history(t, h, "T1", 1); it.Title != `=HYPERLINK("http://x","y")` || it.Outcome != "+2 interested" {
		t.Errorf("stored title %q, outcome %q; want them as typed", it.Title, it.Outcome)
	}
}

func TestParseExportFormat(t *testing.T) {
	for _, tt := range []struct {
		line string
		want Command
	}{
		{"export xlsx", Command{Verb: VerbExport, Args: "xlsx", Lang: planner.English}},
		{"export XLSX last", Command{Verb: VerbExport, Args: "XLSX last", Lang: planner.English}},
		{"export 2025-W47 excel", Command{Verb: VerbExport, Args: "2025-W47 excel", Lang: planner.English}},
		{"导出 xlsx 上周", Command{Verb: VerbExport, Args: "xlsx 上周", Lang: planner.Chinese}},
		{"导出 表格", Command{Verb: VerbExport, Args: "表格", Lang: planner.Chinese}},
		{"export csv", Command{Verb: VerbExport, Args: "csv", Lang: planner.English}},
		// Not an export: the rest is not a week and a format.
		{"export excel sheet for the client", Command{Verb: VerbAdd, Args: "export excel sheet for the client"}},
		{"export xlsx xlsx", Command{Verb: VerbAdd, Args: "export xlsx xlsx"}},
	} {
		if got := ParseCommand(tt.line); !sameLine(got, tt.want) {
			t.Errorf("ParseCommand(%q) = %+v, want %+v", tt.line, got, tt.want)
		}
	}
}

func TestHandleExportXLSX(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	for _, tt := range []struct {
		line string
		week planner.Week
		lang planner.Lang
		text string
	}{
		{"export xlsx", plannertest.W47, planner.English, "Making the Excel report of 2025-W47: it will be in your direct messages in a moment."},
		{"export excel last", planner.Week{Year: 2025, Num: 46}, planner.English, "Making the Excel report of 2025-W46"},
		{"导出 xlsx 2025-W48", planner.Week{Year: 2025, Num: 48}, planner.Chinese, "正在生成 2025-W48 的 Excel 周报，稍后发到你的私信。"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			p := &workLog{}
			r := handleOn(t, h, p, plannertest.Ann, tt.line)
			if up, ok := r.Body.(ReportSending); !ok || up.Week != tt.week || r.Lang != tt.lang {
				t.Fatalf("reply %T %+v in %q, want ReportSending of %s in %q", r.Body, r.Body, r.Lang, tt.week, tt.lang)
			}
			// The platform makes and sends the report of the week asked for.
			if want := []string{"report " + tt.week.String()}; !slices.Equal(p.work, want) {
				t.Errorf("the platform was asked for %q, want %q", p.work, want)
			}
			if text := RenderText(r); !strings.HasPrefix(text, tt.text) {
				t.Errorf("RenderText = %q, want it to start %q", text, tt.text)
			}
		})
	}
	if items := teamItems(t, h, "T1"); len(items) != 1 {
		t.Errorf("the team has %d items after the exports, want 1", len(items))
	}
	p := &workLog{}
	if r := handleOn(t, h, p, plannertest.Ann, "export xlsx 2025-W99"); !isFailure(r, planner.ReasonBadWeek) {
		t.Errorf("export xlsx 2025-W99: %T %+v, want a bad-week failure", r.Body, r.Body)
	}
	if len(p.work) != 0 {
		t.Errorf("a refused export asked the platform for %q", p.work)
	}
}

func isFailure(r Reply, reason planner.Reason) bool {
	f, ok := r.Body.(Failure)
	return ok && f.Err.Reason == reason
}
