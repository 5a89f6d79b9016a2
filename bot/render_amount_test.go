package bot

import (
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// An amount shows after an item's kind, count and place, on a lead's head
// line and its created line, and on its pipeline line, in each language as
// Amount.Format writes it; no amount shows nothing.
func TestRenderAmounts(t *testing.T) {
	thirty := planner.Amount{Value: 300000, Currency: "CNY"}
	it := planner.Item{ID: 4, UserName: "王芳", Start: plannertest.Day(t, "2025-11-24"), End: plannertest.Day(t, "2025-11-24"),
		Kind: planner.KindSigning, Count: 2, Title: "签约2个项目 总投资30亿", Status: planner.StatusPlanned, Amount: thirty}
	company := planner.Company{ID: 1, Name: "常诚车业", OwnerName: "王芳", Stage: planner.StageSigned, Amount: thirty}
	for _, l := range []planner.Lang{planner.Chinese, planner.English} {
		shown := thirty.Format(l)
		line := ItemLine(l, it, false)
		if want := kindNames[l][planner.KindSigning] + " ×2 · " + shown + " · "; !strings.Contains(line, want) {
			t.Errorf("%s: ItemLine %q, want %q in it", l, line, want)
		}
		none := it
		none.Amount = planner.Amount{}
		if line := ItemLine(l, none, false); strings.Contains(line, shown) {
			t.Errorf("%s: ItemLine %q of an item without an amount shows one", l, line)
		}

		head := leadText(l, LeadView{LeadResult: planner.LeadResult{Company: company}, Zone: time.UTC})
		if first, _, _ := strings.Cut(head, "\n"); !strings.HasSuffix(first, " · "+shown) {
			t.Errorf("%s: lead head %q, want it to end in the amount %q", l, first, shown)
		}
		created := leadText(l, LeadView{LeadResult: planner.LeadResult{Company: company, Created: true}, Zone: time.UTC})
		if !strings.Contains(created, shown) {
			t.Errorf("%s: lead created %q, want the amount %q", l, created, shown)
		}
		list := pipelineText(l, PipelineView{Companies: []planner.CompanyView{{Company: company}}})
		if !strings.Contains(list, "常诚车业 · 王芳 · "+shown) {
			t.Errorf("%s: pipeline %q, want the amount %q after the owner", l, list, shown)
		}
		company.Amount = planner.Amount{}
		if list := pipelineText(l, PipelineView{Companies: []planner.CompanyView{{Company: company}}}); strings.Contains(list, shown) {
			t.Errorf("%s: pipeline %q of a company without an amount shows one", l, list)
		}
		company.Amount = thirty
	}
}
