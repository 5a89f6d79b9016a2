package bot

import (
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// The command language's forgiving side, as the core answers it: no Slack here.

// A weekday written 星期N is a when, never a mistyped 延期: the line is an
// item on that day, with no hint.
func TestHandleWeekdayIsNoTypo(t *testing.T) {
	h := newHandler(t)
	r := mustHandle(t, h, plannertest.Ann, "星期3 拜访企业")
	if _, ok := r.Body.(Added); !ok {
		t.Fatalf("星期3 拜访企业 answered %T:\n%s", r.Body, RenderText(r))
	}
	items := teamItems(t, h, "T1")
	if len(items) != 1 || items[0].Start.String() != "2025-11-19" || items[0].Kind != planner.KindVisit || items[0].Title != "拜访企业" {
		t.Errorf("stored %+v, want one visit 拜访企业 on Wed 2025-11-19", items)
	}
}

// Once a member writes Chinese, every reply is Chinese, week and done
// included, until they set another language; it is stored with the member.
func TestHandleLangStays(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, plannertest.Ann, "周二 对接4家企业")
	for _, line := range []string{"week", "done 1", "help", "tue visit 2 enterprises", "dnoe 1"} {
		if r := handle(t, h, plannertest.Ann, line); r.Lang != planner.Chinese {
			t.Errorf("%q answered in %q, want zh", line, r.Lang)
		}
	}
	members, err := dbOf(h).Members(t.Context(), "T1")
	if err != nil || len(members) != 1 || members[0].Lang != planner.Chinese {
		t.Fatalf("members %+v, %v; want Ann stored with zh", members, err)
	}
	mustHandle(t, h, plannertest.Ann, "lang en")
	if r := mustHandle(t, h, plannertest.Ann, "周三 拜访2家企业"); r.Lang != planner.English {
		t.Errorf("after lang en a Chinese line is answered in %q, want en", r.Lang)
	}
	if r := mustHandle(t, h, plannertest.Ann, "week"); r.Lang != planner.English {
		t.Errorf("after lang en, week is answered in %q, want en", r.Lang)
	}
	// A refused Chinese line stores nothing, not even the language.
	handle(t, h, plannertest.Bob, "周八 拜访")
	handle(t, h, plannertest.Bob, "完戍 1")
	if r := mustHandle(t, h, plannertest.Bob, "week"); r.Lang != planner.English {
		t.Errorf("after refused Chinese lines, week is answered in %q, want en", r.Lang)
	}
}
