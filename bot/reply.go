package bot

import (
	"time"

	"planbot/planner"
)

// Reply is planbot's answer to one /plan line: a body, in the language to say it in.
// Renderers (plain text now, Block Kit for Slack) turn it into what the user sees.
type Reply struct {
	Lang planner.Lang
	Body Body
}

// Body is one of the reply shapes below.
type Body interface{ isBody() }

// Added lists the items a line added.
type Added struct {
	Items    []planner.Item
	Unlinked []string // names in brackets that are no company of the team
	// Later holds, for each item that a bare weekday or a bare day of the
	// month put on a day gone by, the day the reply offers instead (the same
	// weekday of next week, the same day of next month).
	Later map[int64]planner.Date
	// Vague are money written as a range or a band (5-8亿, 10亿元以上) in
	// items that got no amount: the reply asks for one number.
	Vague []string
}

// WeekView is one member's week, or the whole team's when Team is set.
type WeekView struct {
	Week     planner.Week
	Team     bool
	TeamName string
	Viewer   string         // the user id of who asked: their own items get buttons
	Items    []planner.Item // read-only: a WeekCache shares them with other requests

	cached *cachedWeek // where the view is kept, when a WeekCache keeps it: its renderings are kept there too (Rendered)
}

// Changed is an item after done, cancel, move or edit.
type Changed struct {
	Verb Verb
	Item planner.Item
	// Already is set when done found the item done already and no outcome
	// was given: nothing changed.
	Already bool
	// Outcome is set when done found the item done already and gave it the
	// new outcome.
	Outcome bool
	// Later is set when move or edit put the item on a day gone by that a
	// bare weekday or day of the month named ("move 5 3号" on the 17th):
	// the day to offer instead, as add does.
	Later planner.Date
}

// ChangedAll is what one command did to each of the items it listed ("done 5,6").
type ChangedAll struct{ Changes []Changed }

// NoteView is the member's note for a week; Saved tells whether it was just written.
type NoteView struct {
	Week  planner.Week
	Text  string
	Saved bool
}

// DigestView is a preview of a team's retrospective.
type DigestView struct{ planner.Retro }

// ExportView is a week's items as CSV.
type ExportView struct {
	Week planner.Week
	CSV  string
}

// HistoryView is an item with every change made to it; times shown in Zone.
type HistoryView struct {
	Item    planner.Item
	Changes []planner.Change
	Zone    *time.Location
	// Names are the team's members' names by user id (MemberNames), who
	// made each change as PeopleNames names them.
	Names map[string]string
}

// LeadView is what /plan lead did: a company saved, or shown with its
// lifecycle and items; times shown in Zone.
type LeadView struct {
	planner.LeadResult
	Zone *time.Location
	// Today is the team's day, by which a deadline is overdue; zero marks none.
	Today planner.Date
	// Names are the team's members' names by user id (MemberNames), who
	// made each stage change as PeopleNames names them; read only to show History.
	Names map[string]string
}

// PipelineView is the team's pipeline as /plan leads lists it.
type PipelineView struct {
	Companies []planner.CompanyView
	Filter    string // what the list was narrowed to, as typed: a stage word, "mine", or ""
	// Today is the team's day, by which a deadline is overdue; zero marks none.
	Today planner.Date
}

// SetupChannel says the channel is being set up as the team's digest
// channel: the platform checks that it can post there first.
type SetupChannel struct{ Channel string }

// SetupDone shows the team's settings after a change.
type SetupDone struct{ Team planner.Team }

// Notice is a sentence planbot says on its own, after the answer (a setup report).
type Notice struct{ Text string }

// Posting says a week's retrospective is being posted to the team's channel now.
type Posting struct {
	Week  planner.Week
	Force bool
}

// ScheduleView shows when the team's jobs run, after a change.
type ScheduleView struct {
	Schedules map[planner.Job]planner.Schedule
}

// RemindSet confirms a member's reminders turned off or on.
type RemindSet struct{ Off bool }

// Reminder is a scheduled nudge to one member: plan the week (with last
// week's open items) or log its results (with the week's open items).
type Reminder struct {
	Job   planner.Job
	Week  planner.Week
	Items []planner.Item
}

// ReportSending says the Excel report of Week is on its way to the member's
// direct messages (/plan export xlsx).
type ReportSending struct{ Week planner.Week }

// ReportElsewhere says how to get the Excel report of Week where the platform
// cannot send it (the console).
type ReportElsewhere struct{ Week planner.Week }

// FormOpening says the form for a new item is opening.
type FormOpening struct{}

// FormElsewhere says where the form opens, and what to type instead.
type FormElsewhere struct{}

// Forgotten confirms that a member who left was erased: UserID (shown as
// text, never as a mention) and how many of their items went.
type Forgotten struct {
	UserID string
	Name   string // the member's name before they were erased, "" if none
	Items  int
}

// LangSet confirms a member's new reply language.
type LangSet struct{ Lang planner.Lang }

// TeamNamed shows the team's name after /plan setup name: the reporting unit
// of its reports, an admin's (Team.NameSet) or the platform's again.
type TeamNamed struct {
	Team planner.Team
	// Later is set when the name was given back to a platform that names
	// the team only at setup (a Feishu group): it keeps its name till then.
	Later bool
}

// Help is the command reference.
type Help struct{}

// Failure explains why nothing was done.
type Failure struct{ Err *planner.Error }

func (Added) isBody()           {}
func (WeekView) isBody()        {}
func (Changed) isBody()         {}
func (ChangedAll) isBody()      {}
func (NoteView) isBody()        {}
func (DigestView) isBody()      {}
func (ExportView) isBody()      {}
func (LangSet) isBody()         {}
func (HistoryView) isBody()     {}
func (LeadView) isBody()        {}
func (PipelineView) isBody()    {}
func (SetupChannel) isBody()    {}
func (SetupDone) isBody()       {}
func (TeamNamed) isBody()       {}
func (FormOpening) isBody()     {}
func (FormElsewhere) isBody()   {}
func (ReportSending) isBody()   {}
func (ReportElsewhere) isBody() {}
func (Notice) isBody()          {}
func (Posting) isBody()         {}
func (ScheduleView) isBody()    {}
func (RemindSet) isBody()       {}
func (Forgotten) isBody()       {}
func (Reminder) isBody()        {}
func (Help) isBody()            {}
func (Failure) isBody()         {}
