package bot

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// A lead is followed from first contact to production in both languages; its
// history lists every stage change and the items that name it.
func TestLeadLifecycle(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U1", UserName: "Ann"}
	wang := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U2", UserName: "王芳"}

	for _, c := range []struct {
		who  planner.Actor
		line string
		want string
	}{
		{wang, "lead 常诚车业 在谈", "已新建公司 常诚车业，阶段：在谈。"},
		{wang, "线索 常诚车业 签约 年产150万套车灯项目", "常诚车业：在谈 → 签约 · 年产150万套车灯项目"},
		{ann, `lead "Changcheng Auto" signed`, "Added company Changcheng Auto at stage signed."},
		{ann, `lead “ＣＨＡＮＧＣＨＥＮＧ auto” landed land certificate received`, "Changcheng Auto: signed → landed · land certificate received"},
		{ann, `lead Changcheng Auto construction`, "Changcheng Auto: landed → construction"},
		{ann, `lead Changcheng Auto production`, "Changcheng Auto: construction → production"},
		{ann, `lead Changcheng Auto production first lamps shipped`, "Noted on Changcheng Auto (production): first lamps shipped"},
	} {
		r := mustHandle(t, h, c.who, c.line)
		if got := RenderText(r); got != c.want {
			t.Errorf("%q:\n got %q\nwant %q", c.line, got, c.want)
		}
	}

	// Items link by brackets (a new name becomes a lead) or by a known name.
	r := mustHandle(t, h, ann, "tue visit [Changcheng Auto] plant")
	if got := RenderText(r); !strings.Contains(got, "🏢 Changcheng Auto") {
		t.Errorf("the reply does not show the link: %q", got)
	}
	r = mustHandle(t, h, wang, "周三 拜访常诚车业 园区")
	if got := RenderText(r); !strings.Contains(got, "🏢 常诚车业") {
		t.Errorf("a known name is not linked: %q", got)
	}
	r = mustHandle(t, h, wang, "周四 拜访【宁德时代】 [v2]")
	if got := RenderText(r); strings.Contains(got, "🏢") || !strings.Contains(got, "项目库里没有，未关联：宁德时代、v2。请先添加：/plan 线索 “宁德时代”") {
		t.Errorf("bracketed names the pipeline lacks are linked, or not explained: %q", got)
	}
	r = mustHandle(t, h, ann, "team meeting fri")
	if got := RenderText(r); strings.Contains(got, "🏢") {
		t.Errorf("an item naming no company shows a link: %q", got)
	}

	history := RenderText(mustHandle(t, h, ann, "lead changcheng auto"))
	for _, want := range []string{
		"Changcheng Auto · production · following: Ann", "first lamps shipped",
		"signed → landed · Ann · land certificate received", "Itinerary items:", "visit [Changcheng Auto] plant",
	} {
		if !strings.Contains(history, want) {
			t.Errorf("history lacks %q:\n%s", want, history)
		}
	}

	pipeline := RenderText(mustHandle(t, h, wang, "项目库"))
	if strings.Contains(pipeline, "宁德时代") {
		t.Errorf("a name in brackets became a company:\n%s", pipeline)
	}
	for _, want := range []string{"招商项目库：2 家", "【签约】", "  常诚车业 · 王芳", "下一步：#", "【投产】"} {
		if !strings.Contains(pipeline, want) {
			t.Errorf("pipeline lacks %q:\n%s", want, pipeline)
		}
	}
	if got := RenderText(mustHandle(t, h, ann, "leads mine")); strings.Contains(got, "常诚车业") || !strings.Contains(got, "Changcheng Auto") {
		t.Errorf("leads mine:\n%s", got)
	}
	if got := RenderText(mustHandle(t, h, ann, "leads signed")); !strings.Contains(got, "常诚车业") || strings.Contains(got, "Changcheng") {
		t.Errorf("leads signed:\n%s", got)
	}
	for line, want := range map[string]string{
		"leads lost":   "No company is at lost now. See them all: /plan leads",
		"项目库 我的":       "你还没有负责的公司。",
		"lead 常诚车业 在谈": "常诚车业：签约 → 在谈 （回退）",
	} {
		if got := RenderText(mustHandle(t, h, planner.Actor{TeamID: "T1", UserID: "U3", UserName: "Bo"}, line)); !strings.Contains(got, want) {
			t.Errorf("%q: %q, want %q in it", line, got, want)
		}
	}
}

// Bad lead lines are explained in the member's language, with an example, and
// store nothing.
func TestLeadErrors(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", UserID: "U1", UserName: "Ann"}
	mustHandle(t, h, ann, "lead CATL negotiating")
	for _, c := range []struct {
		line   string
		reason planner.Reason
	}{
		{"lead", planner.ReasonBadCompany},
		{`lead "CATL signed`, planner.ReasonBadCompany},
		{"lead " + strings.Repeat("长", 101), planner.ReasonBadCompany},
		{"lead CATL negotiating", planner.ReasonSameStage},
		{"lead CATL won", planner.ReasonBadStage},      // a known name and a mistyped stage: no new "CATL won"
		{`lead Foo" signed`, planner.ReasonBadCompany}, // a stray quote
		{"leads someday", planner.ReasonBadStage},
		{"leads signed extra", planner.ReasonBadStage}, // not stored as an item
	} {
		err := failure(t, handle(t, h, ann, c.line))
		if err.Reason != c.reason {
			t.Errorf("%q: %v, want %s", c.line, err, c.reason)
		}
		if text := Explain(planner.English, err); !strings.Contains(text, "/plan lead") {
			t.Errorf("%q: explanation without an example: %q", c.line, text)
		}
	}
	if got := RenderText(mustHandle(t, h, ann, "leads")); !strings.Contains(got, "Pipeline (1):") {
		t.Errorf("after the errors the pipeline is:\n%s", got)
	}
	if got := RenderText(mustHandle(t, h, ann, "week")); !strings.Contains(got, "Nothing planned") {
		t.Errorf("a bad lead line was stored as an item:\n%s", got)
	}
	same := failure(t, handle(t, h, ann, "线索 CATL 在谈"))
	if text := Explain(planner.Chinese, same); !strings.Contains(text, "它已经处于在谈阶段") {
		t.Errorf("same stage in Chinese: %q", text)
	}
}

// The retrospective shows the week's stage moves, the pipeline by stage, the
// companies untouched for a month and 撞单, in both languages.
func TestRetroPipeline(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U1", UserName: "Ann"}
	wang := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U2", UserName: "王芳"}
	monday := h.Service.Now
	h.Service.Now = func() time.Time { return time.Date(2025, 10, 1, 9, 0, 0, 0, plannertest.Shanghai) }
	mustHandle(t, h, ann, "lead OldCo contacted")
	h.Service.Now = monday
	mustHandle(t, h, wang, "lead 常诚车业 在谈")
	mustHandle(t, h, wang, "线索 常诚车业 签约 年产150万套车灯项目")
	mustHandle(t, h, ann, "lead CATL signed")
	mustHandle(t, h, ann, "lead Quiet Inc") // created this week: not untouched
	mustHandle(t, h, ann, "tue visit [常诚车业] plant")
	mustHandle(t, h, wang, "周三 拜访常诚车业")
	mustHandle(t, h, wang, "周四 拜访宁德")

	r, err := h.Service.Retro(t.Context(), "T1", plannertest.W47)
	if err != nil {
		t.Fatal(err)
	}
	p := r.Pipeline
	if len(p.Moves) != 3 || p.Moves[0].Company != "常诚车业" || p.Moves[0].To != planner.StageSigned {
		t.Errorf("moves %+v", p.Moves)
	}
	if want := map[planner.Stage]int{planner.StageContacted: 1, planner.StageSigned: 2, planner.StageLead: 1}; !maps.Equal(p.Counts, want) {
		t.Errorf("counts %v, want %v", p.Counts, want)
	}
	if !slices.Equal(p.Untouched, []string{"OldCo"}) {
		t.Errorf("untouched %v", p.Untouched)
	}
	if len(p.Collisions) != 1 || p.Collisions[0].Company != "常诚车业" || !slices.Equal(p.Collisions[0].Members, []string{"U1", "U2"}) {
		t.Errorf("collisions %+v", p.Collisions)
	}
	for l, want := range map[planner.Lang][]string{
		planner.English: {"Pipeline moves: lead 1: Quiet Inc · signed 2: 常诚车业, CATL", "Pipeline at the week's end: lead 1 · contacted 1 · signed 2",
			"Untouched for 30 days: OldCo", "⚠ Several members on one company this week (撞单): 常诚车业 (Ann, 王芳)."},
		planner.Chinese: {"本周项目进展：线索 1：Quiet Inc · 签约 2：常诚车业、CATL", "项目库（截至周末）：线索 1 · 已对接 1 · 签约 2",
			"30 天未跟进：OldCo", "⚠ 撞单：常诚车业（Ann、王芳） 本周有多人对接"},
	} {
		text := RetroText(l, r)
		for _, line := range want {
			if !strings.Contains(text, line) {
				t.Errorf("%s retrospective lacks %q:\n%s", l, line, text)
			}
		}
	}
}

// Links follow the longest name, edits relink, a stage typed without a space
// after a known name moves it, and a company whose owner was forgotten is
// followed by whoever moves it next.
func TestLeadLinksAndOwners(t *testing.T) {
	h := newHandler(t)
	ann := planner.Actor{TeamID: "T1", UserID: "U1", UserName: "Ann"}
	bo := planner.Actor{TeamID: "T1", UserID: "U2", UserName: "Bo"}
	boss := planner.Actor{TeamID: "T1", UserID: "U9", UserName: "Boss", Admin: true}
	mustHandle(t, h, ann, `lead "Changcheng Auto" negotiating`)
	mustHandle(t, h, ann, "lead Auto Parts Inc lost")
	mustHandle(t, h, ann, `lead "Auto" lost`)
	mustHandle(t, h, bo, "lead 常诚车业 在谈")

	if got := RenderText(mustHandle(t, h, ann, "tue visit Changcheng Auto plant")); !strings.HasSuffix(got, "🏢 Changcheng Auto") {
		t.Errorf("a name inside a longer one is linked too: %q", got)
	}
	if got := RenderText(mustHandle(t, h, ann, "edit 1 tue visit [常诚车业] instead")); !strings.Contains(got, "🏢 常诚车业") || strings.Contains(got, "Changcheng") {
		t.Errorf("edit did not relink: %q", got)
	}
	hist := RenderText(mustHandle(t, h, ann, `lead "Changcheng Auto"`))
	if !strings.Contains(hist, "No itinerary item names it yet") {
		t.Errorf("the edited item still counts for Changcheng Auto:\n%s", hist)
	}
	if got := RenderText(mustHandle(t, h, bo, "线索 常诚车业签约")); got != "常诚车业：在谈 → 签约" {
		t.Errorf("a stage typed without a space: %q", got)
	}
	if got := RenderText(mustHandle(t, h, bo, "线索 常诚车业落地 拿到土地证")); got != "常诚车业：签约 → 落地 · 拿到土地证" {
		t.Errorf("a stage typed without a space, then a note: %q", got)
	}
	mustHandle(t, h, boss, "forget U2")
	mustHandle(t, h, ann, "lead 常诚车业 开工")
	if got := RenderText(mustHandle(t, h, ann, "lead 常诚车业")); !strings.Contains(got, "负责人：Ann") {
		t.Errorf("after its owner was forgotten, the mover does not follow it:\n%s", got)
	}
}

// A company name with zero-width or other invisible characters in it
// (U+200B, U+2060, U+FEFF, U+200C/D) is the company without them: a lead
// line moves it, an item links to it, and the retrospective finds 撞单 on it.
func TestLeadZeroWidthTwin(t *testing.T) {
	h := newHandler(t)
	wang := planner.Actor{TeamID: "T1", TeamName: "East", UserID: "U2", UserName: "王芳"}
	mustHandle(t, h, wang, "lead 常诚车业 在谈")
	if got := RenderText(mustHandle(t, h, wang, "lead 常诚\u200b车业 签约")); got != "常诚车业：在谈 → 签约" {
		t.Errorf("a zero-width twin of a company: %q, want it moved", got)
	}
	if got := RenderText(mustHandle(t, h, wang, "周三 拜访常\u2060诚车业 园区")); !strings.Contains(got, "🏢 常诚车业") {
		t.Errorf("an item naming a twin is not linked: %q", got)
	}
	if got := RenderText(mustHandle(t, h, plannertest.Ann, "thu visit 【\ufeff常诚\u200c车\u200d业】")); !strings.Contains(got, "🏢 常诚车业") {
		t.Errorf("a bracketed twin is not linked: %q", got)
	}
	if got := RenderText(mustHandle(t, h, wang, "项目库")); !strings.Contains(got, "招商项目库：1 家") {
		t.Errorf("the pipeline has a twin:\n%s", got)
	}
	retro := mustHandle(t, h, plannertest.Ann, "digest").Body.(DigestView).Retro
	if c := retro.Pipeline.Collisions; len(c) != 1 || c[0].Company != "常诚车业" {
		t.Errorf("撞单 %+v, want both members on 常诚车业", c)
	}
}
