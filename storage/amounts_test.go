package storage

import (
	"database/sql"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"planbot/planner"
)

// TestMigrateToAmounts opens a database that version 10 left, with an item
// and a company, and checks that migration 11 keeps them, with no amount and
// the team's revision unchanged, and that amounts can then be stored; and
// that it goes down to 10 and up again.
func TestMigrateToAmounts(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "planbot.db")
	old, err := sql.Open("sqlite3", dsn(path, settings))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := gooseProvider(t, old).UpTo(ctx, 10); err != nil {
		t.Fatalf("migrating to version 10: %v", err)
	}
	for _, stmt := range []string{
		`INSERT INTO teams (id, name, last_item_id) VALUES ('T1', '招商一局', 7)`,
		`INSERT INTO members (team_id, user_id, name) VALUES ('T1', 'U1', '王芳')`,
		`INSERT INTO items (team_id, id, user_id, start_date, end_date, kind, count, place, title, status, outcome, created_at, updated_at, visits)
		 VALUES ('T1', 7, 'U1', '2025-11-20', '2025-11-20', 'signing', 1, '', '签约常诚车业', 'done', '', '2025-11-17T09:00:00Z', '2025-11-21T18:00:00Z', 0)`,
		`INSERT INTO companies (team_id, id, name, key, stage, created_at, updated_at) VALUES ('T1', 1, '常诚车业', '常诚车业', 'signed', '2025-11-17T09:00:00Z', '2025-11-17T09:00:00Z')`,
	} {
		if _, err := old.ExecContext(ctx, stmt); err != nil {
			t.Fatalf("%s: %v", stmt, err)
		}
	}
	var revisionBefore int64
	if err := old.QueryRowContext(ctx, `SELECT revision FROM teams WHERE id = 'T1'`).Scan(&revisionBefore); err != nil {
		t.Fatal(err)
	}
	if err := old.Close(); err != nil {
		t.Fatal(err)
	}

	db, err := Open(ctx, path)
	if err != nil {
		t.Fatalf("Open of a version 10 database: %v", err)
	}
	defer db.Close()
	for _, table := range []string{"items", "companies"} {
		if cols := columns(t, db.sql, table); !slices.Contains(cols, "amount_wan") || !slices.Contains(cols, "amount_currency") {
			t.Errorf("%s's columns %v lack the amount", table, cols)
		}
	}
	if got, err := db.Item(ctx, "T1", 7); err != nil || !got.Amount.IsZero() || got.Title != "签约常诚车业" {
		t.Errorf("Item(7) after migration = %+v, %v; want it with no amount", got, err)
	}
	if got, err := db.CompanyByKey(ctx, "T1", "常诚车业"); err != nil || !got.Amount.IsZero() {
		t.Errorf("company after migration = %+v, %v; want no amount", got, err)
	}
	if got := revision(t, db, "T1"); got != revisionBefore {
		t.Errorf("revision %d after migration, want %d as before", got, revisionBefore)
	}
	if got := schemaNames(t, db.sql, "items"); !slices.Equal(got, itemsIndexesAndTriggers) {
		t.Errorf("items' indexes and triggers %v, want %v", got, itemsIndexesAndTriggers)
	}

	it := newItem(t, "T1", "U1", "2025-11-24", "签约蓝天 总投资3.5亿")
	it.Kind, it.Amount = planner.KindSigning, planner.Amount{Value: 35000, Currency: "CNY"}
	added := mustAdd(t, db, "U1", it)[0]
	if added.Amount != it.Amount {
		t.Errorf("stored amount %+v, want %+v", added.Amount, it.Amount)
	}

	provider := gooseProvider(t, db.sql)
	if _, err := provider.DownTo(ctx, 10); err != nil {
		t.Fatalf("down to 10: %v", err)
	}
	if cols := columns(t, db.sql, "items"); slices.Contains(cols, "amount_wan") {
		t.Errorf("items' columns %v after down: the amount stays", cols)
	}
	if _, err := provider.Up(ctx); err != nil {
		t.Fatalf("up again: %v", err)
	}
	if got, err := db.Item(ctx, "T1", added.ID); err != nil || !got.Amount.IsZero() || got.Title != it.Title {
		t.Errorf("Item after down and up = %+v, %v; want it with its amount gone", got, err)
	}
}

// TestItemAndCompanyAmounts stores amounts through AddItems, UpdateItem (an
// edit), AddCompany and UpdateCompany (a lead line), and the rule of
// planner.CompanyAmountFrom: a signing item gives its amount to a linked
// company with none, and never replaces one a company has; the pipeline
// shows each company's amount.
func TestItemAndCompanyAmounts(t *testing.T) {
	db := MustOpenDB(t)
	ctx := t.Context()
	mustMember(t, db, "T1", "U1", "王芳")
	twelve := planner.Amount{Value: 120000, Currency: "CNY"}
	usd := planner.Amount{Value: 20000, Currency: "USD"}
	five := planner.Amount{Value: 5000, Currency: "CNY"}

	blank := mustAddCompany(t, db, "T1", "U1", "常诚车业", planner.StageNegotiating)
	lead := planner.Company{TeamID: "T1", Name: "Acme", OwnerID: "U1", Stage: planner.StageSigned, Amount: usd, CreatedAt: t0}
	acme, err := db.AddCompany(ctx, lead, planner.StageChange{To: planner.StageSigned, By: "U1", At: t0})
	if err != nil || acme.Amount != usd {
		t.Fatalf("AddCompany = %+v, %v; want amount %+v", acme, err, usd)
	}

	// a signing item fills 常诚车业's amount, and leaves Acme's (from its lead line)
	signing := newItem(t, "T1", "U1", "2025-11-20", "签约常诚车业 Acme 总投资12亿元")
	signing.Kind, signing.Amount, signing.Companies = planner.KindSigning, twelve, []planner.Company{blank, acme}
	stored := mustAdd(t, db, "U1", signing)[0]
	if got, err := db.Item(ctx, "T1", stored.ID); err != nil || got.Amount != twelve {
		t.Errorf("Item = %+v, %v; want amount %+v", got, err, twelve)
	}
	companyAmount := func(name string) planner.Amount {
		t.Helper()
		c, err := db.CompanyByKey(ctx, "T1", planner.CompanyKey(name))
		if err != nil {
			t.Fatal(err)
		}
		return c.Amount
	}
	if got := companyAmount("常诚车业"); got != twelve {
		t.Errorf("常诚车业's amount %+v after the signing, want %+v", got, twelve)
	}
	if got := companyAmount("Acme"); got != usd {
		t.Errorf("Acme's amount %+v after the signing, want its lead line's %+v", got, usd)
	}

	// an edit stores the item's new amount; a company that has one keeps it
	stored.Amount, stored.Title = five, "签约常诚车业 计划投资5000万元"
	stored.Companies = []planner.Company{blank}
	edited, err := db.UpdateItem(ctx, stored, planner.Change{By: "U1", Action: "edit", At: t0.Add(time.Hour)})
	if err != nil || edited.Amount != five {
		t.Errorf("UpdateItem = %+v, %v; want amount %+v", edited, err, five)
	}
	if got := companyAmount("常诚车业"); got != twelve {
		t.Errorf("常诚车业's amount %+v after the edit, want %+v kept", got, twelve)
	}
	// an edit to no amount stores none
	stored.Amount = planner.Amount{}
	if edited, err := db.UpdateItem(ctx, stored, planner.Change{By: "U1", Action: "edit", At: t0.Add(2 * time.Hour)}); err != nil || !edited.Amount.IsZero() {
		t.Errorf("UpdateItem to no amount = %+v, %v", edited, err)
	}

	// a lead line's amount replaces the company's; a line without one keeps it
	blank.Amount = five
	moved, _, err := db.UpdateCompany(ctx, blank, planner.StageChange{To: planner.StageSigned, By: "U1", At: t0.Add(3 * time.Hour)})
	if err != nil || moved.Amount != five {
		t.Errorf("UpdateCompany with an amount = %+v, %v; want %+v", moved, err, five)
	}
	blank.Amount = planner.Amount{}
	moved, _, err = db.UpdateCompany(ctx, blank, planner.StageChange{To: planner.StageLanded, By: "U1", At: t0.Add(4 * time.Hour)})
	if err != nil || moved.Amount != five {
		t.Errorf("UpdateCompany without an amount = %+v, %v; want %+v kept", moved, err, five)
	}

	// a visit with an amount gives its companies none
	fresh := mustAddCompany(t, db, "T1", "U1", "蓝天科技", planner.StageLead)
	visit := newItem(t, "T1", "U1", "2025-11-21", "拜访蓝天科技 总投资3亿")
	visit.Kind, visit.Amount, visit.Companies = planner.KindVisit, planner.Amount{Value: 30000, Currency: "CNY"}, []planner.Company{fresh}
	mustAdd(t, db, "U1", visit)
	if got := companyAmount("蓝天科技"); !got.IsZero() {
		t.Errorf("蓝天科技's amount %+v after a visit, want none", got)
	}

	views, err := db.Pipeline(ctx, "T1", day(t, "2025-11-24"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]planner.Amount{"常诚车业": five, "Acme": usd, "蓝天科技": {}}
	for _, v := range views {
		if v.Amount != want[v.Name] {
			t.Errorf("Pipeline: %s's amount %+v, want %+v", v.Name, v.Amount, want[v.Name])
		}
	}
	if len(views) != len(want) {
		t.Errorf("Pipeline: %d companies, want %d", len(views), len(want))
	}

	// a stored amount is whole: a currency that is no code is refused
	bad := newItem(t, "T1", "U1", "2025-11-22", "签约")
	bad.Amount = planner.Amount{Value: 1, Currency: "yuan"}
	_, err = db.AddItems(ctx, []planner.Item{bad}, "U1")
	wantCode(t, err, planner.Internal)
}
