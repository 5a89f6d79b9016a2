package bot

import (
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// /plan setup name sets the reporting unit in either language; the next
// command's platform name (Slack's workspace) does not replace it, and the
// team's week shows it; "default" gives the platform its say again.
func TestSetupName(t *testing.T) {
	for _, tt := range []struct {
		line, reset string
		lang        planner.Lang
		said        string
	}{
		{"setup name Wujin Investment Promotion Bureau", "setup name default", planner.English, "The team reports as “Wujin Investment Promotion Bureau” now"},
		{"设置 名称 武进区招商局", "设置 名称 默认", planner.Chinese, "团队名称（填报单位）已设为“武进区招商局”"},
	} {
		t.Run(string(tt.lang), func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Ann, "tue visit 2 enterprises")
			r := mustHandle(t, h, plannertest.Boss, tt.line)
			named, ok := r.Body.(TeamNamed)
			if !ok || r.Lang != tt.lang || !strings.Contains(RenderText(r), tt.said) {
				t.Fatalf("reply %+v in %s: %q, want it to say %q", r.Body, r.Lang, RenderText(r), tt.said)
			}
			name := named.Team.Name
			// Slack gives its workspace's name with every command.
			other := plannertest.Ann
			other.TeamName = "acme"
			if view, ok := mustHandle(t, h, other, "team").Body.(WeekView); !ok || view.TeamName != name {
				t.Errorf("the team's week is titled %q, want %q", view.TeamName, name)
			}
			team, err := dbOf(h).Team(t.Context(), "T1")
			if err != nil || team.Name != name || !team.NameSet {
				t.Errorf("stored %+v (%v), want %q kept", team, err, name)
			}
			reset := plannertest.Boss
			reset.TeamName = "acme"
			r = mustHandle(t, h, reset, tt.reset)
			if got, ok := r.Body.(TeamNamed); !ok || got.Team.Name != "acme" || got.Team.NameSet || !strings.Contains(RenderText(r), "acme") {
				t.Errorf("after a reset: %+v, %q; want Slack's name again", r.Body, RenderText(r))
			}
		})
	}
}

// On a platform that names the team only at setup (a Feishu group: no name
// with each command), "default" says the name changes at the next setup and
// keeps the admin's till then, rather than claiming it is the platform's.
func TestSetupNameDefaultLater(t *testing.T) {
	lines := map[planner.Lang][2]string{
		planner.English: {"setup name Wujin Bureau", "setup name default"},
		planner.Chinese: {"设置 名称 武进区招商局", "设置 名称 默认"},
	}
	for _, l := range plannertest.Langs {
		h := newHandler(t)
		set, reset := lines[l][0], lines[l][1]
		boss := plannertest.Boss
		boss.TeamName = ""
		named := mustHandle(t, h, boss, set).Body.(TeamNamed).Team.Name
		r := mustHandle(t, h, boss, reset)
		got, ok := r.Body.(TeamNamed)
		if want := Say(l, MsgTeamNameResetLater, named); !ok || !got.Later || RenderText(r) != want || got.Team.NameSet {
			t.Errorf("%s: %+v, %q; want %q", l, r.Body, RenderText(r), want)
		}
	}
}

// A name that is empty or too long, or a member's, is refused in both
// languages, with an example, and nothing is stored.
func TestSetupNameRefused(t *testing.T) {
	for _, tt := range []struct {
		name   string
		by     planner.Actor
		line   string
		reason planner.Reason
	}{
		{"empty", plannertest.Boss, "setup name", planner.ReasonBadTeamName},
		{"too long", plannertest.Boss, "设置 名称 " + strings.Repeat("招商", 26), planner.ReasonBadTeamName},
		{"a member's", plannertest.Ann, "setup name 武进区招商局", planner.ReasonNotAdmin},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			r := handle(t, h, tt.by, tt.line)
			if e := failure(t, r); e.Reason != tt.reason {
				t.Fatalf("reason %s, want %s", e.Reason, tt.reason)
			}
			text := RenderText(r)
			if tt.reason == planner.ReasonBadTeamName && (!strings.Contains(text, "/plan setup name Wujin") || !strings.Contains(text, "/plan 设置 名称 武进区招商局")) {
				t.Errorf("%q gives no example in both languages", text)
			}
			team, err := dbOf(h).Team(t.Context(), "T1")
			if err != nil || team.Name != "招商一组" || team.NameSet {
				t.Errorf("stored %+v (%v), want the team as it was", team, err)
			}
		})
	}
}
