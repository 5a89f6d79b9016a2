package planner

import (
	"context"
	"time"
)

// RunState is where one send of a scheduled run stands in the ledger.
type RunState string

// The states of a send. A send is claimed (pending) before anything is sent,
// so that a restart neither repeats nor loses it.
const (
	RunPending RunState = "pending" // claimed; the message may or may not have reached Slack
	RunSent    RunState = "sent"    // Slack accepted it
	RunFailed  RunState = "failed"  // given up after retries
	RunSkipped RunState = "skipped" // too late to catch up, or nothing to send
)

// Send is one message of a scheduled run: the retrospective to the team's
// channel (Recipient ""), or one reminder to one member.
type Send struct {
	TeamID     string
	Job        Job
	Week       Week
	Recipient  string // a member's user id, or "" for the team's channel
	State      RunState
	Attempts   int
	DueAt      time.Time // when the run was due
	UpdatedAt  time.Time
	MessageRef string // the chat platform's id of the sent message
	Detail     string // why it failed or was skipped
	// Subject is what the send is about besides its week, "" for the weekly
	// jobs: a deadline's company and day for its reminder (DueRun).
	Subject string
}

// Ledger records every scheduled send, so each happens exactly once.
type Ledger interface {
	// ClaimSend records s as pending unless a send with its team, job, week,
	// recipient and subject exists. It returns the send as stored and whether this call created it.
	ClaimSend(ctx context.Context, s Send) (Send, bool, error)
	// UpdateSend stores a send's state, attempts, message id and detail.
	UpdateSend(ctx context.Context, s Send) error
	// PendingSends lists the sends still pending, oldest due first.
	PendingSends(ctx context.Context) ([]Send, error)
	// Schedules returns a team's schedules as admins set them (jobs never set are absent).
	Schedules(ctx context.Context, teamID string) ([]Schedule, error)
	// SetSchedule stores one of a team's schedules.
	SetSchedule(ctx context.Context, teamID string, s Schedule) error
	// SetRemindOff stores whether a member wants no reminders.
	SetRemindOff(ctx context.Context, teamID, userID string, off bool) error
	// ClaimRetroPart records p unless a part with its team, channel, summary
	// and name is stored, and reports whether this call recorded it.
	ClaimRetroPart(ctx context.Context, p RetroPart) (bool, error)
}

// RetroPart is one part of a posted retrospective that follows its summary in
// the summary's thread: a reply with members' weeks, or the chart. Each is
// claimed before it is posted, so that none is posted twice.
type RetroPart struct {
	TeamID     string
	Channel    string
	SummaryRef string // the chat platform's id of the summary whose thread the part is in
	Part       string // "reply 2", "reply 3", … (the message's place), or "chart"
	ClaimedAt  time.Time
}
