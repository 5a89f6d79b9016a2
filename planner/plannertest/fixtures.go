package plannertest

import (
	"testing"
	"time"

	"planbot/planner"
)

// Shanghai is the zone of the tests' teams.
var Shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Team T1 has members Ann, Bob and Carol and an admin, Boss; Eve is in team
// T2 and has the same user id as Ann, so that only the team tells them apart.
var (
	// Ann is member U1 of team T1.
	Ann = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U1", UserName: "Ann"}
	// Bob is member U2 of team T1.
	Bob = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U2", UserName: "Bob"}
	// Carol is member U3 of team T1.
	Carol = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U3", UserName: "Carol"}
	// Boss is U9, the admin of team T1.
	Boss = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U9", UserName: "Boss", Admin: true}
	// Eve is U1 of team T2: Ann's user id in another team.
	Eve = planner.Actor{TeamID: "T2", TeamName: "招商二组", UserID: "U1", UserName: "Eve"}
)

// W47 is the week of the fixed clock: Monday 2025-11-17 to Sunday 2025-11-23.
var W47 = planner.Week{Year: 2025, Num: 47}

// Monday is the fixed clock's instant: Monday 2025-11-17 09:00 in Shanghai.
var Monday = time.Date(2025, 11, 17, 9, 0, 0, 0, Shanghai)

// Options are a service's options at the fixed clock (Monday), in Shanghai,
// with English as the default language.
func Options() planner.Options {
	return planner.Options{Now: func() time.Time { return Monday }, Loc: Shanghai, Lang: planner.English}
}

// Day returns the day written YYYY-MM-DD, failing the test when it is none.
func Day(t testing.TB, s string) planner.Date {
	t.Helper()
	d, err := planner.ParseDate(s)
	if err != nil {
		t.Fatalf("ParseDate(%q): %v", s, err)
	}
	return d
}

// Langs are the languages planbot answers in.
var Langs = []planner.Lang{planner.English, planner.Chinese}

// AllReasons are the Reason constants of planner/error.go (bot's
// TestReasonsListed checks that the list is whole).
var AllReasons = []planner.Reason{
	planner.ReasonBadDate, planner.ReasonBadWeekday, planner.ReasonDateRange, planner.ReasonVagueWeek, planner.ReasonEndBefore,
	planner.ReasonNoWhat, planner.ReasonTooLong, planner.ReasonBadText, planner.ReasonBadCount, planner.ReasonBadWeek,
	planner.ReasonBadWhen, planner.ReasonSplitWhen, planner.ReasonBadID, planner.ReasonUsage, planner.ReasonNoItem,
	planner.ReasonNoMember, planner.ReasonNotYours, planner.ReasonCancelled, planner.ReasonAlreadyDone, planner.ReasonNoNote,
	planner.ReasonBadLang, planner.ReasonUnknownTeam, planner.ReasonInternalFail,
	planner.ReasonBadKind, planner.ReasonNotAdmin, planner.ReasonBadZone, planner.ReasonNoChannel,
	planner.ReasonNoDigestChan, planner.ReasonPosted, planner.ReasonPreview, planner.ReasonBadSchedule, planner.ReasonChatOnly,
	planner.ReasonNoCompany, planner.ReasonBadCompany, planner.ReasonSameStage, planner.ReasonBadStage,
	planner.ReasonCompanyExists, planner.ReasonUnreadDate, planner.ReasonVagueDate, planner.ReasonDateMismatch,
	planner.ReasonDurationMismatch, planner.ReasonSeveralDays, planner.ReasonDateOrTime,
	planner.ReasonBadPeriod,
	planner.ReasonBadIndex,
	planner.ReasonAliasTaken, planner.ReasonStageOnly, planner.ReasonBadAlias,
	planner.ReasonBadTeamName,
	planner.ReasonTargetPeriod, planner.ReasonBadTarget,
	planner.ReasonBadDue, planner.ReasonDuePast,
}
