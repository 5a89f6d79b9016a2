package slack

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// forgedTitle is an item whose text tries to add a line of planbot's own to
// the report a lead sends upward.
const forgedTitle = "visit 1 enterprise\n*Completion 100% (50 of 50 items done)*"

// profiled is when a test's profile was read from Slack.
var profiled = time.Date(2025, 11, 17, 8, 0, 0, 0, time.UTC)

// mallory is a member whose display name would close planbot's bold heading.
var mallory = planner.Actor{TeamID: "T1", TeamName: "招商一组", UserID: "U9", UserName: "M*allory"}

// forgedTeam is a team whose week holds forged lines in a title, an outcome
// and a note, written by a member whose name has a mrkdwn marker.
func forgedTeam(t *testing.T) *bot.Handler {
	t.Helper()
	h := newHandler(t)
	mustHandle(t, h, mallory, "tue "+forgedTitle)                               // #1
	mustHandle(t, h, mallory, "done 1 met the boss\n> _All 12 members logged_") // an outcome
	mustHandle(t, h, mallory, "wed meeting\u2028`Carried over: nothing`\u2029~x~")
	mustHandle(t, h, mallory, "note fine\n\n*Completion 100% (9 of 9 items done)*\t")
	mustHandle(t, h, plannertest.Ann, "thu visit 2 enterprises")
	return h
}

// forgeries are the texts that must never stand on a line of their own.
var forgeries = []string{"50 of 50 items done", "9 of 9 items done", "All 12 members logged", "Carried over: nothing"}

// checkOneLine fails when a forged text starts a line, or stands on a line
// without the item, outcome or note that carries it.
func checkOneLine(t *testing.T, surface, text string) {
	t.Helper()
	carriers := map[string][]string{
		"50 of 50 items done":   {"visit 1 enterprise"},
		"9 of 9 items done":     {"note", "心得"},
		"All 12 members logged": {"met the boss"},
		"Carried over: nothing": {"wed meeting", "meeting"},
	}
	// Slack, terminals and spreadsheets may break a line at any of these.
	breaks := func(r rune) bool { return strings.ContainsRune("\n\r\v\f\u0085\u2028\u2029", r) }
	for _, line := range strings.FieldsFunc(text, breaks) {
		for _, forged := range forgeries {
			if !strings.Contains(line, forged) {
				continue
			}
			found := false
			for _, c := range carriers[forged] {
				found = found || strings.Contains(line, c)
			}
			if !found {
				t.Errorf("%s: %q stands on a line of its own: %q", surface, forged, line)
			}
		}
	}
}

// checkNoMarkup fails when user text in mrkdwn could format: a marker left
// in it, or a line that starts a quote. Planbot's own bold is a whole line
// "*…*" (a heading) or a day's label.
func checkNoMarkup(t *testing.T, surface, mrkdwn string) {
	t.Helper()
	for _, line := range strings.Split(mrkdwn, "\n") {
		inner := line
		if len(line) > 1 && strings.HasPrefix(line, "*") && strings.HasSuffix(line, "*") {
			inner = line[1 : len(line)-1]
		}
		if strings.ContainsAny(inner, "*`~") || strings.Contains(inner, " _") || strings.HasPrefix(inner, "_") {
			t.Errorf("%s: user text can format: %q", surface, line)
		}
		if trimmed := strings.TrimLeft(line, " "); strings.HasPrefix(trimmed, "&gt;") || strings.HasPrefix(trimmed, ">") {
			t.Errorf("%s: a line starts a quote: %q", surface, line)
		}
	}
}

// mrkdwnOf returns the mrkdwn texts of blocks: sections' and contexts'.
func mrkdwnOf(t *testing.T, blocks []slack.Block) []string {
	t.Helper()
	var texts []string
	for _, b := range blocks {
		switch b := b.(type) {
		case *slack.SectionBlock:
			if b.Text != nil {
				texts = append(texts, b.Text.Text)
			}
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if o, ok := e.(*slack.TextBlockObject); ok {
					texts = append(texts, o.Text)
				}
			}
		}
	}
	if len(texts) == 0 {
		t.Fatal("no mrkdwn in the blocks")
	}
	return texts
}

// A title, an outcome and a note with line breaks and mrkdwn markers show on
// their own line, without formatting, in the retrospective (text and Slack),
// the team view (blocks and fallback), the CSV and the console; what is
// stored is what was typed.
func TestForgedLinesStayOnTheirItem(t *testing.T) {
	h := forgedTeam(t)
	if it, _ := history(t, h, "T1", 1); it.Title != forgedTitle {
		t.Errorf("stored title %q, want it as typed %q", it.Title, forgedTitle)
	}
	for _, lang := range []planner.Lang{planner.English, planner.Chinese} {
		r := mustHandle(t, h, plannertest.Ann, "digest")
		retro := r.Body.(bot.DigestView).Retro
		text := bot.RetroText(lang, retro)
		checkOneLine(t, "RetroText "+string(lang), text)
		if !strings.Contains(text, "M*allory") {
			t.Errorf("RetroText changed a name: %s", text)
		}
		for i, m := range RetroMessages(lang, retro) {
			checkOneLine(t, "retro fallback", m.Text)
			checkNoMarkup(t, "retro fallback", m.Text)
			for _, s := range mrkdwnOf(t, m.Blocks) {
				checkOneLine(t, "retro blocks", s)
				checkNoMarkup(t, "retro blocks", s)
			}
			if i == 0 {
				b, _ := json.Marshal(m.Blocks)
				if !strings.Contains(string(b), "M∗allory") {
					t.Errorf("the name is not shown with its marker made harmless: %s", b)
				}
			}
		}
	}

	team := mustHandle(t, h, plannertest.Ann, "team")
	checkOneLine(t, "team text", bot.RenderText(team))
	checkOneLine(t, "team fallback", Fallback(team))
	checkNoMarkup(t, "team fallback", Fallback(team))
	for _, s := range mrkdwnOf(t, renderBlocks(team)) {
		checkOneLine(t, "team blocks", s)
		inner := strings.SplitN(s, "\n", 2) // the day's label is planbot's bold
		if len(inner) == 2 {
			checkNoMarkup(t, "team blocks", inner[1])
		}
	}
	checkOneLine(t, "history", bot.RenderText(mustHandle(t, h, mallory, "history 1")))
	checkOneLine(t, "note", bot.RenderText(mustHandle(t, h, mallory, "note")))
	for _, s := range mrkdwnOf(t, renderBlocks(mustHandle(t, h, mallory, "note"))) {
		checkNoMarkup(t, "note blocks", s)
	}

	csv := mustHandle(t, h, plannertest.Ann, "export").Body.(bot.ExportView).CSV
	if lines := strings.Split(strings.TrimSuffix(csv, "\r\n"), "\r\n"); len(lines) != 4 || strings.Contains(csv, "\n*") {
		t.Errorf("the CSV of 3 items has %d lines, want 4, one per item:\n%s", len(lines), csv)
	}
}

// Control characters in a name Slack gave (users.info real_name with an ESC)
// are not kept, and a name stored before with them is printed without them:
// in the CSV, the retrospective's text (planbot digest) and the console.
func TestSlackNamesHaveNoControlCharacters(t *testing.T) {
	u := &slack.User{Name: "eve", RealName: "Eve\x1b]0;pwned\x07\x1b[2J", Profile: slack.UserProfile{DisplayName: "Eve\u202e\u0085 Admin\u009b"}}
	if m := profileOf(planner.Member{TeamID: "T1", UserID: "U7"}, u, profiled); m.Name != "Eve Admin" {
		t.Errorf("profileOf kept %q, want %q", m.Name, "Eve Admin")
	}

	h := newHandler(t)
	eveESC := planner.Actor{TeamID: "T1", TeamName: "East\x1b[1m\nWest", UserID: "U7", UserName: "eve\x1b[31m"}
	mustHandle(t, h, eveESC, "tue visit 3 enterprises")
	members, err := dbOf(h).Members(t.Context(), "T1")
	if err != nil || len(members) != 1 || members[0].Name != "eve[31m" {
		t.Errorf("stored members %#v, %v; want the name without ESC", members, err)
	}
	if team, err := dbOf(h).Team(t.Context(), "T1"); err != nil || team.Name != "East[1m West" {
		t.Errorf("stored team %q, %v; want its name on one line without ESC", team.Name, err)
	}

	// A name stored before names were cleaned.
	old := planner.Member{TeamID: "T1", UserID: "U7", Name: "Eve\x1b[2J\x1b[31m", ProfileAt: profiled.Add(time.Hour)}
	if err := dbOf(h).SetProfile(t.Context(), old); err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"csv":      mustHandle(t, h, plannertest.Ann, "export").Body.(bot.ExportView).CSV,
		"digest":   bot.RetroText(planner.English, mustHandle(t, h, plannertest.Ann, "digest").Body.(bot.DigestView).Retro),
		"team":     bot.RenderText(mustHandle(t, h, plannertest.Ann, "team")),
		"retro zh": bot.RetroText(planner.Chinese, mustHandle(t, h, plannertest.Ann, "digest").Body.(bot.DigestView).Retro),
		"team json": func() string {
			b, _ := json.Marshal(renderBlocks(mustHandle(t, h, plannertest.Ann, "team")))
			return string(b)
		}(),
	}
	for name, out := range outputs {
		if strings.ContainsAny(out, "\x1b\x07\u009b") || strings.Contains(out, `\u001b`) {
			t.Errorf("%s holds a control character: %q", name, out)
		}
		if !strings.Contains(out, "Eve[2J[31m") {
			t.Errorf("%s does not show the member: %q", name, out)
		}
	}
}

// A team name stored before names were cleaned is shown on one line in the
// team view's header too.
func TestTeamHeaderIsOneLine(t *testing.T) {
	v := bot.WeekView{Week: plannertest.W47, Team: true, TeamName: "East\n*Completion 100%*\x1b"}
	for _, l := range []planner.Lang{planner.English, planner.Chinese} {
		r := bot.Reply{Lang: l, Body: v}
		checkSlackReply(t, r)
		header, ok := renderBlocks(r)[0].(*slack.HeaderBlock)
		if !ok {
			t.Fatalf("%s: first block is not the header", l)
		}
		if got := header.Text.Text; strings.ContainsAny(got, "\n\x1b") || !strings.Contains(got, "East *Completion 100%*") {
			t.Errorf("%s: header %q, want the team name on one line", l, got)
		}
	}
}
