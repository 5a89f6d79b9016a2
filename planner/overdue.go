package planner

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"time"
)

// OverdueCompany is a pipeline company whose deadline has passed while it
// has not made the step (超期), as the retrospective and the period reports
// list it.
type OverdueCompany struct {
	CompanyID int64  `json:"company_id"`
	Company   string `json:"company"`
	Owner     string `json:"owner"`      // the owner's user id, "" when the company has none
	OwnerName string `json:"owner_name"` // the owner's name, "" when unknown
	Stage     Stage  `json:"stage"`      // where the company is
	Due       Date   `json:"due"`        // the deadline's day
	Step      Stage  `json:"step,omitempty"`
}

// overdueOf returns the companies whose deadline has passed by day asOf,
// the longest overdue first, then by id.
func overdueOf(companies []Company, asOf Date) []OverdueCompany {
	out := []OverdueCompany{}
	for _, c := range companies {
		if c.Due.Overdue(asOf) {
			out = append(out, OverdueCompany{CompanyID: c.ID, Company: c.Name, Owner: c.OwnerID, OwnerName: c.OwnerName,
				Stage: c.Stage, Due: c.Due.Date, Step: c.Due.Step})
		}
	}
	slices.SortStableFunc(out, func(a, b OverdueCompany) int {
		return cmp.Or(a.Due.utc().Compare(b.Due.utc()), cmp.Compare(a.CompanyID, b.CompanyID))
	})
	return out
}

// Overdue lists the team's companies overdue as of day asOf (超期): their
// deadline is before asOf and they have not made its step since it was set
// (a move that makes it clears the deadline: Deadline.MetBy). The deadline's
// own day is still in time. It is what a report over any period lists, as of
// the period's last day (or today, for a period not yet over).
func (s *Service) Overdue(ctx context.Context, teamID string, asOf Date) ([]OverdueCompany, error) {
	companies, err := s.store.CompaniesDue(ctx, teamID)
	if err != nil {
		return nil, err
	}
	return overdueOf(companies, asOf), nil
}

// Deadlines lists the team's companies that have a deadline, the earliest first.
func (s *Service) Deadlines(ctx context.Context, teamID string) ([]Company, error) {
	return s.store.CompaniesDue(ctx, teamID)
}

// JobDue is the direct message a company's owner gets once its deadline has
// passed (督办). It is no weekly job: it has no schedule of its own (DueRun).
const JobDue Job = "due"

// dueHour is the hour, in its owner's zone, at which a deadline's reminder is due.
const dueHour = 9

// dueWindow is how long after it was due a deadline's reminder is looked
// at: within MaxLate it is sent (a catch-up after downtime), after that
// recorded as missed, and then no more looked at, so that a company overdue
// for months costs nothing on each tick.
const dueWindow = 2 * MaxLate

// DueRun returns the run of company c's deadline reminder to its owner, who
// lives in zone loc: on the first working day after the deadline, by calendar
// cal (Monday to Friday when nil), at dueHour. Its identity is the company
// and the deadline's day, so each deadline is reminded of once, and a new
// deadline is a new reminder. ok is false when c has no deadline or no owner.
func DueRun(c Company, cal Calendar, loc *time.Location) (run Run, ok bool) {
	if c.Due.IsZero() || c.OwnerID == "" {
		return Run{}, false
	}
	if cal == nil {
		cal = WeekdayCalendar{}
	}
	day := NextWorkingDay(cal, c.Due.Date.AddDays(1))
	return Run{
		Job: JobDue, Week: WeekOf(c.Due.Date), At: wallClock(day, dueHour, 0, loc),
		Subject: fmt.Sprintf("company %d due %s", c.ID, c.Due.Date),
	}, true
}

// DueNow reports whether run (a DueRun) is to be delivered at now: it is
// due, and within dueWindow.
func DueNow(run Run, now time.Time) bool {
	return !run.At.After(now) && now.Sub(run.At) <= dueWindow
}

// companiesOf returns the companies of pipeline views.
func companiesOf(views []CompanyView) []Company {
	companies := make([]Company, len(views))
	for i, v := range views {
		companies[i] = v.Company
	}
	return companies
}
