package bot

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// An alias (aka, 别名) makes two names one company, in both languages: lead
// lines in either name move it, items in either name link it, and its
// history shows every name.
func TestLeadAlias(t *testing.T) {
	for _, c := range []struct {
		lang                    string
		who                     planner.Actor
		company                 string
		alias, move, item, show string
		wantAlias, wantMove     string
		wantHistory             string
	}{
		{"en", aliasAnn, "Changcheng Auto", "lead Changcheng Auto aka CC Auto", `lead "CC Auto" signed`, "tue visit cc auto plant", "lead cc auto",
			"Changcheng Auto is also called CC Auto now", "Changcheng Auto: lead → signed", "also called: CC Auto"},
		{"zh", aliasWang, "常诚车业", "线索 常诚车业 别名 Changcheng Auto", "线索 Changcheng Auto 签约", "周二 拜访【Changcheng Auto】", "线索 changcheng auto",
			"已记录：常诚车业 又名 Changcheng Auto", "常诚车业：线索 → 签约", "别名：Changcheng Auto"},
	} {
		t.Run(c.lang, func(t *testing.T) {
			h := newHandler(t)
			got := RenderText(mustHandle(t, h, c.who, c.alias))
			if !strings.Contains(got, c.wantAlias) {
				t.Errorf("%q: %q; want %q", c.alias, got, c.wantAlias)
			}
			if got := RenderText(mustHandle(t, h, c.who, c.move)); got != c.wantMove {
				t.Errorf("%q: %q; want %q", c.move, got, c.wantMove)
			}
			if got := RenderText(mustHandle(t, h, c.who, c.item)); !strings.Contains(got, "🏢 "+c.company) {
				t.Errorf("%q does not link the company by its alias: %q", c.item, got)
			}
			history := RenderText(mustHandle(t, h, c.who, c.show))
			for _, want := range []string{c.wantHistory, c.company, c.item[strings.Index(c.item, " ")+1:]} {
				if !strings.Contains(history, want) {
					t.Errorf("history lacks %q:\n%s", want, history)
				}
			}
			pipeline, err := dbOf(h).Pipeline(t.Context(), c.who.TeamID, plannertest.Day(t, "2025-11-17"))
			if err != nil || len(pipeline) != 1 {
				t.Errorf("the pipeline has %d companies, want 1 (no twin): %v", len(pipeline), err)
			}
		})
	}
}

// An alias another company has, by name or alias, is refused in both
// languages and stores nothing; so is an alias line that says more.
func TestLeadAliasRefused(t *testing.T) {
	h := newHandler(t)
	for _, line := range []string{"lead 常诚车业", "lead 宁德时代 aka CATL"} {
		mustHandle(t, h, aliasAnn, line)
	}
	for _, c := range []struct {
		who    planner.Actor
		line   string
		reason planner.Reason
		want   string
	}{
		{aliasAnn, "lead 常诚车业 aka catl", planner.ReasonAliasTaken, "another company's already: “宁德时代”"},
		{aliasWang, "线索 常诚车业 别名 宁德时代", planner.ReasonAliasTaken, "另一家公司“宁德时代”"},
		{aliasAnn, "lead 常诚车业 signed aka Changcheng", planner.ReasonBadAlias, "Try: /plan lead 常诚车业 aka Changcheng Auto"},
		{aliasWang, "线索 常诚车业 别名", planner.ReasonBadAlias, "例如：/plan 线索 常诚车业 别名 Changcheng Auto"},
	} {
		r := handle(t, h, c.who, c.line)
		if e := failure(t, r); e.Reason != c.reason || !strings.Contains(RenderText(r), c.want) {
			t.Errorf("%q: %v %q; want %s saying %q", c.line, e, RenderText(r), c.reason, c.want)
		}
	}
	c, err := dbOf(h).CompanyByKey(t.Context(), "T1", "常诚车业")
	if err != nil || len(c.Aliases) != 0 {
		t.Errorf("a refused alias was stored: %+v, %v", c, err)
	}
}

// Traditional and simplified characters are one name: a lead line or an item
// in the other script finds the company.
func TestLeadTraditional(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, aliasWang, "线索 京东方 在谈")
	if got := RenderText(mustHandle(t, h, aliasWang, "线索 京東方 签约")); got != "京东方：在谈 → 签约" {
		t.Errorf("a traditional name made a twin: %q", got)
	}
	if got := RenderText(mustHandle(t, h, aliasAnn, "wed visit 京東方 plant")); !strings.Contains(got, "🏢 京东方") {
		t.Errorf("an item in traditional characters is not linked: %q", got)
	}
}

// A stage word alone is no company's name: a usage error in both languages,
// storing nothing.
func TestLeadStageOnly(t *testing.T) {
	h := newHandler(t)
	for _, c := range []struct {
		who  planner.Actor
		line string
		want string
	}{
		{aliasWang, "线索 签约", "“签约”是阶段，不是公司名称"},
		{aliasAnn, "lead signed", "“signed” is a stage, not a company"},
		{aliasAnn, "lead on hold", "“on hold” is a stage"},
	} {
		r := handle(t, h, c.who, c.line)
		if e := failure(t, r); e.Reason != planner.ReasonStageOnly || !strings.Contains(RenderText(r), c.want) {
			t.Errorf("%q: %v %q; want %q", c.line, e, RenderText(r), c.want)
		}
	}
	if got := RenderText(mustHandle(t, h, aliasAnn, `lead "Lost" contacted`)); !strings.Contains(got, "Lost") {
		t.Errorf("a quoted stage word is no company: %q", got)
	}
	pipeline, _ := dbOf(h).Pipeline(t.Context(), "T1", plannertest.Day(t, "2025-11-17"))
	if len(pipeline) != 1 {
		t.Errorf("the pipeline has %d companies, want the quoted one only", len(pipeline))
	}
}

// An outcome that names a company links the item to it, keeping the links
// its title made, in both languages (by name and by alias).
func TestDoneOutcomeLinks(t *testing.T) {
	h := newHandler(t)
	for _, line := range []string{"线索 常诚车业 别名 Changcheng Auto", "lead 宁德时代"} {
		mustHandle(t, h, aliasAnn, line)
	}
	for _, c := range []struct {
		who       planner.Actor
		add, done string
		want      []string
	}{
		{aliasWang, "周一 拜访宁德时代", "完成 %d 常诚车业有意向", []string{"宁德时代", "常诚车业"}},
		{aliasAnn, "mon visit 4 enterprises", "done %d Changcheng Auto interested", []string{"常诚车业"}},
	} {
		id := mustHandle(t, h, c.who, c.add).Body.(Added).Items[0].ID
		got := RenderText(mustHandle(t, h, c.who, strings.Replace(c.done, "%d", fmt.Sprint(id), 1)))
		for _, name := range c.want {
			if !strings.Contains(got, name) {
				t.Errorf("%q: the reply lacks the link to %s: %q", c.done, name, got)
			}
		}
		_, items, err := dbOf(h).CompanyHistory(t.Context(), "T1", 1)
		if err != nil || !slices.ContainsFunc(items, func(it planner.Item) bool { return it.ID == id }) {
			t.Errorf("%q: 常诚车业's items lack #%d: %v", c.done, id, err)
		}
	}
}

// The members of the alias tests: one writes in English, one in Chinese.
var (
	aliasAnn  = planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U1", UserName: "Ann"}
	aliasWang = planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U2", UserName: "王芳"}
)

// The README's pipeline example, line by line: 常诚车业 and Changcheng Auto
// are one company, not twins.
func TestReadmePipelineExample(t *testing.T) {
	h := newHandler(t)
	for _, c := range []struct{ line, want string }{
		{"lead 常诚车业 在谈", "已新建公司 常诚车业，阶段：在谈。"},
		{"lead 常诚车业 aka Changcheng Auto", "已记录：常诚车业 又名 Changcheng Auto。"},
		{`lead "Changcheng Auto" signed`, "常诚车业: negotiating → signed"},
		{"线索 常诚车业 落地 年产150万套车灯项目", "常诚车业：签约 → 落地 · 年产150万套车灯项目"},
	} {
		if got := RenderText(mustHandle(t, h, aliasWang, c.line)); !strings.HasPrefix(got, c.want) {
			t.Errorf("%q: %q; want %q", c.line, got, c.want)
		}
	}
	if pipeline, _ := dbOf(h).Pipeline(t.Context(), "T1", plannertest.Day(t, "2025-11-17")); len(pipeline) != 1 {
		t.Errorf("the README's example made %d companies, want 1", len(pipeline))
	}
}

// "X aka Y" where only Y is known gives Y the alias X: no new company.
func TestLeadAliasOfKnown(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, aliasWang, "线索 京东方 在谈")
	if got := RenderText(mustHandle(t, h, aliasAnn, "lead BOE aka 京东方")); !strings.Contains(got, "京东方 又名 BOE") && !strings.Contains(got, "京东方 is also called BOE") {
		t.Errorf("lead BOE aka 京东方: %q", got)
	}
	if pipeline, _ := dbOf(h).Pipeline(t.Context(), "T1", plannertest.Day(t, "2025-11-17")); len(pipeline) != 1 {
		t.Errorf("the pipeline has %d companies, want 1", len(pipeline))
	}
}
