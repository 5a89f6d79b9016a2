package planner

import (
	"strings"
	"time"
	"unicode"

	"golang.org/x/text/width"
)

// Stage is how far a company (or project) the team courts has come: the
// pipeline of 在谈一批、落地一批、建成一批.
type Stage string

// The stages of the pipeline, in order, then the two that leave it.
const (
	StageLead         Stage = "lead"         // 线索
	StageContacted    Stage = "contacted"    // 已对接
	StageNegotiating  Stage = "negotiating"  // 在谈
	StageSigned       Stage = "signed"       // 签约
	StageLanded       Stage = "landed"       // 落地: registered, land obtained
	StageConstruction Stage = "construction" // 开工
	StageProduction   Stage = "production"   // 投产
	StageOnHold       Stage = "on_hold"      // 暂停
	StageLost         Stage = "lost"         // 流失
)

// Stages lists every Stage: the pipeline in order, then on hold and lost.
var Stages = []Stage{
	StageLead, StageContacted, StageNegotiating, StageSigned, StageLanded,
	StageConstruction, StageProduction, StageOnHold, StageLost,
}

// Valid reports whether s is one of Stages.
func (s Stage) Valid() bool {
	for _, known := range Stages {
		if s == known {
			return true
		}
	}
	return false
}

// MaxCompanyName is the most characters a company's name may have.
const MaxCompanyName = 100

// Company is a company or project the team courts, with its current stage.
type Company struct {
	TeamID    string
	ID        int64 // sequential per team, from 1
	Name      string
	Notes     string
	OwnerID   string // the member who follows it
	OwnerName string // filled in by the Store when read
	Stage     Stage
	// Amount is the project's total investment, the zero Amount when none:
	// set by a lead line's note, or by a signing item (CompanyAmountFrom).
	Amount    Amount
	CreatedAt time.Time
	UpdatedAt time.Time
	// Due is its next step's deadline (督办), the zero Deadline when none: set
	// by a lead line, cleared when a move makes the step (Deadline.MetBy).
	Due Deadline
	// Aliases are its other names (CompanyAlias), as typed, oldest first:
	// all of them from CompanyByKey; from MatchCompanies, those the text names.
	Aliases []string
}

// StageChange is one step of a company's lifecycle: who moved it from one
// stage to another (From is empty when it was created), when, and why.
type StageChange struct {
	TeamID    string    `json:"-"`
	CompanyID int64     `json:"company_id"`
	Company   string    `json:"company"` // the company's name, filled in by the Store when read
	From      Stage     `json:"from"`
	To        Stage     `json:"to"`
	By        string    `json:"by"` // user id
	At        time.Time `json:"at"`
	Note      string    `json:"note"`
}

// CompanyView is a company as a pipeline report shows it: with the last day
// of an item linked to it that was done (zero if none yet) and the next item
// planned with it (ID 0 if none).
type CompanyView struct {
	Company
	LastContact Date
	Next        Item
}

// CompanyKey is the form company names are matched in: invisible format
// characters removed (withoutInvisible), full-width letters, digits and
// punctuation made half-width, case folded, and runs of spaces made one, so
// that "Changcheng  Auto", "ＣＨＡＮＧＣＨＥＮＧ ａｕｔｏ", "changcheng auto" and
// "changcheng\u200b auto" are one company; and traditional Chinese made
// simplified (simplified), so that 京東方 is 京东方.
func CompanyKey(name string) string {
	folded := strings.ToLower(width.Fold.String(simplified(withoutInvisible(name))))
	return strings.Join(strings.FieldsFunc(folded, unicode.IsSpace), " ")
}

// withoutInvisible removes the characters of Unicode category Cf (format):
// zero-width spaces and joiners (U+200B–U+200D, U+2060, U+FEFF), the soft
// hyphen, bidirectional controls. They show as nothing, so a name holding
// one ("常诚\u200b车业") would be a second company that looks the same,
// splitting the pipeline and hiding 撞单.
func withoutInvisible(s string) string {
	if !strings.ContainsFunc(s, isInvisible) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isInvisible(r) {
			return -1
		}
		return r
	}, s)
}

func isInvisible(r rune) bool { return unicode.Is(unicode.Cf, r) }
