package planner

import "testing"

// The seed week and other lines a team types: the grammar's per-parse cost.
var benchLines = []string{
	"tue visit 4 enterprises", "thu-fri trip to Beijing", "周二 对接4家企业", "周三 对接基金公司开展以商引商",
	"周四至周五 出差北京", "周末 回常总结复盘", "sun 参加招商培训", "team meeting tomorrow",
	"拜访常诚车业年产150万套车灯项目", "下周三至周五 赴上海参加进博会",
}

func BenchmarkParseItinerary(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := ParseItinerary(benchLines[i%len(benchLines)], monday, shanghai); err != nil {
			b.Fatal(err)
		}
	}
}
