package planner

import (
	"context"
	"time"
)

// Store keeps teams, members, items, their history and notes. Every method is
// scoped by team: nothing crosses from one team to another.
type Store interface {
	Ledger
	IndexStore

	// EnsureMember creates the team and member if needed; a name fills in a
	// member who has none (SetProfile is what renames). It returns the team and
	// the member as stored, with their settings and the team's current
	// Revision: what is read after it is at least as new.
	EnsureMember(ctx context.Context, team Team, m Member) (Team, Member, error)
	// Team returns a team with its settings, or a NotFound error.
	Team(ctx context.Context, id string) (Team, error)
	// UpdateTeam stores a team's name and settings.
	UpdateTeam(ctx context.Context, team Team) error
	// SetProfile stores what the chat platform says of a member: name, time zone,
	// admin flag and when that was fetched. The member must exist.
	SetProfile(ctx context.Context, m Member) error
	// SetMemberLang stores a member's reply language.
	SetMemberLang(ctx context.Context, teamID, userID string, lang Lang) error
	// Teams lists every team.
	Teams(ctx context.Context) ([]Team, error)
	// Members lists a team's members.
	Members(ctx context.Context, teamID string) ([]Member, error)
	// ForgetMember erases a member of a team for good, in one transaction: their
	// items with those items' history, their notes, the sends addressed to them,
	// their targets and the member. Nothing of other members or teams is touched, and item ids
	// are never given again. It returns how many items were erased, or a NotFound
	// error (Reason no_member) when the team has no such member. It is the one
	// hard delete: everything else is kept.
	ForgetMember(ctx context.Context, teamID, userID string) (items int, err error)

	// AddItems stores new items atomically, giving each the team's next id, and
	// records an "add" change for each. It returns the items as stored.
	AddItems(ctx context.Context, items []Item, by string) ([]Item, error)
	// Item returns one item of a team, or a NotFound error.
	Item(ctx context.Context, teamID string, id int64) (Item, error)
	// UpdateItem replaces an item's fields and records the change, atomically.
	UpdateItem(ctx context.Context, it Item, change Change) (Item, error)
	// ItemsStarting lists a team's items that start between from and to inclusive,
	// ordered by start date then id. An empty userID means every member.
	ItemsStarting(ctx context.Context, teamID, userID string, from, to Date) ([]Item, error)
	// CountItems counts each member's items of a team that start between from
	// and to inclusive, by user id; members with none are absent.
	CountItems(ctx context.Context, teamID string, from, to Date) (map[string]ItemCounts, error)
	// WeeklyTotals sums a team's items of one kind that start between from and
	// to inclusive, by the week they start in; weeks without any are absent.
	// Cancelled items count nowhere, as in a Digest's Totals.
	WeeklyTotals(ctx context.Context, teamID string, kind Kind, from, to Date) (map[Week]Totals, error)
	// Leaves lists a team's leaves (items of KindLeave, not cancelled) that
	// cover any day from from to to inclusive, however early they start.
	Leaves(ctx context.Context, teamID string, from, to Date) ([]Item, error)
	// AddCompany stores a new company with the team's next company id and
	// records its first stage change (From empty); a name whose key is taken
	// is a Conflict error.
	AddCompany(ctx context.Context, c Company, change StageChange) (Company, error)
	// UpdateCompany moves a company to change.To from the stage it is at when
	// the write runs (set as change.From), records the change, takes a note as
	// its notes and c.OwnerID as its owner if it has none; c.Due, unless zero,
	// replaces its deadline, and a move that makes its deadline's step
	// (Deadline.MetBy) clears it. It returns both.
	UpdateCompany(ctx context.Context, c Company, change StageChange) (Company, StageChange, error)
	// SetCompanyDue gives a company of the team deadline d, replacing any, and
	// returns the company; an unknown company is a NotFound error. Nothing
	// else of the company changes.
	SetCompanyDue(ctx context.Context, teamID string, id int64, d Deadline) (Company, error)
	// CompaniesDue lists the team's companies that have a deadline, the
	// earliest deadline first, then by id.
	CompaniesDue(ctx context.Context, teamID string) ([]Company, error)
	// CompanyByKey returns the team's company whose CompanyKey, or one of
	// whose aliases' keys, is key, with its aliases, or a NotFound error.
	CompanyByKey(ctx context.Context, teamID, key string) (Company, error)
	// AddCompanyAlias gives a company of the team another name, and returns
	// the company with its aliases. A name whose key is the company's own
	// name's or alias's already changes nothing; one that is another
	// company's is a Conflict error (ReasonAliasTaken, Detail that company's
	// name); an unknown company is a NotFound error.
	AddCompanyAlias(ctx context.Context, teamID string, id int64, alias string) (Company, error)
	// MatchCompanies returns the team's companies (ID, Name and the Aliases
	// the text names) whose key or an alias's appears in text (a CompanyKey),
	// each once, the one with the longest key found first.
	MatchCompanies(ctx context.Context, teamID, text string) ([]Company, error)
	// Pipeline lists the team's companies by id, each with its last contact
	// (the last day, up to today, of a linked item done) and the next item
	// planned with it (from today on).
	Pipeline(ctx context.Context, teamID string, today Date) ([]CompanyView, error)
	// CompanyHistory lists a company's stage changes and its linked items,
	// oldest first.
	CompanyHistory(ctx context.Context, teamID string, id int64) ([]StageChange, []Item, error)
	// CompanyLinks returns the companies linked to each of the team's items
	// that start between from and to inclusive, by item id.
	CompanyLinks(ctx context.Context, teamID string, from, to Date) (map[int64][]Company, error)
	// StageChanges lists the team's stage changes made from from up to to
	// (excluded), oldest first.
	StageChanges(ctx context.Context, teamID string, from, to time.Time) ([]StageChange, error)
	// History lists an item's changes, oldest first.
	History(ctx context.Context, teamID string, id int64) ([]Change, error)

	// SetNote stores a member's retrospective note for a week, replacing the previous one.
	SetNote(ctx context.Context, teamID, userID string, week Week, text string) error
	// Notes returns a team's notes for a week by user id.
	Notes(ctx context.Context, teamID string, week Week) (map[string]string, error)

	// SetTargets stores a team's targets atomically: each replaces the target
	// of its period, member and metric, and one whose Goal is 0 removes it.
	SetTargets(ctx context.Context, teamID string, targets []Target) error
	// Targets lists a team's targets, by period, member and metric.
	Targets(ctx context.Context, teamID string) ([]Target, error)
}
