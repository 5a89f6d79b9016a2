package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"planbot/bot"
	slackbot "planbot/bot/slack"
	"planbot/planner"
	"planbot/storage"
)

// hostileLine is one case of bot's hostile table (bot/testdata/hostile.txt,
// written by bot/hostile_test.go).
type hostileLine struct {
	Name    string
	Text    string         // as the user typed it
	Want    planner.Reason // "" when it must succeed
	Stored  string         // on success, the text stored exactly as typed; "" when nothing may be written
	Foreign bool           // sent from a team with no items; item #1 is another team's
}

// hostileFixture must be bot's hostileFixture: the owner's item #1.
const hostileFixture = "tue visit 2 companies"

func readHostileTable(t *testing.T) []hostileLine {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "bot", "testdata", "hostile.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []hostileLine
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 5 {
			t.Fatalf("hostile.txt: %d fields in %q", len(fields), sc.Text())
		}
		c := hostileLine{Name: fields[0], Want: planner.Reason(fields[1]), Foreign: fields[2] == "foreign"}
		if c.Want == "ok" {
			c.Want = ""
		}
		if c.Stored, err = strconv.Unquote(fields[3]); err != nil {
			t.Fatalf("hostile.txt %s: stored: %v", c.Name, err)
		}
		if c.Text, err = strconv.Unquote(fields[4]); err != nil {
			t.Fatalf("hostile.txt %s: text: %v", c.Name, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if len(out) < 40 {
		t.Fatalf("hostile.txt has %d cases, want at least 40", len(out))
	}
	return out
}

// slackEscape is what Slack does to a slash command's text before sending it.
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// teamState is what the store holds for some teams: items (without the
// members' names, which the profile fetch after each answer may change),
// their history, the notes of the clock's week and the members' languages.
type teamState struct {
	Items   map[string][]planner.Item
	History map[string][]planner.Change
	Notes   map[string]map[string]string
	Langs   map[string]planner.Lang
}

func teamStateOf(t *testing.T, db *storage.DB, teams ...string) teamState {
	t.Helper()
	ctx := context.Background()
	s := teamState{map[string][]planner.Item{}, map[string][]planner.Change{}, map[string]map[string]string{}, map[string]planner.Lang{}}
	from, to := planner.Date{Year: 2000, Month: 1, Day: 1}, planner.Date{Year: 2099, Month: 12, Day: 31}
	for _, team := range teams {
		items, err := db.ItemsStarting(ctx, team, "", from, to)
		if err != nil {
			t.Fatalf("ItemsStarting(%s): %v", team, err)
		}
		for i, it := range items {
			items[i].UserName = ""
			changes, err := db.History(ctx, team, it.ID)
			if err != nil {
				t.Fatalf("History(%s, %d): %v", team, it.ID, err)
			}
			s.History[fmt.Sprintf("%s#%d", team, it.ID)] = changes
		}
		s.Items[team] = items
		if s.Notes[team], err = db.Notes(ctx, team, planner.Week{Year: 2025, Num: 47}); err != nil {
			t.Fatalf("Notes(%s): %v", team, err)
		}
		members, err := db.Members(ctx, team)
		if err != nil {
			t.Fatalf("Members(%s): %v", team, err)
		}
		for _, m := range members {
			s.Langs[team+"/"+m.UserID] = m.Lang
		}
	}
	return s
}

func (s teamState) holds(text string) bool {
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

// pings returns the first of Slack's markup openers in s.
func pings(s string) string {
	for _, raw := range []string{"<!", "<@", "<#", "<http"} {
		if strings.Contains(s, raw) {
			return raw
		}
	}
	return ""
}

// explains reports whether a reply's text holds the English explanation of
// reason, whatever its detail: every piece of the sentence around the detail.
func explains(text string, reason planner.Reason) bool {
	const mark = "\x00DETAIL\x00"
	sentence := bot.Explain(planner.English, planner.Errorf(planner.Invalid, reason, mark))
	for _, piece := range strings.Split(sentence, strconv.Quote(mark)) {
		for _, p := range strings.Split(piece, mark) {
			if !strings.Contains(text, slackEscape.Replace(p)) {
				return false
			}
		}
	}
	return true
}

// Each line of bot's hostile table, typed in Slack: sent as Slack sends it
// (form-encoded, & < > escaped, signed) to a real planbot serve. Every case
// has its own two teams: the owner's, whose item #1 the fixture adds, and a
// foreign one with no items.
func TestServeHostileInputs(t *testing.T) {
	cases := readHostileTable(t)
	db := filepath.Join(t.TempDir(), "planbot.db")
	s := startServe(t, db)
	store, err := storage.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	var reasons []planner.Reason
	for _, c := range cases {
		if c.Want != "" {
			reasons = append(reasons, c.Want)
		}
	}
	reasons = append(reasons, planner.ReasonInternalFail)

	for i, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			own, foreign := fmt.Sprintf("TH%02dA", i), fmt.Sprintf("TH%02dB", i)
			s.command(t, s.slash("U1", slackEscape.Replace(hostileFixture), "team_id", own))
			s.command(t, s.slash("U1", "week", "team_id", foreign))
			team := own
			if c.Foreign {
				team = foreign
			}
			before := teamStateOf(t, store, own, foreign)
			form := s.slash("U1", slackEscape.Replace(c.Text), "team_id", team)
			body := []byte(form.Encode())
			if len(body) >= slackbot.MaxBody {
				t.Fatalf("the form is %d bytes, over what planbot reads (%d)", len(body), slackbot.MaxBody)
			}
			code, raw := s.signed(t, "/slack/commands", body)
			if code != 200 {
				t.Fatalf("status %d: %s", code, raw)
			}
			after := teamStateOf(t, store, own, foreign)
			a := decode[answer](t, raw)
			if a.Text == "" || len(a.Blocks) == 0 || bytes.Equal(a.Blocks, []byte("null")) {
				t.Fatalf("empty answer %s", raw)
			}
			for _, shown := range []string{string(raw), a.Text, a.blocksJSON(t)} {
				if p := pings(shown); p != "" {
					t.Errorf("the answer holds a raw %q:\n%s", p, shown)
				}
			}
			if c.Want != "" {
				if !explains(a.Text, c.Want) {
					t.Errorf("the answer does not explain %s:\n%s", c.Want, a.Text)
				}
			} else {
				for _, r := range reasons {
					if explains(a.Text, r) {
						t.Errorf("the answer explains %s, want success:\n%s", r, a.Text)
					}
				}
			}
			switch {
			case c.Stored != "":
				if !after.holds(c.Stored) || before.holds(c.Stored) {
					t.Errorf("%q is not stored exactly as typed; the store holds %+v", c.Stored, after)
				}
			case !reflect.DeepEqual(before, after):
				t.Errorf("the store changed:\nbefore %+v\nafter  %+v", before, after)
			}
		})
	}
}
