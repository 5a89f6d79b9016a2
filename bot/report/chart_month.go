package report

import (
	"fmt"

	"planbot/bot"
	"planbot/planner"
)

// The monthly report's chart is the weekly chart's, of a month: each
// member's items planned and done in the month, above the team's items done
// in each week of it (the days of the week within the month).

// MonthChart draws the chart of the monthly report r, labelled in lang, with
// font f, as the file posted in the report's thread. It reports false, and
// draws nothing, when there is nothing to draw: no member had an item and
// nothing was done.
func MonthChart(r planner.Report, lang planner.Lang, f *Font) (bot.File, bool, error) {
	d := monthChartData(r)
	if d.Empty() {
		return bot.File{}, false, nil
	}
	lang = reportLang(lang)
	month := bot.PeriodName(lang, planner.Period{Kind: planner.PeriodMonth, From: r.From, To: r.To})
	png, err := render(withNames(d, lang), monthChartLabels(lang, month), f)
	if err != nil {
		return bot.File{}, false, err
	}
	return bot.File{
		Name:    fmt.Sprintf("planbot-%04d-%02d.png", r.From.Year, r.From.Month),
		Title:   bot.Say(lang, bot.MsgMonthChartTitle, month),
		AltText: bot.Say(lang, bot.MsgMonthChartAltText, month),
		Data:    png,
	}, true, nil
}

// monthChartLabels are the texts of the chart of month (its name) in lang:
// the weeks' bars are items done, and so is their axis.
func monthChartLabels(lang planner.Lang, month string) labels {
	l := chartLabelsFor(lang)
	l.membersTitle = fmt.Sprintf(l.membersTitle, month)
	l.visitsTitle = fmt.Sprintf(bot.Sentence(lang, bot.MsgMonthChartWeeks), month)
	l.visits = bot.Sentence(lang, bot.MsgMonthChartDone)
	l.visitsAxis = l.itemsAxis
	return l
}

// monthChartData is what the chart of r shows: the members with items, in
// the report's order (those with the most items when there are many), and
// the items done by week as its Visits.
func monthChartData(r planner.Report) ChartData {
	d := ChartData{names: map[string]string{}}
	for _, m := range r.Members {
		d.names[m.UserID] = m.UserName
		if m.Items > 0 {
			d.Members = append(d.Members, MemberBar{Name: m.UserName, Planned: m.Items, Done: m.DoneItems, userID: m.UserID})
		}
	}
	if len(d.Members) > maxMembers {
		d.Total = len(d.Members)
		d.Members = busiest(d.Members, maxMembers)
	}
	for _, w := range r.Weeks {
		d.Visits = append(d.Visits, WeekTotal{Week: w.Week, Count: w.DoneItems})
	}
	return d
}
