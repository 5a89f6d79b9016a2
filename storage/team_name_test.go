package storage

import (
	"testing"

	"planbot/planner"
)

// A name an admin set (Team.NameSet) stays whatever name a platform gives
// with each command; once reset, the platform's name replaces it again. The
// team's revision grows with each rename, as week views show the name.
func TestTeamNameSet(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	ensure := func(name string) planner.Team {
		t.Helper()
		team, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1", Name: name}, planner.Member{UserID: "U1", Name: "Ann"})
		if err != nil {
			t.Fatalf("EnsureMember: %v", err)
		}
		return team
	}
	first := ensure("acme")
	if first.Name != "acme" || first.NameSet {
		t.Fatalf("a new team %+v, want the platform's name, not set by an admin", first)
	}
	named := first
	named.Name, named.NameSet = "武进区招商局", true
	if err := db.UpdateTeam(ctx, named); err != nil {
		t.Fatal(err)
	}
	for _, given := range []string{"Acme Workspace", "acme", ""} {
		if got := ensure(given); got.Name != "武进区招商局" || !got.NameSet {
			t.Errorf("after a command naming the team %q: %+v, want the admin's name kept", given, got)
		}
	}
	stored, err := db.Team(ctx, "T1")
	if err != nil || stored.Name != "武进区招商局" || !stored.NameSet || stored.Revision <= first.Revision {
		t.Errorf("stored %+v (%v), want the admin's name, set, at a later revision than %d", stored, err, first.Revision)
	}
	stored.NameSet = false
	if err := db.UpdateTeam(ctx, stored); err != nil {
		t.Fatal(err)
	}
	if got := ensure("Acme Workspace"); got.Name != "Acme Workspace" || got.NameSet || got.Revision <= stored.Revision {
		t.Errorf("after a reset and a command: %+v, want the platform's name again, at a later revision", got)
	}
}
