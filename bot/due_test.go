package bot

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// Deadlines (督办) through the handler, in both languages: what each lead
// line says; a past deadline refused in both languages with an example,
// nothing stored; the pipeline and a company's page marking one passed.
func TestLeadDeadlines(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U1", UserName: "Ann"}
	wang := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U2", UserName: "王芳"}
	for _, c := range []struct {
		who  planner.Actor
		line string
		want string
	}{
		{wang, "线索 常诚车业 签约 总投资12亿元", "已新建公司 常诚车业，阶段：签约。 投资额：12亿元。"},
		{wang, "线索 常诚车业 开工 截止 2026-03-31", "常诚车业（签约）：开工 截止 2026-03-31。"},
		{ann, `lead "Changcheng Auto" signed construction due Mar 31`, "Added company Changcheng Auto at stage signed. Deadline: construction due 2026-03-31."},
		{ann, "lead Changcheng Auto landed land certificate received", "Changcheng Auto: signed → landed · land certificate received"},
		{ann, "lead Changcheng Auto construction", "Changcheng Auto: landed → construction · deadline met (construction due 2026-03-31)"},
		{ann, "lead Changcheng Auto production due 2026-09-30", "Changcheng Auto (construction): production due 2026-09-30."},
		{wang, "线索 蓝天科技 在谈 年产30万吨 截止月底", "已新建公司 蓝天科技，阶段：在谈。 督办：截止 2025-11-30。"},
		{wang, "线索 蓝天科技 签约 截止12月31日前落地", "蓝天科技：在谈 → 签约 · 落地 截止 2025-12-31"},
	} {
		if got := RenderText(mustHandle(t, h, c.who, c.line)); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.line, got, c.want)
		}
	}

	before, err := dbOf(h).CompanyByKey(t.Context(), "T1", "常诚车业")
	if err != nil {
		t.Fatal(err)
	}
	r := handle(t, h, wang, "线索 常诚车业 截止 2025-11-10")
	if e := failure(t, r); e.Reason != planner.ReasonDuePast || e.Detail != "2025-11-10" {
		t.Errorf("a past deadline: %+v", e)
	}
	text := RenderText(r)
	for _, want := range []string{"截止日期 2025-11-10 已经过去，所以没有保存", "/plan 线索 常诚车业 开工 截止 下周五",
		"The deadline 2025-11-10 has passed already, so nothing was saved", "/plan lead CATL construction due next fri"} {
		if !strings.Contains(text, want) {
			t.Errorf("the refusal lacks %q:\n%s", want, text)
		}
	}
	if e := failure(t, handle(t, h, ann, "lead Changcheng Auto deadline someday")); e.Reason != planner.ReasonBadDue {
		t.Errorf("a deadline that is no day: %+v", e)
	}
	if after, _ := dbOf(h).CompanyByKey(t.Context(), "T1", "常诚车业"); !reflect.DeepEqual(after, before) {
		t.Errorf("a refused deadline changed the company:\n%+v\n%+v", after, before)
	}

	h.Service.Now = func() time.Time { return time.Date(2026, 4, 1, 9, 0, 0, 0, plannertest.Shanghai) }
	pipeline := RenderText(mustHandle(t, h, wang, "项目库"))
	for _, want := range []string{"  常诚车业 · 王芳 · 12亿元 · 开工 截止 2026-03-31 ⚠ 超期", "  蓝天科技 · 王芳 · 落地 截止 2025-12-31 ⚠ 超期",
		"Changcheng Auto · Ann · 投产 截止 2026-09-30\n"} {
		if !strings.Contains(pipeline+"\n", want) {
			t.Errorf("the pipeline lacks %q:\n%s", want, pipeline)
		}
	}
	if got := RenderText(mustHandle(t, h, ann, "lead changcheng auto")); !strings.HasPrefix(got, "Changcheng Auto · construction · following: Ann · production due 2026-09-30\n") {
		t.Errorf("a company's page:\n%s", got)
	}
	if got := RenderText(mustHandle(t, h, wang, "线索 常诚车业")); !strings.HasPrefix(got, "常诚车业 · 签约 · 负责人：王芳 · 12亿元 · 开工 截止 2026-03-31 ⚠ 超期\n") {
		t.Errorf("an overdue company's page:\n%s", got)
	}
}

// The retrospective's section of overdue companies, with owner and deadline,
// in both languages; none when nothing is overdue.
func TestRetroOverdue(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	r.Pipeline = planner.PipelineWeek{Counts: map[planner.Stage]int{planner.StageSigned: 1, planner.StageNegotiating: 1}}
	if text := RetroText(planner.Chinese, r); strings.Contains(text, "超期") {
		t.Errorf("a retrospective with nothing overdue has the section:\n%s", text)
	}
	r.Names["U2"] = "王芳"
	r.Pipeline.Overdue = []planner.OverdueCompany{
		{CompanyID: 2, Company: "CATL", Stage: planner.StageNegotiating, Due: plannertest.Day(t, "2025-11-19")},
		{CompanyID: 1, Company: "常诚车业", Owner: "U2", Stage: planner.StageSigned, Due: plannertest.Day(t, "2025-11-21"), Step: planner.StageConstruction},
	}
	for l, want := range map[planner.Lang]string{
		planner.English: "\n⚠ Overdue: CATL (no owner, due 2025-11-19), 常诚车业 (王芳, construction due 2025-11-21)\n",
		planner.Chinese: "\n⚠ 超期未推进：CATL（无负责人，截止 2025-11-19）、常诚车业（王芳，开工 截止 2025-11-21）\n",
	} {
		if text := RetroText(l, r); !strings.Contains(text, want) {
			t.Errorf("%s: the retrospective lacks %q:\n%s", l, want, text)
		}
	}
}

// The owner's direct message about a deadline passed, in both languages:
// the company, where it is, its deadline and what to do, the name inert in
// the commands it suggests.
func TestDueReminderText(t *testing.T) {
	c := planner.Company{ID: 1, Name: "常诚\n车业", OwnerID: "U2", Stage: planner.StageSigned,
		Due: planner.Deadline{Date: plannertest.Day(t, "2025-11-21"), Step: planner.StageConstruction}}
	for l, want := range map[planner.Lang]string{
		planner.English: "⏰ Deadline passed: 常诚 车业 (signed), construction due 2025-11-21. Move it on: /plan lead “常诚 车业” <stage>, or give it a new deadline: /plan lead “常诚 车业” due <day>",
		planner.Chinese: "⏰ 督办提醒：常诚 车业（签约）开工 截止 2025-11-21，已超期。推进后请更新：/plan 线索 “常诚 车业” <阶段>；或重新设定期限：/plan 线索 “常诚 车业” 截止 <日期>",
	} {
		if got := RenderText(Reply{Lang: l, Body: DueReminder{Company: c}}); got != want {
			t.Errorf("%s:\n got %q\nwant %q", l, got, want)
		}
	}
}
