package bot

import (
	"bytes"
	"context"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"planbot/planner"
	"planbot/planner/plannertest"
)

// hostileCase is one hostile /plan line and what must come of it.
type hostileCase struct {
	Name string
	Text string         // the line as the user typed it (Slack sends it with & < > escaped)
	Want planner.Reason // the reason it must fail with; "" when it must succeed
	// Stored is, on success, the text that must be stored exactly as typed (an
	// item's title, an outcome or a note); "" when nothing may be written.
	Stored string
	// Foreign sends the line from a team with no items, while the fixture's
	// item #1 belongs to another team.
	Foreign bool
}

// hostileFixture is the line the owner adds before each case: it becomes item
// #1 of the owner's team, for the cases that name an item.
const hostileFixture = "tue visit 2 companies"

// hostileWeek is the week of the fixed clock, where notes go.
var hostileWeek = planner.Week{Year: 2025, Num: 47}

// longText is a line of exactly n characters, mixed English and Chinese.
func longText(prefix string, n int) string {
	r := []rune(prefix + strings.Repeat("visit 4 enterprises 拜访企业 ", n/20+1))
	return string(r[:n])
}

// hostileCases are the hostile inputs, run through the command language here
// through the Slack adapter in bot/slack and through signed HTTP in
// cmd/planbot (both from testdata/hostile.txt, which TestHostileTableFile
// keeps in step with this table).
var hostileCases = []hostileCase{
	// Nothing at all.
	{Name: "empty", Text: ""},
	{Name: "whitespace only", Text: " \t \u3000 \u00a0 "},
	{Name: "newlines only", Text: "\n\n"},
	{Name: "10000 characters", Text: longText("tue ", 10000), Want: planner.ReasonTooLong},

	// Bytes that are not text.
	{Name: "invalid utf-8", Text: "tue visit \xff\xfe companies", Want: planner.ReasonBadText},
	{Name: "invalid utf-8 alone", Text: "\xc3\x28", Want: planner.ReasonBadText},
	{Name: "truncated chinese", Text: "周二 对接\xe4\xbc", Want: planner.ReasonBadText},
	{Name: "utf-8 surrogate", Text: "meeting \xed\xa0\x80", Want: planner.ReasonBadText},
	{Name: "overlong slash", Text: "meeting \xc0\xaf", Want: planner.ReasonBadText},
	{Name: "invalid utf-8 in an outcome", Text: "done 1 \xff", Want: planner.ReasonBadText},
	{Name: "invalid utf-8 in a note", Text: "note \xfe\xff", Want: planner.ReasonBadText},
	{Name: "invalid utf-8 in a language", Text: "lang \xff", Want: planner.ReasonBadText},
	{Name: "NUL", Text: "tue visit\x00 2 companies", Want: planner.ReasonBadText},
	{Name: "BEL", Text: "\x07 meeting", Want: planner.ReasonBadText},
	{Name: "ANSI colour", Text: "\x1b[31mred meeting\x1b[0m", Want: planner.ReasonBadText},
	{Name: "carriage return", Text: "tue meeting\roverwritten", Want: planner.ReasonBadText},
	{Name: "DEL", Text: "meeting\x7f", Want: planner.ReasonBadText},
	{Name: "C1 CSI", Text: "meeting \u009b2J", Want: planner.ReasonBadText},
	{Name: "NUL in a reason", Text: "cancel 1 \x00", Want: planner.ReasonBadText},
	{Name: "escape in a note", Text: "note \x1b[2J", Want: planner.ReasonBadText},
	{Name: "escape in an edit", Text: "edit 1 fri \x1b]0;pwned\x07 visit", Want: planner.ReasonBadText},
	{Name: "tab is text", Text: "tue visit\t2 companies", Stored: "visit\t2 companies"},
	{Name: "newline is text", Text: "tue meeting\nsecond line", Stored: "meeting\nsecond line"},

	// Unicode that is text, however odd.
	{Name: "right-to-left override", Text: "tue \u202emeeting with investors", Stored: "\u202emeeting with investors"},
	{Name: "zero-width joiner", Text: "wed 👩\u200d💻 training", Stored: "👩\u200d💻 training"},
	{Name: "flags and skin tones", Text: "thu 🇨🇳🇺🇸 trip to Beijing 👍🏽", Stored: "🇨🇳🇺🇸 trip to Beijing 👍🏽"},
	{Name: "emoji only", Text: "🎉", Stored: "🎉"},
	{Name: "combining marks", Text: "fri m\u0336e\u0335e\u0337t\u0338ing", Stored: "m\u0336e\u0335e\u0337t\u0338ing"},
	{Name: "byte order mark", Text: "\ufeffmeeting", Stored: "\ufeffmeeting"},
	{Name: "line separator", Text: "tue call\u2028investors", Stored: "call\u2028investors"},

	// SQL, HTML, mrkdwn and Block Kit.
	{Name: "sql drop", Text: "'; DROP TABLE items;--", Stored: "'; DROP TABLE items;--"},
	{Name: "sql or", Text: "1 OR 1=1", Stored: "1 OR 1=1"},
	{Name: "html", Text: "<b>x</b>", Stored: "<b>x</b>"},
	{Name: "mrkdwn", Text: "*bold* _it_ ~s~ `code`", Stored: "*bold* _it_ ~s~ `code`"},
	{Name: "block kit json", Text: `{"type":"section"}`, Stored: `{"type":"section"}`},
	{Name: "closing brackets", Text: "]]}", Stored: "]]}"},
	{Name: "escapes typed literally", Text: "tue visit &lt;2&gt; companies &amp; more", Stored: "visit &lt;2&gt; companies &amp; more"},

	// Mentions and links.
	{Name: "channel", Text: "<!channel>", Stored: "<!channel>"},
	{Name: "here", Text: "<!here> meeting tomorrow", Stored: "<!here> meeting"},
	{Name: "everyone", Text: "<!everyone>", Stored: "<!everyone>"},
	{Name: "user", Text: "<@U123> call fri", Stored: "<@U123> call"},
	{Name: "user group", Text: "<!subteam^S1|@team> sync", Stored: "<!subteam^S1|@team> sync"},
	{Name: "channel link", Text: "<#C1|general> review", Stored: "<#C1|general> review"},
	{Name: "link", Text: "<https://evil.example|click> visit", Stored: "<https://evil.example|click> visit"},
	{Name: "mention in an outcome", Text: "done 1 <!channel> signed", Stored: "<!channel> signed"},
	{Name: "mention in a reason", Text: "cancel 1 <@U123> said no", Stored: "<@U123> said no"},
	{Name: "mention in a note", Text: "note <@U123> <!here> great week", Stored: "<@U123> <!here> great week"},
	{Name: "mention in an edit", Text: "edit 1 fri <!everyone> visit 2 companies", Stored: "<!everyone> visit 2 companies"},
	{Name: "mention after week", Text: "week <!channel>", Stored: "week <!channel>"},
	{Name: "mention as a language", Text: "lang <!channel>", Want: planner.ReasonBadLang},
	{Name: "script as a language", Text: "lang <script>", Want: planner.ReasonBadLang},
	{Name: "mention as a date", Text: "move 1 <!here>", Want: planner.ReasonBadWhen},

	// Counts.
	{Name: "huge count", Text: "999999家企业", Want: planner.ReasonBadCount},
	{Name: "negative count", Text: "-3 companies", Want: planner.ReasonBadCount},
	{Name: "count in scientific notation", Text: "visit 1e9 companies", Stored: "visit 1e9 companies"},

	// Dates.
	{Name: "year 1", Text: "0001-01-01 x", Want: planner.ReasonDateRange},
	{Name: "year 9999", Text: "9999-12-31 x", Want: planner.ReasonDateRange},
	{Name: "february 30", Text: "2025-02-30 x", Want: planner.ReasonBadDate},
	{Name: "eighth weekday", Text: "周八 x", Want: planner.ReasonBadWeekday},
	{Name: "month 13", Text: "13/45 x", Want: planner.ReasonBadDate},
	{Name: "move to february 30", Text: "move 1 2025-02-30", Want: planner.ReasonBadDate},
	{Name: "move to year 9999", Text: "move 1 9999-01-01", Want: planner.ReasonDateRange},
	{Name: "week 99", Text: "team 2025-W99", Want: planner.ReasonBadWeek},

	// Verbs and ids.
	{Name: "unknown verb", Text: "frobnicate 3", Stored: "frobnicate 3"},
	{Name: "id overflows int64", Text: "done 99999999999999999999", Want: planner.ReasonBadID},
	{Name: "id zero", Text: "done 0", Want: planner.ReasonBadID},
	{Name: "id negative", Text: "done -1", Want: planner.ReasonBadID},
	{Name: "another team's item", Text: "done 1", Want: planner.ReasonNoItem, Foreign: true},
	{Name: "another team's item edited", Text: "edit 1 fri <!channel>", Want: planner.ReasonNoItem, Foreign: true},
	{Name: "note of 2000 characters", Text: "note " + strings.Repeat("心得", 1000), Want: planner.ReasonTooLong},
	{Name: "edit of 1001 characters", Text: "edit 1 " + strings.Repeat("x", 1001), Want: planner.ReasonTooLong},
	{Name: "outcome of 1001 characters", Text: "done 1 " + strings.Repeat("好", 1001), Want: planner.ReasonTooLong},

	// Views, which write nothing.
	{Name: "help", Text: "help"},
	{Name: "history", Text: "history 1"},
	{Name: "export", Text: "export"},
	{Name: "digest", Text: "digest"},
}

// hostileFile writes the table as testdata/hostile.txt: one case a line, its
// fields separated by tabs, texts quoted as Go strings so that every byte shows.
func hostileFile() []byte {
	var b bytes.Buffer
	b.WriteString("# Hostile /plan lines, written by bot/hostile_test.go (go test ./bot -run TestHostileTableFile -update).\n")
	b.WriteString("# name\twant (a reason, or ok)\tforeign|own\tstored (Go-quoted)\ttext (Go-quoted)\n")
	for _, c := range hostileCases {
		want, team := "ok", "own"
		if c.Want != "" {
			want = string(c.Want)
		}
		if c.Foreign {
			team = "foreign"
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", c.Name, want, team, strconv.Quote(c.Stored), strconv.Quote(c.Text))
	}
	return b.Bytes()
}

// testdata/hostile.txt is the table, for the Slack adapter's test and cmd/planbot's HTTP test.
func TestHostileTableFile(t *testing.T) {
	if len(hostileCases) < 40 {
		t.Errorf("%d hostile cases, want at least 40", len(hostileCases))
	}
	names := map[string]bool{}
	for _, c := range hostileCases {
		if names[c.Name] || strings.ContainsAny(c.Name, "\t\n") {
			t.Errorf("case name %q is repeated or has a tab or newline", c.Name)
		}
		names[c.Name] = true
		if c.Want != "" && c.Stored != "" {
			t.Errorf("%s: a failure stores nothing", c.Name)
		}
	}
	plannertest.Golden(t, "hostile.txt", hostileFile())
}

// storeState is what the store holds for every team: items, their history,
// the notes of the clock's week and the members' languages.
type storeState struct {
	Items   map[string][]planner.Item
	History map[string][]planner.Change
	Notes   map[string]map[string]string
	Langs   map[string]planner.Lang
}

func storeStateOf(t *testing.T, store planner.Store) storeState {
	t.Helper()
	ctx := context.Background()
	s := storeState{map[string][]planner.Item{}, map[string][]planner.Change{}, map[string]map[string]string{}, map[string]planner.Lang{}}
	teams, err := store.Teams(ctx)
	if err != nil {
		t.Fatalf("Teams: %v", err)
	}
	from, to := planner.Date{Year: 2000, Month: 1, Day: 1}, planner.Date{Year: 2099, Month: 12, Day: 31}
	for _, team := range teams {
		items, err := store.ItemsStarting(ctx, team.ID, "", from, to)
		if err != nil {
			t.Fatalf("ItemsStarting(%s): %v", team.ID, err)
		}
		s.Items[team.ID] = items
		for _, it := range items {
			changes, err := store.History(ctx, team.ID, it.ID)
			if err != nil {
				t.Fatalf("History(%s, %d): %v", team.ID, it.ID, err)
			}
			s.History[fmt.Sprintf("%s#%d", team.ID, it.ID)] = changes
		}
		if s.Notes[team.ID], err = store.Notes(ctx, team.ID, hostileWeek); err != nil {
			t.Fatalf("Notes(%s): %v", team.ID, err)
		}
		members, err := store.Members(ctx, team.ID)
		if err != nil {
			t.Fatalf("Members(%s): %v", team.ID, err)
		}
		for _, m := range members {
			s.Langs[team.ID+"/"+m.UserID] = m.Lang
		}
	}
	return s
}

// holds reports whether text is stored as an item's title or outcome, or as a note.
func (s storeState) holds(text string) bool {
	for _, items := range s.Items {
		for _, it := range items {
			if it.Title == text || it.Outcome == text {
				return true
			}
		}
	}
	for _, notes := range s.Notes {
		for _, n := range notes {
			if n == text {
				return true
			}
		}
	}
	return false
}

// checkHostileReply checks a reply to a hostile line: its reason and what it
// stored. The Slack adapter's tests check how Slack shows it
// (bot/slack/hostile_test.go, from testdata/hostile.txt).
func checkHostileReply(t *testing.T, c hostileCase, r Reply, before, after storeState) {
	t.Helper()
	if r.Body == nil || RenderText(r) == "" {
		t.Fatalf("empty reply %+v", r)
	}
	if f, ok := r.Body.(Failure); ok {
		if f.Err.Reason != c.Want || c.Want == "" {
			t.Errorf("failed with %v, want %s", f.Err, reasonOrOK(c.Want))
		}
		if f.Err.Code == planner.Internal {
			t.Errorf("an internal failure: %v", f.Err)
		}
	} else if c.Want != "" {
		t.Errorf("succeeded with %T %+v, want a failure %s", r.Body, r.Body, c.Want)
	}
	switch {
	case c.Stored != "":
		if !after.holds(c.Stored) || before.holds(c.Stored) {
			t.Errorf("%q is not stored exactly as typed; the store holds %+v", c.Stored, after)
		}
	case !reflect.DeepEqual(before, after):
		t.Errorf("the store changed:\nbefore %+v\nafter  %+v", before, after)
	}
}

func reasonOrOK(r planner.Reason) string {
	if r == "" {
		return "success"
	}
	return string(r)
}

// Each hostile line, from Eve (team T2, who owns item #1) or from Ann (team
// T1, which has no items), on a fresh database.
func TestHostileInputs(t *testing.T) {
	for _, c := range hostileCases {
		t.Run(c.Name, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Eve, hostileFixture)
			mustHandle(t, h, plannertest.Ann, "week")
			who := plannertest.Eve
			if c.Foreign {
				who = plannertest.Ann
			}
			before := storeStateOf(t, dbOf(h))
			r := handle(t, h, who, c.Text)
			checkHostileReply(t, c, r, before, storeStateOf(t, dbOf(h)))
		})
	}
}
