package bot

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The retrospective as plain text (RetroText) and its lines, as every
// platform has them; bot/slack's tests check its Slack messages.

// The scripted week's retrospective as text, in each language, is the golden file's.
func TestRetroTextGolden(t *testing.T) {
	r := plannertest.ScriptedRetro(t)
	for _, l := range plannertest.Langs {
		t.Run(string(l), func(t *testing.T) {
			plannertest.Golden(t, "retro_"+string(l)+".txt", []byte(RetroText(l, r)+"\n"))
		})
	}
}

func TestRetroText(t *testing.T) {
	tests := []struct {
		name     string
		lang     planner.Lang
		has      []string
		lacks    []string
		modified func(*planner.Retro)
	}{
		{"header en", planner.English, []string{"招商一组 · Week 47 · Nov 17–23\n"}, []string{"(late)"}, nil},
		{"header zh", planner.Chinese, []string{"招商一组 · 第47周 · 11月17日–23日 周末总结复盘\n"}, []string{"（补发）"}, nil},
		{"late en", planner.English, []string{"招商一组 · Week 47 · Nov 17–23 (late)\n"}, nil, func(r *planner.Retro) { r.Late = true }},
		{"late zh", planner.Chinese, []string{"招商一组 · 第47周 · 11月17日–23日 周末总结复盘（补发）\n"}, nil, func(r *planner.Retro) { r.Late = true }},
		{"no team name", planner.English, []string{"Week 47 · Nov 17–23\n"}, []string{" · Week"}, func(r *planner.Retro) { r.TeamName = "" }},
		{"cancelled left out", planner.English, []string{"Enterprises met: 10/12 (visits)"}, []string{"#29", "chip designers"}, nil},
		{"a trip's visits met", planner.Chinese, []string{"拜访企业：10/12 家", "✅ Ann → Shanghai · 11月20日周四 · 拜访 ×3", "出差 → Shanghai · 拜访 ×3 · trip"}, nil, nil},
		{"on leave, not silent en", planner.English, []string{"On leave all week: 赵敏", "Logged nothing this week: 陈静\n"}, nil, nil},
		{"on leave, not silent zh", planner.Chinese, []string{"本周请假：赵敏", "本周未记录：陈静\n"}, nil, nil},
		{"a leave is no work", planner.Chinese, []string{"#37 ⬜ 11月21日周五 · 请假 · day off (调休)\n", "请假：1 人次", "Mike：完成 2 / 3"}, []string{"day off (调休) → 顺延下周"}, nil},
		{"leaves only", planner.English, []string{"赵敏: on leave\n"}, nil, func(r *planner.Retro) {
			leave := r.Items["U3"][len(r.Items["U3"])-1]
			leave.UserID, leave.UserName = "U5", "赵敏"
			r.Items["U5"] = []planner.Item{leave}
			r.Members = append(r.Members, planner.MemberSummary{UserID: "U5", UserName: "赵敏"})
		}},
		{"carried over en", planner.English, []string{"#24 ⬜ Fri Nov 21 · visit ×2 · visit 2 logistics companies → next week"}, nil, nil},
		{"carried over zh", planner.Chinese, []string{"#24 ⬜ 11月21日周五 · 拜访 ×2 · visit 2 logistics companies → 顺延下周"}, nil, nil},
		{"trip days en", planner.English, []string{"Trips: 2/2 (Shanghai 1 day, 北京 2 days)"}, nil, nil},
		{"trip days zh", planner.Chinese, []string{"出差：2/2 次（Shanghai 1 天、北京 2 天）"}, nil, nil},
		{"silent without a name", planner.English, []string{"Logged nothing this week: Member 1 (no name yet)"}, []string{"U4"}, func(r *planner.Retro) { r.Names["U4"] = "" }},
		{"next week without names", planner.Chinese, []string{"下周计划：成员1（未登记姓名） 2 项 · 成员2（未登记姓名） 1 项"}, []string{"U1", "U2"}, func(r *planner.Retro) { r.Names["U1"], r.Names["U2"] = "", "" }},
		{"next week by no member", planner.English, []string{"Next week: — 2 · — 1"}, []string{"U1", "U2"}, func(r *planner.Retro) { r.Names = map[string]string{} }},
		{"next week none", planner.English, []string{"Next week: nothing planned yet"}, []string{"Next week: Ann"}, func(r *planner.Retro) { r.NextWeekPlanned = map[string]int{} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := plannertest.ScriptedRetro(t)
			if tt.modified != nil {
				tt.modified(&r)
			}
			text := RetroText(tt.lang, r)
			for _, s := range tt.has {
				if !strings.Contains(text, s) {
					t.Errorf("text lacks %q:\n%s", s, text)
				}
			}
			for _, s := range tt.lacks {
				if strings.Contains(text, s) {
					t.Errorf("text has %q:\n%s", s, text)
				}
			}
		})
	}
}

// The change of completion is in percentage points against the week before.
func TestRetroChange(t *testing.T) {
	week := func(done, planned int) map[planner.Kind]planner.Totals {
		return map[planner.Kind]planner.Totals{planner.KindVisit: {Items: done + planned, DoneItems: done, Count: done + planned, DoneCount: done}}
	}
	tests := []struct {
		name           string
		now, before    map[planner.Kind]planner.Totals
		english, zhong string
	}{
		{"up", week(3, 1), week(1, 1), "Completion 75% (3 of 4 items done) · ▲ 25 pts vs last week (50%)",
			"完成率 75%（完成 3 项，共 4 项） · 较上周 ▲ 25 个百分点（上周 50%）"},
		{"down", week(1, 3), week(1, 1), "Completion 25% (1 of 4 items done) · ▼ 25 pts vs last week (50%)",
			"完成率 25%（完成 1 项，共 4 项） · 较上周 ▼ 25 个百分点（上周 50%）"},
		{"same", week(2, 2), week(1, 1), "Completion 50% (2 of 4 items done) · = same as last week (50%)",
			"完成率 50%（完成 2 项，共 4 项） · = 与上周持平（上周 50%）"},
		{"one point", week(51, 49), week(1, 1), "Completion 51% (51 of 100 items done) · ▲ 1 pt vs last week (50%)",
			"完成率 51%（完成 51 项，共 100 项） · 较上周 ▲ 1 个百分点（上周 50%）"},
		{"nothing last week", week(1, 1), week(0, 0), "Completion 50% (1 of 2 items done) · no items last week",
			"完成率 50%（完成 1 项，共 2 项） · 上周没有事项"},
		{"nothing this week", week(0, 0), week(1, 1), "No items this week.", "本周没有事项。"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := planner.Retro{Digest: planner.Digest{Week: plannertest.W47, Start: plannertest.W47.Start(), End: plannertest.W47.End(), Totals: tt.now}, Previous: tt.before}
			for l, want := range map[planner.Lang]string{planner.English: tt.english, planner.Chinese: tt.zhong} {
				if got := retroTotals(l, r)[0].Text; got != want {
					t.Errorf("%s: %q, want %q", l, got, want)
				}
			}
		})
	}
}

// Every kind has its line in the totals.
func TestRetroKinds(t *testing.T) {
	for _, k := range planner.Kinds {
		found := false
		for _, rk := range retroKinds {
			found = found || rk.kind == k
		}
		if !found {
			t.Errorf("kind %q has no line in the retrospective's totals", k)
		}
	}
}
