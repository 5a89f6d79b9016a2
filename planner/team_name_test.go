package planner_test

import (
	"strings"
	"testing"

	"planbot/planner"
)

// An admin names the team, on one line and within MaxTeamName characters; a
// member may not; a refused name changes nothing. A reset gives the team
// the name the admin's platform gives (Slack's workspace), or keeps the one
// it has when the platform gives none (Feishu names it at setup).
func TestSetTeamName(t *testing.T) {
	for _, tc := range []struct {
		name     string
		by       planner.Actor
		set      string
		reason   planner.Reason // "" when it is set
		wantName string
	}{
		{"an admin", admin, "武进区招商局", "", "武进区招商局"},
		{"spaces around", admin, "  Wujin Investment Promotion Bureau \n", "", "Wujin Investment Promotion Bureau"},
		{"on two lines", admin, "常州市武进区\n商务局（招商局）", "", "常州市武进区 商务局（招商局）"},
		{"the longest", admin, strings.Repeat("招", planner.MaxTeamName), "", strings.Repeat("招", planner.MaxTeamName)},
		{"too long", admin, strings.Repeat("招", planner.MaxTeamName+1), planner.ReasonBadTeamName, "Team T1"},
		{"empty", admin, " \t", planner.ReasonBadTeamName, "Team T1"},
		{"a member", owner, "武进区招商局", planner.ReasonNotAdmin, "Team T1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _ := serviceOnDisk(t)
			got, err := svc.SetTeamName(t.Context(), tc.by, tc.set)
			switch tc.reason {
			case "":
				if err != nil || got.Name != tc.wantName || !got.NameSet {
					t.Errorf("SetTeamName = %+v, %v; want %q, set by an admin", got, err, tc.wantName)
				}
			case planner.ReasonNotAdmin:
				wantError(t, tc.name, err, planner.Forbidden, tc.reason)
			default:
				wantError(t, tc.name, err, planner.Invalid, tc.reason)
			}
			stored, err := svc.Team(t.Context(), "T1")
			if err != nil || stored.Name != tc.wantName || stored.NameSet != (tc.reason == "") {
				t.Errorf("stored %+v (%v), want %q", stored, err, tc.wantName)
			}
		})
	}
}

func TestResetTeamName(t *testing.T) {
	for _, tc := range []struct {
		name, platform, want string
	}{
		{"Slack's workspace", "Acme 招商", "Acme 招商"},
		{"no name from the platform", "", "武进区招商局"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc, _ := serviceOnDisk(t)
			if _, err := svc.SetTeamName(t.Context(), admin, "武进区招商局"); err != nil {
				t.Fatal(err)
			}
			by := admin
			by.TeamName = tc.platform
			_, err := svc.ResetTeamName(t.Context(), owner)
			wantError(t, "a member's reset", err, planner.Forbidden, planner.ReasonNotAdmin)
			got, err := svc.ResetTeamName(t.Context(), by)
			if err != nil || got.Name != tc.want || got.NameSet {
				t.Errorf("ResetTeamName = %+v, %v; want %q, the platform's to change", got, err, tc.want)
			}
		})
	}
}
