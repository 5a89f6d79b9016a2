package bot

import (
	"reflect"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// seedHistory gives Ann's #1 a history on three days: added Monday 09:00,
// done Tuesday 18:30 and edited by the admin Thursday 08:05 (Shanghai time).
func seedHistory(t *testing.T, h *Handler) {
	t.Helper()
	at := func(d, hh, mm int) func() time.Time {
		return func() time.Time { return time.Date(2025, 11, d, hh, mm, 0, 0, plannertest.Shanghai) }
	}
	seedAnn(t, h)
	h.Service.Now = at(18, 18, 30)
	mustHandle(t, h, plannertest.Ann, "done 1 2 of 4 interested")
	h.Service.Now = at(20, 8, 5)
	mustHandle(t, h, plannertest.Boss, "edit 1 visit 5 enterprises")
	h.Service.Now = at(17, 9, 0)
}

func TestHandleHistory(t *testing.T) {
	en := "History of #1 ✅ Tue Nov 18 · visit ×5 · Ann · visit 5 enterprises · “2 of 4 interested”\n" +
		"  2025-11-17 09:00 · Ann · added · visit 4 enterprises\n" +
		"  2025-11-18 18:30 · Ann · done · 2 of 4 interested\n" +
		"  2025-11-20 08:05 · Boss · edited · 2025-11-18 visit 4 enterprises → 2025-11-18 visit 5 enterprises"
	zh := "#1 ✅ 11月18日周二 · 拜访 ×5 · Ann · visit 5 enterprises · “2 of 4 interested” 的修改记录\n" +
		"  2025-11-17 09:00 · Ann · 添加 · visit 4 enterprises\n" +
		"  2025-11-18 18:30 · Ann · 完成 · 2 of 4 interested\n" +
		"  2025-11-20 08:05 · Boss · 修改 · 2025-11-18 visit 4 enterprises → 2025-11-18 visit 5 enterprises"
	trip := "History of #2 ⬜ Thu Nov 20 – Fri Nov 21 · trip → Beijing · Ann · trip to Beijing\n" +
		"  2025-11-17 09:00 · Ann · added · trip to Beijing"
	tests := []struct {
		name  string
		actor planner.Actor
		line  string
		id    int64
		lang  planner.Lang
		text  string
	}{
		{"english", plannertest.Ann, "history 1", 1, planner.English, en},
		{"chinese", plannertest.Ann, "历史 1", 1, planner.Chinese, zh},
		{"hash and ideographic space", plannertest.Ann, "历史\u3000#1", 1, planner.Chinese, zh},
		{"words after the id", plannertest.Ann, "history 1 please", 1, planner.English, en},
		{"another member may read it", plannertest.Bob, "history 1", 1, planner.English, en},
		{"an item without changes", plannertest.Ann, "history 2", 2, planner.English, trip},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			seedHistory(t, h)
			mustHandle(t, h, tt.actor, "week") // joins the team
			before := takeSnapshot(t, h)

			r := mustHandle(t, h, tt.actor, tt.line)
			v, ok := r.Body.(HistoryView)
			if !ok {
				t.Fatalf("reply %T %+v, want a HistoryView", r.Body, r.Body)
			}
			it, changes := history(t, h, "T1", tt.id)
			if !reflect.DeepEqual(v.Item, it) || !reflect.DeepEqual(v.Changes, changes) || v.Zone != plannertest.Shanghai {
				t.Errorf("history view %+v\nwant item %+v, changes %+v in Asia/Shanghai", v, it, changes)
			}
			if r.Lang != tt.lang {
				t.Errorf("reply language %q, want %q", r.Lang, tt.lang)
			}
			if got := RenderText(r); got != tt.text {
				t.Errorf("RenderText =\n%s\nwant\n%s", got, tt.text)
			}
			if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
				t.Errorf("history changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

func TestHandleHistoryErrors(t *testing.T) {
	tests := []struct {
		name   string
		actor  planner.Actor
		line   string
		code   planner.Code
		reason planner.Reason
		detail string
	}{
		{"no such item", plannertest.Ann, "history 7", planner.NotFound, planner.ReasonNoItem, "7"},
		{"another team's item", plannertest.Eve, "history 1", planner.NotFound, planner.ReasonNoItem, "1"},
		{"id zero", plannertest.Ann, "历史 0", planner.Invalid, planner.ReasonBadID, "0"},
		{"id overflows", plannertest.Ann, "history 99999999999999999999", planner.Invalid, planner.ReasonBadID, "99999999999999999999"},
		{"no id", plannertest.Ann, "history", planner.Invalid, planner.ReasonUsage, "history"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			seedHistory(t, h)
			before := takeSnapshot(t, h)
			e := failure(t, handle(t, h, tt.actor, tt.line))
			if e.Code != tt.code || e.Reason != tt.reason || e.Detail != tt.detail {
				t.Errorf("error %s/%s %q, want %s/%s %q", e.Code, e.Reason, e.Detail, tt.code, tt.reason, tt.detail)
			}
			if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
				t.Errorf("a failure changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}
