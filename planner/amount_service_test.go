package planner_test

import (
	"testing"

	"planbot/planner"
)

// Amounts through the Service on a real database: a lead line's amount is the
// company's, a signing item that names a company with none gives it its
// amount, a company whose amount a lead line set keeps it, and a later lead
// line replaces it. An item's count is not its amount.
func TestServiceAmounts(t *testing.T) {
	svc, db := serviceOnDisk(t)
	ctx := t.Context()
	a := planner.Actor{TeamID: "T1", UserID: "U1"}
	cny := func(wan int64) planner.Amount { return planner.Amount{Value: wan, Currency: "CNY"} }

	res, err := svc.Lead(ctx, a, "常诚车业 在谈 总投资12亿元")
	if err != nil || res.Company.Amount != cny(120000) {
		t.Fatalf("Lead with an amount = %+v, %v", res.Company, err)
	}
	if _, err := svc.Lead(ctx, a, "蓝天科技 对接"); err != nil {
		t.Fatal(err)
	}
	items, _, err := svc.Add(ctx, a, "周三 签约2个项目 【常诚车业】【蓝天科技】 总投资30亿")
	if err != nil || len(items) != 1 {
		t.Fatalf("Add = %+v, %v", items, err)
	}
	if it := items[0]; it.Kind != planner.KindSigning || it.Count != 2 || it.Amount != cny(300000) {
		t.Errorf("item %+v: want a signing, count 2, amount 30亿", it)
	}
	amount := func(name string) planner.Amount {
		t.Helper()
		c, err := db.CompanyByKey(ctx, "T1", planner.CompanyKey(name))
		if err != nil {
			t.Fatal(err)
		}
		return c.Amount
	}
	if got := amount("常诚车业"); got != cny(120000) {
		t.Errorf("常诚车业 %+v: the lead line's amount should win", got)
	}
	if got := amount("蓝天科技"); got != cny(300000) {
		t.Errorf("蓝天科技 %+v: want the signing's 30亿", got)
	}
	if res, err := svc.Lead(ctx, a, "蓝天科技 签约 总投资3.5亿"); err != nil || res.Company.Amount != cny(35000) {
		t.Errorf("a later lead line = %+v, %v; want 3.5亿", res.Company, err)
	}
	if res, err := svc.Lead(ctx, a, "蓝天科技 落地"); err != nil || res.Company.Amount != cny(35000) {
		t.Errorf("a lead line without an amount = %+v, %v; want 3.5亿 kept", res.Company, err)
	}
	edited, err := svc.Edit(ctx, a, items[0].ID, "签约常诚车业 投资额1.2亿美元")
	if err != nil || edited.Amount != (planner.Amount{Value: 12000, Currency: "USD"}) {
		t.Errorf("Edit = %+v, %v; want 1.2亿美元", edited, err)
	}
	// a form's item reads its amount from its title, as a line does
	day := planner.Date{Year: 2025, Month: 11, Day: 21}
	form, err := svc.AddDraft(ctx, a, planner.Draft{Span: planner.Span{Start: day, End: day}, Kind: planner.KindSigning,
		Count: 1, Title: "签约 计划投资5000万元"})
	if err != nil || form.Amount != cny(5000) {
		t.Errorf("AddDraft = %+v, %v; want 5000万元", form, err)
	}
}
