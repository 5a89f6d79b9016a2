package main

import (
	"bytes"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"sync"
	"testing"
	"time"

	"planbot/bot"
	slackbot "planbot/bot/slack"
	"planbot/cmd/planbench/internal/benchdb"
	"planbot/planner"
	"planbot/storage"
)

// The digest benchmarks run on the database: 20 teams of 50 members,
// 10 items each in each week of 2025 (520,000 items; benchdb.Default520k),
// generated once into the temporary directory and reused (about 200 MB; the
// first run takes some 20 s more). They only read it. The clock stands at
// the end of 2025-W40, when the week's retrospectives are due.
//
//	go test ./cmd/planbench/ -run '^$' -bench 'Retro|Week|Team|Export' -benchtime 10x

// benchSpec is the database the digest benchmarks read.
var benchSpec = benchdb.Default520k

// benchPath is benchSpec's cached file, found (or generated) once per run.
var benchPath struct {
	once sync.Once
	path string
	err  error
}

// digestBench is what a digest benchmark works on: the database opened by
// storage, a handler on it with the fixed clock, and the team being measured.
type digestBench struct {
	db      *storage.DB
	svc     *planner.Service
	handler *bot.Handler
	team    planner.Team
	week    planner.Week
}

// openDigestBench opens the cached 520k-item database for one benchmark and
// closes it when the benchmark ends, checking that the file was not written.
func openDigestBench(b *testing.B) *digestBench {
	b.Helper()
	if testing.Short() {
		b.Skip("the 520k-item database is not built in -short mode")
	}
	benchPath.once.Do(func() {
		start := time.Now()
		benchPath.path, benchPath.err = benchdb.Cached(b.Context(), benchSpec)
		if d := time.Since(start); d > 5*time.Second {
			b.Logf("generated %s in %v", benchPath.path, d.Round(time.Millisecond))
		}
	})
	if benchPath.err != nil {
		b.Fatal(benchPath.err)
	}
	before, err := os.Stat(benchPath.path)
	if err != nil {
		b.Fatal(err)
	}
	db, err := storage.Open(b.Context(), benchPath.path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := db.Close(); err != nil {
			b.Errorf("close: %v", err)
		}
		if after, err := os.Stat(benchPath.path); err != nil || !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
			b.Errorf("the cached database %s was written to: it must only be read", benchPath.path)
		}
	})
	svc := planner.NewService(db, planner.Options{Now: benchSpec.Now, Loc: benchdb.Shanghai, Lang: planner.English})
	team, err := db.Team(b.Context(), benchdb.TeamID(0))
	if err != nil {
		b.Fatal(err)
	}
	return &digestBench{
		db: db, svc: svc, team: team, week: benchSpec.CurrentWeek(),
		handler: &bot.Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))},
	}
}

// retro builds team's retrospective of the benchmark's week as the scheduler
// does: with the service as it works for the team (its zone and language).
func (d *digestBench) retro(b *testing.B, team planner.Team) (planner.Retro, *planner.Service) {
	svc := d.svc.For(team, planner.Member{})
	r, err := svc.Retro(b.Context(), team.ID, d.week)
	if err != nil {
		b.Fatal(err)
	}
	return r, svc
}

// itemsOf counts a retrospective's items of the week (cancelled ones aside).
func itemsOf(r planner.Retro) int {
	n := 0
	for _, t := range r.Totals {
		n += t.Items
	}
	return n
}

// BenchmarkRetroOneTeam builds one 50-member team's retrospective of 2025-W40
// (build: planner.Service.Retro, which reads six weeks of the team's items, some
// 3,000), renders it (messages: the Slack messages the scheduler posts; text:
// the console's), and both at once.
func BenchmarkRetroOneTeam(b *testing.B) {
	d := openDigestBench(b)
	b.Run("build", func(b *testing.B) {
		var r planner.Retro
		for b.Loop() {
			r, _ = d.retro(b, d.team)
		}
		b.ReportMetric(float64(itemsOf(r)), "week-items")
	})
	r, svc := d.retro(b, d.team)
	b.Run("messages", func(b *testing.B) {
		var n int
		for b.Loop() {
			n = len(slackbot.RetroMessages(svc.Lang, r))
		}
		b.ReportMetric(float64(n), "messages")
	})
	b.Run("text", func(b *testing.B) {
		for b.Loop() {
			bot.RetroText(svc.Lang, r)
		}
	})
	b.Run("build+messages", func(b *testing.B) {
		for b.Loop() {
			r, svc := d.retro(b, d.team)
			slackbot.RetroMessages(svc.Lang, r)
		}
	})
}

// BenchmarkRetroAllTeams builds the retrospectives of all 20 teams one after
// the other, as the scheduler's tick does on Sunday evening, and renders their
// Slack messages.
func BenchmarkRetroAllTeams(b *testing.B) {
	d := openDigestBench(b)
	teams, err := d.db.Teams(b.Context())
	if err != nil {
		b.Fatal(err)
	}
	if len(teams) != benchSpec.Teams {
		b.Fatalf("%d teams, want %d", len(teams), benchSpec.Teams)
	}
	b.Run("build", func(b *testing.B) {
		for b.Loop() {
			for _, team := range teams {
				d.retro(b, team)
			}
		}
	})
	b.Run("build+messages", func(b *testing.B) {
		var n int
		for b.Loop() {
			n = 0
			for _, team := range teams {
				r, svc := d.retro(b, team)
				n += len(slackbot.RetroMessages(svc.Lang, r))
			}
		}
		b.ReportMetric(float64(n), "messages")
	})
}

// handleBench measures one /plan line from a member of the benchmark's team:
// handle (bot.ParseCommand, then bot.Handler.Handle on a platform with no work
// to do: parse, read, build the reply), handle+slack (the same, then rendered
// for Slack as Block Kit and fallback text and encoded as the JSON answer) and kept+slack (the same from a handler with a WeekCache,
// as planbot serve has, once the view is kept: a week looked at again;
// encoded by json.Marshal, which checks the kept blocks again, as the HTTP
// answer does not: an upper bound).
func handleBench(b *testing.B, line string, items func(bot.Reply) int) {
	d := openDigestBench(b)
	members, err := d.db.Members(b.Context(), d.team.ID)
	if err != nil || len(members) == 0 {
		b.Fatalf("members: %v, %v", members, err)
	}
	m := members[0]
	actor := planner.Actor{TeamID: d.team.ID, TeamName: d.team.Name, UserID: m.UserID, UserName: m.Name}
	handle := func(b *testing.B) bot.Reply {
		r := d.handler.Handle(b.Context(), bot.NoPlatform{}, actor, bot.ParseCommand(line))
		if f, ok := r.Body.(bot.Failure); ok {
			b.Fatalf("%q: %v", line, f.Err)
		}
		return r
	}
	b.Run("handle", func(b *testing.B) {
		var r bot.Reply
		for b.Loop() {
			r = handle(b)
		}
		b.ReportMetric(float64(items(r)), "items")
	})
	b.Run("handle+slack", func(b *testing.B) {
		var buf bytes.Buffer
		for b.Loop() {
			buf.Reset()
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(slackbot.NewSlackResponse(handle(b))); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(buf.Len()), "json-bytes")
	})
	b.Run("kept+slack", func(b *testing.B) {
		kept := *d.handler
		kept.Weeks = &bot.WeekCache{}
		if _, ok := handle(b).Body.(bot.WeekView); !ok {
			b.Skip("not a week view: nothing to keep")
		}
		var data []byte
		for b.Loop() {
			r := kept.Handle(b.Context(), bot.NoPlatform{}, actor, bot.ParseCommand(line))
			if data, err = json.Marshal(slackbot.NewSlackResponse(r)); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(data)), "json-bytes")
	})
}

// weekItems counts the items of a WeekView reply.
func weekItems(r bot.Reply) int {
	if v, ok := r.Body.(bot.WeekView); ok {
		return len(v.Items)
	}
	return -1
}

// BenchmarkWeek is "/plan week": one member's 10 items of 2025-W40.
func BenchmarkWeek(b *testing.B) { handleBench(b, "week", weekItems) }

// BenchmarkTeam is "/plan team": the team's 500 items of 2025-W40.
func BenchmarkTeam(b *testing.B) { handleBench(b, "team", weekItems) }

// BenchmarkExport is "/plan export": the team's 500 items of 2025-W40 as CSV.
func BenchmarkExport(b *testing.B) {
	handleBench(b, "export", func(r bot.Reply) int {
		if v, ok := r.Body.(bot.ExportView); ok {
			return bytes.Count([]byte(v.CSV), []byte("\r\n")) - 1
		}
		return -1
	})
}
