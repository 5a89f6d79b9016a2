package planner

import "testing"

// The seed week's whats, and two lines of several activities: the cost of
// reading kind, count, visits, place and activities, apart from the when.
var benchWhats = []string{
	"visit 4 enterprises", "trip to Beijing", "对接4家企业", "对接基金公司开展以商引商", "出差北京", "回常总结复盘",
	"参加招商培训", "team meeting", "拜访常诚车业年产150万套车灯项目", "赴上海参加进博会",
	"总结复盘 + 招商培训", "上午局务会，下午赴苏州、无锡拜访3家企业",
}

func BenchmarkReadWhat(b *testing.B) {
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if _, err := readWhat(benchWhats[i%len(benchWhats)]); err != nil {
			b.Fatal(err)
		}
	}
}
