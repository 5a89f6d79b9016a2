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
