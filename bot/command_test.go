package bot

import (
	"errors"
	"reflect"
	"slices"
	"testing"

	"planbot/planner"
)

func TestParseCommand(t *testing.T) {
	const en, zh = planner.English, planner.Chinese
	tests := []struct {
		line string
		want Command
	}{
		// Views of a week.
		{"", Command{Verb: VerbWeek}},
		{"   ", Command{Verb: VerbWeek}},
		{"week", Command{Verb: VerbWeek, Args: "", Lang: en}},
		{"Week", Command{Verb: VerbWeek, Args: "", Lang: en}},
		{"week next", Command{Verb: VerbWeek, Args: "next", Lang: en}},
		{"week 2025-W47", Command{Verb: VerbWeek, Args: "2025-W47", Lang: en}},
		{"week W48", Command{Verb: VerbWeek, Args: "W48", Lang: en}},
		{"本周", Command{Verb: VerbWeek, Args: "", Lang: zh}},
		{"下周", Command{Verb: VerbWeek, Args: "next", Lang: zh}},
		{"上周", Command{Verb: VerbWeek, Args: "last", Lang: zh}},
		{"这周", Command{Verb: VerbWeek, Args: "", Lang: zh}},
		{"下星期", Command{Verb: VerbWeek, Args: "next", Lang: zh}},
		{"本周 下星期", Command{Verb: VerbWeek, Args: "下星期", Lang: zh}},
		{"team", Command{Verb: VerbTeam, Args: "", Lang: en}},
		{"团队 上周", Command{Verb: VerbTeam, Args: "上周", Lang: zh}},
		{"团队 上星期", Command{Verb: VerbTeam, Args: "上星期", Lang: zh}},
		{"team meeting tomorrow", Command{Verb: VerbAdd, Args: "team meeting tomorrow", Lang: ""}},

		// Changes of an item.
		{"done 3", Command{Verb: VerbDone, Args: "3", Lang: en}},
		{"done #3 2 of 4 interested", Command{Verb: VerbDone, Args: "#3 2 of 4 interested", Lang: en}},
		{"完成 3 两家有意向", Command{Verb: VerbDone, Args: "3 两家有意向", Lang: zh}},
		{"完成#3", Command{Verb: VerbDone, Args: "#3", Lang: zh}},
		{"完成3", Command{Verb: VerbDone, Args: "3", Lang: zh}},
		{"cancel 3 reason", Command{Verb: VerbCancel, Args: "3 reason", Lang: en}},
		{"取消 3", Command{Verb: VerbCancel, Args: "3", Lang: zh}},
		{"move 3 next wed", Command{Verb: VerbMove, Args: "3 next wed", Lang: en}},
		{"改期 3 下周三", Command{Verb: VerbMove, Args: "3 下周三", Lang: zh}},
		{"edit 3 fri visit 5 enterprises", Command{Verb: VerbEdit, Args: "3 fri visit 5 enterprises", Lang: en}},
		{"修改 3 周五 拜访", Command{Verb: VerbEdit, Args: "3 周五 拜访", Lang: zh}},
		{"done 3abc", Command{Verb: VerbAdd, Args: "done 3abc", Lang: ""}},
		{"done abc", Command{Verb: VerbAdd, Args: "done abc", Lang: ""}},
		{"history 3", Command{Verb: VerbHistory, Args: "3", Lang: en}},
		{"历史 #3", Command{Verb: VerbHistory, Args: "#3", Lang: zh}},
		{"历史3", Command{Verb: VerbHistory, Args: "3", Lang: zh}},
		{"history of the park", Command{Verb: VerbAdd, Args: "history of the park", Lang: ""}},
		{"历史文化街区考察", Command{Verb: VerbAdd, Args: "历史文化街区考察", Lang: ""}},

		// Bare id-verbs are commands missing their arguments, not items.
		{"done", Command{Verb: VerbDone, Args: "", Lang: en}},
		{"Done", Command{Verb: VerbDone, Args: "", Lang: en}},
		{"cancel", Command{Verb: VerbCancel, Args: "", Lang: en}},
		{"完成", Command{Verb: VerbDone, Args: "", Lang: zh}},
		{"取消", Command{Verb: VerbCancel, Args: "", Lang: zh}},
		{"move 3", Command{Verb: VerbMove, Args: "3", Lang: en}},
		{"改期 3", Command{Verb: VerbMove, Args: "3", Lang: zh}},
		{"edit 3", Command{Verb: VerbEdit, Args: "3", Lang: en}},
		{"edit", Command{Verb: VerbEdit, Args: "", Lang: en}},
		{"history", Command{Verb: VerbHistory, Args: "", Lang: en}},
		{"历史", Command{Verb: VerbHistory, Args: "", Lang: zh}},

		// Synonyms.
		{"finished 3", Command{Verb: VerbDone, Args: "3", Lang: en}},
		{"finished 3 2 of 4 interested", Command{Verb: VerbDone, Args: "3 2 of 4 interested", Lang: en}},
		{"completed 3", Command{Verb: VerbDone, Args: "3", Lang: en}},
		{"Completed 3", Command{Verb: VerbDone, Args: "3", Lang: en}},
		{"已完成 3 两家有意向", Command{Verb: VerbDone, Args: "3 两家有意向", Lang: zh}},
		{"搞定3", Command{Verb: VerbDone, Args: "3", Lang: zh}},
		{"delete 3", Command{Verb: VerbCancel, Args: "3", Lang: en}},
		{"remove 3 no time", Command{Verb: VerbCancel, Args: "3 no time", Lang: en}},
		{"删除 3", Command{Verb: VerbCancel, Args: "3", Lang: zh}},
		{"reschedule 3 next wed", Command{Verb: VerbMove, Args: "3 next wed", Lang: en}},
		{"postpone 3 fri", Command{Verb: VerbMove, Args: "3 fri", Lang: en}},
		{"延期 3 下周三", Command{Verb: VerbMove, Args: "3 下周三", Lang: zh}},
		{"推迟#3 周五", Command{Verb: VerbMove, Args: "#3 周五", Lang: zh}},
		// Ordinary English verbs stay items: "finish 2 reports fri" is work to do, not item #2.
		{"change 3 fri visit 5 enterprises", Command{Verb: VerbAdd, Args: "change 3 fri visit 5 enterprises", Lang: ""}},
		{"finish 2 reports fri", Command{Verb: VerbAdd, Args: "finish 2 reports fri", Lang: ""}},
		{"编辑 3 周五 拜访", Command{Verb: VerbEdit, Args: "3 周五 拜访", Lang: zh}},
		{"finished", Command{Verb: VerbDone, Args: "", Lang: en}},
		{"删除", Command{Verb: VerbCancel, Args: "", Lang: zh}},
		{"finish the deck tue", Command{Verb: VerbAdd, Args: "finish the deck tue", Lang: ""}},
		{"update slides fri", Command{Verb: VerbAdd, Args: "update slides fri", Lang: ""}},

		// Words split at any space, the ideographic space too.
		{"完成\u30003", Command{Verb: VerbDone, Args: "3", Lang: zh}},
		{"完成\u30003\u3000两家有意向", Command{Verb: VerbDone, Args: "3\u3000两家有意向", Lang: zh}},
		{"done\u30003", Command{Verb: VerbDone, Args: "3", Lang: en}},
		// Issue 13: forgiving ids, lists, the id first, and typos (nothing filed).
		{"完成 ２", Command{Verb: VerbDone, Args: "２", Lang: zh}},
		{"完成２ 有意向", Command{Verb: VerbDone, Args: "２ 有意向", Lang: zh}},
		{"完成＃2", Command{Verb: VerbDone, Args: "＃2", Lang: zh}},
		{"done #2", Command{Verb: VerbDone, Args: "#2", Lang: en}},
		{"done 5,6", Command{Verb: VerbDone, Args: "5,6", Lang: en}},
		{"完成 5、6", Command{Verb: VerbDone, Args: "5、6", Lang: zh}},
		{"完成5、6", Command{Verb: VerbDone, Args: "5、6", Lang: zh}},
		{"done 5-7", Command{Verb: VerbDone, Args: "5-7", Lang: en}},
		{"done #5,#6", Command{Verb: VerbDone, Args: "#5,#6", Lang: en}},
		{"done 3 2 of 4 interested", Command{Verb: VerbDone, Args: "3 2 of 4 interested", Lang: en}},
		{"done -1", Command{Verb: VerbDone, Args: "-1", Lang: en}},
		{"2 done", Command{Verb: VerbDone, Args: "2", Lang: en}},
		{"#2 done", Command{Verb: VerbDone, Args: "2", Lang: en}},
		{"#2 done 2 of 4 interested", Command{Verb: VerbDone, Args: "2 2 of 4 interested", Lang: en}},
		{"5,6 done", Command{Verb: VerbDone, Args: "5,6", Lang: en}},
		{"２ 完成", Command{Verb: VerbDone, Args: "2", Lang: zh}},
		{"3 取消 客户改期", Command{Verb: VerbCancel, Args: "3 客户改期", Lang: zh}},
		{"3 move next wed", Command{Verb: VerbMove, Args: "3 next wed", Lang: en}},
		{"dnoe 2", Command{Verb: VerbMistyped, Args: "/plan done 2", Lang: en}},
		{"Dnoe 2", Command{Verb: VerbMistyped, Args: "/plan done 2", Lang: en}},
		{"cancle 3", Command{Verb: VerbMistyped, Args: "/plan cancel 3", Lang: en}},
		{"cancle 3 client postponed", Command{Verb: VerbMistyped, Args: "/plan cancel 3 client postponed", Lang: en}},
		{"dnoe 3 2 of 4 interested", Command{Verb: VerbMistyped, Args: "/plan done 3 2 of 4 interested", Lang: en}},
		{"histroy 4", Command{Verb: VerbMistyped, Args: "/plan history 4", Lang: en}},
		{"mvoe 3 fri", Command{Verb: VerbMistyped, Args: "/plan move 3 fri", Lang: en}},
		{"完戍 3", Command{Verb: VerbMistyped, Args: "/plan 完成 3", Lang: zh}},
		{"完戍3", Command{Verb: VerbMistyped, Args: "/plan 完成 3", Lang: zh}},
		{"完戍 ３ 有意向", Command{Verb: VerbMistyped, Args: "/plan 完成 ３ 有意向", Lang: zh}},
		{"2 dnoe", Command{Verb: VerbMistyped, Args: "/plan done 2", Lang: en}},
		// A new user's lines: a verb run into its id, the id run into a Chinese
		// verb, a typo before a weekday, and a weekday that is no typo of 延期.
		{"done1", Command{Verb: VerbDone, Args: "1", Lang: en}},
		{"Done1", Command{Verb: VerbDone, Args: "1", Lang: en}},
		{"done#1", Command{Verb: VerbDone, Args: "#1", Lang: en}},
		{"done1,2", Command{Verb: VerbDone, Args: "1,2", Lang: en}},
		{"done1 2 of 4 interested", Command{Verb: VerbDone, Args: "1 2 of 4 interested", Lang: en}},
		{"move3 fri", Command{Verb: VerbMove, Args: "3 fri", Lang: en}},
		{"dnoe1", Command{Verb: VerbMistyped, Args: "/plan done 1", Lang: en}},
		{"1完成", Command{Verb: VerbDone, Args: "1", Lang: zh}},
		{"1完成 有意向", Command{Verb: VerbDone, Args: "1 有意向", Lang: zh}},
		{"#2完成", Command{Verb: VerbDone, Args: "2", Lang: zh}},
		{"２完成", Command{Verb: VerbDone, Args: "2", Lang: zh}},
		{"3取消 客户改期", Command{Verb: VerbCancel, Args: "3 客户改期", Lang: zh}},
		{"mvoe 3 周五", Command{Verb: VerbMistyped, Args: "/plan move 3 周五", Lang: en}},
		{"mvoe 3 星期五", Command{Verb: VerbMistyped, Args: "/plan move 3 星期五", Lang: en}},
		{"改其 3 下周一", Command{Verb: VerbMistyped, Args: "/plan 改期 3 下周一", Lang: zh}},
		{"星期3 拜访企业", Command{Verb: VerbAdd, Args: "星期3 拜访企业", Lang: ""}},
		{"星期 3 拜访企业", Command{Verb: VerbAdd, Args: "星期 3 拜访企业", Lang: ""}},
		{"近期 3 拜访企业", Command{Verb: VerbAdd, Args: "近期 3 拜访企业", Lang: ""}},
		{"3家企业", Command{Verb: VerbAdd, Args: "3家企业", Lang: ""}},
		{"3完成率分析", Command{Verb: VerbAdd, Args: "3完成率分析", Lang: ""}},
		{"mp3 player demo", Command{Verb: VerbAdd, Args: "mp3 player demo", Lang: ""}},
		{"b2b visit fri", Command{Verb: VerbAdd, Args: "b2b visit fri", Lang: ""}},
		// Words near a verb before a count are items.
		{"dine 2 clients", Command{Verb: VerbAdd, Args: "dine 2 clients", Lang: ""}},
		{"推进 3 个项目", Command{Verb: VerbAdd, Args: "推进 3 个项目", Lang: ""}},
		{"推进3个项目", Command{Verb: VerbAdd, Args: "推进3个项目", Lang: ""}},
		{"完善 2 份材料", Command{Verb: VerbAdd, Args: "完善 2 份材料", Lang: ""}},
		{"改进 2 处", Command{Verb: VerbAdd, Args: "改进 2 处", Lang: ""}},
		{"签约 3 亿元项目", Command{Verb: VerbAdd, Args: "签约 3 亿元项目", Lang: ""}},
		{"改进 2", Command{Verb: VerbMistyped, Args: "/plan 改期 2", Lang: zh}},
		{"完成3家企业对接", Command{Verb: VerbAdd, Args: "完成3家企业对接", Lang: ""}},
		{"2 meetings with investors", Command{Verb: VerbAdd, Args: "2 meetings with investors", Lang: ""}},
		{"do 2", Command{Verb: VerbAdd, Args: "do 2", Lang: ""}},
		{"visit 2 enterprises", Command{Verb: VerbAdd, Args: "visit 2 enterprises", Lang: ""}},
		{"2025-11-20 visit 2 enterprises", Command{Verb: VerbAdd, Args: "2025-11-20 visit 2 enterprises", Lang: ""}},
		{"move\u00a03 fri", Command{Verb: VerbMove, Args: "3 fri", Lang: en}},
		{"week\u3000next", Command{Verb: VerbWeek, Args: "next", Lang: en}},
		{"团队\u3000上周", Command{Verb: VerbTeam, Args: "上周", Lang: zh}},
		{"心得\u3000内容", Command{Verb: VerbNote, Args: "内容", Lang: zh}},
		{"\u3000本周\u3000", Command{Verb: VerbWeek, Args: "", Lang: zh}},

		// Notes, digests, exports.
		{"note text", Command{Verb: VerbNote, Args: "text", Lang: en}},
		{"note: text", Command{Verb: VerbNote, Args: "text", Lang: en}},
		{"note", Command{Verb: VerbNote, Args: "", Lang: en}},
		{"心得：内容", Command{Verb: VerbNote, Args: "内容", Lang: zh}},
		{"心得:内容", Command{Verb: VerbNote, Args: "内容", Lang: zh}},
		{"心得 内容", Command{Verb: VerbNote, Args: "内容", Lang: zh}},
		{"心得分享会", Command{Verb: VerbAdd, Args: "心得分享会", Lang: ""}},
		{"digest", Command{Verb: VerbDigest, Args: "", Lang: en}},
		{"digest last", Command{Verb: VerbDigest, Args: "last", Lang: en}},
		{"周报", Command{Verb: VerbDigest, Args: "", Lang: zh}},
		{"export", Command{Verb: VerbExport, Args: "", Lang: en}},
		{"导出 2025-W47", Command{Verb: VerbExport, Args: "2025-W47", Lang: zh}},

		// Help and settings.
		{"help", Command{Verb: VerbHelp, Args: "", Lang: en}},
		{"帮助", Command{Verb: VerbHelp, Args: "", Lang: zh}},
		{"?", Command{Verb: VerbHelp}},
		{"help me prepare the deck", Command{Verb: VerbAdd, Args: "help me prepare the deck", Lang: ""}},
		{"lang zh", Command{Verb: VerbLang, Args: "zh", Lang: en}},
		{"语言 中文", Command{Verb: VerbLang, Args: "中文", Lang: zh}},
		{"lang zh please", Command{Verb: VerbAdd, Args: "lang zh please", Lang: ""}},

		// Schedules, reminders and posting the retrospective.
		{"setup digest sun 18:00", Command{Verb: VerbSetup, Args: "digest sun 18:00", Lang: en}},
		{"设置 周报 周日 18:00", Command{Verb: VerbSetup, Args: "周报 周日 18:00", Lang: zh}},
		{"setup remind mon 09:00", Command{Verb: VerbSetup, Args: "remind mon 09:00", Lang: en}},
		{"setup remind fri 17:00 off", Command{Verb: VerbSetup, Args: "remind fri 17:00 off", Lang: en}},
		{"setup remind plan tue 08:30", Command{Verb: VerbSetup, Args: "remind plan tue 08:30", Lang: en}},
		{"设置 提醒 周五 17:00 关", Command{Verb: VerbSetup, Args: "提醒 周五 17:00 关", Lang: zh}},
		{"setup", Command{Verb: VerbSetup, Args: "", Lang: en}},
		{"setup tz Asia/Shanghai", Command{Verb: VerbSetup, Args: "tz Asia/Shanghai", Lang: en}},
		{"setup foo", Command{Verb: VerbAdd, Args: "setup foo", Lang: ""}},
		{"remind off", Command{Verb: VerbRemind, Args: "off", Lang: en}},
		{"remind on", Command{Verb: VerbRemind, Args: "on", Lang: en}},
		{"Remind OFF", Command{Verb: VerbRemind, Args: "OFF", Lang: en}},
		{"提醒 关", Command{Verb: VerbRemind, Args: "关", Lang: zh}},
		{"提醒 开启", Command{Verb: VerbRemind, Args: "开启", Lang: zh}},
		{"remind me to call Li tomorrow", Command{Verb: VerbAdd, Args: "remind me to call Li tomorrow", Lang: ""}},
		{"提醒我周五给李总打电话", Command{Verb: VerbAdd, Args: "提醒我周五给李总打电话", Lang: ""}},
		{"digest post", Command{Verb: VerbDigest, Args: "post", Lang: en}},
		{"digest post force", Command{Verb: VerbDigest, Args: "post force", Lang: en}},
		{"digest post 2025-W47 force", Command{Verb: VerbDigest, Args: "post 2025-W47 force", Lang: en}},
		{"digest post last", Command{Verb: VerbDigest, Args: "post last", Lang: en}},
		{"周报 发布", Command{Verb: VerbDigest, Args: "发布", Lang: zh}},
		{"周报 发布 强制", Command{Verb: VerbDigest, Args: "发布 强制", Lang: zh}},
		{"digest post soon", Command{Verb: VerbAdd, Args: "digest post soon", Lang: ""}},
		{"digest post 2025-W47 2025-W48", Command{Verb: VerbAdd, Args: "digest post 2025-W47 2025-W48", Lang: ""}},
		{"digest force", Command{Verb: VerbAdd, Args: "digest force", Lang: ""}},

		// Items.
		{"add week", Command{Verb: VerbAdd, Args: "week", Lang: en}},
		{"添加 周二 拜访", Command{Verb: VerbAdd, Args: "周二 拜访", Lang: zh}},
		{"本周五 拜访企业", Command{Verb: VerbAdd, Args: "本周五 拜访企业", Lang: ""}},
		{"week visit companies", Command{Verb: VerbAdd, Args: "week visit companies", Lang: ""}},
		{"  tue visit 4 enterprises  ", Command{Verb: VerbAdd, Args: "tue visit 4 enterprises", Lang: ""}},
		{"#trip 去北京看展", Command{Verb: VerbAdd, Args: "#trip 去北京看展", Lang: ""}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := ParseCommand(tt.line); !sameLine(got, tt.want) {
				t.Errorf("ParseCommand(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
		})
	}
}

func TestItemArgs(t *testing.T) {
	tests := []struct {
		args   string
		ids    []int64
		rest   string
		reason planner.Reason // "" for success
	}{
		{"3", []int64{3}, "", ""},
		{"#3 2 of 4 interested", []int64{3}, "2 of 4 interested", ""},
		{"3 2 of 4 interested", []int64{3}, "2 of 4 interested", ""},
		{"3，两家有意向", []int64{3}, "两家有意向", ""},
		{"3, 2 of 4 interested", []int64{3}, "2 of 4 interested", ""},
		{"12: next wed", []int64{12}, "next wed", ""},
		{"3：有意向", []int64{3}, "有意向", ""},
		{"3\u3000两家有意向", []int64{3}, "两家有意向", ""},
		{"#3\u3000\u3000next wed", []int64{3}, "next wed", ""},
		{"3\u3000", []int64{3}, "", ""},
		{"２", []int64{2}, "", ""},
		{"１２ 有意向", []int64{12}, "有意向", ""},
		{"＃2", []int64{2}, "", ""},
		{"5,6", []int64{5, 6}, "", ""},
		{"5,6 signed both", []int64{5, 6}, "signed both", ""},
		{"5、6", []int64{5, 6}, "", ""},
		{"５，６ 有意向", []int64{5, 6}, "有意向", ""},
		{"5-7", []int64{5, 6, 7}, "", ""},
		{"5～7", []int64{5, 6, 7}, "", ""},
		{"#5,#6", []int64{5, 6}, "", ""},
		{"#5-#7,9", []int64{5, 6, 7, 9}, "", ""},
		{"5,5,6", []int64{5, 6}, "", ""},
		{"9223372036854775807", []int64{9223372036854775807}, "", ""},
		{"9223372036854775808", nil, "", planner.ReasonBadID},
		{"99999999999999999999", nil, "", planner.ReasonBadID},
		{"0", nil, "", planner.ReasonBadID},
		{"-1", nil, "", planner.ReasonBadID},
		{"7-5", nil, "", planner.ReasonBadID},
		{"1-100", nil, "", planner.ReasonBadID},
		{"#", nil, "", planner.ReasonBadID},
		{"three", nil, "", planner.ReasonBadID},
		{"3家企业", nil, "", planner.ReasonBadID},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			cmd, _ := readArgs(VerbDone, tt.args)
			list, err := itemArgs(cmd)
			rest := list.Rest
			if tt.reason != "" {
				var e *planner.Error
				if !errors.As(err, &e) || e.Code != planner.Invalid || e.Reason != tt.reason {
					t.Fatalf("itemArgs(%q) = %v, %q, %v; want an invalid %s error", tt.args, list.IDs, rest, err, tt.reason)
				}
				return
			}
			if err != nil || !slices.Equal(list.IDs, tt.ids) || rest != tt.rest {
				t.Errorf("itemArgs(%q) = %v, %q, %v; want %v, %q", tt.args, list.IDs, rest, err, tt.ids, tt.rest)
			}
		})
	}
}

func TestStripCommandName(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"/plan tue x", "tue x"},
		{"/计划 周二 x", "周二 x"},
		{"/计划\u3000周二 x", "周二 x"},
		{"/plan\u3000\u3000week next\u3000", "week next"},
		{"/plan\tweek", "week"},
		{"/计划\u3000", ""},
		{"/plan   week next ", "week next"},
		{"/plan", ""},
		{"tue x", "tue x"},
		{"#trip 去北京看展", "#trip 去北京看展"},
		{"11/20 visit", "11/20 visit"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			if got := StripCommandName(tt.line); got != tt.want {
				t.Errorf("StripCommandName(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
	}
}

// sameLine reports whether two commands have the same verb, text and
// language (what the tables of lines check; TestReadArgs checks the rest).
func sameLine(a, b Command) bool { return a.Verb == b.Verb && a.Args == b.Args && a.Lang == b.Lang }

// ParseCommand reads what each verb's arguments say once, with the line: the
// handler takes them from the command and reads no text again.
func TestReadArgs(t *testing.T) {
	tests := []struct {
		line string
		want Command
	}{
		{"done 5,6 two interested", Command{Verb: VerbDone, Items: ItemArgs{IDs: []int64{5, 6}, Text: "5,6", Rest: "two interested"}}},
		{"完成#3 两家有意向", Command{Verb: VerbDone, Items: ItemArgs{IDs: []int64{3}, Text: "3", Rest: "两家有意向"}}},
		{"2 done", Command{Verb: VerbDone, Items: ItemArgs{IDs: []int64{2}, Text: "2"}}},
		{"cancel 7-5 moved", Command{Verb: VerbCancel, Items: ItemArgs{IDs: []int64{7}, Text: "7-5", Bad: "7-5", Rest: "moved"}}}, // refused by the handler for its bad id
		{"move 3 next wed", Command{Verb: VerbMove, Items: ItemArgs{IDs: []int64{3}, Text: "3", Rest: "next wed"}}},
		{"history 4", Command{Verb: VerbHistory, Items: ItemArgs{IDs: []int64{4}, Text: "4"}}},
		{"forget U2", Command{Verb: VerbForget, Member: "U2"}},
		{"忘记 ou_7d8a6e6d", Command{Verb: VerbForget, Member: "ou_7d8a6e6d"}},
		{"team next", Command{Verb: VerbTeam, Week: "next"}},
		{"下周", Command{Verb: VerbWeek, Week: "next"}},
		{"export xlsx last", Command{Verb: VerbExport, Format: "xlsx", Week: "last"}},
		{"导出 2025-W47 表格", Command{Verb: VerbExport, Format: "xlsx", Week: "2025-W47"}},
		{"export", Command{Verb: VerbExport}},
		{"digest 2025-W46", Command{Verb: VerbDigest, Week: "2025-W46"}},
		{"digest post last force", Command{Verb: VerbDigest, Post: true, Force: true, Week: "last"}},
		{"周报 发布", Command{Verb: VerbDigest, Post: true}},
		{"remind off", Command{Verb: VerbRemind, Off: true}},
		{"提醒 开", Command{Verb: VerbRemind}},
		{"setup tz Asia/Shanghai", Command{Verb: VerbSetup, Setting: "tz", Value: "Asia/Shanghai"}},
		{"设置 周报 周日 18:00", Command{Verb: VerbSetup, Setting: "digest", Value: "周日 18:00"}},
		{"setup", Command{Verb: VerbSetup, Setting: "channel"}},
		{"setup name Wujin Investment Promotion Bureau", Command{Verb: VerbSetup, Setting: "name", Value: "Wujin Investment Promotion Bureau"}},
		{"设置 名称 武进区招商局", Command{Verb: VerbSetup, Setting: "name", Value: "武进区招商局"}},
		{"设置 单位 默认", Command{Verb: VerbSetup, Setting: "name", Value: "默认"}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			got := ParseCommand(tt.line)
			got.Args, got.Lang = "", "" // the tables of lines check those
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCommand(%q) = %+v, want %+v", tt.line, got, tt.want)
			}
		})
	}
}

// A button's command is built, not read: the same command a typed line is.
func TestItemCommand(t *testing.T) {
	for _, tt := range []struct {
		verb Verb
		id   int64
		rest string
		line string
	}{
		{VerbDone, 12, "", "done 12"},
		{VerbCancel, 12, "undo", "cancel 12 undo"},
		{VerbMove, 3, "2025-11-24", "move 3 2025-11-24"},
	} {
		got, want := ItemCommand(tt.verb, tt.id, tt.rest), ParseCommand(tt.line)
		want.Lang = "" // a button's command has no verb word, so no language of its own
		if !reflect.DeepEqual(got, want) {
			t.Errorf("ItemCommand(%s, %d, %q) = %+v, want %+v", tt.verb, tt.id, tt.rest, got, want)
		}
	}
}
