package storage

import (
	"path/filepath"
	"testing"
	"time"

	"planbot/planner"
)

// revisions returns team teamID's revision and that of each of its members.
func revisions(tb testing.TB, db *DB, teamID string) (int64, map[string]int64) {
	tb.Helper()
	team, err := db.Team(tb.Context(), teamID)
	if err != nil {
		tb.Fatalf("Team(%s): %v", teamID, err)
	}
	members, err := db.Members(tb.Context(), teamID)
	if err != nil {
		tb.Fatalf("Members(%s): %v", teamID, err)
	}
	byUser := map[string]int64{}
	for _, m := range members {
		byUser[m.UserID] = m.Revision
	}
	return team.Revision, byUser
}

// TestRevisions checks which changes raise a team's and a member's revision:
// a member's when their own items or name change, the team's when any item,
// a member's name, a member joining or the team's name does, and nothing
// else's; and that a member's never goes back.
func TestRevisions(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T1", "U2", "Li Lei")
	mustMember(t, db, "T2", "U1", "Zoe")

	team, members := revisions(t, db, "T1")
	other, _ := revisions(t, db, "T2")
	check := func(what string, teamGrows bool, grows ...string) {
		t.Helper()
		nowTeam, nowMembers := revisions(t, db, "T1")
		if (nowTeam > team) != teamGrows || nowTeam < team {
			t.Errorf("%s: team revision %d → %d, want it to grow: %v", what, team, nowTeam, teamGrows)
		}
		for user, rev := range nowMembers {
			want := false
			for _, g := range grows {
				want = want || g == user
			}
			if (rev > members[user]) != want || rev < members[user] {
				t.Errorf("%s: %s's revision %d → %d, want it to grow: %v", what, user, members[user], rev, want)
			}
		}
		if nowOther, _ := revisions(t, db, "T2"); nowOther != other {
			t.Errorf("%s: another team's revision %d → %d", what, other, nowOther)
		}
		team, members = nowTeam, nowMembers
	}

	added := mustAdd(t, db, "U1", newItem(t, "T1", "U1", "2025-11-18", "visit 4 enterprises"))
	check("U1 adds an item", true, "U1")

	it := added[0]
	it.Status = planner.StatusDone
	if _, err := db.UpdateItem(ctx, it, planner.Change{By: "U1", Action: "done", At: t0.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	check("U1's item is done", true, "U1")

	mustMember(t, db, "T1", "U2", "Li Lei")
	check("U2 runs a command again, name unchanged", false)

	if err := db.SetProfile(ctx, planner.Member{TeamID: "T1", UserID: "U2", Name: "Lei Li", ProfileAt: t0}); err != nil {
		t.Fatal(err)
	}
	check("U2's name changes (the team's week shows it)", true, "U2")

	if _, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1", Name: "East Sales"}, planner.Member{UserID: "U2"}); err != nil {
		t.Fatal(err)
	}
	check("the team is renamed", true)

	if err := db.SetMemberLang(ctx, "T1", "U2", planner.Chinese); err != nil {
		t.Fatal(err)
	}
	check("U2 chooses a language (a reply's language is not in the revision)", false)

	mustMember(t, db, "T1", "U4", "Carol")
	check("U4 joins (the team's week lists its members' items by name)", true, "U4")

	// Erased and back, U1 starts above any revision the old row had: a view
	// of their week kept from before must never match again.
	before := members["U1"]
	if _, err := db.ForgetMember(ctx, "T1", "U1"); err != nil {
		t.Fatal(err)
	}
	if nowTeam, _ := revisions(t, db, "T1"); nowTeam <= team {
		t.Errorf("forgetting U1 erased their items, team revision %d → %d, want it to grow", team, nowTeam)
	}
	mustMember(t, db, "T1", "U1", "王芳")
	if _, back := revisions(t, db, "T1"); back["U1"] <= before {
		t.Errorf("U1 erased and back has revision %d, want above %d, theirs before", back["U1"], before)
	}
}

// TestRevisionsSeeAnotherConnection checks that a change made through another
// handle on the file (another process, say) raises the revisions this one
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
	team, members := revisions(t, first, "T1")
	mustAdd(t, second, "U1", newItem(t, "T1", "U1", "2025-11-18", "出差北京"))
	nowTeam, nowMembers := revisions(t, first, "T1")
	if nowTeam <= team || nowMembers["U1"] <= members["U1"] {
		t.Errorf("after another handle's add: team %d → %d, U1 %d → %d; want both to grow",
			team, nowTeam, members["U1"], nowMembers["U1"])
	}
}
