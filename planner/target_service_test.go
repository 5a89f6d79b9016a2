package planner_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// targetService is a service on a fresh SQLite file whose clock the test
// moves (set), in Shanghai, with team T1's Boss, Ann and Bob joined.
func targetService(t *testing.T) (*planner.Service, *storage.DB, func(day string, hour int)) {
	t.Helper()
	db := storagetest.Open(t)
	now := time.Date(2026, 1, 5, 9, 0, 0, 0, plannertest.Shanghai)
	svc := planner.NewService(db, planner.Options{Now: func() time.Time { return now }, Loc: plannertest.Shanghai})
	set := func(day string, hour int) {
		d := plannertest.Day(t, day)
		now = time.Date(d.Year, d.Month, d.Day, hour, 0, 0, 0, plannertest.Shanghai)
	}
	for _, a := range []planner.Actor{plannertest.Boss, plannertest.Ann, plannertest.Bob} {
		if _, _, err := svc.Join(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
	return svc, db, set
}

// add adds line for a on the service's clock and marks its items done when done.
func add(t *testing.T, svc *planner.Service, a planner.Actor, line string, done bool) {
	t.Helper()
	items, _, err := svc.Add(t.Context(), a, line)
	if err != nil {
		t.Fatalf("add %q: %v", line, err)
	}
	for _, it := range items {
		if !done {
			break
		}
		if _, err := svc.Done(t.Context(), a, it.ID, ""); err != nil {
			t.Fatalf("done %q: %v", line, err)
		}
	}
}

// lead runs a lead line for a on the service's clock.
func lead(t *testing.T, svc *planner.Service, a planner.Actor, line string) {
	t.Helper()
	if _, err := svc.Lead(t.Context(), a, line); err != nil {
		t.Fatalf("lead %q: %v", line, err)
	}
}

// setTargets sets a target line as Boss.
func setTargets(t *testing.T, svc *planner.Service, line string) {
	t.Helper()
	if _, err := svc.SetTargets(t.Context(), plannertest.Boss, line); err != nil {
		t.Fatalf("set targets %q: %v", line, err)
	}
}

// scriptTargetYear sets 2026's targets in January and plays the first half
// of the year: visits done (a trip's too; cancelled and planned ones do not
// count), two projects signed with their amounts (Bob's 6亿 in March, Ann's
// 2.5亿 in April), a visit in July that the end of June does not see.
func scriptTargetYear(t *testing.T) (*planner.Service, *storage.DB, func(string, int)) {
	svc, db, set := targetService(t)
	setTargets(t, svc, "2026 签约项目 4 个 签约额 10 亿元 拜访 10 家")
	setTargets(t, svc, "2026-Q1 U2 signed 1 visits 4")
	setTargets(t, svc, "2026-Q2 visits 5 receptions 2")
	set("2026-01-06", 9)
	add(t, svc, plannertest.Ann, "今天 拜访3家企业", true)
	add(t, svc, plannertest.Ann, "明天 拜访5家企业", false)
	lead(t, svc, plannertest.Ann, "蓝天科技 在谈")
	set("2026-02-10", 9)
	add(t, svc, plannertest.Bob, "今天 拜访2家企业", true)
	add(t, svc, plannertest.Bob, "明天 出差上海 拜访2家企业", true)
	items, _, err := svc.Add(t.Context(), plannertest.Bob, "后天 拜访9家企业")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Cancel(t.Context(), plannertest.Bob, items[0].ID, ""); err != nil {
		t.Fatal(err)
	}
	set("2026-03-03", 10)
	lead(t, svc, plannertest.Bob, "常诚车业 签约 总投资6亿元")
	set("2026-04-08", 10)
	lead(t, svc, plannertest.Ann, "蓝天科技 签约 总投资2.5亿元")
	add(t, svc, plannertest.Ann, "今天 接待深圳客商考察团", true)
	set("2026-05-12", 10)
	add(t, svc, plannertest.Ann, "今天 拜访1家企业", true)
	set("2026-07-02", 10)
	add(t, svc, plannertest.Ann, "今天 拜访6家企业", true)
	return svc, db, set
}

// The progress of the team's and a member's targets with fixed clocks: half
// the year gone at the end of June (时间过半, exactly), a quarter over, a
// quarter under way; a member's counts only what is theirs.
func TestTargetProgress(t *testing.T) {
	svc, _, _ := scriptTargetYear(t)
	day := func(s string) planner.Date { return plannertest.Day(t, s) }
	y2026, q1, q2 := planner.TargetPeriod{Year: 2026}, planner.TargetPeriod{Year: 2026, Quarter: 1}, planner.TargetPeriod{Year: 2026, Quarter: 2}
	type row struct {
		period           planner.TargetPeriod
		member, name     string
		metric           planner.Metric
		goal, done       int64
		percent, timePct int64
		onPace           bool
	}
	tests := []struct {
		name           string
		member         string
		from, to, asOf string
		want           []row
		rate, timeRate float64 // of the first row
	}{
		{"half the year", "", "2026-01-01", "2026-06-30", "2026-06-30", []row{
			{y2026, "", "", planner.MetricSigned, 4, 2, 50, 50, true},          // 2 of 4 at half the year: on pace, just
			{y2026, "", "", planner.MetricAmount, 100000, 85000, 85, 50, true}, // 6亿 + 2.5亿
			{y2026, "", "", planner.MetricVisits, 10, 8, 80, 50, true},         // 3 + 2 + 2 (the trip's) + 1; not the planned 5, the cancelled 9, July's 6
			{q1, "U2", "Bob", planner.MetricSigned, 1, 1, 100, 100, true},
			{q1, "U2", "Bob", planner.MetricVisits, 4, 4, 100, 100, true},
			{q2, "", "", planner.MetricVisits, 5, 1, 20, 100, false},
			{q2, "", "", planner.Metric(planner.KindReception), 2, 1, 50, 100, false},
		}, 0.5, 0.5},
		{"a quarter under way", "", "2026-05-15", "2026-05-15", "2026-05-15", []row{
			{y2026, "", "", planner.MetricSigned, 4, 2, 50, 37, true},
			{y2026, "", "", planner.MetricAmount, 100000, 85000, 85, 37, true},
			{y2026, "", "", planner.MetricVisits, 10, 8, 80, 37, true},
			{q2, "", "", planner.MetricVisits, 5, 1, 20, 49, false},                 // (30 + 15) of 3 × 31 days
			{q2, "", "", planner.Metric(planner.KindReception), 2, 1, 50, 49, true}, // 1 of 2 ahead of 45/93
		}, 0.5, 139.0 / 372}, // (4 × 31 + 15) of 12 × 31 days
		{"a member", "U2", "2026-01-01", "2026-12-31", "2026-06-30", []row{
			{q1, "U2", "Bob", planner.MetricSigned, 1, 1, 100, 100, true},
			{q1, "U2", "Bob", planner.MetricVisits, 4, 4, 100, 100, true},
		}, 1, 1},
		{"the year's end", "", "2026-12-31", "2026-12-31", "2027-01-10", []row{
			{y2026, "", "", planner.MetricSigned, 4, 2, 50, 100, false},
			{y2026, "", "", planner.MetricAmount, 100000, 85000, 85, 100, false},
			{y2026, "", "", planner.MetricVisits, 10, 14, 140, 100, true}, // July's 6 now counted
		}, 0.5, 1},
		{"before the year", "", "2025-12-01", "2025-12-31", "2025-12-31", nil, 0, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := svc.TargetProgress(t.Context(), "T1", tc.member, day(tc.from), day(tc.to), day(tc.asOf))
			if err != nil {
				t.Fatal(err)
			}
			var rows []row
			for _, p := range got {
				rows = append(rows, row{p.Period, p.Member, p.MemberName, p.Metric, p.Goal, p.Done, p.Percent(), p.TimePercent(), p.OnPace()})
			}
			if !reflect.DeepEqual(rows, tc.want) {
				t.Errorf("got\n%+v\nwant\n%+v", rows, tc.want)
			}
			if got == nil {
				t.Error("nil progress: JSON would show null, not []")
			}
			if len(got) > 0 && (got[0].Rate != tc.rate || got[0].TimeRate != tc.timeRate) {
				t.Errorf("rate %v, time_rate %v; want %v, %v", got[0].Rate, got[0].TimeRate, tc.rate, tc.timeRate)
			}
		})
	}
}

// Setting a target replaces that metric's goal for that period and scope; 0
// removes it; clear removes every target of the period and scope; other
// periods and scopes, and other teams, are left alone.
func TestSetTargets(t *testing.T) {
	svc, db, _ := targetService(t)
	setTargets(t, svc, "2026 签约项目 20 个 签约额 100 亿元 拜访 400 家")
	setTargets(t, svc, "2026 U1 signed 5 visits 100")
	setTargets(t, svc, "2026-Q1 signed 4")
	setTargets(t, svc, "2026 signed 25 visits 0")
	if _, err := svc.SetTargets(t.Context(), planner.Actor{TeamID: "T2", UserID: "U7", Admin: true}, "2026 signed 9"); err == nil {
		t.Fatal("a team that never joined has targets")
	}
	type goal struct {
		period planner.TargetPeriod
		user   string
		metric planner.Metric
		goal   int64
	}
	read := func() []goal {
		stored, err := db.Targets(t.Context(), "T1")
		if err != nil {
			t.Fatal(err)
		}
		var goals []goal
		for _, s := range stored {
			if s.SetBy != plannertest.Boss.UserID || !s.SetAt.Equal(time.Date(2026, 1, 5, 1, 0, 0, 0, time.UTC)) {
				t.Errorf("%+v: set by %q at %v", s, s.SetBy, s.SetAt)
			}
			goals = append(goals, goal{s.Period, s.UserID, s.Metric, s.Goal})
		}
		return goals
	}
	y2026, q1 := planner.TargetPeriod{Year: 2026}, planner.TargetPeriod{Year: 2026, Quarter: 1}
	want := []goal{
		{y2026, "", planner.MetricSigned, 25}, {y2026, "", planner.MetricAmount, 1000000},
		{y2026, "U1", planner.MetricSigned, 5}, {y2026, "U1", planner.MetricVisits, 100},
		{q1, "", planner.MetricSigned, 4},
	}
	if got := read(); !reflect.DeepEqual(got, want) {
		t.Errorf("stored\n%+v\nwant\n%+v", got, want)
	}
	line, err := svc.SetTargets(t.Context(), plannertest.Boss, "2026 U1 clear")
	if err != nil || line.Member != "U1" || !line.Clear {
		t.Fatalf("clear: %+v, %v", line, err)
	}
	if got := read(); !reflect.DeepEqual(got, []goal{want[0], want[1], want[4]}) {
		t.Errorf("after clear\n%+v", got)
	}
}

// Nothing is stored from a line refused: by someone who is no admin, for a
// year gone or too far ahead, for no member of the team, or not read.
func TestSetTargetsRefused(t *testing.T) {
	svc, db, _ := targetService(t)
	setTargets(t, svc, "2026 signed 20")
	tests := []struct {
		name   string
		a      planner.Actor
		line   string
		reason planner.Reason
	}{
		{"not an admin", plannertest.Ann, "2026 signed 30", planner.ReasonNotAdmin},
		{"a year gone", plannertest.Boss, "2025 signed 30", planner.ReasonTargetPeriod},
		{"a quarter of a year gone", plannertest.Boss, "2025-Q4 signed 30", planner.ReasonTargetPeriod},
		{"too far ahead", plannertest.Boss, "2028 signed 30", planner.ReasonTargetPeriod},
		{"no such member", plannertest.Boss, "2026 U7 signed 30", planner.ReasonBadTarget},
		{"a word that is no member nor metric", plannertest.Boss, "2026 sigend 30", planner.ReasonBadTarget},
		{"not read", plannertest.Boss, "2026 signed 30 amount 100", planner.ReasonBadTarget},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := svc.SetTargets(t.Context(), tc.a, tc.line)
			var e *planner.Error
			if !errors.As(err, &e) || e.Reason != tc.reason {
				t.Errorf("err %v, want %s", err, tc.reason)
			}
			stored, err := db.Targets(t.Context(), "T1")
			if err != nil || len(stored) != 1 || stored[0].Goal != 20 {
				t.Errorf("stored %+v, %v; want the one target as it was", stored, err)
			}
		})
	}
	if line, err := svc.SetTargets(t.Context(), plannertest.Boss, "2027"); err != nil || line.Sets() {
		t.Errorf("a period alone: %+v, %v; want nothing set", line, err)
	}
}

// The retrospective carries the targets of its week's year and quarter, at
// its Sunday; a team without targets has none (an empty list in JSON).
func TestRetroTargets(t *testing.T) {
	svc, _, _ := scriptTargetYear(t)
	r, err := svc.Retro(t.Context(), "T1", planner.Week{Year: 2026, Num: 14}) // Mon Mar 30 – Sun Apr 5: Q1 ends in it, Q2 begins
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range r.Targets {
		got = append(got, p.Period.String()+" "+p.Member+" "+string(p.Metric))
	}
	want := []string{"2026  signed_projects", "2026  signed_wan", "2026  visits", "2026-Q1 U2 signed_projects", "2026-Q1 U2 visits",
		"2026-Q2  visits", "2026-Q2  reception"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("retro targets %q, want %q", got, want)
	}
	if r.Targets[0].AsOf != plannertest.Day(t, "2026-04-05") || r.Targets[0].Done != 1 {
		t.Errorf("first target %+v: want as of the week's Sunday, 1 signed", r.Targets[0])
	}
	none, _, _ := targetService(t)
	r, err = none.Retro(t.Context(), "T1", planner.Week{Year: 2026, Num: 14})
	if err != nil || r.Targets == nil || len(r.Targets) != 0 {
		t.Errorf("no targets: %+v, %v; want an empty list", r.Targets, err)
	}
}
