package planner

import (
	"testing"
	"time"
)

// companiesAsOf puts each company at the stage its last change before the
// end gave it, keeps an update made before the end and replaces a later one
// by that change's instant, leaves out a company added at the end or later,
// and keeps one without any change that was added before the end.
func TestCompaniesAsOf(t *testing.T) {
	at := func(day int) time.Time { return time.Date(2025, 11, day, 8, 0, 0, 0, time.UTC) }
	end := at(17)
	changes := []StageChange{
		{CompanyID: 1, To: StageLead, At: at(3)},
		{CompanyID: 1, To: StageNegotiating, At: at(12)},
		{CompanyID: 2, To: StageContacted, At: at(5)},
	}
	for _, c := range []struct {
		name      string
		now       CompanyView
		wantStage Stage
		wantAt    time.Time
		wantGone  bool
	}{
		{"moved since", companyView(1, StageSigned, at(3), at(18)), StageNegotiating, at(12), false},
		{"not moved since", companyView(2, StageContacted, at(5), at(14)), StageContacted, at(14), false},
		{"added since", companyView(3, StageLead, at(18), at(18)), "", time.Time{}, true},
		{"added at the end", companyView(3, StageLead, end, end), "", time.Time{}, true},
		{"no history, added before", companyView(4, StageLanded, at(1), at(1)), StageLanded, at(1), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := companiesAsOf([]CompanyView{c.now}, changes, end)
			if c.wantGone {
				if len(got) != 0 {
					t.Errorf("got %+v, want none", got)
				}
				return
			}
			if len(got) != 1 || got[0].Stage != c.wantStage || !got[0].UpdatedAt.Equal(c.wantAt) {
				t.Errorf("got %+v, want stage %s updated %s", got, c.wantStage, c.wantAt)
			}
		})
	}
}

// companyView is company id at stage, created and last updated at the instants given.
func companyView(id int64, stage Stage, created, updated time.Time) CompanyView {
	return CompanyView{Company: Company{ID: id, Name: "C", Stage: stage, CreatedAt: created, UpdatedAt: updated}}
}
