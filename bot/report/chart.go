package report

// The chart is a PNG: each member's items planned and done this week, and the
// team's enterprise visits over the last weeks, labelled in the team's
// language.
//
// It is drawn with github.com/go-analyze/charts, a maintained fork of
// wcharczuk/go-chart, rather than by hand (fogleman/gg) or with gonum/plot,
// which is built for plots more than for business charts: it has grouped and
// horizontal bars, value labels and legends, several charts on one image, PNG
// output in pure Go (no cgo, nothing more in the image), and takes a font per
// text without touching global state. Its fonts are golang/freetype's, which
// reads TrueType fonts and the first font of a TrueType collection (Debian's
// wqy-microhei.ttc) but not PostScript-outline (CFF) ones such as Noto Sans CJK.

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/go-analyze/charts"

	"planbot/planner"
)

// visitWeeks is how many weeks of enterprise visits the chart shows, ending
// with the retrospective's week.
const visitWeeks = 8

// maxMembers is how many members the chart shows at most: those with the most
// items, when a team has more.
const maxMembers = 40

// ChartData is what a week's chart shows.
type ChartData struct {
	Week    planner.Week
	Members []MemberBar // in the retrospective's order
	Visits  []WeekTotal // visitWeeks weeks ending with Week, oldest first
	Total   int         // the members the week's retrospective lists, when more than Members
	// names are the team's members' names by user id, by which a member
	// without a name yet is named when drawn (withNames).
	names map[string]string
}

// MemberBar is one member's week: items planned (all those not cancelled)
// and done.
type MemberBar struct {
	Name    string // "" until drawn (withNames) when the member has no name yet
	Planned int
	Done    int
	userID  string
}

// WeekTotal is the enterprises visited in one week: the counts of done
// visits and the enterprises done trips visited (in a month's chart, the
// items done).
type WeekTotal struct {
	Week  planner.Week
	Count int
}

// Empty reports whether there is nothing to draw: nobody logged anything
// this week and no enterprise was visited in the weeks shown.
func (d ChartData) Empty() bool {
	for _, v := range d.Visits {
		if v.Count > 0 {
			return false
		}
	}
	return len(d.Members) == 0
}

// chartDataOf builds the chart of retrospective r from the team's visit totals by
// week (as planner.Store's WeeklyTotals returns them).
func chartDataOf(r planner.Retro, visits map[planner.Week]planner.Totals) ChartData {
	d := ChartData{Week: r.Week, names: r.Names}
	for _, m := range r.Members {
		d.Members = append(d.Members, MemberBar{Name: m.UserName, Planned: m.Items, Done: m.DoneItems, userID: m.UserID})
	}
	if len(d.Members) > maxMembers {
		d.Total = len(d.Members)
		d.Members = busiest(d.Members, maxMembers)
	}
	w := r.Week
	for range visitWeeks - 1 {
		w = w.Prev()
	}
	for range visitWeeks {
		d.Visits = append(d.Visits, WeekTotal{Week: w, Count: visits[w].DoneCount})
		w = w.Next()
	}
	return d
}

// busiest returns the n members with the most items planned, in their order.
func busiest(members []MemberBar, n int) []MemberBar {
	order := make([]int, len(members))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(members[b].Planned, members[a].Planned) })
	order = order[:n]
	slices.Sort(order)
	kept := make([]MemberBar, 0, n)
	for _, i := range order {
		kept = append(kept, members[i])
	}
	return kept
}

// LoadChart reads what the chart of retrospective r of team teamID needs beyond
// r itself: the team's enterprises visited by week, as the retrospective's
// "enterprises met" counts them (planner.EnterprisesMet): the visits'
// counts, and the enterprises the trips visited, counted as visits here.
func LoadChart(ctx context.Context, svc *planner.Service, teamID string, r planner.Retro) (ChartData, error) {
	from := r.Week.Start().AddDays(-7 * (visitWeeks - 1))
	visits, err := svc.WeeklyTotals(ctx, teamID, planner.KindVisit, from, r.Week.End())
	if err != nil {
		return ChartData{}, err
	}
	trips, err := svc.WeeklyTotals(ctx, teamID, planner.KindTrip, from, r.Week.End())
	if err != nil {
		return ChartData{}, err
	}
	for w, t := range trips {
		v := visits[w]
		v.Count += t.Visits
		v.DoneCount += t.DoneVisits
		visits[w] = v
	}
	return chartDataOf(r, visits), nil
}

// ChartWidth is the chart's width in pixels.
const ChartWidth = 960

// Heights in pixels (the members' panel grows with the team) and the
// longest texts in characters.
const (
	visitsHeight   = 320
	chartMemberRow = 34  // pixels per member in the members' panel
	membersExtra   = 110 // and for its title, legend and axis
	minMembers     = 220
	maxNameRunes   = 16  // a member's name or a week's label
	maxTextRunes   = 100 // a title or a legend
)

// RenderChart draws d as a PNG, labelled in lang, with font f: the members' planned
// and done items as grouped bars (when anyone logged anything), above the
// enterprise visits of the last weeks.
func RenderChart(d ChartData, lang planner.Lang, f *Font) ([]byte, error) {
	return render(withNames(d, lang), weekChartLabels(d, lang), f)
}

// weekChartLabels are the texts of the chart of d in lang, its titles
// formatted: the week in the members' title is named as on the weeks' axis
// ("week of Nov 17", "11月17日当周").
func weekChartLabels(d ChartData, lang planner.Lang) labels {
	l := chartLabelsFor(lang)
	l.membersTitle = fmt.Sprintf(l.membersTitle, fmt.Sprintf(l.weekName, l.week(d.Week)))
	l.visitsTitle = fmt.Sprintf(l.visitsTitle, len(d.Visits))
	return l
}

// chartHeight returns the height in pixels of the chart of d; it is ChartWidth wide.
func chartHeight(d ChartData) int { return membersHeight(d) + visitsHeight }

// membersHeight is the height of the members' panel: none when nobody
// logged anything.
func membersHeight(d ChartData) int {
	if len(d.Members) == 0 {
		return 0
	}
	return max(minMembers, membersExtra+chartMemberRow*len(d.Members))
}

func render(d ChartData, l labels, f *Font) ([]byte, error) {
	face, err := f.open() // FindFont keeps the path only
	if err != nil {
		return nil, err
	}
	f = &Font{Path: f.Path, face: face}
	top, height := membersHeight(d), chartHeight(d)
	p := charts.NewPainter(charts.PainterOptions{OutputFormat: charts.ChartOutputPNG, Width: ChartWidth, Height: height, Font: f.face})
	p.FilledRect(0, 0, ChartWidth, height, charts.ColorWhite, charts.ColorWhite, 0)
	visits := p
	if top > 0 {
		members := p.Child(charts.PainterBoxOption(charts.NewBox(0, 0, ChartWidth, top)))
		visits = p.Child(charts.PainterBoxOption(charts.NewBox(0, top, ChartWidth, height)))
		if err := members.BarChart(membersChart(d, l, f)); err != nil {
			return nil, fmt.Errorf("chart: members: %w", err)
		}
	}
	if err := visits.BarChart(visitsChart(d, l, f)); err != nil {
		return nil, fmt.Errorf("chart: visits: %w", err)
	}
	png, err := p.Bytes()
	if err != nil {
		return nil, fmt.Errorf("chart: %w", err)
	}
	return png, nil
}

// membersChart is the week's planned and done items by member, as horizontal
// grouped bars: names of any length fit, and a large team grows downwards.
func membersChart(d ChartData, l labels, f *Font) charts.BarChartOption {
	n := len(d.Members)
	planned, done := make([]float64, n), make([]float64, n)
	names := make([]string, n)
	most := 0
	for i, m := range d.Members {
		// The first category is drawn at the bottom: reverse, to read top-down.
		j := n - 1 - i
		planned[j], done[j] = float64(m.Planned), float64(m.Done)
		names[j] = f.clean(m.Name, maxNameRunes)
		most = max(most, m.Planned, m.Done)
	}
	title := l.membersTitle
	if d.Total > n {
		title += " " + fmt.Sprintf(l.membersCut, n, d.Total)
	}
	opt := charts.NewBarChartOptionWithData([][]float64{planned, done})
	opt.Theme = charts.GetDefaultTheme().WithSeriesColors([]charts.Color{plannedColor, doneColor})
	opt.Horizontal = true
	opt.Padding = charts.Box{Top: 16, Right: 40, Bottom: 16, Left: 16}
	opt.Title = heading(title, f)
	opt.Legend = legend([]string{l.planned, l.done}, f)
	opt.CategoryAxis = charts.CategoryAxisOption{Labels: names, LabelFontStyle: style(f, 13)}
	opt.ValueAxis = []charts.ValueAxisOption{countAxis(most, l.itemsAxis, f)}
	opt.BarMargin = charts.Ptr(0.1)
	for i := range opt.SeriesList {
		opt.SeriesList[i].Label = charts.SeriesLabel{Show: charts.Ptr(true), FontStyle: style(f, 11), ValueFormatter: integer}
	}
	return opt
}

// visitsChart is the team's enterprises visited in each of the weeks shown,
// as bars in the colour of "done", each with its number.
func visitsChart(d ChartData, l labels, f *Font) charts.BarChartOption {
	values := make([]float64, len(d.Visits))
	weeks := make([]string, len(d.Visits))
	most := 0
	for i, v := range d.Visits {
		values[i] = float64(v.Count)
		weeks[i] = f.clean(l.week(v.Week), maxNameRunes)
		most = max(most, v.Count)
	}
	opt := charts.NewBarChartOptionWithData([][]float64{values})
	opt.Theme = charts.GetDefaultTheme().WithSeriesColors([]charts.Color{doneColor})
	opt.Padding = charts.Box{Top: 16, Right: 40, Bottom: 16, Left: 16}
	opt.Title = heading(l.visitsTitle, f)
	opt.Legend = legend([]string{l.visits}, f)
	opt.CategoryAxis = charts.CategoryAxisOption{Labels: weeks, LabelFontStyle: style(f, 12),
		Title: f.clean(l.weekAxis, maxTextRunes), TitleFontStyle: style(f, 12)}
	opt.ValueAxis = []charts.ValueAxisOption{countAxis(most, l.visitsAxis, f)}
	opt.BarSize = 0.5
	opt.SeriesList[0].Label = charts.SeriesLabel{Show: charts.Ptr(true), FontStyle: style(f, 12), ValueFormatter: integer}
	return opt
}

// countAxis is a value axis from 0 past most, in at most about six
// whole-number steps: counts of items are never 2.5. Its title says what it
// counts (unit: items, enterprises).
func countAxis(most int, unit string, f *Font) charts.ValueAxisOption {
	step := countStep(most)
	top := (most/step + 1) * step // room above the longest bar for its number
	return charts.ValueAxisOption{
		Min: charts.Ptr(0.0), Max: charts.Ptr(float64(top)), LabelCount: top/step + 1,
		PreferNiceIntervals: charts.Ptr(false),
		LabelFontStyle:      style(f, 12), ValueFormatter: integer,
		Title: f.clean(unit, maxTextRunes), TitleFontStyle: style(f, 12),
	}
}

// The colours of the bars: planned in blue, done in green.
var (
	plannedColor = charts.ColorFromHex("#5470c6")
	doneColor    = charts.ColorFromHex("#3ba272")
)

func integer(v float64) string { return strconv.Itoa(int(math.Round(v))) }

// heading is a chart's title: only what f can draw.
func heading(text string, f *Font) charts.TitleOption {
	return charts.TitleOption{Text: f.clean(text, maxTextRunes), FontStyle: style(f, 16), SubtextFontStyle: style(f, 12)}
}

// legend names the series: only what f can draw.
func legend(names []string, f *Font) charts.LegendOption {
	clean := make([]string, len(names))
	for i, n := range names {
		clean[i] = f.clean(n, maxTextRunes)
	}
	return charts.LegendOption{SeriesNames: clean, Offset: charts.OffsetRight, FontStyle: style(f, 13)}
}

// style is the chart's font at size points. Every text of a chart is given
// it explicitly: the library's default font (Roboto) has no Chinese glyphs.
func style(f *Font, size float64) charts.FontStyle {
	return charts.FontStyle{Font: f.face, FontSize: size, FontColor: charts.ColorFromHex("#333333")}
}
