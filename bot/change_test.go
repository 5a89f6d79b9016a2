package bot

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// changedAt is the fixed clock in UTC, as changes are stored.
var changedAt = time.Date(2025, 11, 17, 1, 0, 0, 0, time.UTC)

// seedAnn adds Ann's #1 (a one-day visit) and #2 (a two-day trip).
func seedAnn(t *testing.T, h *Handler) {
	t.Helper()
	mustHandle(t, h, plannertest.Ann, "tue visit 4 enterprises")
	mustHandle(t, h, plannertest.Ann, "thu-fri trip to Beijing")
}

// wantItem is what a change should leave an item as.
type wantItem struct {
	start, end string
	kind       planner.Kind
	count      int
	place      string
	title      string
	status     planner.Status
	outcome    string
}

func checkItem(t *testing.T, got planner.Item, w wantItem) {
	t.Helper()
	if got.Start != plannertest.Day(t, w.start) || got.End != plannertest.Day(t, w.end) || got.Kind != w.kind || got.Count != w.count ||
		got.Place != w.place || got.Title != w.title || got.Status != w.status || got.Outcome != w.outcome {
		t.Errorf("item = %s..%s %s ×%d %q %q %s %q\nwant   %s..%s %s ×%d %q %q %s %q",
			got.Start, got.End, got.Kind, got.Count, got.Place, got.Title, got.Status, got.Outcome,
			w.start, w.end, w.kind, w.count, w.place, w.title, w.status, w.outcome)
	}
}

var (
	visit1 = wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusPlanned, ""}
	trip2  = wantItem{"2025-11-20", "2025-11-21", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.StatusPlanned, ""}
)

func TestHandleChange(t *testing.T) {
	tests := []struct {
		line   string
		id     int64
		verb   Verb
		want   wantItem
		action string
		detail string
	}{
		{"done 1 2 of 4 interested", 1, VerbDone,
			wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusDone, "2 of 4 interested"},
			"done", "2 of 4 interested"},
		{"完成#1 两家有意向", 1, VerbDone,
			wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusDone, "两家有意向"},
			"done", "两家有意向"},
		{"cancel 2 client postponed", 2, VerbCancel,
			wantItem{"2025-11-20", "2025-11-21", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.StatusCancelled, "client postponed"},
			"cancel", "client postponed"},
		{"取消 1", 1, VerbCancel,
			wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusCancelled, ""},
			"cancel", ""},
		{"move 2 next mon", 2, VerbMove,
			wantItem{"2025-11-24", "2025-11-25", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.StatusPlanned, ""},
			"move", "2025-11-20..2025-11-21 → 2025-11-24..2025-11-25"},
		{"改期 1 下周三", 1, VerbMove,
			wantItem{"2025-11-26", "2025-11-26", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusPlanned, ""},
			"move", "2025-11-18 → 2025-11-26"},
		{"move 1 thu-fri", 1, VerbMove,
			wantItem{"2025-11-20", "2025-11-21", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusPlanned, ""},
			"move", "2025-11-18 → 2025-11-20..2025-11-21"},
		{"edit 1 fri visit 5 enterprises", 1, VerbEdit,
			wantItem{"2025-11-21", "2025-11-21", planner.KindVisit, 5, "", "visit 5 enterprises", planner.StatusPlanned, ""},
			"edit", "2025-11-18 visit 4 enterprises → 2025-11-21 visit 5 enterprises"},
		{"edit 2 trip to Shanghai", 2, VerbEdit,
			wantItem{"2025-11-20", "2025-11-21", planner.KindTrip, 1, "Shanghai", "trip to Shanghai", planner.StatusPlanned, ""},
			"edit", "2025-11-20..2025-11-21 trip to Beijing → 2025-11-20..2025-11-21 trip to Shanghai"},
		{"修改 1 周五 拜访", 1, VerbEdit,
			wantItem{"2025-11-21", "2025-11-21", planner.KindVisit, 1, "", "拜访", planner.StatusPlanned, ""},
			"edit", "2025-11-18 visit 4 enterprises → 2025-11-21 拜访"},

		// An edit with nothing but a when is a move.
		{"edit 1 fri", 1, VerbEdit,
			wantItem{"2025-11-21", "2025-11-21", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusPlanned, ""},
			"move", "2025-11-18 → 2025-11-21"},
		{"修改 2 下周一", 2, VerbEdit,
			wantItem{"2025-11-24", "2025-11-25", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.StatusPlanned, ""},
			"move", "2025-11-20..2025-11-21 → 2025-11-24..2025-11-25"},
		{"edit 2 sat-sun", 2, VerbEdit,
			wantItem{"2025-11-22", "2025-11-23", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.StatusPlanned, ""},
			"move", "2025-11-20..2025-11-21 → 2025-11-22..2025-11-23"},

		// Synonyms, and the ideographic space.
		{"finished 1 2 of 4 interested", 1, VerbDone,
			wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusDone, "2 of 4 interested"},
			"done", "2 of 4 interested"},
		{"搞定 1", 1, VerbDone,
			wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusDone, ""},
			"done", ""},
		{"完成\u30001\u3000两家有意向", 1, VerbDone,
			wantItem{"2025-11-18", "2025-11-18", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusDone, "两家有意向"},
			"done", "两家有意向"},
		{"删除 2 客户改期", 2, VerbCancel,
			wantItem{"2025-11-20", "2025-11-21", planner.KindTrip, 1, "Beijing", "trip to Beijing", planner.StatusCancelled, "客户改期"},
			"cancel", "客户改期"},
		{"postpone 1 next mon", 1, VerbMove,
			wantItem{"2025-11-24", "2025-11-24", planner.KindVisit, 4, "", "visit 4 enterprises", planner.StatusPlanned, ""},
			"move", "2025-11-18 → 2025-11-24"},
		{"编辑 1 fri visit 5 enterprises", 1, VerbEdit,
			wantItem{"2025-11-21", "2025-11-21", planner.KindVisit, 5, "", "visit 5 enterprises", planner.StatusPlanned, ""},
			"edit", "2025-11-18 visit 4 enterprises → 2025-11-21 visit 5 enterprises"},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			seedAnn(t, h)
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			c, ok := r.Body.(Changed)
			if !ok || c.Verb != tt.verb {
				t.Fatalf("reply %T %+v, want Changed by %s", r.Body, r.Body, tt.verb)
			}
			checkItem(t, c.Item, tt.want)
			it, changes := history(t, h, "T1", tt.id)
			if !reflect.DeepEqual(it, c.Item) {
				t.Errorf("stored %+v\nreplied %+v", it, c.Item)
			}
			if len(changes) != 2 || changes[0].Action != "add" {
				t.Fatalf("history %+v, want add then %s", changes, tt.action)
			}
			want := planner.Change{TeamID: "T1", ItemID: tt.id, At: changedAt, By: "U1", Action: tt.action, Detail: tt.detail}
			if got := changes[1]; !got.At.Equal(want.At) || got.TeamID != want.TeamID || got.ItemID != want.ItemID ||
				got.By != want.By || got.Action != want.Action || got.Detail != want.Detail {
				t.Errorf("change %+v\nwant   %+v", got, want)
			}
			other := map[int64]wantItem{1: visit1, 2: trip2}[3-tt.id]
			o, _ := history(t, h, "T1", 3-tt.id)
			checkItem(t, o, other)
			if n := len(teamItems(t, h, "T1")); n != 2 {
				t.Errorf("team has %d items after a change, want 2", n)
			}
		})
	}
}

// Marking a done item done again changes nothing and says so, unless a new
// outcome is given: then the outcome is updated.
func TestHandleDoneAgain(t *testing.T) {
	for _, tt := range []struct {
		name    string
		setup   []string
		line    string
		outcome string
		changes int // add, then one per done that changed something
		already bool
		updated bool
	}{
		{"again without outcome", []string{"done 1 2 of 4 interested"}, "done 1", "2 of 4 interested", 2, true, false},
		{"again in chinese", []string{"完成 1 两家有意向"}, "搞定 1", "两家有意向", 2, true, false},
		{"again with a new outcome", []string{"done 1 2 of 4 interested"}, "done 1 3 of 4 interested", "3 of 4 interested", 3, false, true},
		{"twice without outcome", []string{"done 1 2 of 4 interested", "done 1"}, "finished 1", "2 of 4 interested", 2, true, false},
		{"first time without outcome", nil, "done 1", "", 2, false, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			seedAnn(t, h)
			for _, line := range tt.setup {
				mustHandle(t, h, plannertest.Ann, line)
			}
			r := mustHandle(t, h, plannertest.Ann, tt.line)
			c, ok := r.Body.(Changed)
			if !ok || c.Verb != VerbDone || c.Already != tt.already || c.Outcome != tt.updated {
				t.Fatalf("reply %T %+v, want Changed by done (already %v, outcome updated %v)", r.Body, r.Body, tt.already, tt.updated)
			}
			want := visit1
			want.status, want.outcome = planner.StatusDone, tt.outcome
			checkItem(t, c.Item, want)
			it, changes := history(t, h, "T1", 1)
			checkItem(t, it, want)
			if len(changes) != tt.changes || changes[len(changes)-1].Action != "done" {
				t.Errorf("history %+v, want %d changes ending in done", changes, tt.changes)
			}
		})
	}
}

func TestHandleChangeConflicts(t *testing.T) {
	tests := []struct {
		name   string
		setup  []string
		line   string
		code   planner.Code
		reason planner.Reason
	}{
		{"cancel a done item", []string{"done 1"}, "cancel 1", planner.Conflict, planner.ReasonAlreadyDone},
		{"done a cancelled item", []string{"cancel 1"}, "done 1 went anyway", planner.Conflict, planner.ReasonCancelled},
		{"cancel a cancelled item", []string{"cancel 1"}, "取消 1", planner.Conflict, planner.ReasonCancelled},
		{"move a cancelled item", []string{"cancel 1"}, "move 1 fri", planner.Conflict, planner.ReasonCancelled},
		{"edit a cancelled item", []string{"cancel 1"}, "edit 1 fri visit 5 enterprises", planner.Conflict, planner.ReasonCancelled},
		{"done an item of no one", nil, "done 3", planner.NotFound, planner.ReasonNoItem},
		{"move an item of no one", nil, "move 3 fri", planner.NotFound, planner.ReasonNoItem},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			seedAnn(t, h)
			for _, line := range tt.setup {
				mustHandle(t, h, plannertest.Ann, line)
			}
			before := takeSnapshot(t, h)
			e := failure(t, handle(t, h, plannertest.Ann, tt.line))
			if e.Code != tt.code || e.Reason != tt.reason {
				t.Errorf("error %s/%s, want %s/%s", e.Code, e.Reason, tt.code, tt.reason)
			}
			if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
				t.Errorf("a failure changed the store:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}

// Only an item's owner and the team's admins may change it, and only from its team.
func TestHandleChangeAuthorization(t *testing.T) {
	for _, line := range []string{"done 1 great", "cancel 1 no time", "move 1 fri", "edit 1 fri visit 5 enterprises"} {
		t.Run(line, func(t *testing.T) {
			for _, tt := range []struct {
				name   string
				actor  planner.Actor
				code   planner.Code // "" for success
				reason planner.Reason
			}{
				{"another member", plannertest.Bob, planner.Forbidden, planner.ReasonNotYours},
				{"another team", plannertest.Eve, planner.NotFound, planner.ReasonNoItem},
				{"an admin", plannertest.Boss, "", ""},
			} {
				t.Run(tt.name, func(t *testing.T) {
					h := newHandler(t)
					seedAnn(t, h)
					mustHandle(t, h, tt.actor, "week") // joins the team
					before := takeSnapshot(t, h)
					r := handle(t, h, tt.actor, line)
					if tt.code != "" {
						e := failure(t, r)
						if e.Code != tt.code || e.Reason != tt.reason || e.Detail != "1" {
							t.Errorf("error %s/%s %q, want %s/%s \"1\"", e.Code, e.Reason, e.Detail, tt.code, tt.reason)
						}
						if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
							t.Errorf("%s changed Ann's item:\nbefore %+v\nafter  %+v", tt.name, before, after)
						}
						return
					}
					c, ok := r.Body.(Changed)
					if !ok {
						t.Fatalf("reply %T %+v, want Changed", r.Body, r.Body)
					}
					it, changes := history(t, h, "T1", 1)
					if !reflect.DeepEqual(it, c.Item) || it.UserID != "U1" || reflect.DeepEqual(it, before.Items[0]) {
						t.Errorf("stored %+v, replied %+v; want Ann's item changed", it, c.Item)
					}
					if last := changes[len(changes)-1]; len(changes) != 2 || last.By != plannertest.Boss.UserID {
						t.Errorf("history %+v, want a change by %s", changes, plannertest.Boss.UserID)
					}
				})
			}
		})
	}
}

// Items are numbered per team, and nothing crosses from one team to another.
func TestHandleTeamIsolation(t *testing.T) {
	h := newHandler(t)
	seedAnn(t, h)
	mustHandle(t, h, plannertest.Ann, "done 1 2 of 4 interested")
	mustHandle(t, h, plannertest.Ann, "note great week")
	before := takeSnapshot(t, h)

	t.Run("done 1 of another team", func(t *testing.T) {
		e := failure(t, handle(t, h, plannertest.Eve, "done 1"))
		if e.Code != planner.NotFound || e.Reason != planner.ReasonNoItem {
			t.Errorf("error %s/%s, want not_found/no_item", e.Code, e.Reason)
		}
		if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
			t.Errorf("team T2 changed team T1:\nbefore %+v\nafter  %+v", before, after)
		}
	})
	for _, line := range []string{"week", "team", "本周", "团队"} {
		t.Run(line, func(t *testing.T) {
			r := mustHandle(t, h, plannertest.Eve, line)
			v, ok := r.Body.(WeekView)
			if !ok || len(v.Items) != 0 || v.TeamName != "招商二组" {
				t.Errorf("reply %T %+v, want an empty week of 招商二组", r.Body, r.Body)
			}
			if text := RenderText(r); strings.Contains(text, "#1") || strings.Contains(text, "Beijing") {
				t.Errorf("team T2 sees team T1's items:\n%s", text)
			}
		})
	}
	t.Run("export", func(t *testing.T) {
		r := mustHandle(t, h, plannertest.Eve, "export")
		if v, ok := r.Body.(ExportView); !ok || v.CSV != strings.Join(exportHeader, ",")+"\r\n" {
			t.Errorf("reply %T %+v, want a CSV of the header only", r.Body, r.Body)
		}
	})
	t.Run("digest", func(t *testing.T) {
		r := mustHandle(t, h, plannertest.Eve, "digest")
		v, ok := r.Body.(DigestView)
		if !ok || len(v.Digest.Members) != 0 || len(v.Digest.Silent) != 0 || len(v.Digest.Trips) != 0 || v.Digest.Completion() != 0 {
			t.Errorf("reply %T %+v, want an empty digest", r.Body, r.Body)
		}
	})
	t.Run("note", func(t *testing.T) {
		r := mustHandle(t, h, plannertest.Eve, "note")
		if v, ok := r.Body.(NoteView); !ok || v.Text != "" {
			t.Errorf("reply %T %+v, want no note", r.Body, r.Body)
		}
	})
	t.Run("own item 1", func(t *testing.T) {
		r := mustHandle(t, h, plannertest.Eve, "wed visit 2 companies")
		if b, ok := r.Body.(Added); !ok || len(b.Items) != 1 || b.Items[0].ID != 1 || b.Items[0].TeamID != "T2" {
			t.Fatalf("reply %T %+v, want Added T2's #1", r.Body, r.Body)
		}
		r = mustHandle(t, h, plannertest.Eve, "cancel 1")
		if c, ok := r.Body.(Changed); !ok || c.Item.TeamID != "T2" || c.Item.Status != planner.StatusCancelled {
			t.Errorf("reply %T %+v, want T2's #1 cancelled", r.Body, r.Body)
		}
		if after := takeSnapshot(t, h); !reflect.DeepEqual(after, before) {
			t.Errorf("team T2's #1 changed team T1:\nbefore %+v\nafter  %+v", before, after)
		}
	})
}
