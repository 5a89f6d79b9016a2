package bot

import (
	"strings"
	"testing"

	"planbot/planner/plannertest"
)

// Money written as a range or a band is stored as no amount, and the reply
// says so and asks for one number, in the language of the line; an item
// with an amount, or with no money at all, gets no such note.
func TestAddedAsksForOneAmount(t *testing.T) {
	tests := []struct {
		line  string
		vague string // "" for no note
	}{
		{"周二 签约【常诚车业】 总投资5-8亿", "5-8亿"},
		{"周三 对接 10亿元以上项目 3个", "10亿元以上"},
		{"tue sign a $5-8 million deal", "$5-8 million"},
		{"周二 签约 总投资5-8亿 首期3亿", ""}, // 3亿 is an amount
		{"周二 拜访4家企业", ""},
		{"周二 签约 总投资12亿元", ""},
	}
	for _, tc := range tests {
		t.Run(tc.line, func(t *testing.T) {
			reply := mustHandle(t, newHandler(t), plannertest.Ann, tc.line)
			text := RenderText(reply)
			hasNote := strings.Contains(text, "not one amount") || strings.Contains(text, "不是一个确定的金额")
			if tc.vague == "" {
				if hasNote {
					t.Errorf("note for a line without a vague amount:\n%s", text)
				}
				return
			}
			want := Say(reply.Lang, MsgAmountVague, tc.vague)
			if !strings.Contains(text, want) {
				t.Errorf("reply lacks %q:\n%s", want, text)
			}
		})
	}
	for _, l := range plannertest.Langs {
		a := Added{Unlinked: []string{"蓝天"}, Vague: []string{"5-8亿", "10亿元以上"}}
		if notes := a.Notes(l); len(notes) != 2 || !strings.Contains(notes[1], "5-8亿"+ListSep(l)+"10亿元以上") {
			t.Errorf("%s notes %q: want the unlinked name, then one sentence for every vague amount", l, notes)
		}
	}
}
