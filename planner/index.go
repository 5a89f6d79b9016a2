package planner

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Measure is one activity the activity index (招商活跃指数) counts, after the
// index Chongqing publishes weekly for each district: signings, construction
// starts, outbound visits, inbound company visits and promotion events (its
// sixth, publicity, planbot does not record; new leads stand in its place).
type Measure string

// The measures of the activity index, each counted per member in a period.
const (
	MeasureSigning      Measure = "signing"      // 签约: done signing items, by their count
	MeasureConstruction Measure = "construction" // 开工: companies first moved to construction, by who moved them
	MeasureVisit        Measure = "visit"        // 拜访: enterprises met, done (as EnterprisesMet counts them)
	MeasureReception    Measure = "reception"    // 接待: done reception items
	MeasureEvent        Measure = "event"        // 活动: done event items
	MeasureLead         Measure = "lead"         // 线索: companies added to the pipeline, by who added them
)

// Measures lists every Measure, in the order reports show them.
var Measures = []Measure{MeasureSigning, MeasureConstruction, MeasureVisit, MeasureReception, MeasureEvent, MeasureLead}

// maxIndexWeight is the largest weight a measure may have (the store's
// activity_index table checks it too).
const maxIndexWeight = 1000

// DefaultIndexWeights returns the weights of a team that set none. Chongqing
// does not publish its weights; these follow the first week it published
// (36Kr, 2020-08-18, https://www.36kr.com/p/842936592729860: 81 projects
// started, 165 outbound visits, 481 companies received, 327 events), each
// weighted about inversely to how often it happens, with a construction start
// at 20: an outbound visit ≈ 10, two enterprises met → 5 each; a reception
// and an event ≈ 5. A signing, the measure the 招商 assessments weigh most,
// is worth more than a start: 30. A new lead is cheap to record: 2.
func DefaultIndexWeights() map[Measure]int {
	return map[Measure]int{
		MeasureSigning: 30, MeasureConstruction: 20, MeasureVisit: 5,
		MeasureReception: 5, MeasureEvent: 5, MeasureLead: 2,
	}
}

// IndexSettings are a team's activity index settings: whether it is on (it is
// off until an admin turns it on) and the weight of each Measure.
type IndexSettings struct {
	On      bool
	Weights map[Measure]int // every Measure's
}

// IndexStore keeps each team's IndexSettings.
type IndexStore interface {
	// IndexSettings returns a team's settings: off, with
	// DefaultIndexWeights, when its admins never set them.
	IndexSettings(ctx context.Context, teamID string) (IndexSettings, error)
	// SetIndexSettings stores a team's settings, replacing any earlier ones.
	SetIndexSettings(ctx context.Context, teamID string, s IndexSettings) error
}

// Index is a team's activity index over a period: each member's counts of
// the measures, their index (Σ weight × count) and rank.
type Index struct {
	From    Date            `json:"from"`
	To      Date            `json:"to"`
	Weights map[Measure]int `json:"weights"`
	Members []MemberIndex   `json:"members"` // highest index first, then by name
}

// MemberIndex is one member's place in an Index.
type MemberIndex struct {
	UserID   string          `json:"user_id"`
	UserName string          `json:"user_name"`
	Counts   map[Measure]int `json:"counts"` // every Measure's
	Index    int             `json:"index"`
	Rank     int             `json:"rank"` // 1 for the highest; equal indexes share a rank, the next one skips (1, 1, 3)
}

// BuildIndex computes the activity index of the days from..to (inclusive,
// in loc) with weights, from the team's items (those done that start in the
// period count), its stage changes oldest first — every one up to the end
// of the period, so that only a company's first move to construction is a
// start — and its members. Every member is ranked; what anyone else did (a
// member since forgotten) counts for no one.
func BuildIndex(weights map[Measure]int, from, to Date, items []Item, changes []StageChange, members []Member, loc *time.Location) Index {
	ix := Index{From: from, To: to, Weights: weights, Members: []MemberIndex{}}
	counts := map[string]map[Measure]int{}
	for _, m := range members {
		counts[m.UserID] = map[Measure]int{}
		for _, measure := range Measures {
			counts[m.UserID][measure] = 0
		}
	}
	credit := func(userID string, m Measure, n int) {
		if c, ok := counts[userID]; ok {
			c[m] += n
		}
	}
	inPeriod := func(d Date) bool { return !d.Before(from) && !d.After(to) }
	for _, it := range items {
		if it.Status != StatusDone || !inPeriod(it.Start) {
			continue
		}
		switch it.Kind {
		case KindSigning:
			credit(it.UserID, MeasureSigning, max(it.Count, 1))
		case KindVisit:
			credit(it.UserID, MeasureVisit, it.Count)
		case KindReception:
			credit(it.UserID, MeasureReception, 1)
		case KindEvent:
			credit(it.UserID, MeasureEvent, 1)
		}
		if it.Kind != KindVisit {
			credit(it.UserID, MeasureVisit, it.Visits) // "出差上海 拜访3家企业"
		}
	}
	started := map[int64]bool{} // companies whose first move to construction is seen
	for _, c := range changes {
		inside := inPeriod(DateOf(c.At, loc))
		if c.From == "" && inside {
			credit(c.By, MeasureLead, 1)
		}
		if c.To == StageConstruction && c.From != c.To && !started[c.CompanyID] {
			started[c.CompanyID] = true
			if c.From != "" && inside { // added at 开工 is a record of a start, not one
				credit(c.By, MeasureConstruction, 1)
			}
		}
	}
	for _, m := range members {
		mi := MemberIndex{UserID: m.UserID, UserName: m.Name, Counts: counts[m.UserID]}
		for measure, n := range mi.Counts {
			mi.Index += weights[measure] * n
		}
		ix.Members = append(ix.Members, mi)
	}
	slices.SortFunc(ix.Members, func(a, b MemberIndex) int {
		if a.Index != b.Index {
			return b.Index - a.Index
		}
		if c := strings.Compare(a.UserName, b.UserName); c != 0 {
			return c
		}
		return strings.Compare(a.UserID, b.UserID)
	})
	for i := range ix.Members {
		ix.Members[i].Rank = i + 1
		if i > 0 && ix.Members[i].Index == ix.Members[i-1].Index {
			ix.Members[i].Rank = ix.Members[i-1].Rank
		}
	}
	return ix
}
