package storage

import (
	"slices"
	"testing"

	"planbot/planner"
)

func TestEnsureMember(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()

	got := mustMember(t, db, "T1", "U1", "王芳")
	if want := (planner.Member{TeamID: "T1", UserID: "U1", Name: "王芳"}); got != want {
		t.Fatalf("new member = %+v, want %+v", got, want)
	}

	if err := db.SetMemberLang(ctx, "T1", "U1", planner.Chinese); err != nil {
		t.Fatalf("SetMemberLang: %v", err)
	}
	// A name only fills in a member who has none: SetProfile is what renames.
	got = mustMember(t, db, "T1", "U1", "Wang Fang")
	if want := (planner.Member{TeamID: "T1", UserID: "U1", Name: "王芳", Lang: planner.Chinese}); got != want {
		t.Errorf("member after another name = %+v, want %+v", got, want)
	}
	_, got, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{UserID: "U2"})
	if err != nil || got.Name != "" {
		t.Fatalf("EnsureMember without a name = %+v, %v", got, err)
	}
	if got = mustMember(t, db, "T1", "U2", "ann"); got.Name != "ann" {
		t.Errorf("a name did not fill in a nameless member: %+v", got)
	}
	teams, err := db.Teams(ctx)
	if err != nil {
		t.Fatalf("Teams: %v", err)
	}
	if want := []planner.Team{{ID: "T1", Name: "Team T1"}}; !slices.Equal(unrevisedTeams(teams), want) {
		t.Errorf("an empty team name replaced the stored one: %+v", teams)
	}
	// The team comes back with its settings, whether the member is new or not.
	if err := db.UpdateTeam(ctx, planner.Team{ID: "T1", Name: "Team T1", TZ: "Asia/Shanghai", Lang: planner.Chinese}); err != nil {
		t.Fatal(err)
	}
	for _, user := range []string{"U1", "U3"} {
		team, _, err := db.EnsureMember(ctx, planner.Team{ID: "T1"}, planner.Member{UserID: user})
		if want := (planner.Team{ID: "T1", Name: "Team T1", TZ: "Asia/Shanghai", Lang: planner.Chinese}); err != nil || unrevised(team) != want {
			t.Errorf("EnsureMember(%s) team = %+v, %v; want %+v", user, team, err, want)
		}
	}
}

func TestSetMemberLangWithoutMember(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	err := db.SetMemberLang(t.Context(), "T1", "U2", planner.English)
	wantCode(t, err, planner.Internal)
}

func TestTeamsAndMembers(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T2", "U9", "Zoe")
	mustMember(t, db, "T1", "U2", "Bob")
	mustMember(t, db, "T1", "U1", "Ann")

	teams, err := db.Teams(ctx)
	if err != nil {
		t.Fatalf("Teams: %v", err)
	}
	if want := []planner.Team{{ID: "T1", Name: "Team T1"}, {ID: "T2", Name: "Team T2"}}; !slices.Equal(unrevisedTeams(teams), want) {
		t.Errorf("Teams = %+v, want %+v", teams, want)
	}

	for _, tt := range []struct {
		team string
		want []planner.Member
	}{
		{"T1", []planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "Bob"}}},
		{"T2", []planner.Member{{TeamID: "T2", UserID: "U9", Name: "Zoe"}}},
		{"T3", nil},
	} {
		t.Run(tt.team, func(t *testing.T) {
			got := mustMembers(t, db, tt.team)
			if !slices.Equal(got, tt.want) {
				t.Errorf("Members = %+v, want %+v", got, tt.want)
			}
		})
	}
}
