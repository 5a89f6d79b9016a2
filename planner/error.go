package planner

import (
	"errors"
	"fmt"
)

// Code classifies an Error so that transports can answer it the right way.
type Code string

// The error codes planner and its Store use.
const (
	Invalid   Code = "invalid"   // the user's input cannot be understood or is out of range
	NotFound  Code = "not_found" // the item, team or week asked for does not exist
	Forbidden Code = "forbidden" // the user may not do this
	Conflict  Code = "conflict"  // the request clashes with the item's state
	Internal  Code = "internal"  // a failure that is not the user's doing
)

// Reason names what exactly went wrong, so that a transport can explain it in the
// user's language with an example of the right form.
type Reason string

// The reasons an Error can carry.
const (
	ReasonBadDate       Reason = "bad_date"          // looks like a date but is not one (2025-02-30, 13/45)
	ReasonBadWeekday    Reason = "bad_weekday"       // looks like a weekday but is not one (周八)
	ReasonDateRange     Reason = "date_range"        // a date outside the years planbot accepts
	ReasonVagueWeek     Reason = "vague_week"        // a week without a day ("下周 出差上海")
	ReasonEndBefore     Reason = "end_before"        // a range whose end comes before its start
	ReasonNoWhat        Reason = "no_what"           // a when with nothing to do
	ReasonTooLong       Reason = "too_long"          // the text is longer than MaxTitle
	ReasonBadText       Reason = "bad_text"          // bytes that are not UTF-8, or a control character; Detail shows it escaped
	ReasonBadCount      Reason = "bad_count"         // a count outside 1..MaxCount
	ReasonBadKind       Reason = "bad_kind"          // not one of Kinds
	ReasonBadWeek       Reason = "bad_week"          // not a week (2025-W99)
	ReasonBadWhen       Reason = "bad_when"          // a when that could not be read
	ReasonSplitWhen     Reason = "split_when"        // a move or edit to days that are not one span
	ReasonBadID         Reason = "bad_id"            // not an item id
	ReasonUsage         Reason = "usage"             // a command missing its arguments; Detail is the verb
	ReasonNoItem        Reason = "no_item"           // no such item in this team
	ReasonNoMember      Reason = "no_member"         // no such member in this team; Detail is the user id asked for
	ReasonNotYours      Reason = "not_yours"         // someone else's item
	ReasonCancelled     Reason = "cancelled"         // the item was cancelled
	ReasonAlreadyDone   Reason = "already_done"      // the item is done, so it cannot be cancelled
	ReasonNoNote        Reason = "no_note"           // a note command without text
	ReasonBadLang       Reason = "bad_lang"          // not en or zh
	ReasonUnknownTeam   Reason = "unknown_team"      // no team of that name
	ReasonNotAdmin      Reason = "not_admin"         // a setting only the team's admins may change
	ReasonBadZone       Reason = "bad_zone"          // not an IANA time zone
	ReasonNoChannel     Reason = "no_channel"        // a command that must be run in a chat channel
	ReasonNoDigestChan  Reason = "no_digest_channel" // the team has no channel for its retrospective yet
	ReasonPosted        Reason = "already_posted"    // the week's retrospective was posted already
	ReasonPreview       Reason = "preview"           // posting before the retrospective's time
	ReasonBadSchedule   Reason = "bad_schedule"      // not a day and a time (sun 18:00)
	ReasonChatOnly      Reason = "chat_only"         // a command that works only on a chat platform, not on the console
	ReasonNoCompany     Reason = "no_company"        // no company of that name in the team's pipeline; Detail is the name
	ReasonBadCompany    Reason = "bad_company"       // a company's name that is empty, too long or unclosed quotes
	ReasonSameStage     Reason = "same_stage"        // a company moved to the stage it is at; Detail is the stage
	ReasonBadStage      Reason = "bad_stage"         // not a stage (or "mine") to list the pipeline by; Detail is the word
	ReasonCompanyExists Reason = "company_exists"    // a new company whose name the team has already; Detail is the name
	ReasonInternalFail  Reason = "internal_fail"     // storage or another part failed
	ReasonUnreadDate    Reason = "unread_date"       // text that looks like a day the when did not read ("12.3" after the what); Detail is it
	ReasonVagueDate     Reason = "vague_date"        // part of a month, not a day ("月底", "12月初", "end of month"); Detail is it
	ReasonDateMismatch  Reason = "date_mismatch"     // a weekday and a date that are not the same day ("周三（12月4日）"); Detail is them
	// ReasonDurationMismatch is a range and a stated length that disagree
	// ("周二至周四（2天）"); Detail is the range's days.
	ReasonDurationMismatch Reason = "duration_mismatch"
	// ReasonSeveralDays is a day named in the what of a line that has a day
	// of its own, not cut apart by "；" ("周二 拜访A 周三 拜访B"); Detail is it.
	ReasonSeveralDays Reason = "several_days"
	// ReasonDateOrTime is a bare "10.30" that may be a month and day or a
	// time of day, and whose date is not near: asked, not guessed. Detail is it.
	ReasonDateOrTime Reason = "date_or_time"
	// ReasonBadPeriod is not a period a report covers (a month 2025-11, a
	// quarter 2025-Q4, a year, or from a day to a later one); Detail is it.
	ReasonBadPeriod Reason = "bad_period"
	// ReasonBadIndex is an activity index setting that is none: not on, off or
	// weights, or a weight of an unknown measure, missing, negative, too large
	// or no whole number. Detail is the part at fault.
	ReasonBadIndex Reason = "bad_index"
	// ReasonBadTeamName is a team's name that is empty or longer than MaxTeamName.
	ReasonBadTeamName Reason = "bad_team_name"
	// ReasonTargetPeriod is a target line that names no year or quarter, or
	// one that is neither this year nor next (nor their quarters); Detail is it.
	ReasonTargetPeriod Reason = "target_period"
	// ReasonBadTarget is a target line's words that are no metric with its
	// goal, nor a member of the team; Detail is them.
	ReasonBadTarget Reason = "bad_target"
	// ReasonBadDue is a deadline word (截止, due, deadline) in a lead line
	// without one day after it ("截止 下周"); Detail is what follows the word.
	ReasonBadDue Reason = "bad_due"
	// ReasonDuePast is a deadline on a day gone by; Detail is the day (YYYY-MM-DD).
	ReasonDuePast Reason = "due_past"
	// ReasonAliasTaken is an alias (aka, 别名) that is another company's name
	// or alias already; Detail is that company's name.
	ReasonAliasTaken Reason = "alias_taken"
	// ReasonStageOnly is a lead line of a stage word alone ("lead 签约"): no
	// company named; Detail is the word.
	ReasonStageOnly Reason = "stage_only"
	// ReasonBadAlias is an alias line whose alias is empty, too long or has
	// stray quotes, or that says more than a name and its alias.
	ReasonBadAlias Reason = "bad_alias"
)

// Error is planner's error: a Code for the transport, a Reason for the message
// and the piece of input it is about.
type Error struct {
	Code   Code
	Reason Reason
	Detail string // the offending input, or a value the message needs
	Err    error  // the underlying cause, for Internal errors
}

// Errorf returns an *Error with the given code, reason and detail.
func Errorf(code Code, reason Reason, detail string) *Error {
	return &Error{Code: code, Reason: reason, Detail: detail}
}

// Error describes e for logs.
func (e *Error) Error() string {
	s := fmt.Sprintf("%s: %s", e.Code, e.Reason)
	if e.Detail != "" {
		s += fmt.Sprintf(" (%q)", e.Detail)
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrorOf returns the *Error inside err, turning any other error into an Internal one.
func ErrorOf(err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Code: Internal, Reason: ReasonInternalFail, Err: err}
}
