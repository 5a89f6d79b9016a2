package planner

import "testing"

// An item's amount is read anywhere in its text, and is no count: the count
// stays what the count reader read. Each activity of a line has its own.
func TestDraftAmount(t *testing.T) {
	cny := func(wan int64) Amount { return Amount{Value: wan, Currency: "CNY"} }
	tests := []struct {
		line   string
		kind   Kind
		count  int
		amount Amount
	}{
		{"周一 签约常诚车业 总投资12亿元", KindSigning, 1, cny(120000)},
		{"周一 签约2个项目 总投资30亿", KindSigning, 2, cny(300000)},
		{"周一 总投资12亿元 签约常诚车业", KindSigning, 1, cny(120000)},
		{"周一 与北京融奥科技完成48亿元的签约", KindSigning, 1, cny(480000)},
		{"周一 拜访常诚车业 计划投资5000万元", KindVisit, 1, cny(5000)},
		{"mon sign the Acme deal, $35 million", KindSigning, 1, Amount{Value: 3500, Currency: "USD"}},
		{"周一 签约 投资额1.2亿美元", KindSigning, 1, Amount{Value: 12000, Currency: "USD"}},
		// quantities, ranges and bands are no amount
		{"周一 拜访常诚车业年产150万套车灯项目", KindVisit, 1, Amount{}},
		{"周一 签约 投资5-8亿", KindSigning, 1, Amount{}},
		{"周一 签约10亿元以上项目", KindSigning, 1, Amount{}},
		{"周一 拜访3家企业", KindVisit, 3, Amount{}},
	}
	for _, tc := range tests {
		got := parseOn(t, tc.line).Drafts[0]
		if got.Kind != tc.kind || got.Count != tc.count || got.Amount != tc.amount {
			t.Errorf("%q: kind %s count %d amount %+v; want %s %d %+v", tc.line, got.Kind, got.Count, got.Amount, tc.kind, tc.count, tc.amount)
		}
	}
	// two activities of a day, each with its own amount (or none)
	got := parseOn(t, "周二 签约常诚车业总投资12亿元；拜访蓝天科技").Drafts
	if len(got) != 2 || got[0].Amount != cny(120000) || !got[1].Amount.IsZero() {
		t.Errorf("two activities: %+v", got)
	}
}

// A signing item with an amount gives it to its companies; others do not.
func TestCompanyAmountFrom(t *testing.T) {
	twelve := Amount{Value: 120000, Currency: "CNY"}
	for _, tc := range []struct {
		it   Item
		want Amount
		ok   bool
	}{
		{Item{Kind: KindSigning, Status: StatusPlanned, Amount: twelve}, twelve, true},
		{Item{Kind: KindSigning, Status: StatusDone, Amount: twelve}, twelve, true},
		{Item{Kind: KindSigning, Status: StatusCancelled, Amount: twelve}, Amount{}, false},
		{Item{Kind: KindVisit, Status: StatusPlanned, Amount: twelve}, Amount{}, false},
		{Item{Kind: KindSigning, Status: StatusPlanned}, Amount{}, false},
	} {
		if got, ok := CompanyAmountFrom(tc.it); got != tc.want || ok != tc.ok {
			t.Errorf("CompanyAmountFrom(%+v) = %+v, %v; want %+v, %v", tc.it, got, ok, tc.want, tc.ok)
		}
	}
}

// mayHoldMoney never turns away a text FindAmount reads an amount in.
func TestMayHoldMoney(t *testing.T) {
	for _, text := range []string{
		"总投资12亿元", "计划投资5000万元", "签约额3.5亿", "到位资金8000万", "投资额1.2亿美元", "USD 200M", "$35 million",
		"RMB 2 billion", "１２亿", "三千五百万", "3个亿", "5000元", "€50 million", "9.88 billion yuan", "二百万美金",
		"GBP 20m", "HK$300 million", "￥1,000,000", "USD 一百 million", "签约常诚车业", "visit Acme", "拜访3家企业",
	} {
		_, _, _, found := FindAmount(text)
		if found && !mayHoldMoney(text) {
			t.Errorf("mayHoldMoney(%q) = false, but FindAmount reads an amount", text)
		}
	}
	for _, text := range []string{"签约常诚车业", "拜访3家企业", "周一 出差上海"} {
		if mayHoldMoney(text) {
			t.Errorf("mayHoldMoney(%q) = true", text)
		}
	}
}
