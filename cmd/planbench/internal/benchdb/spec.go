// Package benchdb generates planbot databases of a given size for benchmarks:
// teams of members who log a year of weeks, with the variety a real team's
// data has — every kind of item, counts, trip destinations, English and
// Chinese titles, done, planned and cancelled items, multi-day trips, each
// item's history, retrospective notes, the ledger of scheduled sends.
//
// The data is deterministic: a Spec always gives the same rows, on a fixed
// clock (Spec.Now), from a fixed seed. Generate writes a database through
// storage.Open, so that its schema is the one planbot's migrations make, then
// fills it in one bulk transaction; Cached does that once per Spec and schema
// and reuses the file afterwards.
package benchdb

import (
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"time"
	_ "time/tzdata" // the teams' zones load without the system's zoneinfo

	"planbot/planner"
)

// Spec is the size of a generated database: Teams teams of MembersPerTeam
// members each, who log ItemsPerWeek items in each of ISO weeks 1 to Weeks of
// Year. The data's clock stands at the end of week Current (see Now): items
// of earlier weeks are mostly done, those of later weeks planned.
type Spec struct {
	Teams          int
	MembersPerTeam int
	Weeks          int
	ItemsPerWeek   int
	Year           int
	Current        int // the ISO week of the clock, 1..Weeks
}

// Default520k is the digest database: 1,000 members in 20 teams of 50,
// 10 items each in each of the 52 weeks of 2025 (520,000 items), the clock at
// the end of 2025-W40.
var Default520k = Spec{Teams: 20, MembersPerTeam: 50, Weeks: 52, ItemsPerWeek: 10, Year: 2025, Current: 40}

// Items returns how many items a database of spec s holds.
func (s Spec) Items() int { return s.Teams * s.MembersPerTeam * s.Weeks * s.ItemsPerWeek }

// Validate reports whether s can be generated: every number positive, Weeks
// within the ISO weeks of Year, Current within Weeks, and at most 999 teams
// and 999 members a team (the shape of the generated ids).
func (s Spec) Validate() error {
	switch {
	case s.Teams < 1 || s.Teams > 999:
		return fmt.Errorf("benchdb: %d teams, want 1..999", s.Teams)
	case s.MembersPerTeam < 1 || s.MembersPerTeam > 999:
		return fmt.Errorf("benchdb: %d members per team, want 1..999", s.MembersPerTeam)
	case s.ItemsPerWeek < 1:
		return fmt.Errorf("benchdb: %d items per week, want at least 1", s.ItemsPerWeek)
	case s.Year < 2000 || s.Year > 2099:
		return fmt.Errorf("benchdb: year %d, want 2000..2099", s.Year)
	case s.Weeks < 1 || planner.WeekOf(planner.Week{Year: s.Year, Num: s.Weeks}.Start()).Year != s.Year:
		return fmt.Errorf("benchdb: %d weeks, more than the ISO weeks of %d", s.Weeks, s.Year)
	case s.Current < 1 || s.Current > s.Weeks:
		return fmt.Errorf("benchdb: current week %d, want 1..%d", s.Current, s.Weeks)
	}
	return nil
}

// Shanghai is the zone of the data's clock and of most teams.
var Shanghai = mustZone("Asia/Shanghai")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// Now returns the data's clock: Sunday 18:00 in Shanghai of week Current, the
// moment the week's retrospective is due. Every stored instant is at or
// before it.
func (s Spec) Now() time.Time {
	sunday := s.Week(s.Current).End()
	return time.Date(sunday.Year, sunday.Month, sunday.Day, 18, 0, 0, 0, Shanghai)
}

// Week returns ISO week n of the spec's year.
func (s Spec) Week(n int) planner.Week { return planner.Week{Year: s.Year, Num: n} }

// CurrentWeek returns week Current of the spec's year: the week of Now.
func (s Spec) CurrentWeek() planner.Week { return s.Week(s.Current) }

// TeamID returns the id of team t (0-based): T001, T002, …
func TeamID(t int) string { return fmt.Sprintf("T%03d", t+1) }

// UserID returns the user id of member m (0-based) of team t (0-based):
// U001001 is the first member of the first team. Member 0 of each team is
// its admin.
func UserID(t, m int) string { return fmt.Sprintf("U%03d%03d", t+1, m+1) }

// generatorVersion changes whenever Generate would write different rows for
// the same Spec, so that Cached does not reuse a file of older data.
const generatorVersion = 1

// key is a digest of the spec and the generator's version, from which the seed
// and the cached file's name are taken.
func (s Spec) key() [32]byte {
	var b []byte
	for _, n := range []int{generatorVersion, s.Teams, s.MembersPerTeam, s.Weeks, s.ItemsPerWeek, s.Year, s.Current} {
		b = binary.BigEndian.AppendUint64(b, uint64(n))
	}
	return sha256.Sum256(b)
}

// errEmptyPath is returned for a Generate to no file.
var errEmptyPath = errors.New("benchdb: empty database path")
