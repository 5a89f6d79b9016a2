package planner_test

import (
	"testing"
	"time"

	"planbot/planner"
)

// With no language given (PLANBOT_LANG unset), a team answers in the language
// of its zone: Chinese in Asia/Shanghai, the default zone, English elsewhere.
// The server's language, when given, and the team's own beat the zone; the
// member's zone never decides the team's language. Only the zone's language
// is a guess (LangGuessed), which a line in English words overrides.
func TestForTakesTheLanguageOfTheTeamsZone(t *testing.T) {
	utc, shanghai := time.UTC, mustLoad(t, "Asia/Shanghai")
	for _, tc := range []struct {
		name       string
		serverZone *time.Location
		serverLang planner.Lang
		team       planner.Team
		member     planner.Member
		want       planner.Lang
	}{
		{"the default zone", shanghai, "", planner.Team{}, planner.Member{}, planner.Chinese},
		{"a team in Shanghai on a UTC server", utc, "", planner.Team{TZ: "Asia/Shanghai"}, planner.Member{}, planner.Chinese},
		{"a team in Berlin", shanghai, "", planner.Team{TZ: "Europe/Berlin"}, planner.Member{}, planner.English},
		{"a UTC server", utc, "", planner.Team{}, planner.Member{}, planner.English},
		{"a member abroad", shanghai, "", planner.Team{}, planner.Member{TZ: "Europe/Berlin"}, planner.Chinese},
		{"PLANBOT_LANG=en", shanghai, planner.English, planner.Team{}, planner.Member{}, planner.English},
		{"PLANBOT_LANG=zh", utc, planner.Chinese, planner.Team{TZ: "Europe/Berlin"}, planner.Member{}, planner.Chinese},
		{"setup lang en", shanghai, "", planner.Team{Lang: planner.English}, planner.Member{}, planner.English},
		{"setup lang zh", utc, planner.English, planner.Team{Lang: planner.Chinese}, planner.Member{}, planner.Chinese},
	} {
		t.Run(tc.name, func(t *testing.T) {
			svc := planner.NewService(nil, planner.Options{Loc: tc.serverZone, Lang: tc.serverLang})
			got := svc.For(tc.team, tc.member)
			if got.Lang != tc.want {
				t.Errorf("For(%+v).Lang = %q, want %q", tc.team, got.Lang, tc.want)
			}
			if guessed := tc.serverLang == "" && tc.team.Lang == ""; got.LangGuessed() != guessed {
				t.Errorf("LangGuessed() = %v, want %v", got.LangGuessed(), guessed)
			}
			if again := got.For(tc.team, tc.member).Lang; again != tc.want {
				t.Errorf("For twice: Lang = %q, want %q", again, tc.want)
			}
		})
	}
}

func mustLoad(t *testing.T, zone string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
