package slack

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// hostileCase is one hostile /plan line of bot's table (bot/hostile_test.go,
// which writes it to bot/testdata/hostile.txt) and what must come of it.
type hostileCase struct {
	Name   string
	Text   string         // the line as the user typed it
	Want   planner.Reason // the reason it must fail with; "" when it must succeed
	Stored string         // on success, the text stored as typed; "" when nothing may be written
	// Foreign sends the line from a team with no items, while the fixture's
	// item #1 belongs to another team.
	Foreign bool
}

// hostileFixture is the line the owner adds before each case: it becomes item
// #1 of the owner's team, for the cases that name an item (as in bot's table).
const hostileFixture = "tue visit 2 companies"

// hostileCases reads bot's table of hostile lines: one case a line, its fields
// separated by tabs (name, want, foreign|own, stored, text; the texts quoted
// as Go strings), comment lines starting with #.
func hostileCases(t testing.TB) []hostileCase {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "testdata", "hostile.txt"))
	if err != nil {
		t.Fatalf("bot's hostile table: %v (written by go test ./bot -run TestHostileTableFile -update)", err)
	}
	defer f.Close()
	var cases []hostileCase
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "#") {
			continue
		}
		fields := strings.Split(sc.Text(), "\t")
		if len(fields) != 5 {
			t.Fatalf("hostile.txt: %d fields in %q, want 5", len(fields), sc.Text())
		}
		c := hostileCase{Name: fields[0], Foreign: fields[2] == "foreign"}
		if fields[1] != "ok" {
			c.Want = planner.Reason(fields[1])
		}
		if c.Stored, err = strconv.Unquote(fields[3]); err != nil {
			t.Fatalf("hostile.txt %s: stored: %v", c.Name, err)
		}
		if c.Text, err = strconv.Unquote(fields[4]); err != nil {
			t.Fatalf("hostile.txt %s: text: %v", c.Name, err)
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("hostile.txt: %v", err)
	}
	if len(cases) < 40 {
		t.Fatalf("hostile.txt has %d cases, want at least 40", len(cases))
	}
	return cases
}

// pings returns the first of Slack's markup openers in s: text that would
// ping, link or mention if it came from a user unescaped.
func pings(s string) string {
	for _, raw := range []string{"<!", "<@", "<#", "<http"} {
		if strings.Contains(s, raw) {
			return raw
		}
	}
	return ""
}

// checkHostileReply checks a reply to a hostile line as Slack gets it: that
// it is the answer the table wants (bot's test checks the store), and that
// its rendering is a message Slack takes and pings no one.
func checkHostileReply(t *testing.T, c hostileCase, r bot.Reply) {
	t.Helper()
	if r.Body == nil {
		t.Fatalf("empty reply %+v", r)
	}
	if f, ok := r.Body.(bot.Failure); ok != (c.Want != "") || ok && f.Err.Reason != c.Want {
		t.Errorf("answered %T %+v, want %s", r.Body, r.Body, reasonOrOK(c.Want))
	}
	var js bytes.Buffer
	enc := json.NewEncoder(&js)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(NewSlackResponse(r)); err != nil {
		t.Fatalf("encode: %v", err)
	}
	checkSlackMessage(t, js.Bytes())
	if raw := pings(js.String()); raw != "" {
		t.Errorf("the Slack reply holds a raw %q:\n%s", raw, js.String())
	}
	if raw := pings(Fallback(r)); raw != "" {
		t.Errorf("the fallback holds a raw %q: %q", raw, Fallback(r))
	}
	if !utf8.ValidString(Fallback(r)) {
		t.Errorf("the fallback is not UTF-8: %q", Fallback(r))
	}
}

func reasonOrOK(r planner.Reason) string {
	if r == "" {
		return "success"
	}
	return string(r)
}

// Each hostile line, from Eve (team T2, who owns item #1) or from Ann (team
// T1, which has no items), on a fresh database, answered in Slack.
func TestHostileInputs(t *testing.T) {
	for _, c := range hostileCases(t) {
		t.Run(c.Name, func(t *testing.T) {
			h := newHandler(t)
			mustHandle(t, h, plannertest.Eve, hostileFixture)
			mustHandle(t, h, plannertest.Ann, "week")
			who := plannertest.Eve
			if c.Foreign {
				who = plannertest.Ann
			}
			checkHostileReply(t, c, handle(t, h, who, c.Text))
		})
	}
}
