package bot

import (
	"reflect"
	"slices"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

func TestParseForget(t *testing.T) {
	const en, zh = planner.English, planner.Chinese
	tests := []struct {
		line string
		want Command
	}{
		{"Forget U2", Command{Verb: VerbForget, Args: "U2", Lang: en}},
		{"forget W0123ABC", Command{Verb: VerbForget, Args: "W0123ABC", Lang: en}},
		{"forget @bob", Command{Verb: VerbForget, Args: "@bob", Lang: en}},
		{"忘记 U2", Command{Verb: VerbForget, Args: "U2", Lang: zh}},
		{"忘记@王芳", Command{Verb: VerbForget, Args: "@王芳", Lang: zh}},
		{"删除成员 U2", Command{Verb: VerbForget, Args: "U2", Lang: zh}},
		// Anything else is an item, as for every verb whose arguments do not fit.
		{"forget", Command{Verb: VerbAdd, Args: "forget", Lang: ""}},
		{"forget milk tomorrow", Command{Verb: VerbAdd, Args: "forget milk tomorrow", Lang: ""}},
		{"forget u2", Command{Verb: VerbForget, Args: "u2", Lang: en}}, // one word is a member id as the platform gave it: refused if none is
		{"forget U2 U3", Command{Verb: VerbAdd, Args: "forget U2 U3", Lang: ""}},
		{"忘记带材料", Command{Verb: VerbAdd, Args: "忘记带材料", Lang: ""}},
		// 删除 alone is still cancel.
		{"删除 3", Command{Verb: VerbCancel, Args: "3", Lang: zh}},
	}
	for _, tt := range tests {
		if got := ParseCommand(tt.line); !sameLine(got, tt.want) {
			t.Errorf("ParseCommand(%q) = %+v, want %+v", tt.line, got, tt.want)
		}
	}
	if !ParseCommand("forget U2").AdminOnly() {
		t.Error("forget is not AdminOnly")
	}
}

// seedForget gives Ann (U1) two items and a note, Bob (U2) one item, and Eve
// (U1 of team T2) one item; Fay (U5) is a member of team T2 only.
func seedForget(t *testing.T, h *Handler) {
	t.Helper()
	mustHandle(t, h, planner.Actor{TeamID: "T2", TeamName: "招商二组", UserID: "U5", UserName: "Fay"}, "week")
	seedAnn(t, h)
	mustHandle(t, h, plannertest.Ann, "note two companies want a second visit")
	mustHandle(t, h, plannertest.Bob, "wed meet a fund company")
	mustHandle(t, h, plannertest.Eve, "wed visit 2 enterprises")
	mustHandle(t, h, plannertest.Boss, "done 1 2 of 4 interested") // a change by the admin to Ann's item
}

// checkNoMention fails the test if a reply, as the console shows it, could
// ping anyone (bot/slack's TestForgetSlackNoMention checks Slack's rendering).
func checkNoMention(t *testing.T, r Reply) {
	t.Helper()
	if text := RenderText(r); strings.Contains(text, "<@") {
		t.Errorf("text has a live mention:\n%s", text)
	}
}

func TestHandleForget(t *testing.T) {
	tests := []struct {
		line  string
		actor planner.Actor
		user  string
		name  string // as the team knew them: the reply names them so
		items int
		lang  planner.Lang
		text  string // in the reply's text
	}{
		{"forget U1", plannertest.Boss, "U1", "Ann", 2, planner.English, "Forgot member Ann for good: 2 items erased"},
		{"忘记 U1", plannertest.Boss, "U1", "Ann", 2, planner.Chinese, "已永久删除成员 Ann：删除事项 2 项"},
		{"删除成员 U2", plannertest.Boss, "U2", "Bob", 1, planner.Chinese, "已永久删除成员 Bob：删除事项 1 项"},
		{"forget U9", plannertest.Boss, "U9", "Boss", 0, planner.English, "0 items erased"}, // an admin may forget themself
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			seedForget(t, h)
			before := teamItems(t, h, "T1")
			eveBefore := teamItems(t, h, "T2")

			r := mustHandle(t, h, tt.actor, tt.line)
			if want := (Forgotten{UserID: tt.user, Name: tt.name, Items: tt.items}); r.Body != want || r.Lang != tt.lang {
				t.Fatalf("reply %+v, want %+v in %s", r, want, tt.lang)
			}
			if text := RenderText(r); !strings.Contains(text, tt.text) {
				t.Errorf("RenderText =\n%s\nwant it to contain %q", text, tt.text)
			}
			checkNoMention(t, r)

			var want []planner.Item
			for _, it := range before {
				if it.UserID != tt.user {
					want = append(want, it)
				}
			}
			if got := teamItems(t, h, "T1"); !slices.EqualFunc(got, want, func(a, b planner.Item) bool { return a.ID == b.ID && a.Title == b.Title }) {
				t.Errorf("team T1 items after forget %v: %+v, want %+v", tt.user, got, want)
			}
			if got := teamItems(t, h, "T2"); !reflect.DeepEqual(got, eveBefore) {
				t.Errorf("team T2 items changed: %+v, want %+v", got, eveBefore)
			}
			members, err := dbOf(h).Members(t.Context(), "T1")
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range members {
				if m.UserID == tt.user {
					t.Errorf("member %s is still stored: %+v", tt.user, m)
				}
			}
			notes, err := dbOf(h).Notes(t.Context(), "T1", plannertest.W47)
			if err != nil {
				t.Fatal(err)
			}
			if _, ok := notes[tt.user]; ok {
				t.Errorf("note of %s is still stored", tt.user)
			}
		})
	}
}

func TestHandleForgetRefused(t *testing.T) {
	tests := []struct {
		name   string
		actor  planner.Actor
		line   string
		code   planner.Code
		reason planner.Reason
		detail string
	}{
		{"not an admin", plannertest.Bob, "forget U1", planner.Forbidden, planner.ReasonNotAdmin, ""},
		{"not an admin, themself", plannertest.Bob, "forget U2", planner.Forbidden, planner.ReasonNotAdmin, ""},
		{"not an admin, unknown member", plannertest.Bob, "forget U7", planner.Forbidden, planner.ReasonNotAdmin, ""},
		{"unknown member", plannertest.Boss, "forget U7", planner.NotFound, planner.ReasonNoMember, "U7"},
		{"member of another team only", plannertest.Boss, "forget U5", planner.NotFound, planner.ReasonNoMember, "U5"},
		{"a name Slack did not turn into a mention", plannertest.Boss, "forget @ann", planner.NotFound, planner.ReasonNoMember, "@ann"},
		{"unknown member, chinese", plannertest.Boss, "忘记 U7", planner.NotFound, planner.ReasonNoMember, "U7"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			seedForget(t, h)
			before := takeSnapshot(t, h)
			r := handle(t, h, tt.actor, tt.line)
			e := failure(t, r)
			if e.Code != tt.code || e.Reason != tt.reason || e.Detail != tt.detail {
				t.Errorf("error %+v, want %s %s %q", e, tt.code, tt.reason, tt.detail)
			}
			checkNoMention(t, r)
			if text := RenderText(r); strings.Contains(text, "%!") {
				t.Errorf("RenderText =\n%s", text)
			}
			if after := takeSnapshot(t, h); !reflect.DeepEqual(before, after) {
				t.Errorf("a refused forget changed the team:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// After a forget, new items never take an erased id, and the forgotten member
// who comes back starts with nothing.
func TestHandleForgetThenAdd(t *testing.T) {
	h := newHandler(t)
	seedForget(t, h) // Ann #1, #2; Bob #3
	mustHandle(t, h, plannertest.Boss, "forget U2")
	r := mustHandle(t, h, plannertest.Ann, "fri visit 2 enterprises")
	if got := r.Body.(Added).Items[0].ID; got != 4 {
		t.Errorf("new item id %d, want 4 (Bob's #3 is not given again)", got)
	}
	r = mustHandle(t, h, plannertest.Bob, "week")
	if v := r.Body.(WeekView); len(v.Items) != 0 {
		t.Errorf("Bob's week after coming back: %+v, want empty", v.Items)
	}
}
