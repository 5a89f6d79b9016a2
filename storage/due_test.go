package storage

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// A deadline is stored with a new company, set alone (SetCompanyDue) or
// with a move (UpdateCompany), kept by a move short of its step and by a
// note, cleared by the move that makes its step, and read back by
// CompanyByKey, Pipeline and CompaniesDue, in its team only.
func TestCompanyDeadlines(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	mustMember(t, db, "T2", "U1", "Ann")
	construction := planner.Deadline{Date: day(t, "2026-03-31"), Step: planner.StageConstruction}

	c, err := db.AddCompany(ctx, planner.Company{TeamID: "T1", Name: "常诚车业", OwnerID: "U1", Stage: planner.StageSigned, Due: construction, CreatedAt: t0},
		planner.StageChange{To: planner.StageSigned, By: "U1", At: t0})
	if err != nil || c.Due != construction {
		t.Fatalf("AddCompany with a deadline = %+v, %v", c, err)
	}
	other := mustAddCompany(t, db, "T1", "U1", "CATL", planner.StageNegotiating)
	mustAddCompany(t, db, "T1", "U1", "蓝天科技", planner.StageLead)
	mustAddCompany(t, db, "T2", "U1", "Acme", planner.StageLead)

	// A deadline alone changes nothing else, its UpdatedAt neither.
	soon := planner.Deadline{Date: day(t, "2025-12-01")}
	set, err := db.SetCompanyDue(ctx, "T1", other.ID, soon)
	if err != nil || set.Due != soon || set.Stage != planner.StageNegotiating || !set.UpdatedAt.Equal(other.UpdatedAt) || set.Notes != other.Notes {
		t.Fatalf("SetCompanyDue = %+v, %v; want the company as it was, with its deadline", set, err)
	}
	if _, err := db.SetCompanyDue(ctx, "T2", other.ID+5, soon); err == nil {
		t.Error("SetCompanyDue of an unknown company succeeded")
	} else {
		wantCode(t, err, planner.NotFound)
	}
	due, err := db.CompaniesDue(ctx, "T1")
	if err != nil || len(due) != 2 || due[0].Name != "CATL" || due[1].Name != "常诚车业" || due[1].OwnerName != "王芳" {
		t.Fatalf("CompaniesDue = %+v, %v; want CATL then 常诚车业, the earliest first", due, err)
	}
	if due, err := db.CompaniesDue(ctx, "T2"); err != nil || len(due) != 0 {
		t.Errorf("team T2's CompaniesDue = %+v, %v; want none", due, err)
	}
	views, err := db.Pipeline(ctx, "T1", day(t, "2025-11-17"))
	if err != nil || len(views) != 3 || views[0].Due != construction || views[1].Due != soon || !views[2].Due.IsZero() {
		t.Errorf("Pipeline = %+v, %v; want each company's deadline", views, err)
	}

	move := func(c planner.Company, to planner.Stage, note string, d planner.Deadline) planner.Company {
		t.Helper()
		c.Due = d
		moved, _, err := db.UpdateCompany(ctx, c, planner.StageChange{To: to, By: "U1", At: t0.Add(time.Hour), Note: note})
		if err != nil {
			t.Fatal(err)
		}
		return moved
	}
	for _, step := range []struct {
		name string
		to   planner.Stage
		note string
		set  planner.Deadline
		want planner.Deadline
	}{
		{"a note keeps it", planner.StageSigned, "用地在协调", planner.Deadline{}, construction},
		{"a move short of the step keeps it", planner.StageLanded, "", planner.Deadline{}, construction},
		{"the step clears it", planner.StageConstruction, "", planner.Deadline{}, planner.Deadline{}},
		{"a move may set the next", planner.StageConstruction, "打桩", planner.Deadline{Date: day(t, "2026-09-30"), Step: planner.StageProduction}, planner.Deadline{Date: day(t, "2026-09-30"), Step: planner.StageProduction}},
		{"a new one replaces it", planner.StageConstruction, "", soon, soon},
		{"an unnamed one goes with any move", planner.StageProduction, "", planner.Deadline{}, planner.Deadline{}},
	} {
		c = move(c, step.to, step.note, step.set)
		if got, err := db.CompanyByKey(ctx, "T1", "常诚车业"); err != nil || got.Due != step.want || c.Due != step.want {
			t.Errorf("%s: stored %+v (returned %+v), %v; want %+v", step.name, got.Due, c.Due, err, step.want)
		}
	}
	if cleared, err := db.SetCompanyDue(ctx, "T1", other.ID, planner.Deadline{}); err != nil || !cleared.Due.IsZero() {
		t.Errorf("SetCompanyDue of none = %+v, %v", cleared, err)
	}
	if due, err := db.CompaniesDue(ctx, "T1"); err != nil || len(due) != 0 {
		t.Errorf("CompaniesDue after all cleared = %+v, %v", due, err)
	}
}

// A deadline's reminder is a send whose subject is part of its identity: two
// subjects to one member in one week are two sends, the same one claimed
// again is the one stored, and each is updated and listed on its own.
func TestSendsBySubject(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	first, second := newSend("T1", planner.JobDue, w47, "U1"), newSend("T1", planner.JobDue, w47, "U1")
	first.Subject, second.Subject = "company 1 due 2025-11-21", "company 2 due 2025-11-21"
	weekly := newSend("T1", planner.JobPlan, w47, "U1")
	for _, s := range []planner.Send{first, second, weekly} {
		if _, created := mustClaim(t, db, s); !created {
			t.Fatalf("claim %s: not created", sendKey(s))
		}
	}
	if got, created := mustClaim(t, db, first); created || got.Subject != first.Subject {
		t.Errorf("claiming %s again: %+v, created %t", sendKey(first), got, created)
	}
	first.State, first.MessageRef, first.UpdatedAt = planner.RunSent, "dm-1", t0.Add(time.Minute)
	if err := db.UpdateSend(ctx, first); err != nil {
		t.Fatal(err)
	}
	var subjects []string
	for _, s := range mustPending(t, db) {
		subjects = append(subjects, string(s.Job)+" "+s.Subject)
	}
	if want := []string{"due company 2 due 2025-11-21", "plan "}; !slices.Equal(subjects, want) {
		t.Errorf("pending %q, want %q", subjects, want)
	}
	if got, _ := mustClaim(t, db, first); got.State != planner.RunSent || got.MessageRef != "dm-1" {
		t.Errorf("the first deadline's send %+v, want it sent", got)
	}
	// The weekly jobs have no subject: the table refuses one.
	bad := newSend("T1", planner.JobLog, w47, "U1")
	bad.Subject = "company 1 due 2025-11-21"
	if _, _, err := db.ClaimSend(ctx, bad); err == nil {
		t.Error("a weekly send with a subject was stored")
	}
}

// TestMigrateToDeadlines opens a database that version 11 left, with a
// company and a reminder sent, and checks that migration 13 keeps them
// (no deadline, no subject) and that it goes down to 11, dropping the
// deadlines' sends, and up again.
func TestMigrateToDeadlines(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "planbot.db")
	old, err := sql.Open("sqlite3", dsn(path, settings))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gooseProvider(t, old).UpTo(ctx, 11); err != nil {
		t.Fatalf("migrating to version 11: %v", err)
	}
	for _, stmt := range []string{
		`INSERT INTO teams (id, name) VALUES ('T1', '招商一局')`,
		`INSERT INTO members (team_id, user_id, name) VALUES ('T1', 'U1', '王芳')`,
		`INSERT INTO companies (team_id, id, name, key, owner_id, stage, created_at, updated_at) VALUES ('T1', 1, '常诚车业', '常诚车业', 'U1', 'signed', '2025-11-17T09:00:00Z', '2025-11-17T09:00:00Z')`,
		`INSERT INTO sends (team_id, job, week, recipient, state, attempts, due_at, updated_at, message_ts)
		 VALUES ('T1', 'plan', '2025-W47', 'U1', 'sent', 1, '2025-11-17T01:00:00Z', '2025-11-17T01:00:05Z', 'dm-1')`,
	} {
		if _, err := old.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a version 11 database: %v", err)
	}
	defer db.Close()
	if got, err := db.CompanyByKey(ctx, "T1", "常诚车业"); err != nil || !got.Due.IsZero() || got.Stage != planner.StageSigned {
		t.Errorf("company after migration = %+v, %v; want it without a deadline", got, err)
	}
	plan := newSend("T1", planner.JobPlan, w47, "U1")
	if got, created := mustClaim(t, db, plan); created || got.State != planner.RunSent || got.MessageRef != "dm-1" || got.Subject != "" {
		t.Errorf("the reminder sent before the migration: %+v (created %t), want it kept, sent", got, created)
	}
	reminder := newSend("T1", planner.JobDue, w47, "U1")
	reminder.Subject = "company 1 due 2025-11-21"
	mustClaim(t, db, reminder)
	if _, err := db.SetCompanyDue(ctx, "T1", 1, planner.Deadline{Date: day(t, "2025-11-21")}); err != nil {
		t.Fatal(err)
	}

	provider := gooseProvider(t, db.sql)
	if _, err := provider.DownTo(ctx, 11); err != nil {
		t.Fatalf("down to 11: %v", err)
	}
	if cols := columns(t, db.sql, "companies"); slices.Contains(cols, "due_date") || slices.Contains(cols, "due_step") {
		t.Errorf("companies' columns %v after down: the deadline stays", cols)
	}
	var n int
	if err := db.sql.QueryRowContext(ctx, `SELECT COUNT(*) FROM sends`).Scan(&n); err != nil || n != 1 {
		t.Errorf("sends after down: %d, %v; want the weekly one alone", n, err)
	}
	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got, created := mustClaim(t, db, plan); created || got.State != planner.RunSent {
		t.Errorf("after down and up: %+v (created %t), want the weekly reminder kept", got, created)
	}
}
