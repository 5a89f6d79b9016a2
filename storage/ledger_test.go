package storage

import (
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"planbot/planner"
)

// mustPending returns the pending sends as stored.
func mustPending(tb testing.TB, db *DB) []planner.Send {
	tb.Helper()
	sends, err := db.PendingSends(tb.Context())
	if err != nil {
		tb.Fatalf("PendingSends: %v", err)
	}
	return sends
}

func TestClaimSendThenReclaim(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")

	s := newSend("T1", planner.JobPlan, w47, "U1")
	s.Attempts = 2
	s.State = planner.RunSent // ignored: a claim is always pending
	s.MessageRef, s.Detail = "ignored.1", "ignored"
	got, created := mustClaim(t, db, s)
	want := planner.Send{
		TeamID: "T1", Job: planner.JobPlan, Week: w47, Recipient: "U1",
		State: planner.RunPending, Attempts: 2, DueAt: t0, UpdatedAt: t0.Add(time.Second),
	}
	if !created || got != want {
		t.Fatalf("first claim = %+v, %v; want %+v, true", got, created, want)
	}

	again := s
	again.Attempts, again.DueAt, again.UpdatedAt = 0, t0.Add(time.Hour), t0.Add(time.Hour)
	if got, created := mustClaim(t, db, again); created || got != want {
		t.Errorf("re-claim = %+v, %v; want the stored %+v, false", got, created, want)
	}

	sent := want
	sent.State, sent.Attempts, sent.UpdatedAt, sent.MessageRef = planner.RunSent, 3, t0.Add(time.Minute), "1731834000.000100"
	if err := db.UpdateSend(ctx, sent); err != nil {
		t.Fatalf("UpdateSend: %v", err)
	}
	if got, created := mustClaim(t, db, again); created || got != sent {
		t.Errorf("re-claim after sending = %+v, %v; want %+v, false", got, created, sent)
	}
	if got := mustPending(t, db); got != nil {
		t.Errorf("PendingSends after sending = %+v, want none", got)
	}
}

func TestClaimSendKey(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	mustMember(t, db, "T2", "U1", "Ann")

	base := newSend("T1", planner.JobPlan, w47, "U1")
	mustClaim(t, db, base)
	for _, s := range []planner.Send{
		newSend("T1", planner.JobPlan, w47, "U2"),
		newSend("T1", planner.JobPlan, w47, ""),
		newSend("T1", planner.JobPlan, w47.Next(), "U1"),
		newSend("T1", planner.JobLog, w47, "U1"),
		newSend("T1", planner.JobRetro, w47, ""),
		newSend("T2", planner.JobPlan, w47, "U1"),
	} {
		if _, created := mustClaim(t, db, s); !created {
			t.Errorf("ClaimSend%s was not created: it is a different send from %s", sendKey(s), sendKey(base))
		}
	}
	if _, created := mustClaim(t, db, base); created {
		t.Errorf("ClaimSend%s created it twice", sendKey(base))
	}
	if got := mustPending(t, db); len(got) != 7 {
		t.Errorf("PendingSends = %d sends, want 7: %+v", len(got), got)
	}
}

func TestConcurrentClaimsCreateOnce(t *testing.T) {
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	const n = 8
	s := newSend("T1", planner.JobRetro, w47, "")
	type result struct {
		s       planner.Send
		created bool
		err     error
	}
	results := make(chan result, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			mine := s
			mine.Attempts = i
			stored, created, err := db.ClaimSend(t.Context(), mine)
			results <- result{stored, created, err}
		})
	}
	wg.Wait()
	close(results)
	var creators int
	var first planner.Send
	for r := range results {
		if r.err != nil {
			t.Fatalf("ClaimSend: %v", r.err)
		}
		if r.created {
			creators++
		}
		if first == (planner.Send{}) {
			first = r.s
		} else if r.s != first {
			t.Errorf("claims saw different sends: %+v and %+v", r.s, first)
		}
	}
	if creators != 1 {
		t.Errorf("%d of %d concurrent claims created the send, want exactly 1", creators, n)
	}
	if got := mustPending(t, db); len(got) != 1 || got[0] != first {
		t.Errorf("PendingSends = %+v, want [%+v]", got, first)
	}
}

func TestClaimSendRefusesZeroTimesAndUnknownTeams(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")

	noDue := newSend("T1", planner.JobPlan, w47, "U1")
	noDue.DueAt = time.Time{}
	noUpdate := newSend("T1", planner.JobPlan, w47, "U1")
	noUpdate.UpdatedAt = time.Time{}
	badJob := newSend("T1", "lunch", w47, "U1")
	for _, s := range []planner.Send{noDue, noUpdate, badJob, newSend("T9", planner.JobRetro, w47, "")} {
		_, _, err := db.ClaimSend(ctx, s)
		t.Log(wantCode(t, err, planner.Internal))
	}
	if got := mustPending(t, db); got != nil {
		t.Errorf("failed claims stored sends: %+v", got)
	}
	sent := newSend("T1", planner.JobPlan, w47, "U1")
	sent.State = planner.RunSent
	sent.UpdatedAt = time.Time{}
	mustClaim(t, db, newSend("T1", planner.JobPlan, w47, "U1"))
	t.Log(wantCode(t, db.UpdateSend(ctx, sent), planner.Internal))
}

func TestUpdateSendRoundTrip(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	claimed, _ := mustClaim(t, db, newSend("T1", planner.JobLog, w47, "U1"))

	shanghai := time.FixedZone("CST", 8*3600)
	failed := claimed
	failed.State, failed.Attempts = planner.RunFailed, 5
	failed.UpdatedAt = time.Date(2025, 11, 21, 17, 30, 1, 123456789, shanghai)
	failed.MessageRef, failed.Detail = "1731834000.000200", "channel_not_found"
	failed.DueAt = t0.Add(time.Hour) // not stored: a send's due time is its claim's
	if err := db.UpdateSend(ctx, failed); err != nil {
		t.Fatalf("UpdateSend: %v", err)
	}
	got, created := mustClaim(t, db, claimed)
	want := failed
	want.DueAt = t0
	want.UpdatedAt = failed.UpdatedAt.UTC()
	if created || got != want {
		t.Errorf("after UpdateSend = %+v, %v; want %+v, false", got, created, want)
	}
	if got.UpdatedAt.Location() != time.UTC || got.DueAt.Location() != time.UTC {
		t.Errorf("times not in UTC: %v, %v", got.UpdatedAt, got.DueAt)
	}

	for _, state := range []planner.RunState{planner.RunSkipped, planner.RunPending} {
		s := want
		s.State, s.Detail = state, "too late"
		if err := db.UpdateSend(ctx, s); err != nil {
			t.Fatalf("UpdateSend(%s): %v", state, err)
		}
		if got, _ := mustClaim(t, db, claimed); got != s {
			t.Errorf("after UpdateSend(%s) = %+v, want %+v", state, got, s)
		}
	}
}

func TestUpdateSendFailures(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	claimed, _ := mustClaim(t, db, newSend("T1", planner.JobPlan, w47, "U1"))

	missing := claimed
	missing.Recipient = "U2"
	missing.State = planner.RunSent
	t.Log(wantCode(t, db.UpdateSend(ctx, missing), planner.Internal))

	for _, bad := range []planner.Send{
		func() planner.Send { s := claimed; s.State = "lost"; return s }(),
		func() planner.Send { s := claimed; s.State = planner.RunSent; s.Attempts = -1; return s }(),
	} {
		t.Log(wantCode(t, db.UpdateSend(ctx, bad), planner.Internal))
	}
	if got, _ := mustClaim(t, db, claimed); got != claimed {
		t.Errorf("failed updates changed the send: %+v, want %+v", got, claimed)
	}
}

func TestPendingSendsInOrderAcrossTeams(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "A", "U1", "Ann")
	mustMember(t, db, "B", "U1", "Ann")

	at := func(s planner.Send, due time.Time) planner.Send { s.DueAt = due; return s }
	half := t0.Add(500 * time.Millisecond) // "…09:00:00.5Z" sorts before "…09:00:00Z" as text
	claims := []planner.Send{
		at(newSend("B", planner.JobRetro, w47, ""), t0.Add(time.Hour)),
		at(newSend("A", planner.JobPlan, w47, "U2"), t0),
		at(newSend("A", planner.JobPlan, w47, "U1"), t0),
		at(newSend("B", planner.JobLog, w47, "U1"), half),
		at(newSend("B", planner.JobPlan, w47, "U1"), t0),
		at(newSend("A", planner.JobLog, w47, "U1"), t0),
		at(newSend("A", planner.JobPlan, w47.Prev(), "U1"), t0),
		at(newSend("A", planner.JobRetro, w47, ""), t0.Add(-time.Hour)), // sent below
		at(newSend("B", planner.JobPlan, w47.Next(), "U1"), t0),         // skipped below
	}
	var stored []planner.Send
	for _, s := range claims {
		got, _ := mustClaim(t, db, s)
		stored = append(stored, got)
	}
	for i, state := range map[int]planner.RunState{7: planner.RunSent, 8: planner.RunSkipped} {
		s := stored[i]
		s.State = state
		if err := db.UpdateSend(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	want := []planner.Send{stored[5], stored[6], stored[2], stored[1], stored[4], stored[3], stored[0]}
	if got := mustPending(t, db); !slices.Equal(got, want) {
		t.Errorf("PendingSends:\n got %+v\nwant %+v", got, want)
	}
}

func TestSchedules(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	mustMember(t, db, "T2", "U1", "Ann")

	if got, err := db.Schedules(ctx, "T1"); err != nil || got != nil {
		t.Fatalf("Schedules of a new team = %+v, %v; want none", got, err)
	}
	retro := planner.Schedule{Job: planner.JobRetro, Weekday: time.Saturday, Hour: 23, Minute: 59}
	plan := planner.Schedule{Job: planner.JobPlan, Weekday: time.Sunday, Hour: 0, Minute: 0, Off: true}
	for _, s := range []planner.Schedule{retro, plan} {
		if err := db.SetSchedule(ctx, "T1", s); err != nil {
			t.Fatalf("SetSchedule(%+v): %v", s, err)
		}
	}
	mustSchedules := func(teamID string, want []planner.Schedule) {
		t.Helper()
		got, err := db.Schedules(ctx, teamID)
		if err != nil {
			t.Fatalf("Schedules(%s): %v", teamID, err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Schedules(%s) = %+v, want %+v", teamID, got, want)
		}
	}
	mustSchedules("T1", []planner.Schedule{plan, retro})
	mustSchedules("T2", nil)

	plan = planner.Schedule{Job: planner.JobPlan, Weekday: time.Tuesday, Hour: 8, Minute: 30}
	if err := db.SetSchedule(ctx, "T1", plan); err != nil {
		t.Fatalf("SetSchedule again: %v", err)
	}
	mustSchedules("T1", []planner.Schedule{plan, retro})

	for _, bad := range []planner.Schedule{
		{Job: planner.JobPlan, Weekday: 7, Hour: 9},
		{Job: planner.JobPlan, Weekday: -1, Hour: 9},
		{Job: planner.JobPlan, Weekday: time.Monday, Hour: 24},
		{Job: planner.JobPlan, Weekday: time.Monday, Hour: -1},
		{Job: planner.JobPlan, Weekday: time.Monday, Hour: 9, Minute: 60},
		{Job: planner.JobLog, Weekday: time.Monday, Hour: 9, Minute: -1},
		{Job: "lunch", Weekday: time.Monday, Hour: 12},
	} {
		t.Log(wantCode(t, db.SetSchedule(ctx, "T1", bad), planner.Internal))
	}
	t.Log(wantCode(t, db.SetSchedule(ctx, "T9", plan), planner.Internal))
	mustSchedules("T1", []planner.Schedule{plan, retro})
	mustSchedules("T9", nil)
	if _, err := db.Team(ctx, "T9"); err == nil {
		t.Error("a failed SetSchedule created team T9")
	}
}

func TestSetRemindOff(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "Ann")
	mustMember(t, db, "T1", "U2", "Bob")
	mustMember(t, db, "T2", "U1", "Ann")

	if err := db.SetRemindOff(ctx, "T1", "U1", true); err != nil {
		t.Fatalf("SetRemindOff: %v", err)
	}
	want := []planner.Member{
		{TeamID: "T1", UserID: "U1", Name: "Ann", RemindOff: true},
		{TeamID: "T1", UserID: "U2", Name: "Bob"},
	}
	if got := mustMembers(t, db, "T1"); !slices.Equal(got, want) {
		t.Errorf("Members = %+v, want %+v", got, want)
	}
	if got := mustMember(t, db, "T1", "U1", "Ann"); got != want[0] {
		t.Errorf("EnsureMember = %+v, want %+v", got, want[0])
	}
	if got := mustMembers(t, db, "T2"); len(got) != 1 || got[0].RemindOff {
		t.Errorf("T2's member changed with T1's: %+v", got)
	}

	if err := db.SetRemindOff(ctx, "T1", "U1", false); err != nil {
		t.Fatalf("SetRemindOff(false): %v", err)
	}
	if got := mustMember(t, db, "T1", "U1", "Ann"); got.RemindOff {
		t.Errorf("after SetRemindOff(false): %+v", got)
	}

	err := db.SetRemindOff(ctx, "T1", "U3", true)
	pe := wantCode(t, err, planner.Internal)
	if !strings.Contains(pe.Error(), "EnsureMember first") {
		t.Errorf("error %q does not say to EnsureMember first", pe.Error())
	}
	t.Log(wantCode(t, db.SetRemindOff(ctx, "T9", "U1", true), planner.Internal))
}

func TestMigrateLedgerDownAndUp(t *testing.T) {
	ctx := t.Context()
	db := MustOpenDB(t)
	mustMember(t, db, "T1", "U1", "Ann")
	mustClaim(t, db, newSend("T1", planner.JobPlan, w47, "U1"))
	if err := db.SetSchedule(ctx, "T1", planner.DefaultSchedule(planner.JobPlan)); err != nil {
		t.Fatal(err)
	}
	if err := db.SetRemindOff(ctx, "T1", "U1", true); err != nil {
		t.Fatal(err)
	}
	provider := gooseProvider(t, db.sql)

	if _, err := provider.DownTo(ctx, 2); err != nil {
		t.Fatalf("down to version 2: %v", err)
	}
	for _, table := range []string{"sends", "schedules"} {
		if got := columns(t, db.sql, table); got != nil {
			t.Errorf("table %s at version 2: columns %v, want none", table, got)
		}
	}
	if got := columns(t, db.sql, "members"); slices.Contains(got, "remind_off") {
		t.Errorf("members at version 2: columns %v", got)
	}

	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got := mustMember(t, db, "T1", "U1", "Ann"); got.RemindOff {
		t.Errorf("after down and up: %+v, want reminders on", got)
	}
	if got := mustPending(t, db); got != nil {
		t.Errorf("after down and up: PendingSends = %+v, want none", got)
	}
}
