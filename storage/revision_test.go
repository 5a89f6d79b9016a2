package storage

import (
	"path/filepath"
	"testing"
	"time"

	"planbot/planner"
)

// TestRevisions checks which changes raise a team's revision: any change to
// its items (added, done, erased), a member's name, the team's name; and
// that nothing else does (settings, languages, notes, companies), another
// team's changes included.
func TestRevisions(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T1", "U2", "Li Lei")
	mustMember(t, db, "T2", "U1", "Zoe")

	rev, other := revision(t, db, "T1"), revision(t, db, "T2")
	check := func(what string, grows bool) {
		t.Helper()
		now := revision(t, db, "T1")
		if (now > rev) != grows || now < rev {
			t.Errorf("%s: revision %d → %d, want it to grow: %v", what, rev, now, grows)
		}
		if nowOther := revision(t, db, "T2"); nowOther != other {
			t.Errorf("%s: another team's revision %d → %d", what, other, nowOther)
		}
		rev = now
	}

	added := mustAdd(t, db, "U1", newItem(t, "T1", "U1", "2025-11-18", "visit 4 enterprises"))
	check("an add", true)

	it := added[0]
	it.Status = planner.StatusDone
	if _, err := db.UpdateItem(ctx, it, planner.Change{By: "U1", Action: "done", At: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	check("a done", true)

	mustMember(t, db, "T1", "U2", "Li Lei")
	check("a command again, name unchanged", false)

	if err := db.SetProfile(ctx, planner.Member{TeamID: "T1", UserID: "U2", Name: "Lei Li", ProfileAt: t0}); err != nil {
		t.Fatal(err)
	}
	check("a member's new name (the team's week shows it)", true)

	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1", Name: "East Sales"}, planner.Member{UserID: "U2"}); err != nil {
		t.Fatal(err)
	}
	check("the team's new name", true)

	if err := db.SetMemberLang(ctx, "T1", "U2", planner.Chinese); err != nil {
		t.Fatal(err)
	}
	check("a member's language (a reply's language is not in the revision)", false)

	team, err := db.Team(ctx, "T1")
	if err != nil {
		t.Fatal(err)
	}
	team.TZ, team.Lang, team.DigestChannel = "Asia/Shanghai", planner.Chinese, "C1"
	if err := db.UpdateTeam(ctx, team); err != nil {
		t.Fatal(err)
	}
	check("the team's settings, its name unchanged", false)
	team.Name = "华东招商"
	if err := db.UpdateTeam(ctx, team); err != nil {
		t.Fatal(err)
	}
	check("the team's new name by UpdateTeam", true)

	if err := db.SetNote(ctx, "T1", "U2", planner.Week{Year: 2025, Num: 47}, "retrospective"); err != nil {
		t.Fatal(err)
	}
	mustAddCompany(t, db, "T1", "U2", "常诚车业", planner.StageLead)
	check("a note and a company (a week view shows neither)", false)

	if _, err := db.ForgetMember(ctx, "T1", "U1"); err != nil {
		t.Fatal(err)
	}
	check("a member erased with their items", true)
	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{UserID: "U1", Name: "王芳"}); err != nil {
		t.Fatal(err)
	}
	check("the erased member back (nothing of theirs to show yet)", false)
}

// TestRevisionsSeeAnotherConnection checks that a change made through another
// handle on the file (another process, say) raises the revision this one
// reads: the triggers count every writer.
func TestRevisionsSeeAnotherConnection(t *testing.T) {
	path := filepath.Join(t.TempDir(), "planbot.db")
	first, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	second, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	defer second.Close()
	mustMember(t, first, "T1", "U1", "王芳")
	before := revision(t, first, "T1")
	mustAdd(t, second, "U1", newItem(t, "T1", "U1", "2025-11-18", "出差北京"))
	if now := revision(t, first, "T1"); now <= before {
		t.Errorf("after another handle's add: revision %d → %d, want it to grow", before, now)
	}
}
