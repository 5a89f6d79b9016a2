package report

import (
	"fmt"

	"planbot/planner"
)

// labels are the chart's texts in one language.
type labels struct {
	membersTitle string // %s: the week
	membersCut   string // %d of %d members shown
	planned      string
	done         string
	visitsTitle  string // %d: weeks
	visits       string
	weekOf       string // %s: month, %d: day of the week's Monday
	months       [12]string
	title        string // %s: the week; the file's title in Slack
	altText      string // %s: the week
}

var chartLabelsByLang = map[planner.Lang]labels{
	planner.English: {
		membersTitle: "Items planned and done, by member · %s",
		membersCut:   "(the %d of %d members with the most items)",
		planned:      "Planned",
		done:         "Done",
		visitsTitle:  "Enterprises visited, last %d weeks",
		visits:       "Enterprises visited (done)",
		weekOf:       "%s %d",
		months:       [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
		title:        "Week %s at a glance",
		altText:      "Chart of week %s: each member's items planned and done, and the enterprises visited in the last weeks",
	},
	planner.Chinese: {
		membersTitle: "成员事项：计划与完成 · %s",
		membersCut:   "（%d/%d 名成员，按事项数）",
		planned:      "计划",
		done:         "完成",
		visitsTitle:  "近%d周对接企业数",
		visits:       "已对接企业（家）",
		weekOf:       "%s%d日",
		months:       [12]string{"1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"},
		title:        "%s 周图表",
		altText:      "%s 周图表：各成员计划与完成的事项，以及近几周对接的企业数",
	},
}

// chartLabelsFor returns the chart's texts in lang, English when unknown.
func chartLabelsFor(lang planner.Lang) labels {
	if l, ok := chartLabelsByLang[lang]; ok {
		return l
	}
	return chartLabelsByLang[planner.English]
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
