package bot

import (
	"testing"

	"planbot/planner"
)

// botReasons are the Reasons the bot package declares for its own refusals.
var botReasons = []planner.Reason{reasonDidYouMean, reasonOneItem, reasonBadMonthTime}

func TestNearVerb(t *testing.T) {
	tests := []struct {
		word, want string
	}{
		{"dnoe", "done"}, {"doen", "done"}, {"dont", "done"}, {"cancle", "cancel"}, {"cancl", "cancel"},
		{"cnacel", "cancel"}, {"histroy", "history"}, {"mvoe", "move"}, {"eidt", "edit"}, {"finsihed", "finished"},
		{"完戍", "完成"}, {"取肖", "取消"}, {"改其", "改期"},
		// No typo: verbs themselves, short words, and words too far from any verb.
		{"星期", ""}, {"近期", ""}, {"假期", ""}, {"日期", ""}, {"晚成", ""},
		{"done", ""}, {"完成", ""}, {"do", ""}, {"d", ""}, {"visit", ""}, {"meet", ""}, {"trip", ""}, {"出差", ""}, {"拜访", ""},
	}
	for _, tt := range tests {
		if got, _ := nearVerb(tt.word); got != tt.want {
			t.Errorf("nearVerb(%q) = %q, want %q", tt.word, got, tt.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"done", "done", 0}, {"dnoe", "done", 1}, {"cancle", "cancel", 1}, {"cancl", "cancel", 1},
		{"完戍", "完成", 1}, {"", "abc", 3}, {"kitten", "sitting", 3},
	} {
		if got := editDistance(tt.a, tt.b); got != tt.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

// A when is never a mistyped verb: every weekday spelling and the when
// grammar's day words, with a day number after them glued or apart, followed
// by an activity, nothing, or another day, are items (or refused as dates by
// the itinerary grammar), never "did you mean /plan 延期 …".
func TestWhenIsNoTypo(t *testing.T) {
	var words []string
	for _, shift := range []string{"", "下", "下下", "上", "本", "这", "下个", "这个"} {
		for _, week := range []string{"周", "週", "星期", "礼拜", "禮拜"} {
			words = append(words, shift+week)
		}
	}
	words = append(words, "今天", "明天", "后天", "大后天", "明早", "明晚", "月底", "月初", "上旬", "中旬", "下旬", "年底", "年前", "节后",
		"近期", "次日", "元旦", "周末", "双休日", "假期", "日期", "mon", "tue", "tues", "wed", "weds", "thu", "thur", "thurs", "fri", "sat",
		"sun", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tomorrow", "tmrw", "tmr",
		"next", "this", "dec", "nov", "the", "on", "week", "wk")
	for _, w := range words {
		for _, n := range []string{"3", "6", "１", "#3"} {
			for _, sep := range []string{"", " "} {
				for _, tail := range []string{" 拜访企业", " visit plant", "", " 周五"} {
					line := w + sep + n + tail
					if got := ParseCommand(line); got.Verb == VerbMistyped {
						t.Errorf("ParseCommand(%q) = %+v, want no typo", line, got)
					}
				}
			}
		}
	}
}
