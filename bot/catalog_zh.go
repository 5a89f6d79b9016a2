package bot

import "planbot/planner"

var chinese = map[msg]string{
	msgAdded:             "已添加 %s",
	msgAddedMany:         "已添加 %d 项：",
	msgYourWeek:          "我的一周 %s（%s）",
	msgTeamWeek:          "团队 %s · %s（%s）",
	msgNothing:           "—",
	msgWeekEmpty:         "还没有安排。",
	msgDone:              "已完成 %s",
	msgCancelled:         "已取消 %s",
	msgMoved:             "已改期 %s",
	msgEdited:            "已修改 %s",
	msgNoteSaved:         "已保存本周（%s）心得。",
	msgNoteShow:          "本周（%s）心得：%s",
	msgNoteNone:          "本周（%s）还没有心得。写一条：/plan 心得 两家企业有意向再次对接",
	msgLangSet:           "之后我会用中文回复。",
	msgDigestMembers:     "成员：",
	msgDigestMember:      "%s：完成 %d / %d",
	msgDigestNote:        "心得：%s",
	msgDigestSilent:      "本周未记录：%s",
	msgDigestEmpty:       "本周没有事项。",
	msgExportTitle:       "导出 %s（CSV）：",
	msgTryAdd:            "添加一条：/plan 周二 对接4家企业",
	msgHistoryTitle:      "%s 的修改记录",
	msgSetupChannel:      "正在把 <#%s> 设为团队周末总结复盘的频道……",
	msgSetupDone:         "团队设置 · 时区：%s · 语言：%s · 周报频道：%s",
	msgDefault:           "默认",
	msgNotSet:            "未设置（在频道里运行 /plan setup）",
	msgPosting:           "正在把 %s 的周末总结复盘发到团队频道……",
	msgPosted:            "已把 %s 的周末总结复盘发到 <#%s>。",
	msgScheduleView:      "时间安排 · 周末总结复盘：%s · 计划提醒：%s · 记录提醒：%s",
	msgScheduleOff:       "关闭",
	msgRemindOff:         "好的，不再给你发提醒。重新开启：/plan 提醒 开",
	msgRemindOn:          "好的，每周提醒已重新开启。",
	msgRemindPlan:        "请安排 %s 的工作。添加：/plan 周二 对接4家企业 · /plan 周四至周五 出差北京",
	msgRemindPlanOpen:    "上周还没完成的：",
	msgRemindLog:         "请记录 %s 的成果：完成的事项点“完成”，或 /plan 完成 3 两家有意向",
	msgFormOpening:       "正在打开表单……",
	msgFormTitle:         "新建事项",
	msgFormSubmit:        "添加",
	msgFormClose:         "取消",
	msgFormWhat:          "事项",
	msgFormTitleHint:     "对接4家企业",
	msgFormStart:         "日期",
	msgFormEnd:           "结束日期（多天时）",
	msgFormKind:          "类型",
	msgFormCount:         "数量（企业家数、场次等）",
	msgFormPlace:         "目的地（出差时）",
	msgHomeTeam:          "团队本周（完成/计划）",
	msgHomeHelp:          "添加：/plan 周二 对接4家企业 · /plan 周四至周五 出差北京 · /plan 新建 打开表单 · /plan 帮助 查看全部",
	msgSetupHello:        "planbot 会在本频道发布团队的周末总结复盘。",
	msgSetupInvite:       "我还不能在 <#%s> 发消息。请先在该频道输入 /invite @planbot 邀请我，再运行 /plan setup。",
	msgSetupReady:        "设置完成：<#%s> 将接收周末总结复盘，频道里的 %d 人已加入团队。",
	msgSetupPartial:      "<#%s> 将接收周末总结复盘，但导入频道成员在第 %d 人后中断（Slack 响应慢或拒绝）；请再运行一次 /plan setup 完成导入。",
	msgMore:              "……还有 %d 项（见 /plan 导出）",
	msgButtonDone:        "完成 #%d",
	msgButtonUndo:        "撤销",
	msgButtonCancel:      "取消 #%d",
	msgLeadCreated:       "已新建公司 %s，阶段：%s。",
	msgLeadMoved:         "%s：%s → %s",
	msgLeadNoted:         "已记录 %s（%s）：%s",
	msgLeadHead:          "%s · %s · 负责人：%s",
	msgLeadStages:        "阶段变化：",
	msgLeadItems:         "相关行程：",
	msgLeadNoItems:       "还没有行程提到它：在行程里写【%s】即可关联，例如 /plan 周二 拜访【%[1]s】",
	msgPipelineTitle:     "招商项目库：%d 家",
	msgPipelineEmpty:     "还没有公司。试试：/plan lead 常诚车业 在谈",
	msgLastContact:       "最近接触 %s",
	msgNextItem:          "下一步：%s",
	msgNoOwner:           "无负责人",
	msgRetroPipeline:     "本周项目进展：%s",
	msgRetroPipelineNone: "本周项目无阶段变化",
	msgRetroStageCounts:  "项目库现状：%s",
	msgRetroUntouched:    "30 天未跟进：%s",
	msgRetroCollision:    "⚠ 撞单：%s 本周有多人对接，请商定由谁牵头。",
	msgForgotten:         "已永久删除成员 %s：删除事项 %d 项及其修改记录，以及该成员的心得和提醒记录。已发布到 Slack 的周末总结复盘保持不变。",
	msgNewForm:           "表单只能在 Slack 里打开。这里请直接输入：/plan 周二 对接4家企业",
	msgHelp: `planbot：一句话记下这一周。
  /plan <时间> <事项>        添加：/plan 周二 对接4家企业 · /plan 周四至周五 出差北京
  /plan 本周 [下周|上周|2025-W47]   我的一周
  /plan 团队 [下周|上周|2025-W47]   团队的一周
  /plan 完成 <编号> [结果]   /plan 完成 3 两家有意向
  /plan 取消 <编号> [原因]   /plan 取消 3 客户改期
  /plan 改期 <编号> <时间>   /plan 改期 3 下周三
  /plan 修改 <编号> <时间> <事项>   /plan 修改 3 周五 对接5家企业
  /plan 心得 <内容>          本周复盘心得
  /plan 历史 <编号>          查看一项的修改记录
  /plan 周报 [本周|上周|2025-W47]   预览团队周末总结复盘
  /plan 导出 [表格] [周]     导出本周 CSV，或 Excel 周报（Slack：发到你的私信）
  /plan lang zh|en           回复语言
  /plan 新建                 用表单添加一项（Slack）
  /plan 设置                 管理员：本频道接收周末总结复盘
  /plan 设置 时区 Asia/Shanghai · /plan 设置 语言 zh   管理员：团队时区和语言
  /plan 设置 周报 周日 18:00 · /plan 设置 提醒 周一 09:00 · /plan 设置 提醒 周五 17:00 关
  /plan 周报 发布 [强制]     管理员：现在发布周末总结复盘 · /plan 提醒 关|开   我的提醒
  /plan 忘记 @某人           管理员：删除已离开的成员及其事项、修改记录和心得
  /plan 线索 <公司> [阶段] [备注]   项目库：/plan 线索 常诚车业 签约 年产150万套车灯项目 · /plan 线索 常诚车业（查看全过程）
  /plan 项目库 [阶段|我的]   按阶段列出所有公司；行程里写【公司】或已知公司名即自动关联
时间：周一…周日、今天、明天、后天、下周二、上周五、周四至周五、周一和周三、周末、11月20日。
类型根据内容自动识别；也可用标签指定：#拜访 #出差 #基金 #签约 #培训 #复盘 #会议 #其他。`,
	// 周末总结复盘。
	msgRetroTitle:      "第%d周 · %s 周末总结复盘",
	msgRetroLate:       "（补发）",
	msgRetroRate:       "完成率 %d%%（完成 %d 项，共 %d 项）",
	msgRetroUp:         "较上周 ▲ %s（上周 %d%%）",
	msgRetroDown:       "较上周 ▼ %s（上周 %d%%）",
	msgRetroSame:       "= 与上周持平（上周 %d%%）",
	msgRetroPoint:      "%d 个百分点",
	msgRetroPoints:     "%d 个百分点",
	msgRetroNoPrevious: "上周没有事项",
	msgRetroTotals:     "分类（完成/计划）：",
	msgRetroVisits:     "拜访企业：%d/%d 家",
	msgRetroFunds:      "基金对接：%d/%d 场",
	msgRetroSignings:   "签约：%d/%d 项",
	msgRetroTrips:      "出差：%d/%d 次",
	msgRetroTripDays:   "出差：%d/%d 次（%s）",
	msgRetroTripsHead:  "出差行程：",
	msgRetroTrainings:  "培训：%d/%d 场",
	msgRetroReviews:    "复盘：%d/%d 次",
	msgRetroMeetings:   "会议：%d/%d 场",
	msgRetroOthers:     "其他：%d/%d 项",
	msgRetroDay:        "%s %d 天",
	msgRetroDays:       "%s %d 天",
	msgRetroNoPlace:    "（未填地点）",
	msgRetroNoItems:    "%s：本周无事项",
	msgRetroCarried:    "%s → 顺延下周",
	msgRetroNext:       "下周计划：%s",
	msgRetroNextEntry:  "%s %d 项",
	msgRetroNextNone:   "下周计划：暂无",
	msgRetroThread:     "每位成员的明细见本消息的回复。",
	// Excel 周报。
	msgExportUploading: "正在生成 %s 的 Excel 周报，稍后发到你的私信。",
	msgExportConsole:   "Excel 周报在 Slack 里发送。这里请写入文件：planbot export --format xlsx --week %s --out report.xlsx",
	msgExportFailed:    "没能把 %s 的 Excel 周报发给你（%s）。请稍后再试；如果提示 missing_scope，需要管理员为 planbot 添加 files:write 权限并重新安装。",
}

var chineseKinds = map[planner.Kind]string{
	planner.KindTrip: "出差", planner.KindSigning: "签约", planner.KindFund: "基金",
	planner.KindVisit: "拜访", planner.KindTraining: "培训", planner.KindReview: "复盘",
	planner.KindMeeting: "会议", planner.KindOther: "其他",
}

var chineseErrors = map[planner.Reason]string{
	planner.ReasonBadDate:      "“%s”不是有效的日期。例如：/plan 11月20日 拜访2家企业",
	planner.ReasonBadWeekday:   "“%s”不是星期几。例如：/plan 周二 对接4家企业",
	planner.ReasonDateRange:    "“%s”太远了，只支持 2000–2099 年。例如：/plan 11月20日 拜访2家企业",
	planner.ReasonVagueWeek:    "“%s”只说了哪一周，请写明哪一天。例如：/plan 下周三 出差上海",
	planner.ReasonEndBefore:    "“%s”结束早于开始。例如：/plan 周四至周五 出差北京",
	planner.ReasonNoWhat:       "要做什么？请写在时间后面：/plan 周二 对接4家企业",
	planner.ReasonTooLong:      "内容太长了，请控制在 1000 字以内。例如：/plan 周二 对接4家企业",
	planner.ReasonBadText:      "内容含有非 UTF-8 字节或控制字符（第一个是 %s），请用普通文字重新输入。例如：/plan 周二 对接4家企业",
	planner.ReasonBadCount:     "“%s”不是有效的数量，请用 1 到 999。例如：/plan 周二 对接4家企业",
	planner.ReasonBadWeek:      "“%s”不是有效的周。例如：/plan 本周 2025-W47，或 /plan 下周",
	planner.ReasonBadWhen:      "看不懂时间“%s”。例如：/plan 改期 3 下周三",
	planner.ReasonSplitWhen:    "“%s”不是连续的日期，一项只能有一段时间。例如：/plan 改期 3 周四至周五",
	planner.ReasonUsage:        "内容不完整。请写上事项编号（用 /plan 本周 查看）和其余部分，例如：%s",
	planner.ReasonBadID:        "“%s”不是事项编号。例如：/plan 完成 3（用 /plan 本周 查看编号）",
	planner.ReasonNoItem:       "团队里没有 #%s 这一项。用 /plan 本周 查看你的事项",
	planner.ReasonNoMember:     "“%s”不是本团队的成员。请用 @ 提及或 Slack 成员 ID（个人资料 → ⋮ → 复制成员 ID）指定。例如：/plan 忘记 U012ABC",
	planner.ReasonNotYours:     "#%s 是别人的事项，你只能修改自己的。用 /plan 本周 查看你的事项",
	planner.ReasonCancelled:    "#%s 已取消。可以重新添加：/plan 周五 拜访2家企业",
	planner.ReasonAlreadyDone:  "#%s 已完成，不能取消。可以用 /plan 修改 %[1]s … 调整",
	planner.ReasonNoNote:       "请在后面写上心得：/plan 心得 两家企业有意向再次对接",
	planner.ReasonBadLang:      "“%s”不是支持的语言。例如：/plan lang zh 或 /plan lang en",
	planner.ReasonUnknownTeam:  "没有名为“%s”的团队。",
	planner.ReasonNotAdmin:     "只有团队管理员可以修改设置，请联系管理员（工作区管理员或 PLANBOT_ADMINS 中的成员）。例如：/plan 本周",
	planner.ReasonBadZone:      "“%s”不是有效的时区。例如：/plan setup tz Asia/Shanghai",
	planner.ReasonNoDigestChan: "团队还没有周报频道：请在团队频道里运行 /plan setup。",
	planner.ReasonPosted:       "%s 的周末总结复盘已经发过了；如需重发：/plan 周报 发布 %[1]s 强制",
	planner.ReasonPreview:      "%s 的周末总结复盘还没到时间；如需现在发预览：/plan 周报 发布 %[1]s 强制",
	planner.ReasonBadSchedule:  "“%s”不是“星期 + 时间”。例如：/plan 设置 周报 周日 18:00，/plan 设置 提醒 周五 17:00 关",
	planner.ReasonSlackOnly:    "这个命令只能在 Slack 里用。这里可以试试：/plan 周报",
	planner.ReasonNoChannel:    "请在要接收周末总结复盘的频道里运行：/plan setup",
	planner.ReasonBadKind:      "“%s”不是有效的类型，请用 拜访、出差、基金、签约、培训、复盘、会议 或 其他。例如：/plan 周二 #拜访 常诚车业",
	planner.ReasonInternalFail: "出了点问题，什么都没有改动。请稍后再试。",
	planner.ReasonNoCompany:    "项目库里没有公司 %q。先添加：/plan lead 常诚车业 已对接",
	planner.ReasonBadCompany:   "%q 不能作为公司名称：名称不超过 100 个字，引号要成对。试试：/plan lead 常诚车业 签约",
	planner.ReasonSameStage:    "它已经处于%s阶段。请写另一个阶段或一条备注：/plan lead 常诚车业 签约 年产150万套车灯项目",
	planner.ReasonBadStage:     "%q 不是阶段：线索、已对接、在谈、签约、落地、开工、投产、暂停、流失（或 我的）。试试：/plan leads 签约",
}
