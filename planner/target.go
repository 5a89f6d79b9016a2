package planner

import (
	"fmt"
	"time"
)

// Metric is what a target counts (目标任务的指标).
type Metric string

// The metrics a target may count. Signed projects and the signed amount are
// counted as Money counts them (README, "What is summed"); visits are the
// enterprises met, done (EnterprisesMet); any other metric is a kind, and
// counts the done items of that kind by their counts.
const (
	MetricSigned Metric = "signed_projects" // signed projects (签约项目), as Money.SignedProjects
	MetricAmount Metric = "signed_wan"      // the signed amount (签约额) in 万元, as Money.SignedWan
	MetricVisits Metric = "visits"          // enterprises visited (拜访企业), done
)

// Metrics are every metric a target may count, in the order reports list them.
var Metrics = []Metric{
	MetricSigned, MetricAmount, MetricVisits,
	Metric(KindReception), Metric(KindEvent), Metric(KindTrip), Metric(KindFund),
	Metric(KindTraining), Metric(KindReview), Metric(KindMeeting),
}

// MaxGoal is the largest count a target may set; an amount's goal may go up
// to MaxAmount (万元).
const MaxGoal = 99999

// TargetPeriod is the period a target is set for: a year, or one of its
// quarters (Quarter 1 to 4; 0 for the whole year).
type TargetPeriod struct {
	Year    int
	Quarter int
}

// TargetPeriodsOf returns the year and the quarter that day d falls in.
func TargetPeriodsOf(d Date) (year, quarter TargetPeriod) {
	return TargetPeriod{Year: d.Year}, TargetPeriod{Year: d.Year, Quarter: (int(d.Month)-1)/3 + 1}
}

// months is how many months p spans.
func (p TargetPeriod) months() int {
	if p.Quarter == 0 {
		return 12
	}
	return 3
}

// Start returns p's first day.
func (p TargetPeriod) Start() Date {
	month := time.January
	if p.Quarter > 0 {
		month = time.Month(3*p.Quarter - 2)
	}
	return Date{p.Year, month, 1}
}

// End returns p's last day.
func (p TargetPeriod) End() Date {
	start := p.Start()
	return DateOf(time.Date(start.Year, start.Month+time.Month(p.months()), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1), time.UTC)
}

// overlaps reports whether p has a day from from to to inclusive.
func (p TargetPeriod) overlaps(from, to Date) bool {
	return !p.End().Before(from) && !to.Before(p.Start())
}

// String writes p as 2026 or 2026-Q1.
func (p TargetPeriod) String() string {
	if p.Quarter == 0 {
		return fmt.Sprintf("%04d", p.Year)
	}
	return fmt.Sprintf("%04d-Q%d", p.Year, p.Quarter)
}

// MarshalText writes p as String does, so JSON shows "2026" or "2026-Q1".
func (p TargetPeriod) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Elapsed returns the share of p gone by the end of day asOf, as the
// fraction num/den: 0 before p starts, 1 from its last day on. Between, it
// counts whole months and the days of asOf's month, as government reports
// reckon time (时间进度, 序时进度): the end of June is exactly half a year gone
// (时间过半, the 双过半 check), the end of October 10/12; a day of a month is
// one of that month's days, so that the share grows evenly within a month.
func (p TargetPeriod) Elapsed(asOf Date) (num, den int) {
	start := p.Start()
	switch {
	case asOf.Before(start):
		return 0, 1
	case !asOf.Before(p.End()):
		return 1, 1
	}
	inMonth := time.Date(asOf.Year, asOf.Month+1, 0, 0, 0, 0, 0, time.UTC).Day() // the days of asOf's month
	full := (asOf.Year-start.Year)*12 + int(asOf.Month-start.Month)
	return full*inMonth + asOf.Day, p.months() * inMonth
}

// Target is a goal a team's admins set for a year or a quarter: for the
// team (UserID "") or for one member.
type Target struct {
	TeamID string
	Period TargetPeriod
	UserID string // the member it is set for, "" for the team
	Metric Metric
	Goal   int64     // a count, or 万元 for MetricAmount; 0 removes the target when set
	SetBy  string    // who set it
	SetAt  time.Time // when, in UTC
}

// TargetProgress is how far a target is done at a day: the 完成率 of every
// 招商 report, and the share of its period gone by then. Done counts from
// the period's first day to AsOf (or the period's end, if earlier).
type TargetProgress struct {
	Metric     Metric       `json:"metric"`
	Period     TargetPeriod `json:"period"`
	Member     string       `json:"member,omitempty"` // the member's user id, "" for the team
	MemberName string       `json:"member_name,omitempty"`
	Goal       int64        `json:"goal"`
	Done       int64        `json:"done"`
	Rate       float64      `json:"rate"`      // Done / Goal
	TimeRate   float64      `json:"time_rate"` // the share of the period gone at AsOf (TargetPeriod.Elapsed)
	AsOf       Date         `json:"-"`
}

// newTargetProgress is target t with done counted up to asOf.
func newTargetProgress(t Target, name string, done int64, asOf Date) TargetProgress {
	num, den := t.Period.Elapsed(asOf)
	return TargetProgress{
		Metric: t.Metric, Period: t.Period, Member: t.UserID, MemberName: name, Goal: t.Goal, Done: done,
		Rate: float64(done) / float64(t.Goal), TimeRate: float64(num) / float64(den), AsOf: asOf,
	}
}

// Percent is the share of the goal done, as a whole percentage rounded half
// up (exactly, in integers).
func (p TargetProgress) Percent() int64 { return roundedPercent(p.Done, p.Goal) }

// TimePercent is the share of the period gone, as a whole percentage
// rounded half up.
func (p TargetProgress) TimePercent() int64 {
	num, den := p.Period.Elapsed(p.AsOf)
	return roundedPercent(int64(num), int64(den))
}

// OnPace reports whether the target is done at least as far as its period
// has gone (Rate ≥ TimeRate, compared exactly): green in a report, red
// when behind.
func (p TargetProgress) OnPace() bool {
	num, den := p.Period.Elapsed(p.AsOf)
	return p.Done*int64(den) >= p.Goal*int64(num)
}

// roundedPercent is 100·num/den rounded half up.
func roundedPercent(num, den int64) int64 { return (200*num + den) / (2 * den) }
