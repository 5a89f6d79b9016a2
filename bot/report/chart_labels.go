package report

import (
	"fmt"
	"strings"

	"planbot/bot"

	"planbot/planner"
)

// labels are the chart's texts in one language.
type labels struct {
	membersTitle string // %s: the week, until RenderChart formats it
	membersCut   string // %d of %d members shown
	planned      string
	done         string
	visitsTitle  string // %d: weeks, until RenderChart formats it
	visits       string
	weekOf       string // %s: month, %d: day of the week's Monday
	months       [12]string
	weekName     string // %s: the week as weekOf names it, in the title
	weekAxis     string // the weeks' axis: named by their Monday
	itemsAxis    string // the members' value axis: items
	visitsAxis   string // the weeks' value axis: enterprises (a month's chart: items)
	title        string // %s: the week; the file's title in Slack
	altText      string // %s: the week
}

// chartLabelsFor returns the chart's texts in lang (English when the
// catalog has no such language), from the message catalog.
func chartLabelsFor(lang planner.Lang) labels {
	lang = reportLang(lang)
	l := labels{
		membersTitle: bot.Sentence(lang, bot.MsgChartMembersTitle),
		membersCut:   bot.Sentence(lang, bot.MsgChartMembersCut),
		planned:      bot.Sentence(lang, bot.MsgChartPlanned),
		done:         bot.Sentence(lang, bot.MsgChartDone),
		visitsTitle:  bot.Sentence(lang, bot.MsgChartVisitsTitle),
		visits:       bot.Sentence(lang, bot.MsgChartVisits),
		weekOf:       bot.Sentence(lang, bot.MsgChartWeekOf),
		weekName:     bot.Sentence(lang, bot.MsgChartWeekName),
		weekAxis:     bot.Sentence(lang, bot.MsgChartWeekAxis),
		itemsAxis:    bot.Sentence(lang, bot.MsgChartItemsAxis),
		visitsAxis:   bot.Sentence(lang, bot.MsgChartEnterprisesAxis),
		title:        bot.Sentence(lang, bot.MsgChartTitle),
		altText:      bot.Sentence(lang, bot.MsgChartAltText),
	}
	copy(l.months[:], strings.Fields(bot.Sentence(lang, bot.MsgChartMonths)))
	return l
}

// week names week w as the weeks' axis does, by its Monday: "Nov 17", "11月17日".
func (l labels) week(w planner.Week) string {
	start := w.Start()
	return fmt.Sprintf(l.weekOf, l.months[start.Month-1], start.Day)
}

// ChartAltText describes the chart of week w in lang, for screen readers.
func ChartAltText(lang planner.Lang, w planner.Week) string {
	return fmt.Sprintf(chartLabelsFor(lang).altText, w)
}

// ChartTitle names the chart of week w in lang, as a file's title.
func ChartTitle(lang planner.Lang, w planner.Week) string {
	return fmt.Sprintf(chartLabelsFor(lang).title, w)
}

// ChartFilename is the name of the chart of week w as a file.
func ChartFilename(w planner.Week) string { return "planbot-" + w.String() + ".png" }
