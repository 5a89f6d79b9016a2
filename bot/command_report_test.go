package bot

import (
	"reflect"
	"testing"

	"planbot/planner"
)

// A report's words read as the report verb with the period and the format
// as typed (planner reads the period when the command runs); a line whose
// words after report are no period is an item, as for any verb.
func TestParseReportCommand(t *testing.T) {
	const zh = planner.Chinese
	report := func(args, period, format string, lang planner.Lang) Command {
		return Command{Verb: VerbReport, Args: args, Period: period, Format: format, Lang: lang}
	}
	for _, tt := range []struct {
		line string
		want Command
	}{
		{"report", report("", "", "", "")},
		{"Report month", report("month", "month", "", "")},
		{"report last month", report("last month", "last month", "", "")},
		{"report 2025-11", report("2025-11", "2025-11", "", "")},
		{"report 2025-Q4 xlsx", report("2025-Q4 xlsx", "2025-Q4", "xlsx", "")},
		{"report excel 2025", report("excel 2025", "2025", "xlsx", "")},
		{"report 2025-11-01..2025-11-30", report("2025-11-01..2025-11-30", "2025-11-01..2025-11-30", "", "")},
		{"report Nov 2025", report("Nov 2025", "Nov 2025", "", "")},
		{"report 2025-13", report("2025-13", "2025-13", "", "")}, // a bad period, refused when it runs
		{"report last week", report("last week", "last week", "", "")},
		{"报表", report("", "", "", zh)},
		{"报表 上周", report("上周", "上周", "", zh)}, // a week is no period: refused with the way to a week's
		{"报表 上月", report("上月", "上月", "", zh)},
		{"报表 2025年第四季度 表格", report("2025年第四季度 表格", "2025年第四季度", "xlsx", zh)},
		{"报表2025-11", report("2025-11", "2025-11", "", zh)},
		{"月报", report("", "月报", "", zh)},
		{"月报 上月", report("上月", "上月", "", zh)},
		{"月报 xlsx", report("xlsx", "月报", "xlsx", zh)},
		{"季报", report("", "季报", "", zh)},
		{"年报 去年 表格", report("去年 表格", "去年", "xlsx", zh)},
		{"月报：2025年11月", report("2025年11月", "2025年11月", "", zh)},
		{"季报2025Q3", report("2025Q3", "2025Q3", "", zh)},
		// Items: no period after the word.
		{"report the budget fri", Command{Verb: VerbAdd, Args: "report the budget fri"}},
		{"report to the director tomorrow", Command{Verb: VerbAdd, Args: "report to the director tomorrow"}},
		{"月报 周五提交", Command{Verb: VerbAdd, Args: "月报 周五提交"}},
		{"月报材料 周五", Command{Verb: VerbAdd, Args: "月报材料 周五"}},
		{"报表 3份 周五", Command{Verb: VerbAdd, Args: "报表 3份 周五"}},
		{"报表 周五", Command{Verb: VerbAdd, Args: "报表 周五"}},
		{"年报审计 下周三", Command{Verb: VerbAdd, Args: "年报审计 下周三"}},
	} {
		t.Run(tt.line, func(t *testing.T) {
			if got := ParseCommand(tt.line); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCommand(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
		})
	}
}
