package storage

import (
	"sync"
	"sync/atomic"
	"testing"

	"planbot/planner"
)

// Each part of a posted retrospective is claimed once: again, concurrently,
// or after a restart, the claim finds it taken. Another summary (a forced
// second post) or another channel has parts of its own; a bad part is refused.
func TestClaimRetroPartOnce(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	part := planner.RetroPart{TeamID: "T1", Channel: "CRETRO", SummaryRef: "1700000000.000001", Part: "reply 2", ClaimedAt: t0}

	var wg sync.WaitGroup
	var won atomic.Int64
	for range 8 {
		wg.Go(func() {
			created, err := db.ClaimRetroPart(ctx, part)
			if err != nil {
				t.Error(err)
			}
			if created {
				won.Add(1)
			}
		})
	}
	wg.Wait()
	if won.Load() != 1 {
		t.Fatalf("%d of 8 concurrent claims created the part, want 1", won.Load())
	}

	others := []planner.RetroPart{part, part, part}
	others[0].Part = "chart"
	others[1].SummaryRef = "1700000000.000002"
	others[2].Channel = "COTHER"
	for _, p := range others {
		if created, err := db.ClaimRetroPart(ctx, p); err != nil || !created {
			t.Errorf("claim %+v = %v, %v; want a new claim", p, created, err)
		}
	}

	bad := []planner.RetroPart{part, part, part, part}
	bad[0].Part = "summary"
	bad[1].SummaryRef = ""
	bad[2].ClaimedAt = planner.RetroPart{}.ClaimedAt
	bad[3].TeamID = "TNONE"
	for _, p := range bad {
		_, err := db.ClaimRetroPart(ctx, p)
		wantCode(t, err, planner.Internal)
	}
}
