package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"planbot/planner"
)

// reportDoc is planbot report --format json as issue 16 gives its shape
// (money's unpriced and projects as the digest has them, and each kind's
// trip visits as the digest counts them); decoded strictly, a field more or
// less fails the test.
type reportDoc struct {
	From    string            `json:"from"`
	To      string            `json:"to"`
	Team    string            `json:"team"`
	Member  string            `json:"member"`
	Totals  map[string]totals `json:"totals"`
	Members []struct {
		UserID    string `json:"user_id"`
		UserName  string `json:"user_name"`
		Items     int    `json:"items"`
		DoneItems int    `json:"done_items"`
		DaysOut   int    `json:"days_out"`
	} `json:"members"`
	Money   moneyDoc          `json:"money"`
	Targets []targetDoc       `json:"targets"`
	Overdue []json.RawMessage `json:"overdue"`
	Index   json.RawMessage   `json:"index"` // absent: the teams here have the index off
	Weeks   []struct {
		Week      string `json:"week"`
		DoneItems int    `json:"done_items"`
	} `json:"weeks"`
}

// reportJSON runs planbot report with args and --format json and decodes it strictly.
func reportJSON(t *testing.T, env map[string]string, args ...string) reportDoc {
	t.Helper()
	out := mustPlanbot(t, env, "", append([]string{"report", "--format", "json"}, args...)...)
	var d reportDoc
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return d
}

// octoberTeam is the team of the scripted October.
const octoberTeam = "招商局"

// october is a month of team 招商局 typed into the console week by week, at
// the clock of each session: October 2025 starts on a Wednesday and ends on
// a Friday, so its first and last weeks have days outside it, with items
// (a visit on September 29th, an event on November 1st) and a signing (绿地集团
// on November 1st) that the month's report must not count; a trip runs from
// October into November, a meeting is cancelled, a member is on leave.
var october = []struct{ now, user, lines string }{
	{"2025-09-29T09:00:00+08:00", "ann", `/plan mon visit 3 enterprises
/plan wed visit 2 enterprises
/plan thu-fri trip to Shanghai
/plan done 1 all three interested
/plan done 2
/plan done 3
/plan lead 常诚车业 在谈
/plan setup target 2025 signed 10 amount CNY 10 bn visits 100
/plan setup target 2025-Q4 signed 3
`},
	{"2025-10-08T10:00:00+08:00", "王芳", `/plan 周四 拜访5家企业
/plan 周五 签约【常诚车业】
/plan lead 常诚车业 签约 总投资12亿元
/plan 完成 4 三家有意向
/plan 完成 5
`},
	{"2025-10-20T09:00:00+08:00", "ann", `/plan wed-fri trip to Beijing
/plan done 6
/plan thu meeting with investors
/plan cancel 7 postponed
/plan lead 宁德时代 签约 总投资3.5亿元
`},
	{"2025-10-27T09:00:00+08:00", "王芳", `/plan 周一 请假
/plan 周四至周日 出差深圳
/plan 周六 参加投资推介会
/plan 周五 拜访4家企业
/plan 完成 9
/plan 完成 10
/plan lead 蓝天科技 签约 总投资25亿元
`},
	{"2025-11-01T10:00:00+08:00", "ann", `/plan lead 绿地集团 签约 总投资5亿元
`},
}

// typeOctober types the scripted October into a new database and returns
// its environment, its clock on Monday November 3rd.
func typeOctober(t *testing.T) map[string]string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "planbot.db")
	for _, s := range october {
		env := map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": s.now}
		if out := mustPlanbot(t, env, s.lines, "console", "--user", s.user, "--team", octoberTeam); strings.Contains(out, "not") || strings.Contains(out, "不是") {
			t.Logf("%s typed at %s:\n%s", s.user, s.now, out)
		}
	}
	return map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": "2025-11-03T09:00:00+08:00"}
}

// csvItem is an item as planbot export writes it.
type csvItem struct {
	user, kind, status string
	start, end         planner.Date
	count, visits      int
}

// weekItems are the items of week w as planbot export writes them.
func weekItems(t *testing.T, env map[string]string, w string) []csvItem {
	t.Helper()
	out := mustPlanbot(t, env, "", "export", "--team", octoberTeam, "--week", w)
	records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export %s: %v\n%s", w, err, out)
	}
	var items []csvItem
	for _, r := range records[1:] {
		count, _ := strconv.Atoi(r[6])
		visits, _ := strconv.Atoi(r[11])
		start, end := mustDay(t, r[3]), mustDay(t, r[4])
		items = append(items, csvItem{user: r[1], kind: r[5], status: r[8], start: start, end: end, count: count, visits: visits})
	}
	return items
}

func mustDay(t *testing.T, s string) planner.Date {
	t.Helper()
	d, err := planner.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The month's report and the weekly digests of its days agree: its totals
// by kind are the sum of the digests of weeks 40 to 44 less the items of
// their days outside October (read from planbot export), its done items by
// week are each digest's less those days, each member's done items and
// days away are their digests' within October, and its money is the
// digests' projects signed in October.
func TestReportMatchesWeeklyDigests(t *testing.T) {
	env := typeOctober(t)
	r := reportJSON(t, env, "--team", octoberTeam, "--month", "2025-10")
	from, to := mustDay(t, "2025-10-01"), mustDay(t, "2025-10-31")
	if r.From != from.String() || r.To != to.String() || r.Team != octoberTeam {
		t.Fatalf("report of %s..%s of %q", r.From, r.To, r.Team)
	}

	want := map[string]totals{}
	for _, k := range planner.Kinds {
		want[string(k)] = totals{}
	}
	memberDone := map[string]int{}
	away := map[string]map[planner.Date]bool{}
	var projects []string
	outside := 0
	weeks := []string{"2025-W40", "2025-W41", "2025-W42", "2025-W43", "2025-W44"}
	if len(r.Weeks) != len(weeks) {
		t.Fatalf("weeks %+v, want %v", r.Weeks, weeks)
	}
	for i, w := range weeks {
		out := mustPlanbot(t, env, "", "digest", "--team", octoberTeam, "--week", w, "--format", "json")
		var d digestDoc
		dec := json.NewDecoder(strings.NewReader(out))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&d); err != nil {
			t.Fatalf("digest %s: %v", w, err)
		}
		weekDone := 0
		for k, dt := range d.Totals {
			s := want[k]
			s.Items, s.DoneItems, s.Count, s.DoneCount = s.Items+dt.Items, s.DoneItems+dt.DoneItems, s.Count+dt.Count, s.DoneCount+dt.DoneCount
			s.Visits, s.DoneVisits = s.Visits+dt.Visits, s.DoneVisits+dt.DoneVisits
			want[k] = s
			weekDone += dt.DoneItems
		}
		for _, m := range d.Members {
			memberDone[m.UserID] += m.DoneItems
		}
		// The items of the week's days outside October count in its digest, not in the month.
		for _, it := range weekItems(t, env, w) {
			if it.status == "cancelled" || !it.start.Before(from) && !to.Before(it.start) {
				continue
			}
			outside++
			s := want[it.kind]
			s.Items, s.Count, s.Visits = s.Items-1, s.Count-it.count, s.Visits-it.visits
			if it.status == "done" {
				s.DoneItems, s.DoneCount, s.DoneVisits = s.DoneItems-1, s.DoneCount-it.count, s.DoneVisits-it.visits
				weekDone--
				if it.kind != "leave" {
					memberDone[it.user]--
				}
			}
			want[it.kind] = s
		}
		if r.Weeks[i].Week != w || r.Weeks[i].DoneItems != weekDone {
			t.Errorf("week %d: %+v, want %s with %d done", i, r.Weeks[i], w, weekDone)
		}
		for _, trip := range d.Trips {
			start, end := mustDay(t, trip.Start), mustDay(t, trip.End)
			if trip.Status != "done" || start.Before(from) || to.Before(start) {
				continue
			}
			for day := start; !day.After(end) && !day.After(to); day = day.AddDays(1) {
				if away[trip.UserID] == nil {
					away[trip.UserID] = map[planner.Date]bool{}
				}
				away[trip.UserID][day] = true
			}
		}
		for _, p := range d.Money.Projects {
			if day := mustDay(t, p.Day); !day.Before(from) && !to.Before(day) {
				projects = append(projects, fmt.Sprintf("%s %s %d %s", p.Company, p.Day, p.Amount.Wan, p.Amount.Currency))
			}
		}
	}
	if outside < 2 {
		t.Fatalf("%d items on the days of weeks 40 and 44 outside October, want the visit of September 29th and the event of November 1st", outside)
	}
	for k, w := range want {
		if r.Totals[k] != w {
			t.Errorf("%s: report %+v, digests less the days outside October %+v", k, r.Totals[k], w)
		}
	}
	if len(r.Totals) != len(planner.Kinds) {
		t.Errorf("the report has %d kinds, want all %d", len(r.Totals), len(planner.Kinds))
	}
	for _, m := range r.Members {
		if m.DoneItems != memberDone[m.UserID] || m.DaysOut != len(away[m.UserID]) {
			t.Errorf("%s: %d done, %d days away; the digests say %d and %d", m.UserID, m.DoneItems, m.DaysOut, memberDone[m.UserID], len(away[m.UserID]))
		}
	}
	var got []string
	var wan int64
	for _, p := range r.Money.Projects {
		got = append(got, fmt.Sprintf("%s %s %d %s", p.Company, p.Day, p.Amount.Wan, p.Amount.Currency))
		wan += p.Amount.Wan
	}
	if !slices.Equal(got, projects) || r.Money.SignedProjects != len(projects) || r.Money.SignedWan != wan {
		t.Errorf("money %+v, the digests' October projects %q", r.Money, projects)
	}
	if slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, "绿地集团") }) || len(got) != 3 {
		t.Errorf("projects %q, want the three signed in October and not 绿地集团 (November 1st)", got)
	}
	// The targets count what the digests count, from the year's (the
	// quarter's) first day to October's last: nothing was signed before
	// October, and the enterprises met are the visits' counts and the
	// trips' visits done in the digests' October days.
	met := want["visit"].DoneCount
	for k, tt := range want {
		if k != "visit" {
			met += tt.DoneVisits
		}
	}
	wantTargets := map[string]int64{"2025 signed_projects": int64(len(projects)), "2025 signed_wan": wan, "2025-Q4 signed_projects": int64(len(projects))}
	var septemberMet int64 // the visits of Monday September 29th count in the year's target, not in the month's totals
	for _, it := range weekItems(t, env, "2025-W40") {
		if it.status == "done" && it.start.Before(from) {
			septemberMet += int64(it.count + it.visits)
		}
	}
	wantTargets["2025 visits"] = int64(met) + septemberMet
	if len(r.Targets) != len(wantTargets) {
		t.Errorf("targets %+v, want %v", r.Targets, wantTargets)
	}
	for _, tg := range r.Targets {
		if w, ok := wantTargets[tg.Period+" "+tg.Metric]; !ok || tg.Done != w || tg.Rate != float64(tg.Done)/float64(tg.Goal) {
			t.Errorf("target %+v, want done %d of the digests", tg, w)
		}
	}
}

// /plan 月报 and /plan report in the console on Monday November 3rd are
// October's, in each language, saying so; the text's completion is the
// JSON's.
func TestMonthReportInConsole(t *testing.T) {
	env := typeOctober(t)
	r := reportJSON(t, env, "--team", octoberTeam, "--month", "2025-10")
	var items, done int
	for k, tt := range r.Totals {
		if k != "leave" {
			items, done = items+tt.Items, done+tt.DoneItems
		}
	}
	rate := (done*100*2 + items) / (items * 2) // rounded half up
	for _, tt := range []struct {
		user, line string
		want       []string
	}{
		{"王芳", "/plan 月报", []string{"招商局 · 2025年10月 月报", "统计期：2025-10-01 至 2025-10-31 · 制表日期：2025-11-03",
			"每月前7天的月报统计上个月；本月至今：/plan 报表 本月", fmt.Sprintf("完成率 %d%%（完成 %d 项，共 %d 项）", rate, done, items),
			"签约项目3个，总投资40.5亿元", "王芳：完成"}},
		{"ann", "/plan report", []string{"招商局 · October 2025 report", "Period 2025-10-01 to 2025-10-31 · made 2025-11-03",
			"In a month's first 7 days, the report is of the month just ended.", fmt.Sprintf("Completion %d%% (%d of %d items done)", rate, done, items),
			"3 projects signed, CNY 4.05 bn total investment", "ann: "}},
		{"ann", "/plan report this month", []string{"招商局 · November 2025 report", "(the period is still running)", "1 project signed, CNY 500 m total investment"}},
		{"ann", "/plan report 2025-10 xlsx", []string{"planbot report --month 2025-10 --format xlsx --out report.xlsx"}},
	} {
		t.Run(tt.line, func(t *testing.T) {
			out := mustPlanbot(t, env, tt.line+"\n", "console", "--user", tt.user, "--team", octoberTeam)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("the console's answer lacks %q:\n%s", w, out)
				}
			}
		})
	}
}
