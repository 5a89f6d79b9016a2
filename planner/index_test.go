package planner_test

import (
	"maps"
	"testing"
	"time"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// indexMembers are team T1's members of the scripted week: Ann, 王芳, Mike, 陈静.
func indexMembers() []planner.Member {
	var members []planner.Member
	for _, id := range []string{"U1", "U2", "U3", "U4"} {
		members = append(members, planner.Member{TeamID: "T1", UserID: id, Name: plannertest.RetroNames[id]})
	}
	return members
}

// stageChange is a move of company id from one stage to another by user, at
// an RFC 3339 instant.
func stageChange(t *testing.T, id int64, from, to planner.Stage, by, at string) planner.StageChange {
	t.Helper()
	when, err := time.Parse(time.RFC3339, at)
	if err != nil {
		t.Fatal(err)
	}
	return planner.StageChange{TeamID: "T1", CompanyID: id, From: from, To: to, By: by, At: when}
}

// What each measure counts, member by member, over week 47 in Shanghai.
func TestBuildIndexCounts(t *testing.T) {
	done, planned, cancelled := planner.StatusDone, planner.StatusPlanned, planner.StatusCancelled
	item := func(id int64, user, day string, kind planner.Kind, count int, status planner.Status) planner.Item {
		return plannertest.RetroItem(t, id, user, day, day, kind, count, "item", status, "")
	}
	trip := plannertest.RetroTrip(t, 9, "U1", "2025-11-20", "2025-11-21", "上海", "出差上海 拜访3家企业", done, "")
	trip.Visits = 3
	lead, negotiating, signed, landed, construction := planner.StageLead, planner.StageNegotiating, planner.StageSigned, planner.StageLanded, planner.StageConstruction
	tests := []struct {
		name    string
		items   []planner.Item
		changes []planner.StageChange
		want    map[string]map[planner.Measure]int // user id → the counts that are not 0
	}{
		{"a signing counts by its count", []planner.Item{item(1, "U2", "2025-11-21", planner.KindSigning, 2, done)}, nil,
			map[string]map[planner.Measure]int{"U2": {planner.MeasureSigning: 2}}},
		{"only done items count", []planner.Item{
			item(1, "U2", "2025-11-21", planner.KindSigning, 1, planned),
			item(2, "U2", "2025-11-21", planner.KindVisit, 4, cancelled),
			item(3, "U3", "2025-11-20", planner.KindEvent, 1, planned),
		}, nil, nil},
		{"only items starting in the period count", []planner.Item{
			item(1, "U1", "2025-11-16", planner.KindVisit, 3, done),
			item(2, "U1", "2025-11-24", planner.KindVisit, 3, done),
			item(3, "U1", "2025-11-23", planner.KindVisit, 2, done),
		}, nil, map[string]map[planner.Measure]int{"U1": {planner.MeasureVisit: 2}}},
		{"enterprises met: visits' counts and trips' visits", []planner.Item{item(1, "U1", "2025-11-17", planner.KindVisit, 4, done), trip}, nil,
			map[string]map[planner.Measure]int{"U1": {planner.MeasureVisit: 7}}},
		{"receptions and events count by item", []planner.Item{
			item(1, "U2", "2025-11-20", planner.KindReception, 20, done),
			item(2, "U3", "2025-11-19", planner.KindEvent, 3, done),
			item(3, "U3", "2025-11-18", planner.KindMeeting, 1, done),
		}, nil, map[string]map[planner.Measure]int{"U2": {planner.MeasureReception: 1}, "U3": {planner.MeasureEvent: 1}}},
		{"a company added is a new lead of who added it", nil, []planner.StageChange{
			stageChange(t, 1, "", lead, "U1", "2025-11-10T02:00:00Z"), // the week before
			stageChange(t, 2, "", negotiating, "U2", "2025-11-18T02:00:00Z"),
			stageChange(t, 3, "", lead, "U2", "2025-11-16T16:30:00Z"), // 00:30 on Monday in Shanghai
			stageChange(t, 4, "", lead, "U3", "2025-11-23T16:30:00Z"), // 00:30 on the Monday after
		}, map[string]map[planner.Measure]int{"U2": {planner.MeasureLead: 2}}},
		{"a construction start is a company's first move to 开工, by who moved it", nil, []planner.StageChange{
			stageChange(t, 1, "", signed, "U1", "2025-11-01T02:00:00Z"),
			stageChange(t, 1, signed, construction, "U3", "2025-11-19T02:00:00Z"),
			stageChange(t, 1, construction, construction, "U3", "2025-11-20T02:00:00Z"), // a note
			stageChange(t, 1, construction, landed, "U3", "2025-11-20T03:00:00Z"),       // moved back
			stageChange(t, 1, landed, construction, "U2", "2025-11-21T02:00:00Z"),       // and on again: no second start
		}, map[string]map[planner.Measure]int{"U3": {planner.MeasureConstruction: 1}}},
		{"a start before the period is not counted again", nil, []planner.StageChange{
			stageChange(t, 1, signed, construction, "U1", "2025-11-12T02:00:00Z"),
			stageChange(t, 1, construction, signed, "U1", "2025-11-13T02:00:00Z"),
			stageChange(t, 1, signed, construction, "U1", "2025-11-18T02:00:00Z"),
		}, nil},
		{"a company added at 开工 is a new lead, never a start", nil, []planner.StageChange{
			stageChange(t, 1, "", construction, "U4", "2025-11-18T02:00:00Z"),
			stageChange(t, 1, construction, landed, "U4", "2025-11-19T02:00:00Z"),
			stageChange(t, 1, landed, construction, "U4", "2025-11-20T02:00:00Z"),
		}, map[string]map[planner.Measure]int{"U4": {planner.MeasureLead: 1}}},
		{"what a forgotten member did counts for no one", []planner.Item{item(1, "U8", "2025-11-18", planner.KindSigning, 1, done)},
			[]planner.StageChange{stageChange(t, 1, "", lead, "U8", "2025-11-18T02:00:00Z")}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ix := planner.BuildIndex(planner.DefaultIndexWeights(), plannertest.W47.Start(), plannertest.W47.End(),
				tt.items, tt.changes, indexMembers(), plannertest.Shanghai)
			if len(ix.Members) != len(indexMembers()) {
				t.Fatalf("%d members ranked, want every one of %d", len(ix.Members), len(indexMembers()))
			}
			for _, m := range ix.Members {
				want := map[planner.Measure]int{}
				for _, measure := range planner.Measures {
					want[measure] = tt.want[m.UserID][measure]
				}
				if !maps.Equal(m.Counts, want) {
					t.Errorf("%s counts %v, want %v", m.UserName, m.Counts, want)
				}
			}
		})
	}
}

// The index is Σ weight × count; members are ranked by it, highest first,
// equal indexes sharing a rank (1, 2, 2, 4) and listed by name.
func TestBuildIndexRanks(t *testing.T) {
	done := planner.StatusDone
	item := func(id int64, user string, kind planner.Kind, count int) planner.Item {
		return plannertest.RetroItem(t, id, user, "2025-11-18", "2025-11-18", kind, count, "item", done, "")
	}
	items := []planner.Item{
		item(1, "U2", planner.KindSigning, 1),   // 王芳: 30
		item(2, "U2", planner.KindVisit, 3),     // 王芳: + 3 × 5
		item(3, "U1", planner.KindVisit, 4),     // Ann: 20
		item(4, "U3", planner.KindReception, 1), // Mike: 5
		item(5, "U3", planner.KindEvent, 1),     // Mike: + 5 + 5
		item(6, "U3", planner.KindEvent, 1),
	}
	changes := []planner.StageChange{
		stageChange(t, 1, "", planner.StageSigned, "U4", "2025-11-17T02:00:00Z"),                        // 陈静: a new lead, 2
		stageChange(t, 1, planner.StageSigned, planner.StageConstruction, "U4", "2025-11-19T02:00:00Z"), // + a start, 20
	}
	type ranked struct {
		name        string
		index, rank int
	}
	for _, tt := range []struct {
		name    string
		weights map[planner.Measure]int
		want    []ranked
	}{
		{"default weights", planner.DefaultIndexWeights(),
			[]ranked{{"王芳", 45, 1}, {"陈静", 22, 2}, {"Ann", 20, 3}, {"Mike", 15, 4}}},
		{"ties share a rank, by name", map[planner.Measure]int{planner.MeasureSigning: 10, planner.MeasureVisit: 5, planner.MeasureReception: 10,
			planner.MeasureEvent: 5, planner.MeasureConstruction: 0, planner.MeasureLead: 0},
			[]ranked{{"王芳", 25, 1}, {"Ann", 20, 2}, {"Mike", 20, 2}, {"陈静", 0, 4}}},
		{"all weights 0", map[planner.Measure]int{},
			[]ranked{{"Ann", 0, 1}, {"Mike", 0, 1}, {"王芳", 0, 1}, {"陈静", 0, 1}}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := planner.BuildIndex(tt.weights, plannertest.W47.Start(), plannertest.W47.End(), items, changes, indexMembers(), plannertest.Shanghai)
			var got []ranked
			for _, m := range ix.Members {
				got = append(got, ranked{m.UserName, m.Index, m.Rank})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("ranked %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("ranked %v, want %v", got, tt.want)
					break
				}
			}
		})
	}
}
