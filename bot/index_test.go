package bot

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// indexedRetro is the scripted week's retrospective with the activity index
// on at weights: at the default ones, 王芳 50 (a signing, 3 enterprises
// visited, a reception), Ann 35 (7 enterprises visited), the others 0.
func indexedRetro(t *testing.T, weights map[planner.Measure]int) planner.Retro {
	t.Helper()
	r := plannertest.ScriptedRetro(t)
	var items []planner.Item
	for _, its := range r.Items {
		items = append(items, its...)
	}
	var members []planner.Member
	for id, name := range plannertest.RetroNames {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: name})
	}
	ix := planner.BuildIndex(weights, r.Start, r.End, items, nil, members, plannertest.Shanghai)
	r.Index = &ix
	return r
}

// The ranking as the retrospective shows it, in each language, after the
// pipeline and before the members.
func TestRetroIndexText(t *testing.T) {
	for _, tt := range []struct {
		lang planner.Lang
		want string
	}{
		{planner.English, "Activity index ranking:\n" +
			"  1. 王芳 · 50 (signings 1 · enterprises visited 3 · receptions 1)\n" +
			"  2. Ann · 35 (enterprises visited 7)\n" +
			"  3. Mike, 赵敏, 陈静 · 0\n" +
			"  Index = signings ×30 + construction starts ×20 + enterprises visited ×5 + receptions ×5 + events ×5 + new leads ×2\n" +
			"Members:\n"},
		{planner.Chinese, "招商活跃指数龙虎榜：\n" +
			"  第1名 王芳 · 50分（签约 1 · 拜访企业 3 · 接待 1）\n" +
			"  第2名 Ann · 35分（拜访企业 7）\n" +
			"  第3名 Mike、赵敏、陈静 · 0分\n" +
			"  指数 = 签约 ×30 + 开工 ×20 + 拜访企业 ×5 + 接待 ×5 + 活动 ×5 + 新线索 ×2\n" +
			"成员：\n"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			if text := RetroText(tt.lang, indexedRetro(t, planner.DefaultIndexWeights())); !strings.Contains(text, tt.want) {
				t.Errorf("RetroText =\n%s\nwant it to hold\n%s", text, tt.want)
			}
		})
	}
}

// A measure weighted 0 scores nothing, and its count is not shown as if it did.
func TestRetroIndexZeroWeight(t *testing.T) {
	weights := planner.DefaultIndexWeights()
	weights[planner.MeasureVisit] = 0
	text := RetroText(planner.English, indexedRetro(t, weights))
	for _, want := range []string{"1. 王芳 · 35 (signings 1 · receptions 1)\n", "2. Ann, Mike, 赵敏, 陈静 · 0\n", "enterprises visited ×0"} {
		if !strings.Contains(text, want) {
			t.Errorf("RetroText lacks %q:\n%s", want, text)
		}
	}
}

// With the index off, nothing of it shows: no section, no word of it, no
// "index" in the digest's JSON; with it on, the section is there.
func TestRetroIndexOnOff(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Ann, "done 1")
	mustHandle(t, h, plannertest.Bob, "线索 常诚车业 在谈")
	words := []string{"指数", "龙虎榜", "Activity index", "Index ="}
	for _, tt := range []struct {
		setup string
		on    bool
	}{{"", false}, {"setup index on", true}, {"设置 指数 关", false}} {
		t.Run("after "+tt.setup, func(t *testing.T) {
			if tt.setup != "" {
				mustHandle(t, h, plannertest.Boss, tt.setup)
			}
			r := mustHandle(t, h, plannertest.Boss, "digest")
			v, ok := r.Body.(DigestView)
			if !ok {
				t.Fatalf("digest reply %T, want a DigestView", r.Body)
			}
			data, err := json.Marshal(v.Retro)
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Contains(string(data), `"index"`); got != tt.on {
				t.Errorf(`JSON has "index": %t, want %t: %s`, got, tt.on, data)
			}
			for _, l := range plannertest.Langs {
				text := RenderText(Reply{Lang: l, Body: v})
				for _, w := range words {
					if strings.Contains(text, w) && !tt.on {
						t.Errorf("%s: the index is off, but the retrospective says %q:\n%s", l, w, text)
					}
				}
				head := Say(l, MsgIndexHead)
				if got := strings.Contains(text, head); got != tt.on {
					t.Errorf("%s: ranking shown %t, want %t:\n%s", l, got, tt.on, text)
				}
			}
			if tt.on {
				text := RenderText(Reply{Lang: planner.Chinese, Body: v})
				for _, want := range []string{"第1名 Ann · 20分（拜访企业 4）", "第2名 Bob · 2分（新线索 1）", "第3名 Boss · 0分"} {
					if !strings.Contains(text, want) {
						t.Errorf("the ranking lacks %q:\n%s", want, text)
					}
				}
			}
		})
	}
}

// /plan setup index: shown to anyone, changed by admins, in both languages;
// a refused line changes nothing and is explained in both languages with an
// example.
func TestHandleSetupIndex(t *testing.T) {
	defaults := planner.DefaultIndexWeights()
	with := func(changes map[planner.Measure]int) map[planner.Measure]int {
		w := maps.Clone(defaults)
		maps.Copy(w, changes)
		return w
	}
	tests := []struct {
		name    string
		who     planner.Actor
		before  []string // lines Boss sends first
		line    string
		on      bool                    // stored after the line
		weights map[planner.Measure]int // stored after the line; nil: the defaults
		reason  planner.Reason          // of a refusal, "" when the line is taken
		detail  string
		has     string // in the reply
	}{
		{name: "show, off", who: plannertest.Ann, line: "setup index",
			has: "Activity index: off (no report shows it). Its weights: signings ×30 + construction starts ×20 + enterprises visited ×5 + receptions ×5 + events ×5 + new leads ×2. Turn it on: /plan setup index on"},
		{name: "show, on, zh", who: plannertest.Ann, before: []string{"setup index on"}, line: "设置 指数", on: true,
			has: "招商活跃指数：已开启。每人指数 = 签约 ×30 + 开工 ×20 + 拜访企业 ×5 + 接待 ×5 + 活动 ×5 + 新线索 ×2"},
		{name: "on", who: plannertest.Boss, line: "setup index on", on: true, has: "Activity index: on."},
		{name: "开", who: plannertest.Boss, line: "设置 指数 开", on: true, has: "招商活跃指数：已开启。"},
		{name: "off", who: plannertest.Boss, before: []string{"setup index on"}, line: "setup index off", has: "Activity index: off"},
		{name: "关", who: plannertest.Boss, before: []string{"setup index on"}, line: "设置 活跃指数 关闭", has: "招商活跃指数：未开启"},
		{name: "weights", who: plannertest.Boss, line: "setup index weights signing=40 visit=3",
			weights: with(map[planner.Measure]int{planner.MeasureSigning: 40, planner.MeasureVisit: 3}), has: "signings ×40 + construction starts ×20 + enterprises visited ×3"},
		{name: "权重", who: plannertest.Boss, before: []string{"setup index on"}, line: "设置 指数 权重 签约=40 开工=25 拜访=3 接待=4 活动=6 线索=0", on: true,
			weights: map[planner.Measure]int{planner.MeasureSigning: 40, planner.MeasureConstruction: 25, planner.MeasureVisit: 3,
				planner.MeasureReception: 4, planner.MeasureEvent: 6, planner.MeasureLead: 0},
			has: "签约 ×40 + 开工 ×25 + 拜访企业 ×3 + 接待 ×4 + 活动 ×6 + 新线索 ×0"},
		{name: "weights alone", who: plannertest.Boss, line: "设置 指数 活动=8", weights: with(map[planner.Measure]int{planner.MeasureEvent: 8}), has: "活动 ×8"},
		{name: "back to the defaults", who: plannertest.Boss, before: []string{"setup index weights signing=1 lead=9"}, line: "setup index weights default",
			has: "signings ×30"},
		{name: "no weights", who: plannertest.Boss, line: "setup index weights", reason: planner.ReasonBadIndex, detail: "weights"},
		{name: "negative", who: plannertest.Boss, before: []string{"setup index on"}, line: "设置 指数 权重 签约=-5", on: true,
			reason: planner.ReasonBadIndex, detail: "签约=-5"},
		{name: "not a number", who: plannertest.Boss, line: "setup index weights signing=40 visit=lots", reason: planner.ReasonBadIndex, detail: "visit=lots"},
		{name: "unknown measure", who: plannertest.Boss, before: []string{"setup index weights visit=3"}, line: "设置 指数 权重 宣传=10",
			weights: with(map[planner.Measure]int{planner.MeasureVisit: 3}), reason: planner.ReasonBadIndex, detail: "宣传"},
		{name: "no setting", who: plannertest.Boss, line: "setup index maybe", reason: planner.ReasonBadIndex, detail: "maybe"},
		{name: "a member turns it on", who: plannertest.Ann, line: "setup index on", reason: planner.ReasonNotAdmin},
		{name: "a member sets weights", who: plannertest.Ann, line: "设置 指数 权重 签约=40", reason: planner.ReasonNotAdmin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises") // Ann is a member
			for _, line := range tt.before {
				mustHandle(t, h, plannertest.Boss, line)
			}
			r := handle(t, h, tt.who, tt.line)
			text := RenderText(r)
			if tt.reason != "" {
				if e := failure(t, r); e.Reason != tt.reason || e.Detail != tt.detail {
					t.Errorf("refused with %s %q, want %s %q", e.Reason, e.Detail, tt.reason, tt.detail)
				}
				if tt.reason == planner.ReasonBadIndex {
					for _, example := range []string{"/plan setup index weights signing=30", "/plan 设置 指数 权重 签约=30"} {
						if !strings.Contains(text, example) {
							t.Errorf("the explanation lacks the example %q:\n%s", example, text)
						}
					}
				}
			} else if _, ok := r.Body.(IndexSettingsView); !ok {
				t.Fatalf("reply %T %+v, want an IndexSettingsView", r.Body, r.Body)
			}
			if tt.has != "" && !strings.Contains(text, tt.has) {
				t.Errorf("reply\n%s\nwant it to hold\n%s", text, tt.has)
			}
			stored, err := dbOf(h).IndexSettings(t.Context(), "T1")
			if err != nil {
				t.Fatal(err)
			}
			want := tt.weights
			if want == nil {
				want = defaults
			}
			if stored.On != tt.on || !maps.Equal(stored.Weights, want) {
				t.Errorf("stored %+v, want on %t with %v", stored, tt.on, want)
			}
		})
	}
}
