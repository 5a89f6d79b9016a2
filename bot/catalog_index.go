package bot

import "planbot/planner"

// The sentences of the activity index (招商活跃指数): its settings and its
// ranking (龙虎榜) in the retrospective (render_index.go).
const (
	MsgIndexOn           Msg = "index_on"
	MsgIndexOff          Msg = "index_off"
	MsgIndexTerm         Msg = "index_term"
	MsgIndexHead         Msg = "index_head"
	MsgIndexRank         Msg = "index_rank"
	MsgIndexCount        Msg = "index_count"
	MsgIndexCounts       Msg = "index_counts"
	MsgIndexFormula      Msg = "index_formula"
	MsgIndexSigning      Msg = "index_signing"
	MsgIndexConstruction Msg = "index_construction"
	MsgIndexVisit        Msg = "index_visit"
	MsgIndexReception    Msg = "index_reception"
	MsgIndexEvent        Msg = "index_event"
	MsgIndexLead         Msg = "index_lead"
)

// indexCatalog are the sentences of the activity index (render_index.go), in both languages.
var indexCatalog = map[planner.Lang]map[Msg]string{
	planner.English: {
		MsgIndexOn: "Activity index: on. A member's index is %s, counted over a report's period (done items, pipeline moves); " +
			"the weekly retrospective ranks the team by it. Change a weight: /plan setup index weights visit=3 · turn it off: /plan setup index off",
		MsgIndexOff: "Activity index: off (no report shows it). Its weights: %s. " +
			"Turn it on: /plan setup index on · change a weight: /plan setup index weights signing=40",
		MsgIndexTerm:         "%s ×%d",
		MsgIndexHead:         "Activity index ranking:",
		MsgIndexRank:         "%d. %s · %d",
		MsgIndexCount:        "%s %d",
		MsgIndexCounts:       " (%s)",
		MsgIndexFormula:      "Index = %s",
		MsgIndexSigning:      "signings",
		MsgIndexConstruction: "construction starts",
		MsgIndexVisit:        "enterprises visited",
		MsgIndexReception:    "receptions",
		MsgIndexEvent:        "events",
		MsgIndexLead:         "new leads",
	},
	planner.Chinese: {
		MsgIndexOn: "招商活跃指数：已开启。每人指数 = %s（按报告期内完成的事项和项目进展计算），周末总结复盘按指数排名。" +
			"修改权重：/plan 设置 指数 权重 拜访=3 · 关闭：/plan 设置 指数 关",
		MsgIndexOff: "招商活跃指数：未开启（报告中不显示）。权重：%s。" +
			"开启：/plan 设置 指数 开 · 修改权重：/plan 设置 指数 权重 签约=40",
		MsgIndexTerm:         "%s ×%d",
		MsgIndexHead:         "招商活跃指数龙虎榜：",
		MsgIndexRank:         "第%d名 %s · %d分",
		MsgIndexCount:        "%s %d",
		MsgIndexCounts:       "（%s）",
		MsgIndexFormula:      "指数 = %s",
		MsgIndexSigning:      "签约",
		MsgIndexConstruction: "开工",
		MsgIndexVisit:        "拜访企业",
		MsgIndexReception:    "接待",
		MsgIndexEvent:        "活动",
		MsgIndexLead:         "新线索",
	},
}
