package planner

import (
	"errors"
	"testing"
)

// Counts are numbers tied to a counter word or a plural noun; ordinals,
// clock times, day numbers and amounts are not; a trip's enterprises are its
// visits, not its count; a visit that names its companies counts them.
func TestDetectCount(t *testing.T) {
	tests := []struct {
		line          string
		count, visits int
	}{
		// "10+" counts as 10; leads are counted (and a trip's visits)
		{"wed visit 10+ companies at the expo", 10, 0},
		{"周三 走访10+家企业", 10, 0},
		{"tue follow up with 3 leads", 3, 0},
		{"the 3rd follow up with 3 leads", 3, 0},
		{"3 Dec site visit 2 plants", 2, 0},
		{"tue trip to Hefei to meet 3 leads", 1, 3},
		{"周二 参加世界500强企业座谈", 1, 0},
		// ordinals are not counts
		{"周一 召开全市第3次招商引资项目评审会", 1, 0},
		{"周一 拜访第二批企业", 1, 0},
		{"周一 第5期招商大讲堂", 1, 0},
		{"周一 首届进博会", 1, 0},
		{"周一 第二届进博会（上海）", 1, 0},
		{"周一 第24次重点项目建设工作周例会", 1, 0},
		{"周一 召开全市第3次招商引资项目评审会 对11个项目研究评审", 11, 0},
		// clock times, day numbers and amounts are not counts
		{"周一 9∶30-16∶00 项目对接会", 1, 0},
		{"mon lunch appointment at 11.30 am", 1, 0},
		{"mon 2:15 roundtable discussion with the Mayor", 1, 0},
		{"mon 2 p.m. Small Auto Parts Roundtable", 1, 0},
		{"周一 与北京融奥科技完成48亿元的签约", 1, 0},
		{"周一 对接世界500强企业", 1, 0},
		{"周一 拜访常诚车业年产150万套车灯项目", 1, 0},
		{"mon visit for 3 days", 1, 0},
		// English counts with any plural noun
		{"mon visit 2 plants", 2, 0},
		{"mon follow up 3 leads", 3, 0},
		{"mon call two suppliers", 2, 0},
		{"mon meet with leaders from two defense manufacturing companies", 2, 0},
		{"mon 13 appointments with targeted business executives", 13, 0},
		{"mon five meetings booked", 5, 0},
		// Chinese approximations count as their number
		{"周一 拜访十余家企业", 10, 0},
		{"周一 走访二十多家企业", 20, 0},
		{"周一 对接近10家企业", 10, 0},
		{"周一 与十几家企业对接", 10, 0},
		{"周一 拜访50家以上企业", 50, 0},
		{"周一 召开4次以上中小型对接会", 4, 0},
		{"周一 举行三批次项目签约", 3, 0},
		{"周一 与12支科创子基金负责人座谈", 12, 0},
		{"周一 签约亿元以上项目10个", 10, 0},
		// a trip's enterprises are its visits
		{"周一 出差上海 拜访3家企业", 1, 3},
		{"周一 赴无锡招商 接触21家企业", 1, 21},
		{"周一 赴北京开展为期一周的招商引资活动 深入10余家企业考察对接", 1, 10},
		{"周一 带队再赴北京、上海两地 考察8家企业", 1, 8},
		{"mon trip to Shenzhen to visit 4 factories", 1, 4},
		{"周一 出差北京", 1, 0},
		// a visit that names its companies counts them; a number beats the names
		{"周一 拜访常诚车业、金士博", 2, 0},
		{"周一 对接劲胜精密、星源电子、中兴创新材料、汇林达科技", 4, 0},
		{"周一 考察深圳创维集团总部和华南城", 2, 0},
		{"周一 参观上海逍鹏生物科技有限公司、台湾蓝天电脑集团、今日集团等10余家企业", 10, 0},
		{"mon visits to Toyota Motor Corporation and Mitsubishi Aircraft Corporation", 2, 0},
		{"mon visit Acme", 1, 0},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			d := parseOn(t, tc.line).Drafts[0]
			if d.Count != tc.count || d.Visits != tc.visits {
				t.Errorf("%s count %d visits %d, want count %d visits %d", d.Kind, d.Count, d.Visits, tc.count, tc.visits)
			}
		})
	}
}

// A count outside 1..MaxCount is refused, on a trip's visits too.
func TestDetectCountRefused(t *testing.T) {
	for _, line := range []string{"周一 拜访0家企业", "周一 出差上海 拜访1000家企业", "mon visit 0 companies", "mon trip to Xi'an to visit 1000 plants"} {
		t.Run(line, func(t *testing.T) {
			_, err := ParseItinerary(line, monday, shanghai)
			var e *Error
			if !errors.As(err, &e) || e.Reason != ReasonBadCount {
				t.Errorf("err = %v, want reason %s", err, ReasonBadCount)
			}
		})
	}
}
