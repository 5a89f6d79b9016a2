package planner_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"planbot/planner"
	"planbot/storage"
)

// The Service's use cases with a real store (serviceOnDisk: team T1, member
// U1, Monday 2025-11-17 09:00 in Shanghai), beyond what the grammar's store
// tests cover: whose items are whose, who may change what, the team's
// settings, and the week's board.

var (
	owner = planner.Actor{TeamID: "T1", UserID: "U1", UserName: "U1"}
	other = planner.Actor{TeamID: "T1", UserID: "U2", UserName: "U2"}
	admin = planner.Actor{TeamID: "T1", UserID: "U3", UserName: "U3", Admin: true}
)

// withMembers joins other and admin to team T1 too.
func withMembers(t *testing.T, svc *planner.Service) {
	t.Helper()
	for _, a := range []planner.Actor{other, admin} {
		if _, _, err := svc.Join(t.Context(), a); err != nil {
			t.Fatal(err)
		}
	}
}

// mustAdd adds one line for a and returns its only item.
func mustAdd(t *testing.T, svc *planner.Service, a planner.Actor, line string) planner.Item {
	t.Helper()
	items, _, err := svc.Add(t.Context(), a, line)
	if err != nil || len(items) != 1 {
		t.Fatalf("add %q: %v, %v", line, items, err)
	}
	return items[0]
}

// wantError fails unless err is a planner error with code and reason.
func wantError(t *testing.T, what string, err error, code planner.Code, reason planner.Reason) {
	t.Helper()
	var e *planner.Error
	if !errors.As(err, &e) || e.Code != code || e.Reason != reason {
		t.Errorf("%s: %v, want %s %s", what, err, code, reason)
	}
}

// allItems lists every item of team T1 around the clock's year.
func allItems(t *testing.T, db *storage.DB) []planner.Item {
	t.Helper()
	items, err := db.ItemsStarting(t.Context(), "T1", "", planner.Date{Year: 2025, Month: 1, Day: 1}, planner.Date{Year: 2026, Month: 12, Day: 31})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// Add stores the line's items for the actor who wrote them, planned, with an
// "add" in their history by that actor; a line of which one part is refused
// stores none of it.
func TestServiceAddIsTheActors(t *testing.T) {
	svc, db := serviceOnDisk(t)
	withMembers(t, svc)
	items, _, err := svc.Add(t.Context(), other, "周二 拜访企业；周三 开会")
	if err != nil || len(items) != 2 {
		t.Fatalf("add: %v, %v", items, err)
	}
	w, err := svc.Week("")
	if err != nil {
		t.Fatal(err)
	}
	for _, who := range []struct {
		actor planner.Actor
		want  int
	}{{other, 2}, {owner, 0}} {
		got, err := svc.ItemsOf(t.Context(), "T1", who.actor.UserID, w)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != who.want {
			t.Errorf("%s has %d items, want %d", who.actor.UserID, len(got), who.want)
		}
	}
	for _, it := range items {
		if it.UserID != other.UserID || it.TeamID != "T1" || it.Status != planner.StatusPlanned || !it.CreatedAt.Equal(svc.Clock()) {
			t.Errorf("stored %+v, want U2's planned item created now", it)
		}
		_, changes, err := svc.History(t.Context(), other, it.ID)
		if err != nil || len(changes) != 1 || changes[0].Action != "add" || changes[0].By != other.UserID {
			t.Errorf("history of %d: %+v, %v; want one add by U2", it.ID, changes, err)
		}
	}
	refused, _, err := svc.Add(t.Context(), owner, "周四 拜访企业；周八 开会")
	wantError(t, "a line with a bad part", err, planner.Invalid, planner.ReasonBadWeekday)
	if len(refused) != 0 {
		t.Errorf("a line with a bad part returned %v", refused)
	}
	if got := allItems(t, db); len(got) != 2 {
		t.Errorf("stored %d items after a refused line, want the 2 added before", len(got))
	}
}

// change is one of the Service's ways to change an item.
type change struct {
	name   string
	apply  func(context.Context, *planner.Service, planner.Actor, int64) (planner.Item, error)
	action string // the history line it records
}

var changes = []change{
	{"done", func(ctx context.Context, s *planner.Service, a planner.Actor, id int64) (planner.Item, error) {
		return s.Done(ctx, a, id, "signed")
	}, "done"},
	{"cancel", func(ctx context.Context, s *planner.Service, a planner.Actor, id int64) (planner.Item, error) {
		return s.Cancel(ctx, a, id, "client ill")
	}, "cancel"},
	{"move", func(ctx context.Context, s *planner.Service, a planner.Actor, id int64) (planner.Item, error) {
		return s.Move(ctx, a, id, "周五")
	}, "move"},
	{"edit", func(ctx context.Context, s *planner.Service, a planner.Actor, id int64) (planner.Item, error) {
		return s.Edit(ctx, a, id, "周四 开会")
	}, "edit"},
}

// Someone else's item is refused (Forbidden, not yours) and left as it was;
// an admin may change it, and the history says the admin did.
func TestServiceChangeWhoseItem(t *testing.T) {
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			svc, db := serviceOnDisk(t)
			withMembers(t, svc)
			it := mustAdd(t, svc, owner, "周三 拜访企业")
			_, err := c.apply(t.Context(), svc, other, it.ID)
			wantError(t, "by another member", err, planner.Forbidden, planner.ReasonNotYours)
			if got := allItems(t, db); len(got) != 1 || got[0].Status != it.Status || got[0].Start != it.Start || got[0].Title != it.Title {
				t.Errorf("after a refused %s: %+v, want %+v unchanged", c.name, got, it)
			}
			changed, err := c.apply(t.Context(), svc, admin, it.ID)
			if err != nil {
				t.Fatalf("by an admin: %v", err)
			}
			if changed.UserID != owner.UserID {
				t.Errorf("an admin's %s made the item %s's, want it still U1's", c.name, changed.UserID)
			}
			_, history, err := svc.History(t.Context(), owner, it.ID)
			if err != nil {
				t.Fatal(err)
			}
			if last := history[len(history)-1]; len(history) != 2 || last.Action != c.action || last.By != admin.UserID {
				t.Errorf("history %+v, want the add then a %s by U3", history, c.action)
			}
		})
	}
}

// A cancelled item can be neither done, cancelled, moved nor edited; a done
// one can be moved and edited but not cancelled.
func TestServiceChangeByStatus(t *testing.T) {
	for _, status := range []struct {
		name   string
		make   func(context.Context, *planner.Service, planner.Actor, int64) (planner.Item, error)
		refuse map[string]planner.Reason // by change name; absent: allowed
	}{
		{"cancelled", changes[1].apply, map[string]planner.Reason{
			"done": planner.ReasonCancelled, "cancel": planner.ReasonCancelled,
			"move": planner.ReasonCancelled, "edit": planner.ReasonCancelled}},
		{"done", changes[0].apply, map[string]planner.Reason{"cancel": planner.ReasonAlreadyDone}},
	} {
		for _, c := range changes {
			t.Run(status.name+" then "+c.name, func(t *testing.T) {
				svc, db := serviceOnDisk(t)
				it := mustAdd(t, svc, owner, "周三 拜访企业")
				before, err := status.make(t.Context(), svc, owner, it.ID)
				if err != nil {
					t.Fatal(err)
				}
				_, err = c.apply(t.Context(), svc, owner, it.ID)
				reason, refused := status.refuse[c.name]
				if !refused {
					if err != nil {
						t.Errorf("%s of a %s item: %v, want it allowed", c.name, status.name, err)
					}
					return
				}
				wantError(t, c.name, err, planner.Conflict, reason)
				if got := allItems(t, db); got[0].Status != before.Status || got[0].Outcome != before.Outcome || got[0].Start != before.Start {
					t.Errorf("a refused %s changed the item: %+v, was %+v", c.name, got[0], before)
				}
			})
		}
	}
}

// Changeable refuses, before anything changes, someone else's item (unless
// an admin asks), a cancelled one, and a done one when cancelling.
func TestServiceChangeable(t *testing.T) {
	svc, _ := serviceOnDisk(t)
	withMembers(t, svc)
	planned := mustAdd(t, svc, owner, "周二 拜访企业")
	done := mustAdd(t, svc, owner, "周三 拜访企业")
	cancelled := mustAdd(t, svc, owner, "周四 拜访企业")
	if _, err := svc.Done(t.Context(), owner, done.ID, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Cancel(t.Context(), owner, cancelled.ID, ""); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		actor      planner.Actor
		ids        []int64
		cancelling bool
		code       planner.Code // "" when allowed
		reason     planner.Reason
	}{
		{"one's own", owner, []int64{planned.ID, done.ID}, false, "", ""},
		{"someone else's", other, []int64{planned.ID}, false, planner.Forbidden, planner.ReasonNotYours},
		{"an admin", admin, []int64{planned.ID, done.ID}, false, "", ""},
		{"a cancelled one", owner, []int64{planned.ID, cancelled.ID}, false, planner.Conflict, planner.ReasonCancelled},
		{"a done one, cancelling", owner, []int64{planned.ID, done.ID}, true, planner.Conflict, planner.ReasonAlreadyDone},
		{"a planned one, cancelling", owner, []int64{planned.ID}, true, "", ""},
		{"no such item", owner, []int64{999}, false, planner.NotFound, planner.ReasonNoItem},
	} {
		t.Run(tc.name, func(t *testing.T) {
			items, err := svc.Changeable(t.Context(), tc.actor, tc.ids, tc.cancelling)
			if tc.code != "" {
				wantError(t, tc.name, err, tc.code, tc.reason)
				if items != nil {
					t.Errorf("refused, yet returned %v", items)
				}
				return
			}
			if err != nil || len(items) != len(tc.ids) {
				t.Fatalf("%v, %v; want %d items", items, err, len(tc.ids))
			}
			for i, it := range items {
				if it.ID != tc.ids[i] {
					t.Errorf("item %d is %d, want %d", i, it.ID, tc.ids[i])
				}
			}
		})
	}
}

// Forget is for admins only; it erases the member's items and leaves the
// others'.
func TestServiceForget(t *testing.T) {
	svc, db := serviceOnDisk(t)
	withMembers(t, svc)
	mustAdd(t, svc, other, "周二 拜访企业")
	mustAdd(t, svc, other, "周三 开会")
	kept := mustAdd(t, svc, owner, "周三 拜访企业")
	_, err := svc.Forget(t.Context(), owner, other.UserID)
	wantError(t, "a member forgetting another", err, planner.Forbidden, planner.ReasonNotAdmin)
	if got := allItems(t, db); len(got) != 3 {
		t.Fatalf("a refused forget left %d items, want 3", len(got))
	}
	n, err := svc.Forget(t.Context(), admin, other.UserID)
	if err != nil || n != 2 {
		t.Fatalf("forget: %d, %v; want 2 items erased", n, err)
	}
	if got := allItems(t, db); len(got) != 1 || got[0].ID != kept.ID {
		t.Errorf("left %+v, want only U1's item %d", got, kept.ID)
	}
	members, err := svc.Members(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if m.UserID == other.UserID {
			t.Errorf("U2 is still a member")
		}
	}
	for _, who := range []string{"", other.UserID} {
		_, err := svc.Forget(t.Context(), admin, who)
		wantError(t, "forget "+who, err, planner.NotFound, planner.ReasonNoMember)
	}
}

// The team's settings are for admins; a bad zone is refused; what is set is
// what the store then has, and a refused setting changes nothing.
func TestServiceTeamSettings(t *testing.T) {
	for _, tc := range []struct {
		name   string
		set    func(context.Context, *planner.Service, planner.Actor) (planner.Team, error)
		want   func(planner.Team) bool // whether the store has the setting
		reason planner.Reason          // refused even for an admin, or ""
	}{
		{"zone", func(ctx context.Context, s *planner.Service, a planner.Actor) (planner.Team, error) {
			return s.SetTeamZone(ctx, a, "Europe/Berlin")
		}, func(t planner.Team) bool { return t.TZ == "Europe/Berlin" }, ""},
		{"a zone that is none", func(ctx context.Context, s *planner.Service, a planner.Actor) (planner.Team, error) {
			return s.SetTeamZone(ctx, a, "Mars/Olympus")
		}, func(t planner.Team) bool { return t.TZ == "Mars/Olympus" }, planner.ReasonBadZone},
		{"the server's local zone", func(ctx context.Context, s *planner.Service, a planner.Actor) (planner.Team, error) {
			return s.SetTeamZone(ctx, a, "Local")
		}, func(t planner.Team) bool { return t.TZ == "Local" }, planner.ReasonBadZone},
		{"language", func(ctx context.Context, s *planner.Service, a planner.Actor) (planner.Team, error) {
			return s.SetTeamLang(ctx, a, planner.English)
		}, func(t planner.Team) bool { return t.Lang == planner.English }, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _ := serviceOnDisk(t)
			check := func(who string, want bool) {
				t.Helper()
				team, err := svc.Team(t.Context(), "T1")
				if err != nil {
					t.Fatal(err)
				}
				if tc.want(team) != want {
					t.Errorf("after %s's call the store has %+v; setting stored %v, want %v", who, team, !want, want)
				}
			}
			_, err := tc.set(t.Context(), svc, owner)
			if tc.reason == "" {
				wantError(t, "by a member", err, planner.Forbidden, planner.ReasonNotAdmin)
			}
			check("a member", false)
			_, err = tc.set(t.Context(), svc, admin)
			if tc.reason != "" {
				wantError(t, "by an admin", err, planner.Invalid, tc.reason)
				check("an admin", false)
				return
			}
			if err != nil {
				t.Fatalf("by an admin: %v", err)
			}
			check("an admin", true)
		})
	}
}

// SchedulesOf gives every job its default until an admin sets it; a member
// may not.
func TestServiceSchedules(t *testing.T) {
	svc, _ := serviceOnDisk(t)
	set := planner.Schedule{Job: planner.JobRetro, Weekday: time.Friday, Hour: 16, Minute: 30}
	err := svc.SetSchedule(t.Context(), owner, set)
	wantError(t, "a member setting a schedule", err, planner.Forbidden, planner.ReasonNotAdmin)
	got, err := svc.SchedulesOf(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	for _, j := range planner.Jobs {
		if got[j] != planner.DefaultSchedule(j) {
			t.Errorf("%s before any is set: %+v, want the default", j, got[j])
		}
	}
	if err := svc.SetSchedule(t.Context(), admin, set); err != nil {
		t.Fatal(err)
	}
	if got, err = svc.SchedulesOf(t.Context(), "T1"); err != nil {
		t.Fatal(err)
	}
	if got[planner.JobRetro] != set || got[planner.JobPlan] != planner.DefaultSchedule(planner.JobPlan) || got[planner.JobLog] != planner.DefaultSchedule(planner.JobLog) {
		t.Errorf("schedules %+v, want the retrospective set and the reminders' defaults", got)
	}
}

// A member's own settings: reminders off (and on again) and the reply language.
func TestServiceMemberSettings(t *testing.T) {
	svc, _ := serviceOnDisk(t)
	withMembers(t, svc)
	member := func() planner.Member {
		t.Helper()
		members, err := svc.Members(t.Context(), "T1")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			if m.UserID == owner.UserID {
				return m
			}
		}
		t.Fatalf("U1 is not a member")
		return planner.Member{}
	}
	for _, off := range []bool{true, false} {
		if err := svc.SetRemindOff(t.Context(), owner, off); err != nil {
			t.Fatal(err)
		}
		if got := member().RemindOff; got != off {
			t.Errorf("reminders off %v after setting %v", got, off)
		}
	}
	for _, lang := range []planner.Lang{planner.English, planner.Chinese} {
		if err := svc.SetLang(t.Context(), owner, lang); err != nil {
			t.Fatal(err)
		}
		if got := member().Lang; got != lang {
			t.Errorf("language %q after setting %q", got, lang)
		}
	}
	members, err := svc.Members(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		if m.UserID != owner.UserID && (m.RemindOff || m.Lang != "") {
			t.Errorf("%s's settings changed too: %+v", m.UserID, m)
		}
	}
}

// The board of a week holds the items that start in it and those that
// started before it and run into it, but not those that ended before it.
func TestServiceBoardItems(t *testing.T) {
	svc, _ := serviceOnDisk(t)
	into := mustAdd(t, svc, owner, "11月14日至11月18日 出差北京")
	before := mustAdd(t, svc, owner, "11月10日至11月14日 出差上海")
	in := mustAdd(t, svc, owner, "周四 拜访企业")
	team, err := svc.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	w := planner.WeekOf(svc.Today())
	board, err := svc.Board(t.Context(), team, w)
	if err != nil {
		t.Fatal(err)
	}
	on := map[int64]bool{}
	for _, it := range board.Items {
		on[it.ID] = true
	}
	if !on[into.ID] || !on[in.ID] || on[before.ID] || len(board.Items) != 2 {
		t.Errorf("board of %s has %+v; want %d (run into it) and %d, not %d (ended before it)", w, board.Items, into.ID, in.ID, before.ID)
	}
	if board.Week != w || board.Team.ID != "T1" || len(board.Members) != 1 {
		t.Errorf("board of %s for %s with %d members", board.Week, board.Team.ID, len(board.Members))
	}
}

// A past week's board shows the pipeline as that week ended: a contact after
// it is not its last; the current week's shows it as of today.
func TestServiceBoardPipeline(t *testing.T) {
	svc, _ := serviceOnDisk(t)
	monday := svc.Now
	svc.Now = func() time.Time { return monday().AddDate(0, 0, -7) } // added last week: on last week's board
	if _, err := svc.Lead(t.Context(), owner, "常诚车业 在谈"); err != nil {
		t.Fatal(err)
	}
	svc.Now = monday
	earlier := mustAdd(t, svc, owner, "11月12日 拜访常诚车业")
	today := mustAdd(t, svc, owner, "今天 拜访常诚车业")
	for _, it := range []planner.Item{earlier, today} {
		if len(it.Companies) != 1 {
			t.Fatalf("item %q is linked to %v, want the company", it.Title, it.Companies)
		}
		if _, err := svc.Done(t.Context(), owner, it.ID, ""); err != nil {
			t.Fatal(err)
		}
	}
	team, err := svc.Team(t.Context(), "T1")
	if err != nil {
		t.Fatal(err)
	}
	this := planner.WeekOf(svc.Today())
	for _, tc := range []struct {
		name string
		week planner.Week
		last planner.Date
	}{
		{"last week", this.Prev(), earlier.Start},
		{"this week", this, today.Start},
	} {
		t.Run(tc.name, func(t *testing.T) {
			board, err := svc.Board(t.Context(), team, tc.week)
			if err != nil {
				t.Fatal(err)
			}
			if len(board.Pipeline) != 1 || board.Pipeline[0].LastContact != tc.last {
				t.Errorf("pipeline %+v, want 常诚车业 last met %s", board.Pipeline, tc.last)
			}
		})
	}
}
