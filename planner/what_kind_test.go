package planner

import "testing"

// Each kind from the words real 招商 staff and BD people write (most lines
// from testdata/phrasing.tsv), in both languages, and the order that settles
// a line with the words of two kinds.
func TestDetectKind(t *testing.T) {
	tests := []struct {
		line string
		want Kind
	}{
		// A new user's lines: leave alone, a site visit, a 座谈 attended,
		// a follow-up with leads (companies of the pipeline: a visit).
		{"fri leave", KindLeave},
		{"fri leave (family)", KindLeave},
		{"fri personal leave", KindLeave},
		{"fri leave for Beijing", KindOther}, // going, not on leave
		{"mon site visit 2 plants", KindVisit},
		{"mon site visit at Li Auto plant", KindVisit},
		{"mon mock site visit to Tuscarawas County", KindReception},
		{"周二 参加世界500强企业座谈", KindMeeting},
		{"周二 出席企业家座谈", KindMeeting},
		{"周二 与路易国际等3家单位座谈", KindVisit},
		{"周二 对接世界500强企业", KindVisit},
		{"tue follow up with 3 leads", KindVisit},
		{"3 Dec site visit 2 plants", KindVisit},
		{"the 25th site visit at Li Auto plant", KindVisit},
		{"the 3rd follow up with 3 leads", KindVisit},
		{"wed visit 10+ companies at the expo", KindVisit},
		// trip: verbs of going with a place, 出差, 驻点; English travel words
		{"周三 飞成都", KindTrip},
		{"周五 在上海驻点", KindTrip},
		{"周一 赴苏州、无锡精准招商", KindTrip},
		{"周一 奔赴四川省南充市对接汽车配件产业链项目", KindTrip},
		{"周一 带队赶赴江苏、上海等地", KindTrip},
		{"周一 飞赴捷克、匈牙利、德国开展海外招商推介活动", KindTrip},
		{"周一 启程赴香港招商", KindTrip},
		{"周一 到广东东莞、广州、河源等地进行招商活动考察", KindTrip},
		{"周一 去上海", KindTrip},
		{"周一 驻点深圳招商", KindTrip},
		{"周一 随企业家考察团赴鄂考察", KindTrip},
		{"周一 赴赤坎镇召开重点项目协调工作座谈会", KindTrip},
		{"mon off to Palm Springs", KindTrip},
		{"mon bullet train from Nagoya to Tokyo", KindTrip},
		{"mon embark on a trade mission to Japan", KindTrip},
		{"mon lead a delegation to Japan", KindTrip},
		// signing: 签约仪式 is signing though its 会/仪式 looks like a meeting
		{"周一 专场招商会开幕式暨重点项目签约仪式", KindSigning},
		{"周一 在北京举办重点招商项目签约暨合作恳谈会", KindSigning},
		{"mon Ten projects signed at the Jiangsu-Germany Dialogue", KindSigning},
		// fund: LP, 投资人, 路演 with investors
		{"周一 赴河南铁投私募基金管理有限公司开展专题座谈", KindFund},
		{"周一 参加创投天府·周周见投融资路演", KindFund},
		{"周一 LP路演", KindFund},
		{"周一 与投资人路演", KindFund},
		{"mon roadshow for investors in Hyderabad", KindFund},
		// reception: inbound visits, even when written with 赴 or 到
		{"周一 上海市徐汇区经贸考察团赴我市考察", KindReception},
		{"周一 商务部国际贸易经济合作研究院到开发区调研", KindReception},
		{"周一 苏州市北桥商会来宜参观考察", KindReception},
		{"周一 投资厂商来富阳考察", KindReception},
		{"周一 接待深圳客商", KindReception},
		{"周一 赶到西安北站迎接考察人员", KindReception},
		{"mon German political delegation visits Taicang", KindReception},
		{"mon mock site visit to Tuscarawas County", KindReception},
		// visit: 对接 + a company, 赴 + a company, a count of 家
		{"周一 对接宁德时代", KindVisit},
		{"周一 对接劲胜精密、星源电子、中兴创新材料、汇林达科技", KindVisit},
		{"周一 赴松下集团、日本碍子株式会社、日立制作所总部等世界500强跨国公司招商对接", KindVisit},
		{"周一 前往星纪魅族集团调研", KindVisit},
		{"周一 与路易国际、拓万实业、佛山（华南）新材料研究院等3家单位座谈", KindVisit},
		{"周一 回访已签约的浙江品超汽车零部件有限公司、浙江快乐树减震器有限公司", KindVisit},
		{"mon Meet with Goldman Sachs CEO David Solomon", KindVisit},
		{"mon full of client meetings", KindVisit},
		// event
		{"周一 苏州吴中（北京）招商推介会", KindEvent},
		{"周一 举办进博会第10场招商路演", KindEvent},
		{"周一 第四届楚商大会（武汉）", KindEvent},
		{"周一 在昆山举办政企对接洽谈与投资环境推介说明活动", KindEvent},
		{"mon investment roadshow in Mumbai", KindEvent},
		{"mon distributor's annual partner summit", KindEvent},
		// training
		{"周一 第二期招商大讲堂", KindTraining},
		{"周一 招商引资专题培训", KindTraining},
		{"周一 召开赴日出国行前培训会议", KindTraining},
		{"mon sales workshop", KindTraining},
		// review
		{"周一 召开全市第3次招商引资项目评审会", KindReview},
		{"周一 召开项目预审专题会议", KindReview},
		{"周一 召开招商引资项目联审会", KindReview},
		{"mon Boards & Commissions review", KindReview},
		// meeting: by its 会, and a topic is not a kind
		{"周一 开会研究外出招商工作", KindMeeting},
		{"周一 召开驻点招商工作推进会", KindMeeting},
		{"周一 召开招商工作调度会", KindMeeting},
		{"周一 局务会", KindMeeting},
		{"周一 班子会", KindMeeting},
		{"周一 公司例会", KindMeeting},
		{"周一 公司年会", KindMeeting},
		{"周一 参加异地商会座谈交流会", KindMeeting},
		{"周一 办公会", KindMeeting},
		{"周一 召集负责人开会 落实接待任务分工", KindMeeting},
		{"周一 出席签约仪式并召开座谈会", KindSigning},
		{"周一 出差期间召开座谈会", KindTrip},
		{"周一 专题会办赴韩国、德国、意大利招商活动事宜", KindMeeting},
		{"周一 与北京新疆企业商会举行会谈", KindMeeting},
		{"mon Small Auto Parts Roundtable", KindMeeting},
		{"mon participate in 15 meetings over the course of the mission", KindMeeting},
		// leave
		{"周一 请假", KindLeave},
		{"周一 调休", KindLeave},
		{"周一 年假", KindLeave},
		{"mon On vacation - limited access", KindLeave},
		{"mon Off Sick", KindLeave},
		{"mon out of office", KindLeave},
		{"mon Labor Day Holiday - No Public Events", KindLeave},
		// other
		{"周一 梳理好一周工作计划", KindOther},
		{"mon Beginning integration phase", KindOther},
		// a #tag says the kind outright
		{"周一 #接待 深圳客商", KindReception},
		{"mon #event brochure", KindEvent},
		{"mon #leave", KindLeave},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			if got := parseOn(t, tc.line).Drafts[0].Kind; got != tc.want {
				t.Errorf("kind %s, want %s", got, tc.want)
			}
		})
	}
}

// The kinds are tried in the order, and every kind has a #tag.
func TestKindsOrder(t *testing.T) {
	want := []Kind{KindTrip, KindSigning, KindFund, KindReception, KindVisit, KindEvent, KindTraining, KindReview, KindMeeting, KindLeave, KindOther}
	if len(Kinds) != len(want) {
		t.Fatalf("Kinds = %v, want %v", Kinds, want)
	}
	for i := range want {
		if Kinds[i] != want[i] {
			t.Fatalf("Kinds = %v, want %v", Kinds, want)
		}
	}
	for i, k := range kindKeywords {
		if k.kind != Kinds[i+1] {
			t.Errorf("kindKeywords[%d] is %s, want %s: keywords are tried in Kinds order after trip", i, k.kind, Kinds[i+1])
		}
	}
	tagged := map[Kind]bool{}
	for _, k := range kindTags {
		tagged[k] = true
	}
	for _, k := range Kinds {
		if !tagged[k] {
			t.Errorf("no #tag for %s", k)
		}
	}
}
