package bot

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// allMsgs are the msg constants of catalog.go.
var allMsgs = []Msg{
	MsgAdded, MsgAddedMany, MsgYourWeek, MsgTeamWeek, MsgTeamWeekUnnamed, MsgNothing, MsgWeekEmpty, MsgDone, MsgCancelled,
	MsgMoved, MsgEdited, MsgNoteSaved, MsgNoteShow, MsgNoteNone, MsgLangSet,
	MsgDigestMembers, MsgDigestMember, MsgDigestNote, MsgDigestSilent,
	MsgDigestEmpty, MsgExportTitle, MsgHelp, MsgTryAdd, MsgHistoryTitle,
	MsgSetupChannel, MsgSetupDone, MsgDefault, MsgNotSet, MsgNewForm, MsgMore, MsgButtonDone, MsgButtonUndo, MsgButtonCancel,
	MsgSetupHello, MsgSetupInvite, MsgSetupReady, MsgSetupPartial, MsgHomeTeam, MsgHomeHelp,
	MsgFormOpening, MsgPosting, MsgPosted, MsgScheduleView, MsgScheduleOff, MsgRemindOff, MsgRemindOn,
	MsgRemindPlan, MsgRemindPlanOpen, MsgRemindLog, MsgFormTitle, MsgFormSubmit, MsgFormClose, MsgFormWhat, MsgFormTitleHint, MsgFormStart, MsgFormEnd,
	MsgFormKind, MsgFormCount, MsgFormPlace,
	MsgRetroTitle, MsgRetroLate, MsgRetroRate, MsgRetroUp, MsgRetroDown, MsgRetroSame, MsgRetroPoint, MsgRetroPoints,
	MsgRetroNoPrevious, MsgRetroTotals, MsgRetroVisits, MsgRetroFunds, MsgRetroSignings, MsgRetroTrips, MsgRetroTripDays, MsgRetroTripsHead,
	MsgRetroTrainings, MsgRetroReviews, MsgRetroMeetings, MsgRetroOthers, MsgRetroDay, MsgRetroDays, MsgRetroNoPlace,
	MsgRetroNoItems, MsgRetroCarried, MsgRetroNext, MsgRetroNextEntry, MsgRetroNextNone, MsgRetroThread,
	MsgForgotten,
	MsgLeadCreated, MsgLeadMoved, MsgLeadNoted, MsgLeadHead, MsgLeadStages, MsgLeadItems, MsgLeadNoItems,
	MsgPipelineTitle, MsgPipelineEmpty, MsgLastContact, MsgNextItem, MsgNoOwner,
	MsgRetroPipeline, MsgRetroPipelineNone, MsgRetroStageCounts, MsgRetroUntouched, MsgRetroCollision,
	MsgUnlinked, MsgPipelineNoneMine, MsgPipelineNoneAt, MsgLeadMovedBack,
	MsgExportUploading, MsgExportConsole, MsgExportFailed,
	MsgAdminUnchecked, MsgPostFailed, MsgSetupSlow, MsgFormFailed,
	MsgAlreadyDone, MsgOutcomeUpdated, MsgPastDay, MsgButtonNextWeek, MsgBye,
	MsgRetroReceptions, MsgRetroEvents, MsgRetroLeaves, MsgRetroOnLeave, MsgRetroMemberLeave, MsgVisitsOfTrip,
	MsgPastDate,
	MsgXlsxBoardSheet, MsgXlsxSummarySheet, MsgXlsxPipelineSheet, MsgXlsxBoardTitle, MsgXlsxSummaryTitle,
	MsgXlsxPipelineTitle, MsgXlsxFileTitle, MsgXlsxLegend, MsgXlsxMember, MsgXlsxKind,
	MsgXlsxPlannedItems, MsgXlsxDoneItems, MsgXlsxPlannedCount, MsgXlsxDoneCount, MsgXlsxCompletion,
	MsgXlsxNote, MsgXlsxTotal, MsgXlsxLastWeek, MsgXlsxNoMember, MsgXlsxEnterprises,
	MsgXlsxCompany, MsgXlsxStage, MsgXlsxOwner, MsgXlsxLastContact, MsgXlsxNext,
	MsgXlsxNotes, MsgXlsxNoCompanies, MsgChartMembersTitle, MsgChartMembersCut, MsgChartPlanned,
	MsgChartDone, MsgChartVisitsTitle, MsgChartVisits, MsgChartWeekOf, MsgChartMonths,
	MsgChartTitle, MsgChartAltText,
	MsgFeishuSetupReady, MsgFeishuSetupPartial, MsgFeishuPosted, MsgFeishuThisGroup, MsgFeishuTeamGroup, MsgFeishuExportFailed,
}

// verbPattern finds fmt verbs (and %%) in a catalog sentence.
var verbPattern = regexp.MustCompile(`%(?:\[\d+\])?[-+# 0]*\d*(?:\.\d+)?[a-zA-Z%]`)

func verbs(s string) []string {
	var out []string
	for _, v := range verbPattern.FindAllString(s, -1) {
		if v != "%%" {
			out = append(out, v)
		}
	}
	return out
}

func TestCatalogsComplete(t *testing.T) {
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			msgs := slices.Clone(allMsgs)
			for _, c := range featureCatalogs {
				for m := range c[planner.English] {
					msgs = append(msgs, m)
				}
				if len(c[l]) != len(c[planner.English]) {
					t.Errorf("a feature catalog has %d sentences, %d in English", len(c[l]), len(c[planner.English]))
				}
			}
			if len(catalogs[l]) != len(msgs) {
				t.Errorf("catalog has %d sentences, want %d", len(catalogs[l]), len(msgs))
			}
			for _, m := range msgs {
				if catalogs[l][m] == "" {
					t.Errorf("no sentence %q", m)
				}
				// say gives both languages the same arguments.
				if en, got := verbs(catalogs[planner.English][m]), verbs(catalogs[l][m]); !slices.Equal(got, en) {
					t.Errorf("sentence %q takes %v, English takes %v", m, got, en)
				}
			}
			if len(errorMsgs[l]) != len(plannertest.AllReasons)+len(botReasons) {
				t.Errorf("%d error explanations, want %d", len(errorMsgs[l]), len(plannertest.AllReasons)+len(botReasons))
			}
			for _, r := range slices.Concat(plannertest.AllReasons, botReasons) {
				if errorMsgs[l][r] == "" {
					t.Errorf("no explanation of %q", r)
				}
			}
			for _, k := range planner.Kinds {
				if kindNames[l][k] == "" {
					t.Errorf("no name for kind %q", k)
				}
			}
		})
	}
	for _, s := range []planner.Status{planner.StatusPlanned, planner.StatusDone, planner.StatusCancelled} {
		if statusMarks[s] == "" {
			t.Errorf("no mark for status %q", s)
		}
	}
}

// Every verb that takes an item id has a usage example in each language, and
// the example is a well-formed command of that verb.
func TestUsagesComplete(t *testing.T) {
	for _, l := range plannertest.Langs {
		for _, v := range []Verb{VerbDone, VerbCancel, VerbMove, VerbEdit, VerbHistory} {
			t.Run(string(l)+" "+string(v), func(t *testing.T) {
				example, ok := strings.CutPrefix(usages[l][v], "/plan ")
				if !ok {
					t.Fatalf("usage %q does not start with /plan", usages[l][v])
				}
				cmd := ParseCommand(example)
				if cmd.Verb != v || cmd.Lang != l {
					t.Errorf("ParseCommand(%q) = %+v, want verb %s in %s", example, cmd, v, l)
				}
				if list, err := itemArgs(cmd); err != nil || (list.Rest == "") != (v == VerbHistory) {
					t.Errorf("usage %q: id and rest %q, %v", example, list.Rest, err)
				}
			})
		}
	}
}

// allReasons must list every Reason that planner/error.go declares.
func TestAllReasonsMatchPlanner(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "../planner/error.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	var declared []planner.Reason
	ast.Inspect(f, func(n ast.Node) bool {
		spec, ok := n.(*ast.ValueSpec)
		if !ok || spec.Type == nil || identName(spec.Type) != "Reason" {
			return true
		}
		for _, v := range spec.Values {
			if lit, ok := v.(*ast.BasicLit); ok {
				s, _ := strconv.Unquote(lit.Value)
				declared = append(declared, planner.Reason(s))
			}
		}
		return true
	})
	listed := slices.Clone(plannertest.AllReasons)
	slices.Sort(declared)
	slices.Sort(listed)
	if !slices.Equal(declared, listed) {
		t.Errorf("planner/error.go declares %v,\nthe test lists %v", declared, listed)
	}
}

func identName(e ast.Expr) string {
	if id, ok := e.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// sampleBodies are one of each reply shape, and a Failure for every Reason.
func sampleBodies(t *testing.T) map[string]Body {
	visit := planner.Item{ID: 1, TeamID: "T1", UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
		Kind: planner.KindVisit, Count: 4, Title: "visit 4 enterprises", Status: planner.StatusPlanned}
	trip := planner.Item{ID: 2, TeamID: "T1", UserID: "U2", UserName: "王芳", Start: plannertest.Day(t, "2025-11-20"), End: plannertest.Day(t, "2025-11-21"),
		Kind: planner.KindTrip, Count: 1, Place: "北京", Title: "出差北京", Status: planner.StatusDone, Outcome: "两家有意向"}
	old := planner.Item{ID: 3, TeamID: "T1", UserID: "U3", UserName: "Carol", Start: plannertest.Day(t, "2025-11-10"), End: plannertest.Day(t, "2025-11-10"),
		Kind: planner.KindMeeting, Count: 1, Title: "sync", Status: planner.StatusPlanned}
	members := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"}, {TeamID: "T1", UserID: "U3", Name: "Carol"}}
	at := time.Date(2025, 11, 19, 2, 0, 0, 0, time.UTC)
	company := planner.Company{TeamID: "T1", ID: 1, Name: "常诚车业", OwnerID: "U2", OwnerName: "王芳", Stage: planner.StageSigned, CreatedAt: at, UpdatedAt: at}
	overdue := company
	overdue.Due = planner.Deadline{Date: plannertest.Day(t, "2025-11-14"), Step: planner.StageConstruction}
	var csv strings.Builder
	if err := WriteCSV(&csv, []planner.Item{visit, trip}); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]Body{
		"added":        Added{Items: []planner.Item{visit}},
		"added many":   Added{Items: []planner.Item{visit, trip}},
		"week empty":   WeekView{Week: plannertest.W47},
		"week":         WeekView{Week: plannertest.W47, Items: []planner.Item{visit, trip}},
		"team week":    WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Items: []planner.Item{visit, trip}},
		"week of two":  WeekView{Week: planner.Week{Year: 2025, Num: 44}},
		"done":         Changed{Verb: VerbDone, Item: trip},
		"cancel":       Changed{Verb: VerbCancel, Item: visit},
		"move":         Changed{Verb: VerbMove, Item: trip},
		"edit":         Changed{Verb: VerbEdit, Item: visit},
		"note saved":   NoteView{Week: plannertest.W47, Text: "great week", Saved: true},
		"note":         NoteView{Week: plannertest.W47, Text: "great week"},
		"note none":    NoteView{Week: plannertest.W47},
		"digest empty": DigestView{planner.Retro{Digest: planner.BuildDigest(plannertest.W47, nil, nil, nil, members)}},
		"digest": DigestView{planner.Retro{Digest: planner.BuildDigest(plannertest.W47, []planner.Item{visit, trip}, plannertest.UsersOf([]planner.Item{old}),
			map[string]string{"U1": "great week"}, members)}},
		"export":   ExportView{Week: plannertest.W47, CSV: csv.String()},
		"lang set": LangSet{Lang: planner.Chinese},
		"help":     Help{},
		"history": HistoryView{Item: trip, Zone: plannertest.Shanghai, Changes: []planner.Change{
			{TeamID: "T1", ItemID: 2, At: time.Date(2025, 11, 17, 1, 0, 0, 0, time.UTC), By: "U2", Action: "add", Detail: "出差北京"},
			{TeamID: "T1", ItemID: 2, At: time.Date(2025, 11, 21, 16, 30, 0, 0, time.UTC), By: "U9", Action: "done", Detail: "两家有意向"},
			{TeamID: "T1", ItemID: 2, At: time.Date(2025, 11, 22, 2, 5, 0, 0, time.UTC), By: "U2", Action: "cancel"},
		}, Names: map[string]string{"U2": "王芳", "U9": "Boss"}},
		"history new":  HistoryView{Item: visit, Zone: plannertest.Shanghai},
		"forgotten":    Forgotten{UserID: "U2", Items: 3},
		"lead created": LeadView{LeadResult: planner.LeadResult{Company: company, Created: true}, Zone: plannertest.Shanghai},
		"lead moved": LeadView{LeadResult: planner.LeadResult{Company: company,
			Change: planner.StageChange{TeamID: "T1", CompanyID: 1, Company: company.Name, From: planner.StageNegotiating, To: planner.StageSigned, By: "U2", At: at, Note: "年产150万套车灯项目"}}, Zone: plannertest.Shanghai},
		"lead shown": LeadView{LeadResult: planner.LeadResult{Company: company, History: []planner.StageChange{
			{TeamID: "T1", CompanyID: 1, Company: company.Name, To: planner.StageLead, By: "U2", At: at},
			{TeamID: "T1", CompanyID: 1, Company: company.Name, From: planner.StageLead, To: planner.StageSigned, By: "U2", At: at, Note: "签约"},
		}, Items: []planner.Item{trip}}, Zone: plannertest.Shanghai, Names: map[string]string{"U2": "王芳"}},
		"pipeline":       PipelineView{Companies: []planner.CompanyView{{Company: company, LastContact: plannertest.Day(t, "2025-11-20"), Next: visit}}},
		"pipeline empty": PipelineView{Filter: "signed"},
		"setup done":     SetupDone{Team: planner.Team{ID: "T1", Name: "招商一组", TZ: "Asia/Shanghai", Lang: planner.Chinese, DigestChannel: "C1"}},
		"team named":     TeamNamed{Team: planner.Team{ID: "T1", Name: "Wujin Bureau <!channel> *bold*", NameSet: true}},
		"team name back": TeamNamed{Team: planner.Team{ID: "T1", Name: "acme"}},
		"team no name":   TeamNamed{Team: planner.Team{ID: "T1"}},
		"schedules": ScheduleView{Schedules: map[planner.Job]planner.Schedule{
			planner.JobRetro: {Job: planner.JobRetro, Weekday: time.Sunday, Hour: 18},
			planner.JobPlan:  {Job: planner.JobPlan, Weekday: time.Monday, Hour: 9, Off: true},
		}},
		"remind off":    RemindSet{Off: true},
		"remind on":     RemindSet{},
		"reminder log":  Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: []planner.Item{visit, trip}},
		"reminder plan": Reminder{Job: planner.JobPlan, Week: plannertest.W47, Items: []planner.Item{old}},
		"targets": TargetView{AsOf: plannertest.W47.Start(), Periods: []planner.TargetPeriod{{Year: 2025}, {Year: 2025, Quarter: 4}},
			Progress: []planner.TargetProgress{
				{Metric: planner.MetricAmount, Period: planner.TargetPeriod{Year: 2025}, Goal: 100000, Done: 60000, AsOf: plannertest.W47.Start()},
				{Metric: planner.MetricVisits, Period: planner.TargetPeriod{Year: 2025, Quarter: 4}, Member: "U2", MemberName: "王芳", Goal: 4, Done: 3, AsOf: plannertest.W47.Start()},
			}},
		"targets none": TargetView{AsOf: plannertest.W47.Start(), Periods: []planner.TargetPeriod{{Year: 2025}, {Year: 2025, Quarter: 4}}},
		"targets set": TargetView{AsOf: plannertest.W47.Start(), Periods: []planner.TargetPeriod{{Year: 2025, Quarter: 4}},
			Set: &planner.TargetLine{Period: planner.TargetPeriod{Year: 2025, Quarter: 4}, Member: "U2", MemberName: "王芳", Goals: map[planner.Metric]int64{planner.MetricVisits: 0}}},
		"due reminder": DueReminder{Company: overdue},
		"lead due set": LeadView{LeadResult: planner.LeadResult{Company: overdue, DueSet: true}, Zone: plannertest.Shanghai},
		"horizon 2027": CalendarHorizon{Year: 2027},
	}
	for _, r := range slices.Concat(plannertest.AllReasons, botReasons) {
		detail := "3"
		if r == planner.ReasonUsage {
			detail = string(VerbDone) // a usage failure names the verb
		}
		bodies["failure "+string(r)] = Failure{Err: planner.Errorf(planner.Invalid, r, detail)}
	}
	return bodies
}

// leftover finds what fmt leaves of a verb it had no argument for, or a verb never formatted.
var leftover = regexp.MustCompile(`%!|%(?:\[\d+\])?[sdqv]`)

func TestRenderTextEveryBody(t *testing.T) {
	for name, body := range sampleBodies(t) {
		t.Run(name, func(t *testing.T) {
			texts := map[planner.Lang]string{}
			for _, l := range plannertest.Langs {
				text := RenderText(Reply{Lang: l, Body: body})
				texts[l] = text
				if strings.TrimSpace(text) == "" {
					t.Errorf("%s: empty", l)
				}
				if m := leftover.FindString(text); m != "" {
					t.Errorf("%s: %q left in:\n%s", l, m, text)
				}
			}
			if texts[planner.English] == texts[planner.Chinese] {
				t.Errorf("English and Chinese are the same:\n%s", texts[planner.English])
			}
			if hasHan(strings.NewReplacer("王芳", "", "北京", "", "出差北京", "", "两家有意向", "", "招商一组", "", "常诚车业", "", "年产150万套车灯项目", "", "签约", "").Replace(texts[planner.English])) {
				if _, failed := body.(Failure); !failed {
					t.Errorf("English text has Chinese words:\n%s", texts[planner.English])
				}
			}
		})
	}
}

func TestRenderText(t *testing.T) {
	bodies := sampleBodies(t)
	tests := []struct {
		name string
		lang planner.Lang
		want string
	}{
		{"added", planner.English, "Added #1 ⬜ Tue Nov 18 · visit ×4 · visit 4 enterprises"},
		{"added", planner.Chinese, "已添加 #1 ⬜ 11月18日周二 · 拜访 ×4 · visit 4 enterprises"},
		{"done", planner.English, "Done #2 ✅ Thu Nov 20 – Fri Nov 21 · trip → 北京 · 出差北京 · “两家有意向”"},
		{"done", planner.Chinese, "已完成 #2 ✅ 11月20日周四至11月21日周五 · 出差 → 北京 · 出差北京 · “两家有意向”"},
		{"week empty", planner.English, "Your week 2025-W47 (Nov 17–23)\nNothing planned yet.\nAdd one: /plan tue visit 4 enterprises"},
		{"week empty", planner.Chinese, "我的一周 2025-W47（11月17日–23日）\n还没有安排。\n添加一条：/plan 周二 对接4家企业"},
		{"week of two", planner.English, "Your week 2025-W44 (Oct 27 – Nov 2)\nNothing planned yet.\nAdd one: /plan tue visit 4 enterprises"},
		{"week of two", planner.Chinese, "我的一周 2025-W44（10月27日–11月2日）\n还没有安排。\n添加一条：/plan 周二 对接4家企业"},
		{"team week", planner.English, "Team 招商一组, week 2025-W47 (Nov 17–23)\n" +
			"Mon Nov 17\n  —\n" +
			"Tue Nov 18\n  #1 ⬜ visit ×4 · Ann · visit 4 enterprises\n" +
			"Wed Nov 19\n  —\n" +
			"Thu Nov 20\n  #2 ✅ until Fri Nov 21 (2 days) · trip → 北京 · 王芳 · 出差北京 · “两家有意向”\n" +
			"Fri Nov 21\n  ↳ #2 (2/2) · 王芳 · 出差北京\n" +
			"Sat Nov 22\n  —\nSun Nov 23\n  —"},
		{"week", planner.Chinese, "我的一周 2025-W47（11月17日–23日）\n" +
			"11月17日周一\n  —\n" +
			"11月18日周二\n  #1 ⬜ 拜访 ×4 · visit 4 enterprises\n" +
			"11月19日周三\n  —\n" +
			"11月20日周四\n  #2 ✅ 至11月21日周五（共2天） · 出差 → 北京 · 出差北京 · “两家有意向”\n" +
			"11月21日周五\n  ↳ #2 (2/2) · 出差北京\n" +
			"11月22日周六\n  —\n11月23日周日\n  —"},
		// The retrospective's own wording is pinned by the golden files of render_retro_test.go.
		{"digest empty", planner.English, "Week 47 · Nov 17–23\nNo items this week.\nNext week: nothing planned yet"},
		{"digest empty", planner.Chinese, "第47周 · 11月17日–23日 周末总结复盘\n本周没有事项。\n下周计划：暂无"},
		{"digest", planner.English, "Week 47 · Nov 17–23\n" +
			"Completion 50% (1 of 2 items done) · no items last week\n" +
			"By kind (done/planned):\n  Enterprises met: 0/4 (visits)\n  Trips: 1/1 (北京 2 days)\n" +
			"Who travelled where:\n  ✅ 王芳 → 北京 · Thu Nov 20 – Fri Nov 21\n" +
			"Members:\n" +
			"  Ann: 0 of 1 done\n    #1 ⬜ Tue Nov 18 · visit ×4 · visit 4 enterprises\n    note: great week\n" +
			"  王芳: 1 of 1 done\n    #2 ✅ Thu Nov 20 – Fri Nov 21 · trip → 北京 · 出差北京 · “两家有意向”\n" +
			"Logged nothing this week: Carol\nNext week: nothing planned yet"},
		{"digest", planner.Chinese, "第47周 · 11月17日–23日 周末总结复盘\n" +
			"完成率 50%（完成 1 项，共 2 项） · 上周没有事项\n" +
			"分类（完成/计划）：\n  拜访企业：0/4 家\n  出差：1/1 次（北京 2 天）\n" +
			"出差行程：\n  ✅ 王芳 → 北京 · 11月20日周四至11月21日周五\n" +
			"成员：\n" +
			"  Ann：完成 0 / 1\n    #1 ⬜ 11月18日周二 · 拜访 ×4 · visit 4 enterprises\n    心得：great week\n" +
			"  王芳：完成 1 / 1\n    #2 ✅ 11月20日周四至11月21日周五 · 出差 → 北京 · 出差北京 · “两家有意向”\n" +
			"本周未记录：Carol\n下周计划：暂无"},
		{"failure bad_id", planner.English, "\"3\" is not an item number. Try: /plan done 3 (see the numbers with /plan week)\n" +
			"“3”不是事项编号。例如：/plan 完成 3（用 /plan 本周 查看编号）"},
		{"failure bad_week", planner.Chinese, "“3”不是有效的周。例如：/plan 本周 2025-W47，或 /plan 下周\n" +
			"\"3\" is not a week. Try: /plan week 2025-W47, /plan week next"},
		{"failure usage", planner.English, "Something is missing. Give the item's number (see /plan week) and the rest, like this: /plan done 3 2 of 4 interested\n" +
			"内容不完整。请写上事项编号（用 /plan 本周 查看）和其余部分，例如：/plan 完成 3 两家有意向"},
		{"failure usage", planner.Chinese, "内容不完整。请写上事项编号（用 /plan 本周 查看）和其余部分，例如：/plan 完成 3 两家有意向\n" +
			"Something is missing. Give the item's number (see /plan week) and the rest, like this: /plan done 3 2 of 4 interested"},
		{"history", planner.English, "History of #2 ✅ Thu Nov 20 – Fri Nov 21 · trip → 北京 · 王芳 · 出差北京 · “两家有意向”\n" +
			"  2025-11-17 09:00 · 王芳 · added · 出差北京\n" +
			"  2025-11-22 00:30 · Boss · done · 两家有意向\n" +
			"  2025-11-22 10:05 · 王芳 · cancelled"},
		{"history", planner.Chinese, "#2 ✅ 11月20日周四至11月21日周五 · 出差 → 北京 · 王芳 · 出差北京 · “两家有意向” 的修改记录\n" +
			"  2025-11-17 09:00 · 王芳 · 添加 · 出差北京\n" +
			"  2025-11-22 00:30 · Boss · 完成 · 两家有意向\n" +
			"  2025-11-22 10:05 · 王芳 · 取消"},
		{"history new", planner.English, "History of #1 ⬜ Tue Nov 18 · visit ×4 · Ann · visit 4 enterprises"},
		{"failure already_done", planner.Chinese, "#3 已完成，不能取消。可以用 /plan 修改 3 … 调整\n" +
			"Item #3 is already done, so it cannot be cancelled. Change it with /plan edit 3 …"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" "+string(tt.lang), func(t *testing.T) {
			if got := RenderText(Reply{Lang: tt.lang, Body: bodies[tt.name]}); got != tt.want {
				t.Errorf("RenderText =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// A reason without an explanation is explained as an internal failure.
func TestExplainUnknownReason(t *testing.T) {
	e := planner.Errorf(planner.Invalid, "no_such_reason", "x")
	for _, l := range plannertest.Langs {
		if got, want := Explain(l, e), errorMsgs[l][planner.ReasonInternalFail]; got != want {
			t.Errorf("Explain(%s) = %q, want %q", l, got, want)
		}
	}
}

// A team's week is titled with its name, or without one when the platform
// gave none, never with an empty name between its words.
func TestTeamWeekTitle(t *testing.T) {
	for _, tt := range []struct {
		lang planner.Lang
		name string
		want string
	}{
		{planner.English, "East", "Team East, week 2025-W47 (Nov 17–23)"},
		{planner.English, "", "Team week 2025-W47 (Nov 17–23)"},
		{planner.Chinese, "招商一组", "团队 招商一组 · 2025-W47（11月17日–23日）"},
		{planner.Chinese, "\n", "团队 · 2025-W47（11月17日–23日）"},
	} {
		got := TeamWeekTitle(tt.lang, WeekView{Week: plannertest.W47, Team: true, TeamName: tt.name})
		if got != tt.want {
			t.Errorf("TeamWeekTitle(%s, %q) = %q, want %q", tt.lang, tt.name, got, tt.want)
		}
	}
}
