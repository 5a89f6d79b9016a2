package slack

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
	"planbot/storage"
	"planbot/storage/storagetest"
)

// The fixtures of the Slack adapter's tests that need bot's types: a handler
// on a fresh SQLite database at a fixed clock, a platform that records its
// work, replies of every shape, and reads of what was stored. The members who
// type, the zone and the week are planner/plannertest's; the database is
// storage/storagetest's.

// newHandler returns a Handler on a fresh SQLite database at plannertest's
// fixed clock (Monday 2025-11-17 09:00 in Shanghai), with English as the
// team language.
func newHandler(t *testing.T) *bot.Handler {
	t.Helper()
	svc, _ := storagetest.Service(t)
	return &bot.Handler{Service: svc, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

// dbOf returns the database of a handler newHandler made.
func dbOf(h *bot.Handler) *storage.DB { return storagetest.DB(h.Service) }

// workLog is a Platform that accepts every piece of work, as a chat
// platform would, and records it.
type workLog struct {
	mu   sync.Mutex
	work []string
}

func (l *workLog) did(what string) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.work = append(l.work, what)
	return nil
}

func (l *workLog) SetupChannel(_ context.Context, w bot.Work) error {
	return l.did("setup " + w.Actor.ChannelID)
}
func (l *workLog) OpenForm(context.Context, bot.Work) error { return l.did("form") }
func (l *workLog) PostRetro(_ context.Context, _ bot.Work, week planner.Week, force bool) error {
	return l.did(fmt.Sprintf("post %s %t", week, force))
}
func (l *workLog) SendReport(_ context.Context, _ bot.Work, week planner.Week) error {
	return l.did("report " + week.String())
}
func (l *workLog) SendPeriodReport(_ context.Context, _ bot.Work, p planner.Period) error {
	return l.did("period report " + p.String())
}

// handle answers line from a on a platform that accepts all work.
func handle(t testing.TB, h *bot.Handler, a planner.Actor, line string) bot.Reply {
	return h.Handle(t.Context(), &workLog{}, a, bot.ParseCommand(line))
}

// mustHandle answers line from a and fails the test on a bot.Failure.
func mustHandle(t *testing.T, h *bot.Handler, a planner.Actor, line string) bot.Reply {
	t.Helper()
	r := handle(t, h, a, line)
	if f, ok := r.Body.(bot.Failure); ok {
		t.Fatalf("%s: %q failed: %v", a.UserName, line, f.Err)
	}
	return r
}

// failure returns the error of a bot.Failure reply and fails the test on any other.
func failure(t *testing.T, r bot.Reply) *planner.Error {
	t.Helper()
	f, ok := r.Body.(bot.Failure)
	if !ok {
		t.Fatalf("reply %T %+v, want a bot.Failure", r.Body, r.Body)
	}
	return f.Err
}

// teamItems returns every item of team teamID, whatever its days.
func teamItems(t *testing.T, h *bot.Handler, teamID string) []planner.Item {
	t.Helper()
	items, err := dbOf(h).ItemsStarting(t.Context(), teamID, "", plannertest.Day(t, "2000-01-01"), plannertest.Day(t, "2099-12-31"))
	if err != nil {
		t.Fatalf("ItemsStarting(%s): %v", teamID, err)
	}
	return items
}

// history returns item id of team teamID as stored, with its changes.
func history(t *testing.T, h *bot.Handler, teamID string, id int64) (planner.Item, []planner.Change) {
	t.Helper()
	it, err := dbOf(h).Item(t.Context(), teamID, id)
	if err != nil {
		t.Fatalf("Item(%s, %d): %v", teamID, id, err)
	}
	changes, err := dbOf(h).History(t.Context(), teamID, id)
	if err != nil {
		t.Fatalf("History(%s, %d): %v", teamID, id, err)
	}
	return it, changes
}

// botReasons are the Reasons the bot package declares for its own refusals
// (unexported there: reasonDidYouMean, reasonOneItem).
var botReasons = []planner.Reason{"did_you_mean", "one_item"}

// sampleBodies are one of each reply shape, and a Failure for every Reason
// (bot's sampleBodies, for the Slack renderings).
func sampleBodies(t *testing.T) map[string]bot.Body {
	visit := planner.Item{ID: 1, TeamID: "T1", UserID: "U1", UserName: "Ann", Start: plannertest.Day(t, "2025-11-18"), End: plannertest.Day(t, "2025-11-18"),
		Kind: planner.KindVisit, Count: 4, Title: "visit 4 enterprises", Status: planner.StatusPlanned}
	trip := planner.Item{ID: 2, TeamID: "T1", UserID: "U2", UserName: "王芳", Start: plannertest.Day(t, "2025-11-20"), End: plannertest.Day(t, "2025-11-21"),
		Kind: planner.KindTrip, Count: 1, Place: "北京", Title: "出差北京", Status: planner.StatusDone, Outcome: "两家有意向"}
	old := planner.Item{ID: 3, TeamID: "T1", UserID: "U3", UserName: "Carol", Start: plannertest.Day(t, "2025-11-10"), End: plannertest.Day(t, "2025-11-10"),
		Kind: planner.KindMeeting, Count: 1, Title: "sync", Status: planner.StatusPlanned}
	members := []planner.Member{{TeamID: "T1", UserID: "U1", Name: "Ann"}, {TeamID: "T1", UserID: "U2", Name: "王芳"}, {TeamID: "T1", UserID: "U3", Name: "Carol"}}
	at := time.Date(2025, 11, 19, 2, 0, 0, 0, time.UTC)
	company := planner.Company{TeamID: "T1", ID: 1, Name: "常诚车业", OwnerID: "U2", OwnerName: "王芳", Stage: planner.StageSigned, CreatedAt: at, UpdatedAt: at}
	overdue := company
	overdue.Due = planner.Deadline{Date: plannertest.Day(t, "2025-11-14"), Step: planner.StageConstruction}
	var csv strings.Builder
	if err := bot.WriteCSV(&csv, []planner.Item{visit, trip}); err != nil {
		t.Fatal(err)
	}
	bodies := map[string]bot.Body{
		"added":        bot.Added{Items: []planner.Item{visit}},
		"added many":   bot.Added{Items: []planner.Item{visit, trip}},
		"week empty":   bot.WeekView{Week: plannertest.W47},
		"week":         bot.WeekView{Week: plannertest.W47, Items: []planner.Item{visit, trip}},
		"team week":    bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "招商一组", Items: []planner.Item{visit, trip}},
		"week of two":  bot.WeekView{Week: planner.Week{Year: 2025, Num: 44}},
		"done":         bot.Changed{Verb: bot.VerbDone, Item: trip},
		"cancel":       bot.Changed{Verb: bot.VerbCancel, Item: visit},
		"move":         bot.Changed{Verb: bot.VerbMove, Item: trip},
		"edit":         bot.Changed{Verb: bot.VerbEdit, Item: visit},
		"note saved":   bot.NoteView{Week: plannertest.W47, Text: "great week", Saved: true},
		"note":         bot.NoteView{Week: plannertest.W47, Text: "great week"},
		"note none":    bot.NoteView{Week: plannertest.W47},
		"digest empty": bot.DigestView{Retro: planner.Retro{Digest: planner.BuildDigest(plannertest.W47, nil, nil, nil, members)}},
		"digest": bot.DigestView{Retro: planner.Retro{Digest: planner.BuildDigest(plannertest.W47, []planner.Item{visit, trip}, []string{old.UserID},
			map[string]string{"U1": "great week"}, members)}},
		"export":   bot.ExportView{Week: plannertest.W47, CSV: csv.String()},
		"lang set": bot.LangSet{Lang: planner.Chinese},
		"help":     bot.Help{},
		"history": bot.HistoryView{Item: trip, Zone: plannertest.Shanghai, Changes: []planner.Change{
			{TeamID: "T1", ItemID: 2, At: time.Date(2025, 11, 17, 1, 0, 0, 0, time.UTC), By: "U2", Action: "add", Detail: "出差北京"},
			{TeamID: "T1", ItemID: 2, At: time.Date(2025, 11, 21, 16, 30, 0, 0, time.UTC), By: "U9", Action: "done", Detail: "两家有意向"},
			{TeamID: "T1", ItemID: 2, At: time.Date(2025, 11, 22, 2, 5, 0, 0, time.UTC), By: "U2", Action: "cancel"},
		}},
		"history new":  bot.HistoryView{Item: visit, Zone: plannertest.Shanghai},
		"forgotten":    bot.Forgotten{UserID: "U2", Items: 3},
		"lead created": bot.LeadView{LeadResult: planner.LeadResult{Company: company, Created: true}, Zone: plannertest.Shanghai},
		"lead moved": bot.LeadView{LeadResult: planner.LeadResult{Company: company,
			Change: planner.StageChange{TeamID: "T1", CompanyID: 1, Company: company.Name, From: planner.StageNegotiating, To: planner.StageSigned, By: "U2", At: at, Note: "年产150万套车灯项目"}}, Zone: plannertest.Shanghai},
		"lead shown": bot.LeadView{LeadResult: planner.LeadResult{Company: company, History: []planner.StageChange{
			{TeamID: "T1", CompanyID: 1, Company: company.Name, To: planner.StageLead, By: "U2", At: at},
			{TeamID: "T1", CompanyID: 1, Company: company.Name, From: planner.StageLead, To: planner.StageSigned, By: "U2", At: at, Note: "签约"},
		}, Items: []planner.Item{trip}}, Zone: plannertest.Shanghai},
		"pipeline":       bot.PipelineView{Companies: []planner.CompanyView{{Company: company, LastContact: plannertest.Day(t, "2025-11-20"), Next: visit}}},
		"pipeline empty": bot.PipelineView{Filter: "signed"},
		"setup done":     bot.SetupDone{Team: planner.Team{ID: "T1", Name: "招商一组", TZ: "Asia/Shanghai", Lang: planner.Chinese, DigestChannel: "C1"}},
		"team named":     bot.TeamNamed{Team: planner.Team{ID: "T1", Name: "Wujin Bureau <!channel> *bold*", NameSet: true}},
		"schedules": bot.ScheduleView{Schedules: map[planner.Job]planner.Schedule{
			planner.JobRetro: {Job: planner.JobRetro, Weekday: time.Sunday, Hour: 18},
			planner.JobPlan:  {Job: planner.JobPlan, Weekday: time.Monday, Hour: 9, Off: true},
		}},
		"remind off":    bot.RemindSet{Off: true},
		"remind on":     bot.RemindSet{},
		"reminder log":  bot.Reminder{Job: planner.JobLog, Week: plannertest.W47, Items: []planner.Item{visit, trip}},
		"reminder plan": bot.Reminder{Job: planner.JobPlan, Week: plannertest.W47, Items: []planner.Item{old}},
		"targets": bot.TargetView{AsOf: plannertest.W47.Start(), Periods: []planner.TargetPeriod{{Year: 2025}, {Year: 2025, Quarter: 4}},
			Progress: []planner.TargetProgress{
				{Metric: planner.MetricAmount, Period: planner.TargetPeriod{Year: 2025}, Goal: 100000, Done: 60000, AsOf: plannertest.W47.Start()},
				{Metric: planner.MetricVisits, Period: planner.TargetPeriod{Year: 2025, Quarter: 4}, Member: "U2", MemberName: "王芳", Goal: 4, Done: 3, AsOf: plannertest.W47.Start()},
			}},
		"targets none": bot.TargetView{AsOf: plannertest.W47.Start(), Periods: []planner.TargetPeriod{{Year: 2025}, {Year: 2025, Quarter: 4}}},
		"targets set": bot.TargetView{AsOf: plannertest.W47.Start(), Periods: []planner.TargetPeriod{{Year: 2025, Quarter: 4}},
			Set: &planner.TargetLine{Period: planner.TargetPeriod{Year: 2025, Quarter: 4}, Member: "U2", MemberName: "王芳", Goals: map[planner.Metric]int64{planner.MetricVisits: 0}}},
		"due reminder": bot.DueReminder{Company: overdue},
		"lead due set": bot.LeadView{LeadResult: planner.LeadResult{Company: overdue, DueSet: true}, Zone: plannertest.Shanghai},
		"horizon 2027": bot.CalendarHorizon{Year: 2027},
	}
	for _, r := range slices.Concat(plannertest.AllReasons, botReasons) {
		detail := "3"
		if r == planner.ReasonUsage {
			detail = string(bot.VerbDone) // a usage failure names the verb
		}
		bodies["failure "+string(r)] = bot.Failure{Err: planner.Errorf(planner.Invalid, r, detail)}
	}
	return bodies
}

// storeWeek stores items, as they are, in team T1 of h's database, with
// their owners as members named as the items name them. A fresh team numbers
// items from 1 in the order they come: the items' ids must be so.
func storeWeek(t *testing.T, h *bot.Handler, items []planner.Item) {
	t.Helper()
	db, at := dbOf(h), h.Service.Now()
	for i, it := range items {
		if it.ID != int64(i+1) {
			t.Fatalf("item %d has the id %d: a fresh team would number it %d", i, it.ID, i+1)
		}
		if _, _, err := db.EnsureMember(t.Context(), planner.Team{ID: "T1", Name: "招商一组"},
			planner.Member{TeamID: "T1", UserID: it.UserID, Name: it.UserName}); err != nil {
			t.Fatalf("EnsureMember(%s): %v", it.UserID, err)
		}
		it.CreatedAt = at
		stored, err := db.AddItems(t.Context(), []planner.Item{it}, it.UserID)
		if err != nil {
			t.Fatalf("AddItems(#%d): %v", it.ID, err)
		}
		if got := stored[0]; got.ID != it.ID || got.UserName != it.UserName || got.Title != it.Title || got.Status != it.Status ||
			got.Start != it.Start || got.End != it.End || got.Kind != it.Kind || got.Count != it.Count ||
			got.Place != it.Place || got.Outcome != it.Outcome {
			t.Fatalf("stored %+v, want %+v", got, it)
		}
	}
}

// keptWeek returns viewer's week w47 (the team's when team is set) as h
// answers it with a WeekCache (one is given to h when it has none): a view
// the cache keeps, with its renderings.
func keptWeek(t *testing.T, h *bot.Handler, viewer planner.Actor, team bool) bot.WeekView {
	t.Helper()
	if h.Weeks == nil {
		h.Weeks = &bot.WeekCache{}
	}
	turn, err := h.Begin(t.Context(), viewer)
	if err != nil {
		t.Fatalf("Begin(%s): %v", viewer.UserName, err)
	}
	v, err := turn.WeekView(t.Context(), plannertest.W47, team)
	if err != nil {
		t.Fatalf("WeekView: %v", err)
	}
	type probe struct{}
	renders := 0
	for range 2 {
		v.Rendered(probe{}, func() (any, int) { renders++; return nil, 0 })
	}
	if renders != 1 {
		t.Fatalf("the view was rendered %d times for 2 uses: the cache does not keep it", renders)
	}
	return v
}
