package planner

import (
	"slices"
	"testing"
)

func TestParseLead(t *testing.T) {
	for _, c := range []struct {
		text string
		want LeadLine
	}{
		{"常诚车业 签约 年产150万套车灯项目", LeadLine{Name: "常诚车业", Stage: StageSigned, Note: "年产150万套车灯项目"}},
		{`"Changcheng Auto" signed`, LeadLine{Name: "Changcheng Auto", Stage: StageSigned, Quoted: true}},
		{`“Lost Horizon Ltd” contacted met at the fair`, LeadLine{Name: "Lost Horizon Ltd", Stage: StageContacted, Note: "met at the fair", Quoted: true}},
		{"「宁德时代」 在谈", LeadLine{Name: "宁德时代", Stage: StageNegotiating, Quoted: true}},
		{"Changcheng Auto", LeadLine{Name: "Changcheng Auto"}},
		{"Changcheng  Auto   on hold waiting for land", LeadLine{Name: "Changcheng Auto", Stage: StageOnHold, Note: "waiting for land"}},
		{"Changcheng Auto SIGNED", LeadLine{Name: "Changcheng Auto", Stage: StageSigned}},
		{"Acme note only text", LeadLine{Name: "Acme note only text"}}, // no stage word: all of it is the name
		{`"Acme" big plant planned`, LeadLine{Name: "Acme", Note: "big plant planned", Quoted: true}},
		{"签约 公司", LeadLine{Name: "签约 公司"}}, // a name may start with a stage word
		{"On Hold Ltd lead", LeadLine{Name: "On Hold Ltd", Stage: StageLead}},
		{"【常诚车业】 投产", LeadLine{Name: "常诚车业", Stage: StageProduction}},
		{"[CATL] signed", LeadLine{Name: "CATL", Stage: StageSigned}},
		{"Blue Sky Tech。", LeadLine{Name: "Blue Sky Tech"}},
		{"蓝天, 在谈", LeadLine{Name: "蓝天", Stage: StageNegotiating}},
		{"常诚\u200b车业 签约", LeadLine{Name: "常诚车业", Stage: StageSigned}}, // a zero-width twin is the company
		{"\ufeff【常\u2060诚车业】\u200d 投产", LeadLine{Name: "常诚车业", Stage: StageProduction}},
		// an amount in the note is the company's; a quantity (150万套) is none
		{"常诚车业 签约 总投资12亿元", LeadLine{Name: "常诚车业", Stage: StageSigned, Note: "总投资12亿元", Amount: Amount{Value: 120000, Currency: "CNY"}}},
		{`"Acme" signed USD 200M plant`, LeadLine{Name: "Acme", Stage: StageSigned, Note: "USD 200M plant", Quoted: true, Amount: Amount{Value: 20000, Currency: "USD"}}},
		{"蓝天 在谈 计划投资5000万元 年产30万吨", LeadLine{Name: "蓝天", Stage: StageNegotiating, Note: "计划投资5000万元 年产30万吨", Amount: Amount{Value: 5000, Currency: "CNY"}}},
		{"蓝天 在谈 投资5-8亿", LeadLine{Name: "蓝天", Stage: StageNegotiating, Note: "投资5-8亿"}}, // a range is no amount
	} {
		got, err := ParseLead(c.text, d("2025-11-17"))
		if err != nil || got != c.want {
			t.Errorf("ParseLead(%q) = %+v, %v; want %+v", c.text, got, err, c.want)
		}
	}
	for _, bad := range []string{"", "   ", `"Acme signed`, `"" signed`, "“”", "\x01Acme", `Foo" signed`, "[]", "【】 签约"} {
		if _, err := ParseLead(bad, d("2025-11-17")); err == nil {
			t.Errorf("ParseLead(%q) accepted", bad)
		}
	}
}

func TestCompanyMentions(t *testing.T) {
	for _, c := range []struct {
		text, name string
		want       bool
	}{
		{"tue visit catl plant", "CATL", true},
		{"tue visit catlike cats", "CATL", false},
		{"周二 拜访常诚车业园区", "常诚车业", true},
		{"周二 拜访宁德时代（CATL）", "CATL", true},
		{"visit ＣＡＴＬ", "catl", true},
		{"2catl", "CATL", false},
	} {
		if got := mentions(CompanyKey(c.text), CompanyKey(c.name)); got != c.want {
			t.Errorf("mentions(%q, %q) = %v, want %v", c.text, c.name, got, c.want)
		}
	}
	if got := bracketed("visit [Changcheng Auto] and 【常诚车业】, not [] or [unclosed"); !slices.Equal(got, []string{"Changcheng Auto", "常诚车业"}) {
		t.Errorf("bracketed = %q", got)
	}
}

// FuzzParseLead checks that any line either fails with a coded error or gives
// a name planbot can store: non-empty, within MaxCompanyName, valid text, with
// a non-empty key, and a stage that is one of Stages or none.
func FuzzParseLead(f *testing.F) {
	for _, seed := range []string{
		"常诚车业 签约 年产150万套车灯项目", `"Changcheng Auto" signed`, `“Lost Horizon” on hold`, "「宁德时代」 在谈",
		"Acme", `"Acme`, "签约 公司", "ＣＡＴＬ　landed", "\xff", "a\x00b",
		"常诚车业 签约 总投资12亿元 开工 截止 2026-03-31", "Acme due fri", "常诚车业截止3月底前开工", "北京截止阀厂 签约",
		"常诚车业 aka Changcheng Auto", `"Foo aka Bar" 别名 「FB」`, "京東方 又名 BOE", "签约",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		line, err := ParseLead(text, d("2025-11-17"))
		if err != nil {
			if ErrorOf(err).Code == Internal {
				t.Fatalf("ParseLead(%q): internal error %v", text, err)
			}
			return
		}
		if line.Name == "" || len([]rune(line.Name)) > MaxCompanyName || CompanyKey(line.Name) == "" {
			t.Fatalf("ParseLead(%q): name %q", text, line.Name)
		}
		if CheckText(line.Name+line.Note) != nil {
			t.Fatalf("ParseLead(%q): text that is not text: %+v", text, line)
		}
		if line.Stage != "" && !line.Stage.Valid() {
			t.Fatalf("ParseLead(%q): stage %q", text, line.Stage)
		}
		if line.Alias != "" && (len([]rune(line.Alias)) > MaxCompanyName || CompanyKey(line.Alias) == "" || CheckText(line.Alias) != nil ||
			line.Stage != "" || line.Note != "") {
			t.Fatalf("ParseLead(%q): alias %+v", text, line)
		}
	})
}
