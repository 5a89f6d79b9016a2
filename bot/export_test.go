package bot

import (
	"encoding/csv"
	"reflect"
	"strings"
	"testing"

	"planbot/planner"
)

// awkward is a title that needs every kind of CSV quoting.
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
		{ID: 1, UserID: "U1", UserName: "Ann", Start: day(t, "2025-11-18"), End: day(t, "2025-11-18"),
			Kind: planner.KindVisit, Count: 4, Title: "visit 4 enterprises", Status: planner.StatusPlanned},
		{ID: 2, UserID: "U2", UserName: "王芳", Start: day(t, "2025-11-20"), End: day(t, "2025-11-21"),
			Kind: planner.KindTrip, Count: 1, Place: "北京", Title: "出差北京", Status: planner.StatusCancelled, Outcome: "客户改期"},
		{ID: 3, UserID: "U1", UserName: "Ann", Start: day(t, "2025-11-19"), End: day(t, "2025-11-19"),
			Kind: planner.KindFund, Count: 1, Title: awkward, Status: planner.StatusDone, Outcome: "yes, \"maybe\""},
	}
	for _, tt := range []struct {
		name  string
		items []planner.Item
		want  string
	}{
		{"no items", nil, "id,user_id,user_name,start_date,end_date,kind,count,place,status,title,outcome\r\n"},
		{"items", items, "id,user_id,user_name,start_date,end_date,kind,count,place,status,title,outcome\r\n" +
			"1,U1,Ann,2025-11-18,2025-11-18,visit,4,,planned,visit 4 enterprises,\r\n" +
			"2,U2,王芳,2025-11-20,2025-11-21,trip,1,北京,cancelled,出差北京,客户改期\r\n" +
			"3,U1,Ann,2025-11-19,2025-11-19,fund,1,,done,\"meet \"\"Acme, Inc.\"\"\r\nabout the fund\",\"yes, \"\"maybe\"\"\"\r\n"},
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
			if !reflect.DeepEqual(records[0], ExportHeader) || len(records) != len(tt.items)+1 {
				t.Fatalf("read back %q, want the header and %d rows", records, len(tt.items))
			}
			for i, it := range tt.items {
				if got := records[i+1]; got[9] != it.Title || got[10] != it.Outcome || got[7] != it.Place {
					t.Errorf("row %d read back as %q, want title %q, outcome %q, place %q", i+1, got, it.Title, it.Outcome, it.Place)
				}
			}
		})
	}
}

func TestHandleExport(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, ann, "tue visit 4 enterprises")
	mustHandle(t, h, bob, "周四至周五 出差北京")
	mustHandle(t, h, ann, "wed "+awkward)
	mustHandle(t, h, carol, "last mon visit 2 companies")
	mustHandle(t, h, ann, "done 3 yes, \"maybe\"")
	mustHandle(t, h, bob, "cancel 2 client postponed")

	want := [][]string{
		{"id", "user_id", "user_name", "start_date", "end_date", "kind", "count", "place", "status", "title", "outcome"},
		{"1", "U1", "Ann", "2025-11-18", "2025-11-18", "visit", "4", "", "planned", "visit 4 enterprises", ""},
		{"3", "U1", "Ann", "2025-11-19", "2025-11-19", "fund", "1", "", "done", awkward, "yes, \"maybe\""},
		{"2", "U2", "Bob", "2025-11-20", "2025-11-21", "trip", "1", "北京", "cancelled", "出差北京", "client postponed"},
	}
	for _, tt := range []struct {
		line string
		lang planner.Lang
		want [][]string
	}{
		{"export", planner.English, want},
		{"导出 2025-W47", planner.Chinese, want},
		{"export last", planner.English, [][]string{
			want[0], {"4", "U3", "Carol", "2025-11-10", "2025-11-10", "visit", "2", "", "planned", "visit 2 companies", ""},
		}},
		{"export next", planner.English, want[:1]},
	} {
		t.Run(tt.line, func(t *testing.T) {
			r := mustHandle(t, h, ann, tt.line)
			v, ok := r.Body.(ExportView)
			if !ok || r.Lang != tt.lang {
				t.Fatalf("reply %T %+v in %q, want an ExportView in %q", r.Body, r.Body, r.Lang, tt.lang)
			}
			if header := strings.Join(ExportHeader, ",") + "\r\n"; !strings.HasPrefix(v.CSV, header) {
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
