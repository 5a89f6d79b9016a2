package bot

import (
	"fmt"
	"strings"

	"planbot/planner"
)

// TargetView shows targets with their 完成率 at a day (/plan target, and
// the answer to /plan setup target): each target's progress, and after a
// change, the line that made it.
type TargetView struct {
	AsOf     planner.Date
	Periods  []planner.TargetPeriod // the periods asked about, named when none has a target
	Progress []planner.TargetProgress
	Set      *planner.TargetLine // the line just stored, nil when the targets are only shown
}

func (TargetView) isBody() {}

// TargetLine is one target's progress as a report writes it — "2026年 签约额
// 完成 62%（62亿元/100亿元），时间过半 54%" — and whether it is on pace: done at
// least as far as its period has gone (green), or behind (red).
type TargetLine struct {
	Text   string // planbot's words and the member's name, on one line, unescaped
	OnPace bool
}

// paceMarks mark a target on pace (green) or behind (red) in chat and text.
var paceMarks = map[bool]string{true: "🟢", false: "🔴"}

// metricMsgs are each metric's name and how a count of it is written.
var metricMsgs = map[planner.Metric]struct{ name, count Msg }{
	planner.MetricSigned:                  {MsgTargetSigned, MsgTargetSignedCount},
	planner.MetricAmount:                  {MsgTargetAmount, ""},
	planner.MetricVisits:                  {MsgTargetVisits, MsgTargetVisitsCount},
	planner.Metric(planner.KindReception): {MsgTargetReceptions, MsgTargetReceptionCount},
	planner.Metric(planner.KindEvent):     {MsgTargetEvents, MsgTargetEventCount},
	planner.Metric(planner.KindTrip):      {MsgTargetTrips, MsgTargetTimesCount},
	planner.Metric(planner.KindFund):      {MsgTargetFunds, MsgTargetTimesCount},
	planner.Metric(planner.KindTraining):  {MsgTargetTrainings, MsgTargetEventCount},
	planner.Metric(planner.KindReview):    {MsgTargetReviews, MsgTargetTimesCount},
	planner.Metric(planner.KindMeeting):   {MsgTargetMeetings, MsgTargetTimesCount},
}

// TargetLines writes each target's progress in l, in the order given: the
// member's name first for a member's target, then the period, the metric,
// the share done (the amounts in 亿元 or CNY) and the share of time gone.
func TargetLines(l planner.Lang, progress []planner.TargetProgress) []TargetLine {
	lines := make([]TargetLine, len(progress))
	for i, p := range progress {
		label := PeriodLabel(l, p.Period)
		if p.Member != "" {
			label = memberLabel(p) + " · " + label
		}
		text := Say(l, MsgTargetLine, label, Say(l, metricMsgs[p.Metric].name), p.Percent(),
			targetValue(l, p.Metric, p.Done, false), targetValue(l, p.Metric, p.Goal, true), timeGone(l, p))
		lines[i] = TargetLine{Text: text, OnPace: p.OnPace()}
	}
	return lines
}

// memberLabel is a member's name on one line, else "—" (never their id:
// a view that knows the team's members names them first, namedTargets).
func memberLabel(p planner.TargetProgress) string {
	if name := planner.OneLine(p.MemberName); name != "" {
		return name
	}
	return noOne
}

// PeriodLabel writes a target's period: 2026年, 2026年第一季度; 2026, 2026 Q1.
func PeriodLabel(l planner.Lang, p planner.TargetPeriod) string {
	if p.Quarter == 0 {
		return Say(l, MsgTargetYear, p.Year)
	}
	quarter := fmt.Sprint(p.Quarter)
	if l == planner.Chinese {
		quarter = []string{"", "一", "二", "三", "四"}[p.Quarter]
	}
	return Say(l, MsgTargetQuarter, p.Year, quarter)
}

// targetValue writes a done count or a goal of metric m: an amount as
// reports write it, a count (in Chinese, with its unit when unit is set:
// 12/20个).
func targetValue(l planner.Lang, m planner.Metric, v int64, unit bool) string {
	if m == planner.MetricAmount {
		if v == 0 {
			return "0"
		}
		return planner.Amount{Value: v, Currency: "CNY"}.Format(l)
	}
	if !unit {
		return fmt.Sprint(v)
	}
	return Say(l, metricMsgs[m].count, v)
}

// timeGone says how much of a target's period is gone: 时间进度 30%, 时间过半
// 54% (the 双过半 check reads it beside 完成率), all of it, or none yet.
func timeGone(l planner.Lang, p planner.TargetProgress) string {
	msgs := [4]Msg{MsgTargetYearTime, MsgTargetYearHalf, MsgTargetYearOver, MsgTargetYearNotBegun}
	if p.Period.Quarter > 0 {
		msgs = [4]Msg{MsgTargetQuarterTime, MsgTargetQuarterHalf, MsgTargetQuarterOver, MsgTargetQuarterNotBegun}
	}
	switch num, den := p.Period.Elapsed(p.AsOf); {
	case num == den:
		return Say(l, msgs[2])
	case num == 0:
		return Say(l, msgs[3])
	case 2*num >= den:
		return Say(l, msgs[1], p.TimePercent())
	default:
		return Say(l, msgs[0], p.TimePercent())
	}
}

// targetRetroLines are the retrospective's section of targets: a heading,
// then each target marked green or red; none without targets.
func targetRetroLines(l planner.Lang, progress []planner.TargetProgress) []RetroLine {
	if len(progress) == 0 {
		return nil
	}
	lines := []RetroLine{{Text: Say(l, MsgTargetHead), Head: true}}
	for _, tl := range TargetLines(l, progress) {
		lines = append(lines, RetroLine{Text: paceMarks[tl.OnPace] + " " + tl.Text, Indent: 1})
	}
	return lines
}

// TargetText renders a TargetView as plain text: what was set, then the
// targets at the day, marked green or red, or how to set some.
func TargetText(l planner.Lang, v TargetView) string {
	var lines []string
	if v.Set != nil {
		scope := Say(l, MsgTargetTeam)
		if v.Set.Member != "" {
			scope = planner.OneLine(v.Set.MemberName)
			if scope == "" {
				scope = planner.OneLine(v.Set.Member)
			}
		}
		msg := MsgTargetSet
		if v.Set.Clear {
			msg = MsgTargetCleared
		}
		lines = append(lines, Say(l, msg, PeriodLabel(l, v.Set.Period), scope))
	}
	if len(v.Progress) == 0 {
		labels := make([]string, len(v.Periods))
		for i, p := range v.Periods {
			labels[i] = PeriodLabel(l, p)
		}
		year := v.AsOf.Year // the example's
		if len(v.Periods) > 0 {
			year = v.Periods[0].Year
		}
		return strings.Join(append(lines, Say(l, MsgTargetNone, strings.Join(labels, ListSep(l)), year)), "\n")
	}
	lines = append(lines, Say(l, MsgTargetTitle, DayLabel(l, v.AsOf)))
	for _, tl := range TargetLines(l, v.Progress) {
		lines = append(lines, "  "+paceMarks[tl.OnPace]+" "+tl.Text)
	}
	return strings.Join(lines, "\n")
}
