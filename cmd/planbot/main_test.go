package main

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestSeedWeekThroughConsoleExportAndDigest(t *testing.T) {
	env := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "planbot.db"), "PLANBOT_NOW": seedNow}
	out := mustPlanbot(t, env, englishWeek, "console", "--user", "ann", "--team", "en")
	if !strings.Contains(out, "Added #4") || !strings.Contains(out, "Done #1") {
		t.Fatalf("English console output:\n%s", out)
	}
	out = mustPlanbot(t, env, chineseWeek, "console", "--user", "王芳", "--team", "zh")
	// Having written Chinese, 王芳 is answered in Chinese even for "sun …".
	if !strings.Contains(out, "已添加 #4") || !strings.Contains(out, "已添加 #5 ⬜ 11月23日周日") || !strings.Contains(out, "已完成 #1") {
		t.Fatalf("Chinese console output:\n%s", out)
	}

	tests := []struct {
		team string
		rows [][]string // id, start, end, kind, count, place, status, title, outcome
	}{
		{"en", [][]string{
			{"1", "2025-11-18", "2025-11-18", "visit", "4", "", "done", "visit 4 enterprises", "2 of 4 interested"},
			{"2", "2025-11-19", "2025-11-19", "fund", "1", "", "planned", "meet a fund company", ""},
			{"3", "2025-11-20", "2025-11-21", "trip", "1", "Beijing", "done", "trip to Beijing", ""},
			{"4", "2025-11-22", "2025-11-23", "training", "1", "", "planned", "retrospective and investment training", ""},
		}},
		{"zh", [][]string{
			{"1", "2025-11-18", "2025-11-18", "visit", "4", "", "done", "对接4家企业", "两家有意向"},
			{"2", "2025-11-19", "2025-11-19", "fund", "1", "", "planned", "对接基金公司开展以商引商", ""},
			{"3", "2025-11-20", "2025-11-21", "trip", "1", "北京", "planned", "出差北京", ""},
			{"4", "2025-11-22", "2025-11-23", "review", "1", "", "planned", "回常总结复盘", ""},
			{"5", "2025-11-23", "2025-11-23", "training", "1", "", "planned", "参加招商培训", ""},
		}},
	}
	for _, tc := range tests {
		t.Run("export "+tc.team, func(t *testing.T) {
			out := mustPlanbot(t, env, "", "export", "--team", tc.team, "--week", "2025-W47")
			records, err := csv.NewReader(strings.NewReader(out)).ReadAll()
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.Join(records[0], ","); got != "id,user_id,user_name,start_date,end_date,kind,count,place,status,title,outcome,visits,amount_wan,currency" {
				t.Fatalf("header %q", got)
			}
			if len(records)-1 != len(tc.rows) {
				t.Fatalf("got %d rows, want %d:\n%s", len(records)-1, len(tc.rows), out)
			}
			for i, want := range tc.rows {
				r := records[i+1]
				got := []string{r[0], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10]}
				if strings.Join(got, "|") != strings.Join(want, "|") {
					t.Errorf("row %d = %q, want %q", i+1, got, want)
				}
			}
		})
	}

	t.Run("digest json en", func(t *testing.T) {
		d := digestJSON(t, env, "en")
		if d.Week != "2025-W47" || d.Start != "2025-11-17" || d.End != "2025-11-23" {
			t.Errorf("week %s %s..%s", d.Week, d.Start, d.End)
		}
		if len(d.Totals) != 11 {
			t.Errorf("totals has %d kinds, want all 11: %v", len(d.Totals), d.Totals)
		}
		want := map[string]totals{
			"visit": {1, 1, 4, 4, 0, 0}, "fund": {1, 0, 1, 0, 0, 0}, "trip": {1, 1, 1, 1, 0, 0}, "training": {1, 0, 1, 0, 0, 0},
			"signing": {}, "review": {}, "meeting": {}, "other": {}, "reception": {}, "event": {}, "leave": {},
		}
		for k, w := range want {
			if d.Totals[k] != w {
				t.Errorf("totals[%s] = %+v, want %+v", k, d.Totals[k], w)
			}
		}
		if len(d.Members) != 1 || d.Members[0].UserID != "ann" || d.Members[0].Items != 4 || d.Members[0].DoneItems != 2 ||
			d.Members[0].Note != "Two companies want a second visit." {
			t.Errorf("members %+v", d.Members)
		}
		if len(d.Trips) != 1 || d.Trips[0].Place != "Beijing" || !slices.Equal(d.Trips[0].Places, []string{"Beijing"}) || d.Trips[0].Start != "2025-11-20" || d.Trips[0].End != "2025-11-21" || d.Trips[0].Status != "done" {
			t.Errorf("trips %+v", d.Trips)
		}
		if len(d.Silent) != 0 || d.OnLeave == nil || len(d.OnLeave) != 0 {
			t.Errorf("silent %v, on leave %v", d.Silent, d.OnLeave)
		}
		if d.Enterprises.Planned != 4 || d.Enterprises.Done != 4 {
			t.Errorf("enterprises met %+v, want the 4 visited", d.Enterprises)
		}
		if d.Team != "en" || len(d.PreviousWeek) != 11 || d.PreviousWeek["visit"] != (totals{}) {
			t.Errorf("team %q, previous week %v", d.Team, d.PreviousWeek)
		}
		if fmt.Sprint(d.CarriedOver) != "[2 4]" || len(d.NextWeekPlanned) != 0 {
			t.Errorf("carried over %v (want the open fund meeting and training), next week %v", d.CarriedOver, d.NextWeekPlanned)
		}
	})
	t.Run("digest json zh", func(t *testing.T) {
		d := digestJSON(t, env, "zh")
		if d.Totals["visit"] != (totals{1, 1, 4, 4, 0, 0}) || d.Totals["review"] != (totals{1, 0, 1, 0, 0, 0}) || d.Totals["training"] != (totals{1, 0, 1, 0, 0, 0}) {
			t.Errorf("totals %+v", d.Totals)
		}
		if len(d.Trips) != 1 || d.Trips[0].Place != "北京" || !slices.Equal(d.Trips[0].Places, []string{"北京"}) || d.Trips[0].UserID != "王芳" {
			t.Errorf("trips %+v", d.Trips)
		}
	})
	t.Run("digest text", func(t *testing.T) {
		out := mustPlanbot(t, env, "", "digest", "--team", "zh", "--week", "2025-W47", "--lang", "zh")
		for _, want := range []string{"第47周", "11月17日–23日", "王芳", "北京"} {
			if !strings.Contains(out, want) {
				t.Errorf("digest text lacks %q:\n%s", want, out)
			}
		}
	})
	t.Run("digest blocks", func(t *testing.T) {
		out := mustPlanbot(t, env, "", "digest", "--team", "zh", "--week", "2025-W47", "--format", "blocks")
		var msgs []struct {
			Text   string            `json:"text"`
			Blocks []json.RawMessage `json:"blocks"`
		}
		if err := json.Unmarshal([]byte(out), &msgs); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if len(msgs) != 1 || len(msgs[0].Blocks) == 0 || len(msgs[0].Blocks) > 50 || !strings.Contains(msgs[0].Text, "北京") {
			t.Errorf("blocks output: %s", out)
		}
	})
	t.Run("several teams need --team", func(t *testing.T) {
		out, err := planbot(t, env, "", "digest")
		if !isUsage(err) || !strings.Contains(err.Error(), "en, zh") {
			t.Errorf("got %v\n%s", err, out)
		}
	})
}

type totals struct {
	Items      int `json:"items"`
	DoneItems  int `json:"done_items"`
	Count      int `json:"count"`
	DoneCount  int `json:"done_count"`
	Visits     int `json:"visits"`
	DoneVisits int `json:"done_visits"`
}

type digestDoc struct {
	Week, Start, End string
	Totals           map[string]totals
	Members          []struct {
		UserID    string `json:"user_id"`
		UserName  string `json:"user_name"`
		Items     int    `json:"items"`
		DoneItems int    `json:"done_items"`
		Note      string `json:"note"`
	}
	Enterprises struct{ Planned, Done int } `json:"enterprises_met"`
	Silent      []string
	OnLeave     []string `json:"on_leave"`
	Trips       []struct {
		UserID                    string `json:"user_id"`
		Place, Start, End, Status string
		Places                    []string
		Visits                    int
	}
	// The retrospective's additions to the core digest.
	Team            string
	PreviousWeek    map[string]totals `json:"previous_week"`
	CarriedOver     []int64           `json:"carried_over"`
	NextWeekPlanned map[string]int    `json:"next_week_planned"`
	Pipeline        struct {
		Moves      []json.RawMessage
		Counts     map[string]int
		Untouched  []string
		Collisions []json.RawMessage
		Overdue    []json.RawMessage
	}
	Money   moneyDoc
	Targets []targetDoc
}

// moneyDoc is the "money" of the digest and the period report, as issue 16
// gives its shape.
type moneyDoc struct {
	SignedProjects int   `json:"signed_projects"`
	SignedWan      int64 `json:"signed_wan"`
	Bands          struct {
		Lt3    int `json:"lt3"`
		From3  int `json:"3to10"`
		From10 int `json:"10to20"`
		Ge20   int `json:"ge20"`
	}
	ByMember map[string]struct {
		SignedProjects int   `json:"signed_projects"`
		SignedWan      int64 `json:"signed_wan"`
	} `json:"by_member"`
	Unpriced int
	Projects []struct {
		CompanyID int64 `json:"company_id"`
		Company   string
		UserID    string `json:"user_id"`
		Day       string
		Amount    struct {
			Wan      int64
			Currency string
		}
	}
}

func digestJSON(t *testing.T, env map[string]string, team string) digestDoc {
	t.Helper()
	out := mustPlanbot(t, env, "", "digest", "--team", team, "--format", "json")
	var d digestDoc
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return d
}

func TestBadConfigIsAUsageError(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "planbot.db")
	mustPlanbot(t, map[string]string{"PLANBOT_DB": db}, "", "console") // an empty database
	tests := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"unknown zone", map[string]string{"PLANBOT_DB": db, "PLANBOT_TZ": "Mars/Olympus"}, []string{"console"}, "PLANBOT_TZ"},
		{"unknown zone flag", map[string]string{"PLANBOT_DB": db}, []string{"console", "--tz", "Nowhere"}, "PLANBOT_TZ"},
		{"bad now", map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": "monday"}, []string{"console"}, "PLANBOT_NOW"},
		{"bad lang", map[string]string{"PLANBOT_DB": db, "PLANBOT_LANG": "fr"}, []string{"console"}, "PLANBOT_LANG"},
		{"unreadable db path", map[string]string{"PLANBOT_DB": filepath.Join(dir, "missing", "x.db")}, []string{"console"}, "PLANBOT_DB"},
		{"no teams yet", map[string]string{"PLANBOT_DB": db}, []string{"export"}, "no team"},
		{"bad week", map[string]string{"PLANBOT_DB": db}, []string{"digest", "--week", "2025-W99"}, "--week"},
		{"bad format", map[string]string{"PLANBOT_DB": db}, []string{"digest", "--format", "xml"}, "--format"},
		{"unknown command", nil, []string{"launch"}, "unknown command"},
		{"no command", nil, nil, "no command"},
		{"serve without a bot token", map[string]string{"PLANBOT_DB": db}, []string{"serve"}, "SLACK_BOT_TOKEN is not set"},
		{"serve with a user token", map[string]string{"PLANBOT_DB": db, "SLACK_BOT_TOKEN": "xoxp-1"}, []string{"serve"}, "xoxb-"},
		{"serve without a signing secret", map[string]string{"PLANBOT_DB": db, "SLACK_BOT_TOKEN": "xoxb-1"}, []string{"serve"}, "SLACK_SIGNING_SECRET"},
		{"serve with a bad app token", map[string]string{"PLANBOT_DB": db, "SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xoxb-2"}, []string{"serve"}, "SLACK_APP_TOKEN"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, err := planbot(t, tc.env, "", tc.args...)
			if !isUsage(err) || !strings.Contains(err.Error()+out, tc.want) {
				t.Errorf("got %v (%s), want a usage error about %q", err, out, tc.want)
			}
		})
	}
}

func TestFlagBeatsEnvAndNowRunsOn(t *testing.T) {
	dir := t.TempDir()
	env := map[string]string{"PLANBOT_DB": filepath.Join(dir, "env.db"), "PLANBOT_NOW": "2030-01-01T00:00:00Z"}
	flagDB := filepath.Join(dir, "flag.db")
	out := mustPlanbot(t, env, "tomorrow visit 2 companies\n", "console", "--db", flagDB, "--now", seedNow, "--team", "t", "--user", "u")
	if !strings.Contains(out, "Tue Nov 18") {
		t.Fatalf("--now did not beat PLANBOT_NOW:\n%s", out)
	}
	out = mustPlanbot(t, map[string]string{"PLANBOT_DB": flagDB}, "", "export", "--week", "2025-W47")
	if !strings.Contains(out, "2025-11-18,2025-11-18,visit,2") {
		t.Fatalf("--db did not beat PLANBOT_DB:\n%s", out)
	}
	if _, err := planbot(t, env, "", "export", "--db", filepath.Join(dir, "env.db")); !isUsage(err) {
		t.Fatalf("env.db should hold no team, got %v", err)
	}
}

func TestClockFromRunsOn(t *testing.T) {
	real := fixedNow()
	clock := clockFrom(time.Date(2025, 11, 17, 9, 0, 0, 0, time.UTC), func() time.Time { return real })
	real = real.Add(90 * time.Minute)
	if got := clock(); !got.Equal(time.Date(2025, 11, 17, 10, 30, 0, 0, time.UTC)) {
		t.Fatalf("clock = %s", got)
	}
}

func TestVersion(t *testing.T) {
	if out := mustPlanbot(t, nil, "", "version"); !strings.HasPrefix(out, "planbot ") {
		t.Fatalf("version printed %q", out)
	}
}
