package planner

import (
	"errors"
	"testing"
)

// A lead line's alias word (aka, 别名, 又名) ends the name; the rest of the
// line is the alias. A quoted name may hold the word.
func TestParseLeadAlias(t *testing.T) {
	for _, c := range []struct {
		text string
		want LeadLine
	}{
		{"常诚车业 aka Changcheng Auto", LeadLine{Name: "常诚车业", Alias: "Changcheng Auto"}},
		{"常诚车业 别名 Changcheng  Auto", LeadLine{Name: "常诚车业", Alias: "Changcheng Auto"}},
		{"常诚车业 又名 「常诚」", LeadLine{Name: "常诚车业", Alias: "常诚"}},
		{"Changcheng Auto AKA 常诚车业。", LeadLine{Name: "Changcheng Auto", Alias: "常诚车业"}},
		{`"Foo aka Bar" aka FB`, LeadLine{Name: "Foo aka Bar", Quoted: true, Alias: "FB"}},
		{"Changcheng Auto aka Signed Ltd", LeadLine{Name: "Changcheng Auto", Alias: "Signed Ltd"}}, // the alias may hold a stage word
		{"Aka Corp signed", LeadLine{Name: "Aka Corp", Stage: StageSigned}},                        // a name may start with the word
	} {
		got, err := ParseLead(c.text, d("2025-11-17"))
		if err != nil || got != c.want {
			t.Errorf("ParseLead(%q) = %+v, %v; want %+v", c.text, got, err, c.want)
		}
	}
	for _, c := range []struct {
		text   string
		reason Reason
	}{
		{"常诚车业 别名", ReasonBadAlias},
		{"常诚车业 aka \"\"", ReasonBadAlias},
		{"常诚车业 签约 aka Changcheng Auto", ReasonBadAlias}, // an alias line says nothing else
		{"常诚车业 aka Chang\"cheng", ReasonBadAlias},
		{"签约", ReasonStageOnly},
		{"on hold", ReasonStageOnly},
		{"已投产。", ReasonStageOnly},
	} {
		_, err := ParseLead(c.text, d("2025-11-17"))
		var e *Error
		if !errors.As(err, &e) || e.Code != Invalid || e.Reason != c.reason {
			t.Errorf("ParseLead(%q) = %v; want invalid %s", c.text, err, c.reason)
		}
	}
}

// An alias is a name: a stage word alone is refused as it is for a company
// (quoted, it is a name), and an alias word with no name before it is no
// company named "aka …".
func TestParseLeadAliasRefusedWords(t *testing.T) {
	today := Date{Year: 2025, Month: 11, Day: 17}
	for _, tc := range []struct {
		line   string
		reason Reason
	}{
		{"宁德 aka 签约", ReasonStageOnly},
		{"宁德 别名 在谈", ReasonStageOnly},
		{"aka BYD", ReasonBadAlias},
		{"别名 比亚迪", ReasonBadAlias},
	} {
		if _, err := ParseLead(tc.line, today); ErrorOf(err).Reason != tc.reason {
			t.Errorf("ParseLead(%q) = %v, want %s", tc.line, err, tc.reason)
		}
	}
	if line, err := ParseLead(`宁德 aka "签约"`, today); err != nil || line.Alias != "签约" {
		t.Errorf("a quoted stage word as an alias = %+v, %v; want it taken as a name", line, err)
	}
}
