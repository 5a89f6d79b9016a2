package planner

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// The amounts corpus (testdata/amounts.tsv): real phrasings of money, both
// languages, with the amount FindAmount must find in each, or none.
func TestFindAmountCorpus(t *testing.T) {
	f, err := os.Open("testdata/amounts.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows := 0
	sc := bufio.NewScanner(f)
	header := true
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if header {
			header = false
			continue
		}
		col := strings.Split(line, "\t")
		if len(col) < 5 {
			t.Fatalf("row %q has %d columns", line, len(col))
		}
		rows++
		text, wantSpan := col[0], col[3]
		a, start, end, ok := FindAmount(text)
		if col[1] == "-" {
			if ok {
				t.Errorf("FindAmount(%q) = %+v in %q, want none (%s)", text, a, text[start:end], col[5])
			}
			continue
		}
		wan, err := strconv.ParseInt(col[1], 10, 64)
		if err != nil {
			t.Fatalf("row %q: %v", line, err)
		}
		if want := (Amount{Value: wan, Currency: col[2]}); !ok || a != want || text[start:end] != wantSpan {
			t.Errorf("FindAmount(%q) = %+v in %q (ok %v), want %+v in %q", text, a, text[start:end], ok, want, wantSpan)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if rows < 40 {
		t.Errorf("the corpus has %d rows, want at least 40", rows)
	}
}

// Forms and refusals beyond the corpus: approximations read as the number
// written, ranges and bands are skipped for a later amount, N个亿 is money and
// N个亿元项目 a count.
func TestFindAmountForms(t *testing.T) {
	tests := []struct {
		text, span string
		want       Amount
	}{
		{"签约3个亿", "3个亿", Amount{30000, "CNY"}},
		{"十几个亿的项目", "十几个亿", Amount{100000, "CNY"}},
		{"总投资10余亿元", "10余亿元", Amount{100000, "CNY"}},
		{"到位5000多万", "5000多万", Amount{5000, "CNY"}},
		{"一亿二千万", "一亿二千万", Amount{12000, "CNY"}},
		{"总投资1亿2000万元", "1亿2000万元", Amount{12000, "CNY"}},
		{"计划投资3千万", "3千万", Amount{3000, "CNY"}},
		{"签约 12 亿元", "12 亿元", Amount{120000, "CNY"}},
		{"人民币5亿元", "人民币5亿元", Amount{50000, "CNY"}},
		{"签约5亿至8亿元 另签约总投资3亿", "3亿", Amount{30000, "CNY"}},
		{"签约10亿元以上项目3个 总投资50亿", "50亿", Amount{500000, "CNY"}},
		{"usd 200m", "usd 200m", Amount{20000, "USD"}},
		{"€50 million plant", "€50 million", Amount{5000, "EUR"}},
		{"HK$1.2 bn", "HK$1.2 bn", Amount{120000, "HKD"}},
		{"CNY 1.55 bn", "CNY 1.55 bn", Amount{155000, "CNY"}},
		{"签约12个亿元项目 总投资20亿", "20亿", Amount{200000, "CNY"}},
	}
	for _, tc := range tests {
		a, start, end, ok := FindAmount(tc.text)
		if !ok || a != tc.want || tc.text[start:end] != tc.span {
			t.Errorf("FindAmount(%q) = %+v %q %v, want %+v %q", tc.text, a, tc.text[start:end], ok, tc.want, tc.span)
		}
	}
	for _, text := range []string{"3000元", "人口500万", "14亿人口", "1万千瓦", "5 million units", "签约亿元以上项目10个",
		"2025年11月", "A380", "总投资3到5亿", "$5-8 million", "USD"} {
		if a, start, end, ok := FindAmount(text); ok {
			t.Errorf("FindAmount(%q) = %+v in %q, want none", text, a, text[start:end])
		}
	}
}

// Amounts are shown as 招商 reports write them: Chinese exactly, English in
// millions exactly and in billions to two decimals.
func TestAmountFormat(t *testing.T) {
	tests := []struct {
		a      Amount
		zh, en string
	}{
		{Amount{120000, "CNY"}, "12亿元", "CNY 1.2 bn"},
		{Amount{3500, "CNY"}, "3,500万元", "CNY 35 m"},
		{Amount{15500, "CNY"}, "1.55亿元", "CNY 155 m"},
		{Amount{155000, "CNY"}, "15.5亿元", "CNY 1.55 bn"},
		{Amount{12000, "USD"}, "1.2亿美元", "USD 120 m"},
		{Amount{35000, "USD"}, "3.5亿美元", "USD 350 m"},
		{Amount{12345, "CNY"}, "1.2345亿元", "CNY 123.45 m"},
		{Amount{123456, "CNY"}, "12.3456亿元", "CNY 1.23 bn"},
		{Amount{123500, "CNY"}, "12.35亿元", "CNY 1.24 bn"},
		{Amount{50, "EUR"}, "50万欧元", "EUR 0.5 m"},
		{Amount{1, "CNY"}, "1万元", "CNY 0.01 m"},
		{Amount{100000000, "CNY"}, "10,000亿元", "CNY 1,000 bn"},
		{Amount{}, "0万元", "CNY 0 m"},
	}
	for _, tc := range tests {
		if zh, en := tc.a.Format(Chinese), tc.a.Format(English); zh != tc.zh || en != tc.en {
			t.Errorf("%+v: Format = %q, %q, want %q, %q", tc.a, zh, en, tc.zh, tc.en)
		}
	}
}

// An amount is not a count: the number of an amount is skipped by the
// count, and a count beside an amount is still read.
func TestAmountIsNoCount(t *testing.T) {
	tests := []struct {
		line  string
		count int
	}{
		{"周三 签约2个项目 总投资30亿", 2},
		{"周三 对接4家企业 总投资5000万", 4},
		{"周三 总投资5000万", 1},
		{"周三 签约3个亿", 1},
		{"周三 签约两个亿的项目", 1},
		{"周三 签约12个亿元项目", 12},
		{"周三 签约3.5亿元 5个项目", 5},
		{"wed sign $35 million projects", 1},
		{"wed sign RMB 2 billion investments with 3 partners", 3},
		{"wed sign $20,000,000 deals", 1},
		{"wed order 5 million units", 1},
	}
	for _, tc := range tests {
		if d := parseOn(t, tc.line).Drafts[0]; d.Count != tc.count {
			t.Errorf("%q: count %d, want %d", tc.line, d.Count, tc.count)
		}
	}
}

// FindAmount never panics, finds a span inside the text that holds the same
// amount by itself, and reads back what Format writes.
func FuzzFindAmount(f *testing.F) {
	for _, s := range []string{"总投资12亿元", "签约3个亿", "$35 million", "USD 200M", "RMB 16,039,800 yuan", "5-8亿",
		"一亿二千万", "九点三亿", "1万亿元", "十几个亿", "１２亿", "10亿元以上", "$1-billion", "25995.74万美元"} {
		f.Add(s, int64(12345), "CNY")
	}
	f.Fuzz(func(t *testing.T, text string, v int64, currency string) {
		a, start, end, ok := FindAmount(text)
		if ok {
			if start < 0 || end > len(text) || start >= end {
				t.Fatalf("FindAmount(%q) span %d..%d", text, start, end)
			}
			if a.Value < 1 || a.Value > MaxAmount {
				t.Fatalf("FindAmount(%q) = %+v", text, a)
			}
			if b, _, _, ok := FindAmount(text[start:end]); !ok || b != a {
				t.Fatalf("FindAmount(%q) = %+v, but its span %q alone is %+v %v", text, a, text[start:end], b, ok)
			}
			if !mayHoldMoney(text) {
				t.Fatalf("FindAmount(%q) = %+v, but mayHoldMoney turns the text away", text, a)
			}
		}
		if v < 1 || v > MaxAmount {
			return
		}
		cur := []string{"CNY", "USD", "EUR", "HKD", "JPY", "GBP"}[int(uint8(len(currency)))%6]
		in := Amount{Value: v, Currency: cur}
		for _, lang := range []Lang{Chinese, English} {
			s := in.Format(lang)
			back, start, end, ok := FindAmount(s)
			if !ok || start != 0 || end != len(s) || back.Format(lang) != s || lang == Chinese && back != in {
				t.Fatalf("%+v formats as %q, read back as %+v (%d..%d, %v)", in, s, back, start, end, ok)
			}
		}
	})
}
