package planner

import (
	"errors"
	"testing"
)

// Several activities on one when become one draft each, with its own kind,
// count, visits, place and title; a comma or 、 inside one activity does not split.
func TestSplitActivities(t *testing.T) {
	type part struct {
		kind          Kind
		count, visits int
		place, title  string
	}
	tests := []struct {
		line string
		want []part
	}{
		{"周末 总结复盘 + 招商培训", []part{{KindReview, 1, 0, "", "总结复盘"}, {KindTraining, 1, 0, "", "招商培训"}}},
		{"周末 总结复盘+招商培训", []part{{KindReview, 1, 0, "", "总结复盘"}, {KindTraining, 1, 0, "", "招商培训"}}},
		{"周末回常总结复盘、并且参加招商培训", []part{{KindReview, 1, 0, "", "回常总结复盘"}, {KindTraining, 1, 0, "", "参加招商培训"}}},
		{"周一 对接4家企业；出差上海 拜访3家企业", []part{{KindVisit, 4, 0, "", "对接4家企业"}, {KindTrip, 1, 3, "上海", "出差上海 拜访3家企业"}}},
		{"周一 上午拜会市政府，下午参观园区", []part{{KindMeeting, 1, 0, "", "上午拜会市政府"}, {KindOther, 1, 0, "", "下午参观园区"}}},
		{"周一 拜访常诚车业，下午赴苏州、无锡精准招商", []part{{KindVisit, 1, 0, "", "拜访常诚车业"}, {KindTrip, 1, 0, "苏州、无锡", "下午赴苏州、无锡精准招商"}}},
		{"mon weekly retro + sales training", []part{{KindReview, 1, 0, "", "weekly retro"}, {KindTraining, 1, 0, "", "sales training"}}},
		{"mon visit 2 plants + call three investors", []part{{KindVisit, 2, 0, "", "visit 2 plants"}, {KindFund, 3, 0, "", "call three investors"}}},
		// a part that is only names shares the kind of the part before it
		{"明天 拜访常诚车业 + 金士博", []part{{KindVisit, 1, 0, "", "拜访常诚车业"}, {KindVisit, 1, 0, "", "金士博"}}},
		{"周一 拜访常诚车业 + 金士博", []part{{KindVisit, 1, 0, "", "拜访常诚车业"}, {KindVisit, 1, 0, "", "金士博"}}},
		{"周一 拜访常诚车业 + 金士博、宁德时代", []part{{KindVisit, 1, 0, "", "拜访常诚车业"}, {KindVisit, 2, 0, "", "金士博、宁德时代"}}},
		{"mon visit Tesla + BYD", []part{{KindVisit, 1, 0, "", "visit Tesla"}, {KindVisit, 1, 0, "", "BYD"}}},
		{"周一 拜访常诚车业 + 整理材料", []part{{KindVisit, 1, 0, "", "拜访常诚车业"}, {KindOther, 1, 0, "", "整理材料"}}},
		{"周一 总结复盘 + 金士博", []part{{KindReview, 1, 0, "", "总结复盘"}, {KindOther, 1, 0, "", "金士博"}}},
		{"mon visit Tesla + prep deck", []part{{KindVisit, 1, 0, "", "visit Tesla"}, {KindOther, 1, 0, "", "prep deck"}}},
		// times of day after a space part two activities, with no comma
		{"周三 上午拜访常诚车业 下午拜访金士博", []part{{KindVisit, 1, 0, "", "上午拜访常诚车业"}, {KindVisit, 1, 0, "", "下午拜访金士博"}}},
		{"周二上午 接待客商 下午 走访企业", []part{{KindReception, 1, 0, "", "上午 接待客商"}, {KindVisit, 1, 0, "", "下午 走访企业"}}},
		// … but only when each part is an activity of a kind, and not in a trip
		{"周二 上午 开会 下午 整理材料", []part{{KindMeeting, 1, 0, "", "上午 开会 下午 整理材料"}}},
		{"周二 拜访企业 下午3点", []part{{KindVisit, 1, 0, "", "拜访企业 下午3点"}}},
		{"周二 上午 召开调度会 下午 赴苏州招商", []part{{KindMeeting, 1, 0, "", "上午 召开调度会"}, {KindTrip, 1, 0, "苏州", "下午 赴苏州招商"}}},
		{"周二 出差上海 下午 拜访3家企业", []part{{KindTrip, 1, 3, "上海", "出差上海 下午 拜访3家企业"}}},
		// one activity: a plain 、 or comma, a + inside a word, 并 without 且
		{"周一 拜访常诚车业、金士博", []part{{KindVisit, 2, 0, "", "拜访常诚车业、金士博"}}},
		{"周一 赴苏州、无锡精准招商，对接3家企业", []part{{KindTrip, 1, 3, "苏州、无锡", "赴苏州、无锡精准招商，对接3家企业"}}},
		{"周一 开展邵商回归专题调研并召开座谈会", []part{{KindMeeting, 1, 0, "", "开展邵商回归专题调研并召开座谈会"}}},
		{"mon C++ training", []part{{KindTraining, 1, 0, "", "C++ training"}}},
		{"周一 对接B+轮融资企业", []part{{KindVisit, 1, 0, "", "对接B+轮融资企业"}}},
		{"mon review +", []part{{KindReview, 1, 0, "", "review"}}},
		{"tue visit &lt;2&gt; companies &amp; more", []part{{KindVisit, 1, 0, "", "visit &lt;2&gt; companies &amp; more"}}},
		{"'; DROP TABLE items;--", []part{{KindOther, 1, 0, "", "'; DROP TABLE items;--"}}},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			got := parseOn(t, tc.line)
			if len(got.Drafts) != len(tc.want) {
				t.Fatalf("%d drafts %+v, want %d", len(got.Drafts), got.Drafts, len(tc.want))
			}
			for i, w := range tc.want {
				d := got.Drafts[i]
				if d.Kind != w.kind || d.Count != w.count || d.Visits != w.visits || d.Place != w.place || d.Title != w.title {
					t.Errorf("draft %d = %s ×%d visits %d %q %q, want %s ×%d visits %d %q %q",
						i, d.Kind, d.Count, d.Visits, d.Place, d.Title, w.kind, w.count, w.visits, w.place, w.title)
				}
				if d.Span != got.Drafts[0].Span {
					t.Errorf("draft %d on %v, want the line's days %v", i, d.Span, got.Drafts[0].Span)
				}
			}
		})
	}
}

// Each run of days of a non-contiguous when gets every activity.
func TestSplitActivitiesOnEachRun(t *testing.T) {
	got := parseOn(t, "周一、周三 总结复盘 + 招商培训")
	want := []want{
		{"2025-11-17", "", KindReview, 1, ""}, {"2025-11-17", "", KindTraining, 1, ""},
		{"2025-11-19", "", KindReview, 1, ""}, {"2025-11-19", "", KindTraining, 1, ""},
	}
	checkDrafts(t, got, want)
}

// A line that is nothing but separators has no what.
func TestSplitActivitiesNothing(t *testing.T) {
	for _, line := range []string{"周一 +", "mon ＋ +", "周一 ；"} {
		_, err := ParseItinerary(line, monday, shanghai)
		var e *Error
		if !errors.As(err, &e) || e.Reason != ReasonNoWhat {
			t.Errorf("%q: err = %v, want %s", line, err, ReasonNoWhat)
		}
	}
}
