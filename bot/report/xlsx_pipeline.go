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
	l, s, st := x.l, x.l.pipelineSheet, x.st
	x.sheet(s, false, "landscape", headerRow)
	x.widths(s, pipelineWidths...)
	x.titleBlock(s, len(pipelineWidths), fmt.Sprintf(l.pipelineTitle, x.unitName(), r.Week))
	x.headers(s, headerRow, pipelineWidths, l.company, l.stage, l.amount, l.owner, l.lastContact, l.next, l.notes)
	names := map[string]string{}
	for _, m := range members {
		names[m.userID] = m.name
	}
	views := slices.Clone(r.Pipeline)
	slices.SortStableFunc(views, func(a, b planner.CompanyView) int {
		return cmp.Or(cmp.Compare(stageOrder(a.Stage), stageOrder(b.Stage)),
			strings.Compare(planner.CompanyKey(a.Name), planner.CompanyKey(b.Name)), cmp.Compare(a.ID, b.ID))
	})
	for i, c := range views {
		row := headerRow + 1 + i
		stage := cellText(stageLabel(r.Lang, c.Stage))
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
		x.line(s, headerRow+1, len(pipelineWidths), l.noCompanies, st.grayRow)
	}
	x.freeze(s, 0, headerRow)
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
