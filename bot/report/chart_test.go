package report

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"testing"

	"golang.org/x/image/font/gofont/goregular"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// latinFont is Go's own font: no Chinese glyphs, but always at hand.
func latinFont(t testing.TB) *Font {
	t.Helper()
	f, err := ParseFont(goregular.TTF)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// chineseFont is the machine's Chinese font (PLANBOT_FONT, else a known
// system font); the test is skipped when there is none, unless
// PLANBOT_TEST_NEED_FONT is set (CI installs one: a skip there is a failure).
func chineseFont(t testing.TB) *Font {
	t.Helper()
	f, err := FindFont(os.Getenv("PLANBOT_FONT"), FontCandidates)
	if errors.Is(err, ErrNoFont) && os.Getenv("PLANBOT_TEST_NEED_FONT") == "" {
		t.Skipf("no Chinese font on this machine, so the Chinese chart is not tested (apt-get install fonts-wqy-microhei, or set PLANBOT_FONT): %v", err)
	}
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// weeksUpTo returns visitWeeks weeks of visits ending with w, oldest first.
func weeksUpTo(w planner.Week, counts ...int) []WeekTotal {
	out := make([]WeekTotal, visitWeeks)
	for i := visitWeeks - 1; i >= 0; i-- {
		out[i] = WeekTotal{Week: w, Count: counts[i%len(counts)]}
		w = w.Prev()
	}
	return out
}

// decode checks that b is a PNG of ChartWidth × height that is not blank, and
// returns it: more than a few colours, and a fair share of pixels that are
// not the white background.
func decode(t *testing.T, b []byte, height int) image.Image {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	if got := img.Bounds().Size(); got != (image.Point{ChartWidth, height}) {
		t.Fatalf("size %v, want %dx%d", got, ChartWidth, height)
	}
	colours := map[[4]uint32]bool{}
	ink := 0
	for y := range height {
		for x := range ChartWidth {
			r, g, b, a := img.At(x, y).RGBA()
			colours[[4]uint32{r, g, b, a}] = true
			if r < 0xf000 || g < 0xf000 || b < 0xf000 {
				ink++
			}
		}
	}
	if share := float64(ink) / float64(ChartWidth*height); len(colours) < 8 || share < 0.02 {
		t.Fatalf("looks blank: %d colours, %.1f%% of pixels not background", len(colours), 100*share)
	}
	return img
}

func TestRenderEnglish(t *testing.T) {
	f := latinFont(t)
	d := ChartData{
		Week:    plannertest.W47,
		Members: []MemberBar{{Name: "Ann", Planned: 4, Done: 3}, {Name: "Bob", Planned: 2}, {Name: "Carol", Planned: 7, Done: 7}},
		Visits:  weeksUpTo(plannertest.W47, 3, 5, 0, 8),
	}
	b, err := RenderChart(d, planner.English, f)
	if err != nil {
		t.Fatal(err)
	}
	decode(t, b, chartHeight(d))
	if chartHeight(d) != minMembers+visitsHeight {
		t.Errorf("height %d for 3 members, want %d", chartHeight(d), minMembers+visitsHeight)
	}

	t.Run("nobody logged anything: the visits alone", func(t *testing.T) {
		d := ChartData{Week: plannertest.W47, Visits: weeksUpTo(plannertest.W47, 0, 2)}
		b, err := RenderChart(d, planner.English, f)
		if err != nil {
			t.Fatal(err)
		}
		decode(t, b, visitsHeight)
	})
	t.Run("a large team grows downwards", func(t *testing.T) {
		d := ChartData{Week: plannertest.W47, Visits: weeksUpTo(plannertest.W47, 1)}
		for i := range maxMembers {
			d.Members = append(d.Members, MemberBar{Name: fmt.Sprintf("member %d", i), Planned: i % 9, Done: i % 4})
		}
		b, err := RenderChart(d, planner.English, f)
		if err != nil {
			t.Fatal(err)
		}
		decode(t, b, membersExtra+chartMemberRow*maxMembers+visitsHeight)
	})
}

// chineseData is a week of a Chinese team.
func chineseData(names ...string) ChartData {
	d := ChartData{Week: plannertest.W47, Visits: weeksUpTo(plannertest.W47, 4, 6, 2, 9)}
	for i, n := range names {
		d.Members = append(d.Members, MemberBar{Name: n, Planned: 3 + i, Done: i})
	}
	return d
}

func TestRenderChinese(t *testing.T) {
	f := chineseFont(t)
	d := chineseData("王芳", "李强", "Ann")
	b, err := RenderChart(d, planner.Chinese, f)
	if err != nil {
		t.Fatal(err)
	}
	decode(t, b, chartHeight(d))
	if out := os.Getenv("PLANBOT_CHART_OUT"); out != "" { // to look at it: PLANBOT_CHART_OUT=/tmp/chart.png
		os.WriteFile(out, b, 0o644)
	}
}

// Every text of the chart is drawn with the Chinese font, not the library's
// Latin default: a font without a glyph draws the same box for every missing
// character, so a chart whose Chinese text changes (same length, other
// characters) would not change at all. Each text is changed in turn.
func TestChineseTextIsDrawnNotBoxed(t *testing.T) {
	f := chineseFont(t)
	base := chartLabelsFor(planner.Chinese)
	render1 := func(d ChartData, l labels) []byte {
		t.Helper()
		b, err := render(d, l, f)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	want := render1(chineseData("王芳", "李强"), base)
	tests := []struct {
		name   string
		data   ChartData
		change func(*labels)
	}{
		{"member names", chineseData("赵敏", "周杰"), nil},
		{"members' title", chineseData("王芳", "李强"), func(l *labels) { l.membersTitle = "组员任务：安排与落实 · %s" }},
		{"legend: planned", chineseData("王芳", "李强"), func(l *labels) { l.planned = "安排" }},
		{"legend: done", chineseData("王芳", "李强"), func(l *labels) { l.done = "落实" }},
		{"visits' title", chineseData("王芳", "李强"), func(l *labels) { l.visitsTitle = "最近%d周走访公司数" }},
		{"visits' legend", chineseData("王芳", "李强"), func(l *labels) { l.visits = "已走访公司（个）" }},
		{"week labels", chineseData("王芳", "李强"), func(l *labels) { l.weekOf = "%s%d号" }},
		{"items' axis", chineseData("王芳", "李强"), func(l *labels) { l.itemsAxis = "任务（个）" }},
		{"enterprises' axis", chineseData("王芳", "李强"), func(l *labels) { l.visitsAxis = "公司（个）" }},
		{"weeks' axis", chineseData("王芳", "李强"), func(l *labels) { l.weekAxis = "周（星期一）" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := base
			if tc.change != nil {
				tc.change(&l)
			}
			if bytes.Equal(render1(tc.data, l), want) {
				t.Fatalf("changing the %s left the chart the same: drawn as boxes?", tc.name)
			}
		})
	}
	// And the chart's own Chinese labels all have glyphs.
	for _, s := range []string{base.membersTitle, base.membersCut, base.planned, base.done, base.visitsTitle, base.visits, base.weekOf, fmt.Sprint(base.months),
		base.weekName, base.weekAxis, base.itemsAxis, base.visitsAxis} {
		for _, r := range s {
			if !f.Has(r) && r != ' ' {
				t.Errorf("the font has no glyph for %q in %q", r, s)
			}
		}
	}
}

func TestCountAxis(t *testing.T) {
	tests := []struct{ most, top, labels int }{
		{0, 1, 2}, {1, 2, 3}, {5, 6, 7}, {6, 8, 5}, {7, 8, 5}, {10, 12, 7}, {11, 15, 4},
		{49, 50, 6}, {50, 60, 7}, {120, 150, 4}, {4995, 5000, 6}, {99900, 100000, 6},
	}
	for _, tc := range tests {
		a := countAxis(tc.most, "Items", latinFont(t))
		if *a.Min != 0 || int(*a.Max) != tc.top || a.LabelCount != tc.labels {
			t.Errorf("countAxis(%d): %v..%v in %d labels, want 0..%d in %d", tc.most, *a.Min, *a.Max, a.LabelCount, tc.top, tc.labels)
		}
	}
}

func TestClean(t *testing.T) {
	f := latinFont(t)
	tests := []struct{ in, want string }{
		{"Ann", "Ann"},
		{"  Ann   Lee \t", "Ann Lee"},
		{"Ann\u202eeL", "AnneL"},                           // a right-to-left override is dropped
		{"Ann\x00\x1b[31m", "Ann[31m"},                     // control characters too
		{"王芳 Ann", "Ann"},                                  // no glyphs in Go's font: left out, never a box
		{"abcdefghijklmnopqrstuvwxyz", "abcdefghijklmno…"}, // cut to 16 characters
		{"abcdefghijklmnop", "abcdefghijklmnop"},
	}
	for _, tc := range tests {
		if got := f.clean(tc.in, maxNameRunes); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestDataOf(t *testing.T) {
	r := planner.Retro{Digest: planner.Digest{Week: planner.Week{Year: 2026, Num: 2}, Members: []planner.MemberSummary{
		{UserID: "U1", UserName: "王芳", Items: 4, DoneItems: 3},
		{UserID: "U2", Items: 1},
	}, Names: map[string]string{"U1": "王芳", "U2": ""}}}
	visits := map[planner.Week]planner.Totals{
		{Year: 2026, Num: 2}:  {Items: 3, DoneItems: 2, Count: 9, DoneCount: 5},
		{Year: 2025, Num: 48}: {Items: 1, DoneItems: 1, Count: 4, DoneCount: 4},
		{Year: 2025, Num: 47}: {Items: 1, DoneItems: 1, Count: 7, DoneCount: 7}, // before the 8 weeks
	}
	d := chartDataOf(r, visits)
	// A member without a name yet is numbered when drawn, never shown by id.
	for lang, want := range map[planner.Lang]string{
		planner.English: "[王芳 4/3 Member 1 (no name yet) 1/0]",
		planner.Chinese: "[王芳 4/3 成员1（未登记姓名） 1/0]",
	} {
		if got := barsText(withNames(d, lang)); got != want {
			t.Errorf("members in %s %s, want %s", lang, got, want)
		}
	}
	// Eight weeks back from 2026-W02 crosses the year: 2025-W48 … 2026-W02 (2025 has 52 weeks).
	want := "[{2025-W48 4} {2025-W49 0} {2025-W50 0} {2025-W51 0} {2025-W52 0} {2026-W01 0} {2026-W02 5}]"
	if got := fmt.Sprint(d.Visits[1:]); len(d.Visits) != visitWeeks || got != want {
		t.Errorf("visits %v, want 8 weeks ending %s", d.Visits, want)
	}
	if d.Visits[0].Week != (planner.Week{Year: 2025, Num: 47}) || d.Visits[0].Count != 7 {
		t.Errorf("first week %v", d.Visits[0])
	}
	if d.Empty() {
		t.Error("Empty with members and visits")
	}
	if !chartDataOf(planner.Retro{Digest: planner.Digest{Week: plannertest.W47}}, nil).Empty() {
		t.Error("not Empty without members or visits")
	}

	t.Run("more than maxMembers: the busiest, in their order", func(t *testing.T) {
		r := planner.Retro{Digest: planner.Digest{Week: plannertest.W47}}
		for i := range maxMembers + 5 {
			r.Members = append(r.Members, planner.MemberSummary{UserName: fmt.Sprintf("U%02d", i), Items: 10 + i%7})
		}
		r.Members[0].Items = 0
		d := chartDataOf(r, nil)
		if len(d.Members) != maxMembers || d.Total != maxMembers+5 {
			t.Fatalf("%d members of %d, want %d of %d", len(d.Members), d.Total, maxMembers, maxMembers+5)
		}
		// Out go U00 (no items) and, of the six with 10 (U07, U14 … U42), the last four.
		kept := map[string]bool{}
		for i, m := range d.Members {
			kept[m.Name] = true
			if i > 0 && m.Name < d.Members[i-1].Name {
				t.Fatalf("not in the retrospective's order: %v", d.Members)
			}
		}
		for _, gone := range []string{"U00", "U21", "U28", "U35", "U42"} {
			if kept[gone] {
				t.Errorf("kept %s: %v", gone, d.Members)
			}
		}
	})
}

// weeklyStore answers WeeklyTotals (the one read LoadChart makes through the
// service) and records what it was asked: 6 enterprises visited in week 47,
// and trips that visited 2 more.
type weeklyStore struct {
	planner.Store
	asked []string
}

func (s *weeklyStore) WeeklyTotals(_ context.Context, teamID string, kind planner.Kind, from, to planner.Date) (map[planner.Week]planner.Totals, error) {
	s.asked = append(s.asked, fmt.Sprintf("%s %s %s..%s", teamID, kind, from, to))
	if kind == planner.KindTrip {
		return map[planner.Week]planner.Totals{plannertest.W47: {Items: 1, DoneItems: 1, Count: 1, DoneCount: 1, Visits: 3, DoneVisits: 2}}, nil
	}
	return map[planner.Week]planner.Totals{plannertest.W47: {DoneCount: 6}}, nil
}

func TestLoad(t *testing.T) {
	s := &weeklyStore{}
	d, err := LoadChart(t.Context(), planner.NewService(s, planner.Options{}), "T1", planner.Retro{Digest: planner.Digest{Week: plannertest.W47}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "[T1 visit 2025-09-29..2025-11-23 T1 trip 2025-09-29..2025-11-23]"; fmt.Sprint(s.asked) != want {
		t.Errorf("asked %q, want %q", s.asked, want)
	}
	if last := d.Visits[len(d.Visits)-1]; last != (WeekTotal{plannertest.W47, 8}) {
		t.Errorf("last week %v, want the 6 visited and the 2 the trips visited", last)
	}
}

// barsText is each member's bar of d as "name planned/done".
func barsText(d ChartData) string {
	bars := make([]string, len(d.Members))
	for i, m := range d.Members {
		bars[i] = fmt.Sprintf("%s %d/%d", m.Name, m.Planned, m.Done)
	}
	return fmt.Sprint(bars)
}
