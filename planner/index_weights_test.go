package planner

import (
	"maps"
	"testing"
)

// The forms an admin writes weights in, and what is refused, with the part at fault.
func TestParseIndexWeights(t *testing.T) {
	w := func(pairs ...any) map[Measure]int {
		m := map[Measure]int{}
		for i := 0; i < len(pairs); i += 2 {
			m[pairs[i].(Measure)] = pairs[i+1].(int)
		}
		return m
	}
	s, c, v, r, e, l := MeasureSigning, MeasureConstruction, MeasureVisit, MeasureReception, MeasureEvent, MeasureLead
	for _, tt := range []struct {
		text   string
		want   map[Measure]int
		detail string // of the error, when the text is refused
	}{
		{"签约=30 开工=20 拜访=2", w(s, 30, c, 20, v, 2), ""},
		{"signing=30 construction=20 visit=2 reception=4 event=6 lead=1", w(s, 30, c, 20, v, 2, r, 4, e, 6, l, 1), ""},
		{"Signing: 40, Visits:3", w(s, 40, v, 3), ""},
		{"签约＝３０，接待：８；活动=0", w(s, 30, r, 8, e, 0), ""},
		{"签约30 线索 1", w(s, 30, l, 1), ""},
		{"签约 =30 走访= 4、来访 9", w(s, 30, v, 4, r, 9), ""},
		{"签约=30 签约=50", w(s, 50), ""},
		{"lead=1000", w(l, 1000), ""},
		{"default", DefaultIndexWeights(), ""},
		{" 默认 ", DefaultIndexWeights(), ""},
		{"", nil, ""},
		{"签约=-5", nil, "签约=-5"},
		{"签约 -5", nil, "签约=-5"},
		{"签约=3.5", nil, "签约=3.5"},
		{"visit=lots", nil, "visit=lots"},
		{"lead=1001", nil, "lead=1001"},
		{"签约=30 宣传=10", nil, "宣传"},
		{"money=5", nil, "money"},
		{"签约=30 开工", nil, "开工="},
		{"=30", nil, ""},
	} {
		t.Run(tt.text, func(t *testing.T) {
			got, err := parseIndexWeights(tt.text)
			if tt.want == nil {
				e := ErrorOf(err)
				if err == nil || e.Reason != ReasonBadIndex || e.Detail != tt.detail {
					t.Errorf("parseIndexWeights = %v, %v; want a bad_index error about %q", got, err, tt.detail)
				}
				return
			}
			if err != nil || !maps.Equal(got, tt.want) {
				t.Errorf("parseIndexWeights = %v, %v; want %v", got, err, tt.want)
			}
		})
	}
}
