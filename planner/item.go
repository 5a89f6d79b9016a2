// Package planner is planbot's domain: itinerary items, ISO weeks, the grammar
// that reads "周四至周五 出差北京" or "thu-fri trip to Beijing", the weekly digest,
// and the Store interface it needs. It knows nothing of SQL or Slack.
package planner

import "time"

// Kind is what sort of work an item is.
type Kind string

// The kinds of item, in the order the grammar tries their keywords.
const (
	KindTrip      Kind = "trip"
	KindSigning   Kind = "signing"
	KindFund      Kind = "fund"
	KindReception Kind = "reception" // 接待: an inbound visit the team hosts
	KindVisit     Kind = "visit"
	KindEvent     Kind = "event" // 活动: a promotion event, fair, forum or roadshow
	KindTraining  Kind = "training"
	KindReview    Kind = "review"
	KindMeeting   Kind = "meeting"
	KindLeave     Kind = "leave" // 请假: the member is away, on leave or off
	KindOther     Kind = "other"
)

// Kinds lists every Kind in detection order.
var Kinds = []Kind{KindTrip, KindSigning, KindFund, KindReception, KindVisit, KindEvent, KindTraining, KindReview, KindMeeting, KindLeave, KindOther}

// Valid reports whether k is one of Kinds.
func (k Kind) Valid() bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

// Status is where an item stands.
type Status string

// The statuses of an item.
const (
	StatusPlanned   Status = "planned"
	StatusDone      Status = "done"
	StatusCancelled Status = "cancelled"
)

// Lang is a language planbot speaks.
type Lang string

// The languages planbot speaks.
const (
	English Lang = "en"
	Chinese Lang = "zh"
)

// ParseLang reads "en" or "zh" (and a few spellings of them).
func ParseLang(s string) (Lang, bool) {
	switch s {
	case "en", "EN", "english", "English", "英文", "英语":
		return English, true
	case "zh", "ZH", "cn", "chinese", "Chinese", "中文", "汉语":
		return Chinese, true
	}
	return "", false
}

// Limits on what an item may hold.
const (
	MaxTitle = 1000 // characters in an item's title
	MaxCount = 999  // the largest count
)

// Item is one entry of a member's itinerary: one day or a run of days.
type Item struct {
	ID       int64 // sequential per team, from 1
	TeamID   string
	UserID   string
	UserName string // the member's display name, filled in by the Store when read
	Start    Date
	End      Date // equal to Start for a one-day item
	Kind     Kind
	Count    int
	// Visits is how many enterprises a trip visits ("出差上海 拜访3家企业"), 0 when none.
	Visits int
	Place  string // a trip's destination, as written
	Title  string // the what-text as typed
	// Amount is the money the title names (总投资12亿元), the zero Amount when none.
	Amount  Amount
	Status  Status
	Outcome string // what came of it, or why it was cancelled
	// Companies are the companies the item concerns (ID and Name): set by
	// Service.Add and Edit, stored by AddItems and (when not nil) UpdateItem,
	// read back by CompanyHistory.
	Companies []Company
	CreatedAt time.Time
	UpdatedAt time.Time
}

// Week returns the week the item belongs to: the one it starts in.
func (it Item) Week() Week { return WeekOf(it.Start) }

// Days returns how many calendar days the item spans.
func (it Item) Days() int { return it.Start.DaysUntil(it.End) + 1 }

// ItemCounts counts a member's items in a span of days: all of them, and
// those not cancelled.
type ItemCounts struct {
	All          int `json:"all"`
	NotCancelled int `json:"not_cancelled"`
}

// Member is a person in a team.
type Member struct {
	TeamID    string
	UserID    string
	Name      string
	Lang      Lang      // the member's chosen reply language, or "" for none
	TZ        string    // the member's own time zone (IANA name) when known, else ""
	IsAdmin   bool      // a workspace admin, as the chat platform reports it
	ProfileAt time.Time // when Name, TZ and IsAdmin were last fetched; zero if never
	RemindOff bool      // the member asked for no reminders
}

// Team is a group of members who share items and a digest. Its settings
// override the server's defaults when set.
type Team struct {
	ID            string
	Name          string
	TZ            string // the team's time zone (IANA name), or "" for the default
	Lang          Lang   // the team's default reply language, or "" for the default
	DigestChannel string // where the weekly retrospective is posted, or ""
	// NameSet is whether an admin set Name (/plan setup name): a platform's
	// name for the team (Slack's workspace, Feishu's group) then no longer
	// replaces it.
	NameSet bool
	// Revision grows with every change to the team's items, its members'
	// names and its name, and never goes back: a view of the team's week, or
	// of a member's, read at one revision is current while it is unchanged.
	Revision int64
}

// Change is one line of an item's history: nothing is ever deleted, every change is kept.
type Change struct {
	TeamID string
	ItemID int64
	At     time.Time
	By     string // user id
	Action string // add, done, cancel, move, edit
	Detail string // what changed, human readable
}
