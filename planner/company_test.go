package planner

import "testing"

func TestCompanyKey(t *testing.T) {
	for _, c := range []struct{ a, b string }{
		{"Changcheng Auto", "changcheng  auto"},
		{"ＣＨＡＮＧＣＨＥＮＧ　ａｕｔｏ", "Changcheng Auto"},
		{" 常诚车业 ", "常诚车业"},
		{"宁德时代（CATL）", "宁德时代(catl)"},
		// Invisible format characters (Cf) make a twin that looks the same.
		{"常诚\u200b车业", "常诚车业"},
		{"\ufeff常\u2060诚\u200c车\u200d业\u00ad", "常诚车业"},
		{"Changcheng\u200b Auto", "changcheng auto"},
		{"Chang\u202echeng Auto", "Changcheng Auto"},
		// Traditional and simplified Chinese are one name.
		{"京東方", "京东方"},
		{"長城汽車 Auto", "长城汽车 auto"},
		{"【臺積電】", "【台积电】"},
	} {
		if CompanyKey(c.a) != CompanyKey(c.b) {
			t.Errorf("CompanyKey(%q) = %q, CompanyKey(%q) = %q; want equal", c.a, CompanyKey(c.a), c.b, CompanyKey(c.b))
		}
	}
	if CompanyKey("常诚车业") == CompanyKey("常州车业") {
		t.Error("different names share a key")
	}
}

func TestStagesValid(t *testing.T) {
	for _, s := range Stages {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
	}
	if Stage("won").Valid() {
		t.Error(`"won" is not a stage`)
	}
}

// BenchmarkCompanyKey measures the key of an item's text, which every add
// computes (companiesIn), in simplified and traditional Chinese and in English.
func BenchmarkCompanyKey(b *testing.B) {
	for _, c := range []struct{ name, text string }{
		{"simplified", "周二 拜访【招商企业007】 和 招商企业123 对接4家企业"},
		{"traditional", "週二 拜訪【招商企業007】 和 京東方 對接4家企業"},
		{"english", "tue visit [Changcheng Auto] and meet 4 companies"},
	} {
		text := c.text
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				CompanyKey(text)
			}
		})
	}
}
