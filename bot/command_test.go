package bot

import (
	"errors"
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
		{"week", Command{VerbWeek, "", en}},
		{"Week", Command{VerbWeek, "", en}},
		{"week next", Command{VerbWeek, "next", en}},
		{"week 2025-W47", Command{VerbWeek, "2025-W47", en}},
		{"week W48", Command{VerbWeek, "W48", en}},
		{"本周", Command{VerbWeek, "", zh}},
		{"下周", Command{VerbWeek, "next", zh}},
		{"上周", Command{VerbWeek, "last", zh}},
		{"这周", Command{VerbWeek, "", zh}},
		{"下星期", Command{VerbWeek, "next", zh}},
		{"本周 下星期", Command{VerbWeek, "下星期", zh}},
		{"team", Command{VerbTeam, "", en}},
		{"团队 上周", Command{VerbTeam, "上周", zh}},
		{"团队 上星期", Command{VerbTeam, "上星期", zh}},
		{"team meeting tomorrow", Command{VerbAdd, "team meeting tomorrow", ""}},

		// Changes of an item.
		{"done 3", Command{VerbDone, "3", en}},
		{"done #3 2 of 4 interested", Command{VerbDone, "#3 2 of 4 interested", en}},
		{"完成 3 两家有意向", Command{VerbDone, "3 两家有意向", zh}},
		{"完成#3", Command{VerbDone, "#3", zh}},
		{"完成3", Command{VerbDone, "3", zh}},
		{"cancel 3 reason", Command{VerbCancel, "3 reason", en}},
		{"取消 3", Command{VerbCancel, "3", zh}},
		{"move 3 next wed", Command{VerbMove, "3 next wed", en}},
		{"改期 3 下周三", Command{VerbMove, "3 下周三", zh}},
		{"edit 3 fri visit 5 enterprises", Command{VerbEdit, "3 fri visit 5 enterprises", en}},
		{"修改 3 周五 拜访", Command{VerbEdit, "3 周五 拜访", zh}},
		{"done 3abc", Command{VerbAdd, "done 3abc", ""}},
		{"done abc", Command{VerbAdd, "done abc", ""}},
		{"history 3", Command{VerbHistory, "3", en}},
		{"历史 #3", Command{VerbHistory, "#3", zh}},
		{"历史3", Command{VerbHistory, "3", zh}},
		{"history of the park", Command{VerbAdd, "history of the park", ""}},
		{"历史文化街区考察", Command{VerbAdd, "历史文化街区考察", ""}},

		// Bare id-verbs are commands missing their arguments, not items.
		{"done", Command{VerbDone, "", en}},
		{"Done", Command{VerbDone, "", en}},
		{"cancel", Command{VerbCancel, "", en}},
		{"完成", Command{VerbDone, "", zh}},
		{"取消", Command{VerbCancel, "", zh}},
		{"move 3", Command{VerbMove, "3", en}},
		{"改期 3", Command{VerbMove, "3", zh}},
		{"edit 3", Command{VerbEdit, "3", en}},
		{"edit", Command{VerbEdit, "", en}},
		{"history", Command{VerbHistory, "", en}},
		{"历史", Command{VerbHistory, "", zh}},

		// Synonyms.
		{"finished 3", Command{VerbDone, "3", en}},
		{"finished 3 2 of 4 interested", Command{VerbDone, "3 2 of 4 interested", en}},
		{"completed 3", Command{VerbDone, "3", en}},
		{"Completed 3", Command{VerbDone, "3", en}},
		{"已完成 3 两家有意向", Command{VerbDone, "3 两家有意向", zh}},
		{"搞定3", Command{VerbDone, "3", zh}},
		{"delete 3", Command{VerbCancel, "3", en}},
		{"remove 3 no time", Command{VerbCancel, "3 no time", en}},
		{"删除 3", Command{VerbCancel, "3", zh}},
		{"reschedule 3 next wed", Command{VerbMove, "3 next wed", en}},
		{"postpone 3 fri", Command{VerbMove, "3 fri", en}},
		{"延期 3 下周三", Command{VerbMove, "3 下周三", zh}},
		{"推迟#3 周五", Command{VerbMove, "#3 周五", zh}},
		// Ordinary English verbs stay items: "finish 2 reports fri" is work to do, not item #2.
		{"change 3 fri visit 5 enterprises", Command{VerbAdd, "change 3 fri visit 5 enterprises", ""}},
		{"finish 2 reports fri", Command{VerbAdd, "finish 2 reports fri", ""}},
		{"编辑 3 周五 拜访", Command{VerbEdit, "3 周五 拜访", zh}},
		{"finished", Command{VerbDone, "", en}},
		{"删除", Command{VerbCancel, "", zh}},
		{"finish the deck tue", Command{VerbAdd, "finish the deck tue", ""}},
		{"update slides fri", Command{VerbAdd, "update slides fri", ""}},

		// Words split at any space, the ideographic space too.
		{"完成\u30003", Command{VerbDone, "3", zh}},
		{"完成\u30003\u3000两家有意向", Command{VerbDone, "3\u3000两家有意向", zh}},
		{"done\u30003", Command{VerbDone, "3", en}},
		// Issue 13: forgiving ids, lists, the id first, and typos (nothing filed).
		{"完成 ２", Command{VerbDone, "２", zh}},
		{"完成２ 有意向", Command{VerbDone, "２ 有意向", zh}},
		{"完成＃2", Command{VerbDone, "＃2", zh}},
		{"done #2", Command{VerbDone, "#2", en}},
		{"done 5,6", Command{VerbDone, "5,6", en}},
		{"完成 5、6", Command{VerbDone, "5、6", zh}},
		{"完成5、6", Command{VerbDone, "5、6", zh}},
		{"done 5-7", Command{VerbDone, "5-7", en}},
		{"done #5,#6", Command{VerbDone, "#5,#6", en}},
		{"done 3 2 of 4 interested", Command{VerbDone, "3 2 of 4 interested", en}},
		{"done -1", Command{VerbDone, "-1", en}},
		{"2 done", Command{VerbDone, "2", en}},
		{"#2 done", Command{VerbDone, "2", en}},
		{"#2 done 2 of 4 interested", Command{VerbDone, "2 2 of 4 interested", en}},
		{"5,6 done", Command{VerbDone, "5,6", en}},
		{"２ 完成", Command{VerbDone, "2", zh}},
		{"3 取消 客户改期", Command{VerbCancel, "3 客户改期", zh}},
		{"3 move next wed", Command{VerbMove, "3 next wed", en}},
		{"dnoe 2", Command{VerbMistyped, "/plan done 2", en}},
		{"Dnoe 2", Command{VerbMistyped, "/plan done 2", en}},
		{"cancle 3", Command{VerbMistyped, "/plan cancel 3", en}},
		{"cancle 3 client postponed", Command{VerbMistyped, "/plan cancel 3 client postponed", en}},
		{"dnoe 3 2 of 4 interested", Command{VerbMistyped, "/plan done 3 2 of 4 interested", en}},
		{"histroy 4", Command{VerbMistyped, "/plan history 4", en}},
		{"mvoe 3 fri", Command{VerbMistyped, "/plan move 3 fri", en}},
		{"完戍 3", Command{VerbMistyped, "/plan 完成 3", zh}},
		{"完戍3", Command{VerbMistyped, "/plan 完成 3", zh}},
		{"完戍 ３ 有意向", Command{VerbMistyped, "/plan 完成 ３ 有意向", zh}},
		{"2 dnoe", Command{VerbMistyped, "/plan done 2", en}},
		// A new user's lines: a verb run into its id, the id run into a Chinese
		// verb, a typo before a weekday, and a weekday that is no typo of 延期.
		{"done1", Command{VerbDone, "1", en}},
		{"Done1", Command{VerbDone, "1", en}},
		{"done#1", Command{VerbDone, "#1", en}},
		{"done1,2", Command{VerbDone, "1,2", en}},
		{"done1 2 of 4 interested", Command{VerbDone, "1 2 of 4 interested", en}},
		{"move3 fri", Command{VerbMove, "3 fri", en}},
		{"dnoe1", Command{VerbMistyped, "/plan done 1", en}},
		{"1完成", Command{VerbDone, "1", zh}},
		{"1完成 有意向", Command{VerbDone, "1 有意向", zh}},
		{"#2完成", Command{VerbDone, "2", zh}},
		{"２完成", Command{VerbDone, "2", zh}},
		{"3取消 客户改期", Command{VerbCancel, "3 客户改期", zh}},
		{"mvoe 3 周五", Command{VerbMistyped, "/plan move 3 周五", en}},
		{"mvoe 3 星期五", Command{VerbMistyped, "/plan move 3 星期五", en}},
		{"改其 3 下周一", Command{VerbMistyped, "/plan 改期 3 下周一", zh}},
		{"星期3 拜访企业", Command{VerbAdd, "星期3 拜访企业", ""}},
		{"星期 3 拜访企业", Command{VerbAdd, "星期 3 拜访企业", ""}},
		{"近期 3 拜访企业", Command{VerbAdd, "近期 3 拜访企业", ""}},
		{"3家企业", Command{VerbAdd, "3家企业", ""}},
		{"3完成率分析", Command{VerbAdd, "3完成率分析", ""}},
		{"mp3 player demo", Command{VerbAdd, "mp3 player demo", ""}},
		{"b2b visit fri", Command{VerbAdd, "b2b visit fri", ""}},
		// Words near a verb before a count are items.
		{"dine 2 clients", Command{VerbAdd, "dine 2 clients", ""}},
		{"推进 3 个项目", Command{VerbAdd, "推进 3 个项目", ""}},
		{"推进3个项目", Command{VerbAdd, "推进3个项目", ""}},
		{"完善 2 份材料", Command{VerbAdd, "完善 2 份材料", ""}},
		{"改进 2 处", Command{VerbAdd, "改进 2 处", ""}},
		{"签约 3 亿元项目", Command{VerbAdd, "签约 3 亿元项目", ""}},
		{"改进 2", Command{VerbMistyped, "/plan 改期 2", zh}},
		{"完成3家企业对接", Command{VerbAdd, "完成3家企业对接", ""}},
		{"2 meetings with investors", Command{VerbAdd, "2 meetings with investors", ""}},
		{"do 2", Command{VerbAdd, "do 2", ""}},
		{"visit 2 enterprises", Command{VerbAdd, "visit 2 enterprises", ""}},
		{"2025-11-20 visit 2 enterprises", Command{VerbAdd, "2025-11-20 visit 2 enterprises", ""}},
		{"move\u00a03 fri", Command{VerbMove, "3 fri", en}},
		{"week\u3000next", Command{VerbWeek, "next", en}},
		{"团队\u3000上周", Command{VerbTeam, "上周", zh}},
		{"心得\u3000内容", Command{VerbNote, "内容", zh}},
		{"\u3000本周\u3000", Command{VerbWeek, "", zh}},

		// Notes, digests, exports.
		{"note text", Command{VerbNote, "text", en}},
		{"note: text", Command{VerbNote, "text", en}},
		{"note", Command{VerbNote, "", en}},
		{"心得：内容", Command{VerbNote, "内容", zh}},
		{"心得:内容", Command{VerbNote, "内容", zh}},
		{"心得 内容", Command{VerbNote, "内容", zh}},
		{"心得分享会", Command{VerbAdd, "心得分享会", ""}},
		{"digest", Command{VerbDigest, "", en}},
		{"digest last", Command{VerbDigest, "last", en}},
		{"周报", Command{VerbDigest, "", zh}},
		{"export", Command{VerbExport, "", en}},
		{"导出 2025-W47", Command{VerbExport, "2025-W47", zh}},

		// Help and settings.
		{"help", Command{VerbHelp, "", en}},
		{"帮助", Command{VerbHelp, "", zh}},
		{"?", Command{Verb: VerbHelp}},
		{"help me prepare the deck", Command{VerbAdd, "help me prepare the deck", ""}},
		{"lang zh", Command{VerbLang, "zh", en}},
		{"语言 中文", Command{VerbLang, "中文", zh}},
		{"lang zh please", Command{VerbAdd, "lang zh please", ""}},

		// Schedules, reminders and posting the retrospective.
		{"setup digest sun 18:00", Command{VerbSetup, "digest sun 18:00", en}},
		{"设置 周报 周日 18:00", Command{VerbSetup, "周报 周日 18:00", zh}},
		{"setup remind mon 09:00", Command{VerbSetup, "remind mon 09:00", en}},
		{"setup remind fri 17:00 off", Command{VerbSetup, "remind fri 17:00 off", en}},
		{"setup remind plan tue 08:30", Command{VerbSetup, "remind plan tue 08:30", en}},
		{"设置 提醒 周五 17:00 关", Command{VerbSetup, "提醒 周五 17:00 关", zh}},
		{"setup", Command{VerbSetup, "", en}},
		{"setup tz Asia/Shanghai", Command{VerbSetup, "tz Asia/Shanghai", en}},
		{"setup foo", Command{VerbAdd, "setup foo", ""}},
		{"remind off", Command{VerbRemind, "off", en}},
		{"remind on", Command{VerbRemind, "on", en}},
		{"Remind OFF", Command{VerbRemind, "OFF", en}},
		{"提醒 关", Command{VerbRemind, "关", zh}},
		{"提醒 开启", Command{VerbRemind, "开启", zh}},
		{"remind me to call Li tomorrow", Command{VerbAdd, "remind me to call Li tomorrow", ""}},
		{"提醒我周五给李总打电话", Command{VerbAdd, "提醒我周五给李总打电话", ""}},
		{"digest post", Command{VerbDigest, "post", en}},
		{"digest post force", Command{VerbDigest, "post force", en}},
		{"digest post 2025-W47 force", Command{VerbDigest, "post 2025-W47 force", en}},
		{"digest post last", Command{VerbDigest, "post last", en}},
		{"周报 发布", Command{VerbDigest, "发布", zh}},
		{"周报 发布 强制", Command{VerbDigest, "发布 强制", zh}},
		{"digest post soon", Command{VerbAdd, "digest post soon", ""}},
		{"digest post 2025-W47 2025-W48", Command{VerbAdd, "digest post 2025-W47 2025-W48", ""}},
		{"digest force", Command{VerbAdd, "digest force", ""}},

		// Items.
		{"add week", Command{VerbAdd, "week", en}},
		{"添加 周二 拜访", Command{VerbAdd, "周二 拜访", zh}},
		{"本周五 拜访企业", Command{VerbAdd, "本周五 拜访企业", ""}},
		{"week visit companies", Command{VerbAdd, "week visit companies", ""}},
		{"  tue visit 4 enterprises  ", Command{VerbAdd, "tue visit 4 enterprises", ""}},
		{"#trip 去北京看展", Command{VerbAdd, "#trip 去北京看展", ""}},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			if got := ParseCommand(tt.line); got != tt.want {
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
			list, rest, err := itemArgs(Command{Verb: VerbDone, Args: tt.args})
			if tt.reason != "" {
				var e *planner.Error
				if !errors.As(err, &e) || e.Code != planner.Invalid || e.Reason != tt.reason {
					t.Fatalf("itemArgs(%q) = %v, %q, %v; want an invalid %s error", tt.args, list.ids, rest, err, tt.reason)
				}
				return
			}
			if err != nil || !slices.Equal(list.ids, tt.ids) || rest != tt.rest {
				t.Errorf("itemArgs(%q) = %v, %q, %v; want %v, %q", tt.args, list.ids, rest, err, tt.ids, tt.rest)
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
