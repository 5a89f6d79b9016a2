package planner_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"unicode"

	"planbot/planner"
)

// A target line in either language, with its period in each form people
// write it, a member, units after the numbers or none, separators, goals of
// 0 and clear.
func TestParseTargetLine(t *testing.T) {
	y2026 := planner.TargetPeriod{Year: 2026}
	q1 := planner.TargetPeriod{Year: 2026, Quarter: 1}
	goals := func(kv ...any) map[planner.Metric]int64 {
		m := map[planner.Metric]int64{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(planner.Metric)] = int64(kv[i+1].(int))
		}
		return m
	}
	signed, amount, visits := planner.MetricSigned, planner.MetricAmount, planner.MetricVisits
	tests := []struct {
		line string
		want planner.TargetLine
	}{
		// The issue's own lines.
		{"2026 签约项目 20 个 签约额 100 亿元 拜访 400 家", planner.TargetLine{Period: y2026, Goals: goals(signed, 20, amount, 1000000, visits, 400)}},
		{"2026 signed 20 amount 100e8 visits 400", planner.TargetLine{Period: y2026, Goals: goals(signed, 20, amount, 1000000, visits, 400)}},
		// English amounts as FindAmount reads them, and in yuan with a power of ten.
		{"2026 signed 20 amount CNY 10 bn visits 400", planner.TargetLine{Period: y2026, Goals: goals(signed, 20, amount, 1000000, visits, 400)}},
		{"2026 amount RMB 2 billion", planner.TargetLine{Period: y2026, Goals: goals(amount, 200000)}},
		{"2026 amount 1.5e9", planner.TargetLine{Period: y2026, Goals: goals(amount, 150000)}},
		{"2026 amount 100亿", planner.TargetLine{Period: y2026, Goals: goals(amount, 1000000)}},
		{"2026 Amount 12345e4 yuan", planner.TargetLine{Period: y2026, Goals: goals(amount, 12345)}},
		{"2026 amount 1.23455e8", planner.TargetLine{Period: y2026, Goals: goals(amount, 12346)}}, // 12345.5万: half up
		// Chinese written together, with separators, and the year as 2026年 / 2026年度.
		{"2026年签约项目20个签约额100亿元拜访400家", planner.TargetLine{Period: y2026, Goals: goals(signed, 20, amount, 1000000, visits, 400)}},
		{"2026年度 签约项目：20个，签约金额：3,500万元；走访企业=400家", planner.TargetLine{Period: y2026, Goals: goals(signed, 20, amount, 3500, visits, 400)}},
		{"２０２６ 签约数 ２０", planner.TargetLine{Period: y2026, Goals: goals(signed, 20)}},
		// Quarters.
		{"2026-Q1 signed 5", planner.TargetLine{Period: q1, Goals: goals(signed, 5)}},
		{"2026Q1 signed 5", planner.TargetLine{Period: q1, Goals: goals(signed, 5)}},
		{"2026 q1 signed 5", planner.TargetLine{Period: q1, Goals: goals(signed, 5)}},
		{"Q1 2026 signed 5", planner.TargetLine{Period: q1, Goals: goals(signed, 5)}},
		{"2026年一季度 签约项目 5个", planner.TargetLine{Period: q1, Goals: goals(signed, 5)}},
		{"2026年第四季度 签约项目 5个", planner.TargetLine{Period: planner.TargetPeriod{Year: 2026, Quarter: 4}, Goals: goals(signed, 5)}},
		{"2026年2季度 签约项目 5个", planner.TargetLine{Period: planner.TargetPeriod{Year: 2026, Quarter: 2}, Goals: goals(signed, 5)}},
		// A member, by the id the chat platform gives.
		{"2026 U2 签约项目 5 个", planner.TargetLine{Period: y2026, Member: "U2", Goals: goals(signed, 5)}},
		{"2026-Q1 ou_7d8a6e6df7621556ce0d21922b676706 visits 30", planner.TargetLine{Period: q1, Member: "ou_7d8a6e6df7621556ce0d21922b676706", Goals: goals(visits, 30)}},
		// The kinds' done counts.
		{"2026 接待 30 批 活动 12 场 出差 20 次", planner.TargetLine{Period: y2026,
			Goals: goals(planner.Metric(planner.KindReception), 30, planner.Metric(planner.KindEvent), 12, planner.Metric(planner.KindTrip), 20)}},
		{"2026 receptions 30 events 12 meetings 50", planner.TargetLine{Period: y2026,
			Goals: goals(planner.Metric(planner.KindReception), 30, planner.Metric(planner.KindEvent), 12, planner.Metric(planner.KindMeeting), 50)}},
		// Removing targets.
		{"2026 签约项目 0", planner.TargetLine{Period: y2026, Goals: goals(signed, 0)}},
		{"2026 signed clear amount 0", planner.TargetLine{Period: y2026, Goals: goals(signed, 0, amount, 0)}},
		{"2026 clear", planner.TargetLine{Period: y2026, Goals: goals(), Clear: true}},
		{"2026 U2 清除", planner.TargetLine{Period: y2026, Member: "U2", Goals: goals(), Clear: true}},
		// A period alone sets nothing: it shows.
		{"2026", planner.TargetLine{Period: y2026, Goals: goals()}},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got, err := planner.ParseTargetLine(tc.line)
			if err != nil {
				t.Fatalf("ParseTargetLine: %v", err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("got  %+v\nwant %+v", got, tc.want)
			}
			if got.Sets() != (len(tc.want.Goals) > 0 || tc.want.Clear) {
				t.Errorf("Sets() = %t", got.Sets())
			}
		})
	}
}

// A line that is no target line is refused with the words it could not
// read: no period, a bad one, an unknown metric, a metric without its number
// or with one it cannot hold, an amount without its unit or not in CNY, a
// metric twice, a second member.
func TestParseTargetLineRefused(t *testing.T) {
	tests := []struct {
		line   string
		reason planner.Reason
		detail string
	}{
		{"", planner.ReasonTargetPeriod, ""},
		{"signed 20", planner.ReasonTargetPeriod, "signed"},
		{"今年 签约项目 20个", planner.ReasonTargetPeriod, "今年"},
		{"2026Q5 signed 20", planner.ReasonTargetPeriod, "2026Q5"},
		{"20261 signed 20", planner.ReasonTargetPeriod, "20261"},
		{"1999 signed 20", planner.ReasonTargetPeriod, "1999"},
		{"2026 sigend 20", planner.ReasonBadTarget, "sigend 20"},
		{"2026 U2 U3 signed 20", planner.ReasonBadTarget, "U2 U3"},
		{"2026 signed", planner.ReasonBadTarget, "signed"},
		{"2026 签约项目 二十个", planner.ReasonBadTarget, "签约项目 二十个"},
		{"2026 signed 20.5", planner.ReasonBadTarget, "signed 20.5"},
		{"2026 signed -3", planner.ReasonBadTarget, "signed -3"},
		{"2026 signed 100000", planner.ReasonBadTarget, "signed 100000"},
		{"2026 amount 100", planner.ReasonBadTarget, "amount 100"},
		{"2026 amount USD 200M", planner.ReasonBadTarget, "amount USD 200M"},
		{"2026 签约额 5-8亿", planner.ReasonBadTarget, "签约额 5-8亿"},
		{"2026 amount 3e3", planner.ReasonBadTarget, "amount 3e3"}, // 3,000 yuan: under 1万
		{"2026 signed 20 signings 30", planner.ReasonBadTarget, "signings 30"},
		{"2026 signed 20 foo", planner.ReasonBadTarget, "signed 20 foo"},
		{"2026 clear signed 20", planner.ReasonBadTarget, "clear"},
		{"2026 U2 clear clear", planner.ReasonBadTarget, "U2 clear clear"}, // a word before the metrics is a member: clear is none
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got, err := planner.ParseTargetLine(tc.line)
			var e *planner.Error
			if !errors.As(err, &e) || e.Code != planner.Invalid || e.Reason != tc.reason || e.Detail != tc.detail {
				t.Errorf("ParseTargetLine = %+v, %v; want %s %q", got, err, tc.reason, tc.detail)
			}
		})
	}
}

// A period's days, how it is written back, and the share of it gone: whole
// months and the days of the current one, so that the end of June is half
// the year (时间过半) and the end of October 10/12, as government reports
// reckon it.
func TestTargetPeriodElapsed(t *testing.T) {
	day := func(s string) planner.Date {
		d, err := planner.ParseDate(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	y2026, q1, q4 := planner.TargetPeriod{Year: 2026}, planner.TargetPeriod{Year: 2026, Quarter: 1}, planner.TargetPeriod{Year: 2024, Quarter: 4}
	for _, p := range []struct {
		p          planner.TargetPeriod
		text       string
		start, end string
	}{{y2026, "2026", "2026-01-01", "2026-12-31"}, {q1, "2026-Q1", "2026-01-01", "2026-03-31"}, {q4, "2024-Q4", "2024-10-01", "2024-12-31"}} {
		if p.p.String() != p.text || p.p.Start() != day(p.start) || p.p.End() != day(p.end) {
			t.Errorf("%+v: %s %s–%s, want %s %s–%s", p.p, p.p, p.p.Start(), p.p.End(), p.text, p.start, p.end)
		}
		if back, ok := planner.ParseTargetPeriod(p.text); !ok || back != p.p {
			t.Errorf("ParseTargetPeriod(%q) = %+v, %t", p.text, back, ok)
		}
	}
	tests := []struct {
		p        planner.TargetPeriod
		asOf     string
		num, den int
	}{
		{y2026, "2025-12-31", 0, 1},
		{y2026, "2026-01-01", 1, 12 * 31},
		{y2026, "2026-06-30", 6 * 30, 12 * 30}, // 时间过半: exactly half
		{y2026, "2026-07-01", 6*31 + 1, 12 * 31},
		{y2026, "2026-10-31", 10 * 31, 12 * 31},
		{y2026, "2026-12-31", 1, 1},
		{y2026, "2027-03-01", 1, 1},
		{q1, "2026-02-14", 28 + 14, 3 * 28},
		{q4, "2024-11-15", 30 + 15, 3 * 30},
		{planner.TargetPeriod{Year: 2024, Quarter: 1}, "2024-02-29", 2 * 29, 3 * 29}, // a leap February's last day: two months of three
	}
	for _, tc := range tests {
		num, den := tc.p.Elapsed(day(tc.asOf))
		if num*tc.den != tc.num*den {
			t.Errorf("%s at %s: %d/%d, want %d/%d", tc.p, tc.asOf, num, den, tc.num, tc.den)
		}
	}
}

// FuzzParseTargetLine checks that any line either fails with an Invalid
// error or gives a period planbot keeps, goals of known metrics within their
// bounds, and at most one member, a word with no space in it.
func FuzzParseTargetLine(f *testing.F) {
	for _, seed := range []string{
		"2026 签约项目 20 个 签约额 100 亿元 拜访 400 家", "2026 signed 20 amount 100e8 visits 400", "2026-Q1 U2 signed 5",
		"2026年一季度 接待 30 批", "Q4 2026 amount 9.99999999e20", "2026 clear", "2026 U2 清除", "2026 amount CNY 10 bn",
		"２０２６年第二季度 走访企业：12家；", "2026 signed 20 signings 30", "\xff2026 signed 1", "2026 amount 1e-3",
	} {
		f.Add(seed)
	}
	known := map[planner.Metric]bool{}
	for _, m := range planner.Metrics {
		known[m] = true
	}
	f.Fuzz(func(t *testing.T, text string) {
		line, err := planner.ParseTargetLine(text)
		if err != nil {
			if e := planner.ErrorOf(err); e.Code != planner.Invalid {
				t.Fatalf("ParseTargetLine(%q): %v", text, err)
			}
			return
		}
		if p := line.Period; p.Year < 2000 || p.Year > 2099 || p.Quarter < 0 || p.Quarter > 4 {
			t.Fatalf("ParseTargetLine(%q): period %+v", text, p)
		}
		if strings.ContainsFunc(line.Member, unicode.IsSpace) {
			t.Fatalf("ParseTargetLine(%q): member %q", text, line.Member)
		}
		for m, goal := range line.Goals {
			limit := int64(planner.MaxGoal)
			if m == planner.MetricAmount {
				limit = planner.MaxAmount
			}
			if !known[m] || goal < 0 || goal > limit {
				t.Fatalf("ParseTargetLine(%q): goal %s %d", text, m, goal)
			}
		}
	})
}
