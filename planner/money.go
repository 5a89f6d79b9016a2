package planner

import (
	"context"
	"slices"
	"time"
)

// Money is what a period's signings are worth, as 招商 reports count them
// (签约项目X个，总投资Y亿元). The rule, which never counts one project twice: a
// signed project is a pipeline company that reached 签约 or a later stage
// (落地, 开工, 投产) for the first time in the period, whatever it did after
// — but one entered straight at 落地 or later is a record of a project
// signed before, and counts nowhere; its worth is the company's amount (its
// total investment: CompanyAmountFrom).
// Only amounts in CNY are summed and banded: a project whose amount is in
// another currency, or that has none, is counted in SignedProjects and
// Unpriced, never converted at a guessed rate.
type Money struct {
	SignedProjects int                    `json:"signed_projects"`
	SignedWan      int64                  `json:"signed_wan"` // the CNY amounts, in 万元
	Bands          Bands                  `json:"bands"`
	ByMember       map[string]MemberMoney `json:"by_member"` // by the company's owner (or who moved it, with no owner); not a forgotten member

	Unpriced int             `json:"unpriced"`
	Projects []SignedProject `json:"projects"` // in the order they were signed
}

// Bands counts signed projects by their CNY amount in 亿元, as annual
// assessments set minimum counts: below 3亿, 3亿 up to 10亿, 10亿 up to 20亿,
// 20亿 and more (a band includes its lower bound).
type Bands struct {
	Lt3    int `json:"lt3"`
	From3  int `json:"3to10"`
	From10 int `json:"10to20"`
	Ge20   int `json:"ge20"`
}

// MemberMoney is one member's part of Money.
type MemberMoney struct {
	SignedProjects int   `json:"signed_projects"`
	SignedWan      int64 `json:"signed_wan"`
}

// SignedProject is one project of Money: the company, who is credited with
// it ("" for no one: a member since forgotten), the day it reached 签约 (or
// later) and its amount (the zero Amount when none).
type SignedProject struct {
	CompanyID int64  `json:"company_id"`
	Company   string `json:"company"`
	UserID    string `json:"user_id"`
	Day       Date   `json:"day"`
	Amount    Amount `json:"amount"`
}

// wanPerYi is 1亿 in 万.
const wanPerYi = 10000

// IsSigned reports whether stage s is 签约 or a later stage of the pipeline.
func IsSigned(s Stage) bool {
	return s == StageSigned || s == StageLanded || s == StageConstruction || s == StageProduction
}

// BuildMoney computes the Money of the days from from to to (inclusive) in
// zone loc from the team's stage changes up to the end of to, oldest first
// (the earlier ones tell whether a signing is the first), and the team's
// companies.
func BuildMoney(from, to Date, changes []StageChange, companies []Company, loc *time.Location) Money {
	m := Money{ByMember: map[string]MemberMoney{}, Projects: []SignedProject{}}
	byID := make(map[int64]Company, len(companies))
	for _, c := range companies {
		byID[c.ID] = c
	}
	signed := map[int64]bool{}
	for _, ch := range changes {
		if !IsSigned(ch.To) || signed[ch.CompanyID] {
			continue
		}
		signed[ch.CompanyID] = true
		if ch.From == "" && ch.To != StageSigned {
			continue // a project entered at 落地 or later: a record of one signed before, not a signing
		}
		day := DateOf(ch.At, loc)
		if day.Before(from) || to.Before(day) {
			continue
		}
		c := byID[ch.CompanyID]
		who := c.OwnerID
		if who == "" {
			who = ch.By
		}
		m.add(SignedProject{CompanyID: ch.CompanyID, Company: c.Name, UserID: who, Day: day, Amount: c.Amount})
	}
	return m
}

// add counts project p.
func (m *Money) add(p SignedProject) {
	m.Projects = append(m.Projects, p)
	m.SignedProjects++
	wan := p.Amount.Value
	if p.Amount.IsZero() || p.Amount.Currency != "CNY" {
		m.Unpriced++
		wan = 0
	}
	if p.UserID != "" { // "": credited to no one, its member forgotten
		mm := m.ByMember[p.UserID]
		mm.SignedProjects++
		mm.SignedWan += wan
		m.ByMember[p.UserID] = mm
	}
	if wan == 0 {
		return
	}
	m.SignedWan += wan
	switch {
	case wan < 3*wanPerYi:
		m.Bands.Lt3++
	case wan < 10*wanPerYi:
		m.Bands.From3++
	case wan < 20*wanPerYi:
		m.Bands.From10++
	default:
		m.Bands.Ge20++
	}
}

// Of returns the part of m that member userID is credited with.
func (m Money) Of(userID string) Money {
	mine := Money{ByMember: map[string]MemberMoney{}, Projects: []SignedProject{}}
	for _, p := range m.Projects {
		if p.UserID == userID {
			mine.add(p)
		}
	}
	return mine
}

// Money reads and computes the Money of the days from from to to inclusive
// (in the service's zone) for a team.
func (s *Service) Money(ctx context.Context, teamID string, from, to Date) (Money, error) {
	end := time.Date(to.Year, to.Month, to.Day, 0, 0, 0, 0, s.Loc).AddDate(0, 0, 1)
	changes, err := s.store.StageChanges(ctx, teamID, time.Time{}, end)
	if err != nil || !slices.ContainsFunc(changes, func(c StageChange) bool { return IsSigned(c.To) }) {
		return BuildMoney(from, to, nil, nil, s.Loc), err
	}
	views, err := s.store.Pipeline(ctx, teamID, to)
	if err != nil {
		return Money{}, err
	}
	companies := make([]Company, len(views))
	for i, v := range views {
		companies[i] = v.Company
	}
	members, err := s.store.Members(ctx, teamID)
	if err != nil {
		return Money{}, err
	}
	return BuildMoney(from, to, changes, companies, s.Loc).creditedTo(members), nil
}

// creditedTo returns m with the projects of anyone not among members — a
// member who was forgotten, whose id is kept nowhere else — credited to no
// one (UserID ""): counted in the team's totals, in no member's.
func (m Money) creditedTo(members []Member) Money {
	current := make(map[string]bool, len(members))
	for _, mem := range members {
		current[mem.UserID] = true
	}
	out := Money{ByMember: map[string]MemberMoney{}, Projects: []SignedProject{}}
	for _, p := range m.Projects {
		if !current[p.UserID] {
			p.UserID = ""
		}
		out.add(p)
	}
	return out
}
