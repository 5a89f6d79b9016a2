package schedule

import (
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// With no language given (PLANBOT_LANG unset), the weekly jobs speak each
// team's zone's language: the retrospective and the reminders of a team in
// Asia/Shanghai are in Chinese, those of a team in Berlin in English.
func TestWeeklyJobsSpeakTheTeamsZone(t *testing.T) {
	for _, tc := range []struct {
		name string
		tz   string // the team's zone, "" for the server's (Asia/Shanghai)
		want planner.Lang
	}{
		{"the default zone", "", planner.Chinese},
		{"a team in Berlin", "Europe/Berlin", planner.English},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2025-11-24 17:00")} // Monday of w48, 10:00 in Berlin: the plan reminder is due
			x := newFixture(t, c, 1, "CRETRO")
			x.s.Service = planner.NewService(x.db, planner.Options{Now: c.Now, Loc: plannertest.Shanghai})
			if tc.tz != "" {
				if _, err := x.s.Service.SetTeamZone(t.Context(), planner.Actor{TeamID: "T1", Admin: true}, tc.tz); err != nil {
					t.Fatal(err)
				}
			}
			var retroLang planner.Lang
			x.m.RetroMessagesFunc = func(lang planner.Lang, r planner.Retro) []any {
				retroLang = lang
				return []any{"summary", "part 2", "part 3"}
			}
			x.s.Tick(t.Context())
			if len(x.m.retros) == 0 || retroLang != tc.want {
				t.Errorf("the retrospective (%d rendered) is in %q, want %q", len(x.m.retros), retroLang, tc.want)
			}
			if len(x.m.reminders) == 0 || x.m.reminders[0].Lang != tc.want {
				t.Errorf("reminders %+v, want one in %q", x.m.reminders, tc.want)
			}
		})
	}
}
