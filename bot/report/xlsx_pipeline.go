package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"planbot/bot"
	"planbot/planner"
)

// The pipeline's columns: company, stage, amount, owner, last contact, next
// step, notes.
var pipelineWidths = []float64{24, 11, 11, 11, 12, 36, 27}

// pipeline writes the companies the team courts, by stage then name, each
// with its amount (in 亿元) and its owner, named as the board names them.
func (x *sheetWriter) pipeline(r WeekReport, members []memberRow) {
	s := x.l.pipelineSheet
	x.sheet(s, false, "landscape", headerRow)
	x.widths(s, pipelineWidths...)
	x.titleBlock(s, len(pipelineWidths), fmt.Sprintf(x.l.pipelineTitle, x.unitName(), r.Week))
	names := map[string]string{}
	for _, m := range members {
		names[m.userID] = m.name
	}
	x.pipelineTable(s, headerRow, r.Pipeline, names)
}

// pipelineTable writes the companies under a header at row top of sheet s,
// by stage then name, naming owners by names (by user id) or their stored
// name, and freezes the rows above them.
func (x *sheetWriter) pipelineTable(s string, top int, pipeline []planner.CompanyView, names map[string]string) {
	l, st := x.l, x.st
	x.headers(s, top, pipelineWidths, l.company, l.stage, l.amount, l.owner, l.lastContact, l.next, l.notes)
	views := slices.Clone(pipeline)
	slices.SortStableFunc(views, func(a, b planner.CompanyView) int {
		return cmp.Or(cmp.Compare(stageOrder(a.Stage), stageOrder(b.Stage)),
			strings.Compare(planner.CompanyKey(a.Name), planner.CompanyKey(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	for i, c := range views {
		row := top + 1 + i
		stage := cellText(stageLabel(x.lang, c.Stage))
		owner := cmp.Or(names[c.OwnerID], cellText(c.OwnerName), "—")
		contact := "—"
		if c.LastContact != (planner.Date{}) {
			contact = c.LastContact.String()
		}
		next := "—"
		if c.Next.ID != 0 {
			next = bot.DayLabel(x.lang, c.Next.Start) + " · #" + strconv.FormatInt(c.Next.ID, 10) + " " + cellText(c.Next.Title)
		}
		if !c.Due.IsZero() { // the next step's deadline (督办), then the next item planned
			next = strings.TrimSuffix(bot.DueLabel(x.lang, c.Due)+" · "+next, " · —")
		}
		texts := []string{cellText(c.Name), stage, "", wrapBeforeBracket(owner, pipelineWidths[3]), contact, next, cellText(c.Notes)}
		for col, t := range texts {
			style := st.text
			if col == 0 {
				style = st.bold
			}
			x.text(s, col+1, row, t, style)
		}
		x.amount(s, 3, row, c.Amount)
		x.check(x.f.SetRowHeight(s, row, rowHeight(maxLines(texts, pipelineWidths))))
	}
	if len(views) == 0 {
		x.line(s, top+1, len(pipelineWidths), l.noCompanies, st.grayRow)
	}
	x.freeze(s, 0, top)
}

// amount writes a: a number of 亿元 with one decimal when it is in yuan
// (12.0, 0.4), right-aligned, as 招商 reports write amounts; in another
// currency, as planbot writes it (1.2亿美元, USD 120 m), right-aligned too;
// none, an empty cell.
func (x *sheetWriter) amount(sheet string, col, row int, a planner.Amount) {
	switch {
	case a.IsZero():
		x.text(sheet, col, row, "", x.st.text)
	case a.Currency == "" || a.Currency == "CNY":
		x.check(x.f.SetCellFloat(sheet, cell(col, row), float64(a.Value)/wanPerYi, -1, 64))
		x.check(x.f.SetCellStyle(sheet, cell(col, row), cell(col, row), x.st.amount))
	default:
		x.text(sheet, col, row, a.Format(x.lang), x.st.amountText)
	}
}

// stageOrder is a stage's place in planner.Stages; unknown stages go last.
func stageOrder(s planner.Stage) int {
	if i := slices.Index(planner.Stages, s); i >= 0 {
		return i
	}
	return len(planner.Stages)
}

// stageLabel is a stage's name as a spreadsheet cell shows it: the catalog's,
// capitalised in English ("Signed", 签约).
func stageLabel(lang planner.Lang, s planner.Stage) string {
	name := bot.StageName(lang, s)
	if name == "" || lang != planner.English {
		return cmp.Or(name, string(s))
	}
	return strings.ToUpper(name[:1]) + name[1:] // English stage names are ASCII
}
