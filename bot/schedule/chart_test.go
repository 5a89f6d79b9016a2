package schedule

import (
	"bytes"
	"context"
	"fmt"
	"image/png"
	"strings"
	"testing"
	"time"

	"planbot/bot"
	"planbot/bot/report"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// The chart follows the replies in the retrospective's thread, claimed as
// its part "chart" and sent once. It is an extra: a week with nothing to draw
// has none, and a chart that fails — even by a panic — is logged and never
// tried again, the retrospective staying posted once.
func TestRetrospectiveChart(t *testing.T) {
	font := chineseFont(t)
	tests := []struct {
		name    string
		items   bool                   // whether the week has anything to draw
		send    func(f bot.File) error // the upload; nil succeeds
		charted bool                   // whether the chart is sent (or tried)
		logged  string                 // what the log must say; "" for nothing
	}{
		{"posted in the thread", true, nil, true, ""},
		{"nothing to draw: no chart", false, nil, false, ""},
		{"the upload fails: logged, not retried", true, func(bot.File) error { return errSlackDown }, true, "retrospective chart not posted"},
		{"the upload panics: logged, not retried", true, func(bot.File) error { panic("an odd answer") }, true, "retrospective chart failed"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2025-11-23 18:00")}
			x := newFixture(t, c, 2, "CRETRO")
			x.s.ChartFont = font
			if tc.items {
				x.addItem(t, "U1", "2025-11-18", planner.KindVisit, planner.StatusDone)
				x.addItem(t, "U2", "2025-11-19", planner.KindVisit, planner.StatusPlanned)
			}
			if tc.send != nil {
				x.m.SendFileFunc = func(_ context.Context, _ planner.Team, _ string, f bot.File) error { return tc.send(f) }
			}
			x.s.Tick(t.Context())
			c.now = c.now.Add(time.Hour)
			x.s.Tick(t.Context())

			want := retroCalls(plannertest.W47, "ts1", false)
			if tc.charted {
				want = append(want, fmt.Sprintf("file CRETRO in ts1: %s", report.ChartFilename(plannertest.W47)))
			}
			if got := x.m.Calls(); strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Fatalf("calls:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			if send, ok := x.ledger(t, planner.JobRetro, plannertest.W47, ""); !ok || send.State != planner.RunSent || send.Attempts != 1 {
				t.Errorf("the ledger has %+v (found %t), want sent at the first attempt", send, ok)
			}
			if sent := x.Sent(); len(sent) != 1 || sent[0].State != planner.RunSent {
				t.Errorf("Sent told %+v, want the retrospective once, sent", sent)
			}
			if log := x.log.String(); tc.logged != "" && !strings.Contains(log, tc.logged) {
				t.Errorf("the log does not say %q:\n%s", tc.logged, log)
			}
			if got := x.claimed(t, "ts1", "chart"); got != tc.charted {
				t.Errorf("the chart claimed %t, want %t", got, tc.charted)
			}
			if !tc.charted {
				return
			}
			f := x.m.files[0]
			if f.Title != report.ChartTitle(planner.English, plannertest.W47) || f.AltText != report.ChartAltText(planner.English, plannertest.W47) {
				t.Errorf("file %q titled %q, alt %q", f.Name, f.Title, f.AltText)
			}
			img, err := png.Decode(bytes.NewReader(f.Data))
			if err != nil {
				t.Fatalf("the chart is not a PNG: %v", err)
			}
			if img.Bounds().Dx() != report.ChartWidth {
				t.Errorf("chart %v wide, want %d", img.Bounds(), report.ChartWidth)
			}
		})
	}
}

// Without a font there is no chart, whatever the week has to draw.
func TestRetrospectiveWithoutFontHasNoChart(t *testing.T) {
	x := newFixture(t, &clock{now: at("2025-11-23 18:00")}, 1, "CRETRO")
	x.addItem(t, "U1", "2025-11-18", planner.KindVisit, planner.StatusDone)
	x.s.Tick(t.Context())
	if got, want := strings.Join(x.m.Calls(), "\n"), strings.Join(retroCalls(plannertest.W47, "ts1", false), "\n"); got != want {
		t.Fatalf("calls:\n%s\nwant:\n%s", got, want)
	}
}
