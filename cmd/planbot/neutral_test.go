package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"planbot/bot"
	slackbot "planbot/bot/slack"
	"planbot/planner"
)

// The team and members of the neutral script. Slack's team_id and
// team_domain are both the team, and each member's user_name is their id, so
// that the Slack actor is the console's (planbot console --team T --user U:
// the team's id and name are T, the member's id and name are U).
const (
	neutralTeam = "T0ZHAOSHANG"
	neutralAnn  = "U0ANN"  // writes English
	neutralWang = "U0WANG" // writes Chinese
	neutralLi   = "U0LI"   // joins last, not a Slack admin
)

// slackFallbackLimit is how many characters of a reply Slack's fallback text
// keeps (bot/slack: maxFallbackChars); a longer reply ends with "…".
const slackFallbackLimit = 3900

// neutralHostile adds an item whose title holds every character Slack
// escapes (&, <, >) or reads as formatting (*, ~, `, _ opening a word).
const neutralHostile = "wed meet a fund company about R&D <lab> with *Tom* ~maybe~ `plan` _launch_ client_x"

// neutralStep is one /plan line of the script, typed by user.
type neutralStep struct {
	user, line string
	// long marks a reply longer than Slack's fallback keeps: Slack's text is
	// the console's cut to slackFallbackLimit characters, ending with "…".
	long bool
	// For a line the platforms answer differently by design: the reply each
	// gives, in lang, and the Web API method Slack calls after its answer to
	// do what the console cannot.
	lang           planner.Lang
	console, slack bot.Body
	slackCall      string
}

// neutralScript is a week of a 招商 team, Monday 2025-11-17 09:00 in
// Shanghai: adds in both languages (one with the characters Slack escapes or
// formats), refused lines, the week, the team, done with an outcome, cancel,
// move, edit, note, history, the pipeline, the retrospective, exports, the
// platform's own work, the language, help, and failures.
func neutralScript(t *testing.T) []neutralStep {
	t.Helper()
	w47, err := planner.ParseWeek("2025-W47")
	if err != nil {
		t.Fatal(err)
	}
	ann, wang := neutralAnn, neutralWang
	steps := []neutralStep{
		{user: ann, line: "help"},
		{user: wang, line: "帮助"},
		{user: ann, line: "tue visit 4 enterprises"},       // #1
		{user: ann, line: neutralHostile},                  // #2
		{user: ann, line: "thu-fri trip to Beijing"},       // #3
		{user: wang, line: "周二至周三 赴苏州、无锡精准招商"},             // #4
		{user: wang, line: "周四 接待客商 + 周五 拜访常诚车业"},          // refused: two days
		{user: wang, line: "11.20-11.21 出差上海 拜访3家企业"},      // #5
		{user: ann, line: "tue visit, thrusday follow-up"}, // refused: two days
		{user: wang, line: "周二 拜访 12.3 签约企业"},              // refused: a date the when did not read
		{user: ann, line: "week"},
		{user: wang, line: "本周"},
		{user: ann, line: "team"},
		{user: ann, line: "done 1 2 of 4 interested"},
		{user: wang, line: "完成 4 两家有意向"},
		{user: ann, line: "cancel 2 fund rescheduled"},
		{user: ann, line: "move 3 next mon"},
		{user: wang, line: "修改 5 周五 对接5家企业"},
		{user: ann, line: "move 3"}, // usage
		{user: ann, line: "note Two companies want a second visit & a <site> tour."},
		{user: ann, line: "note"},
		{user: ann, line: "history 3"},
		{user: wang, line: "历史 5"},
		{user: wang, line: "线索 常诚车业 签约 年产150万套车灯项目"},
		{user: ann, line: "lead Acme Motors contacted wants a site visit"},
		{user: ann, line: "lead 常诚车业"},
		{user: ann, line: "leads"},
		{user: wang, line: "项目库"},
		{user: ann, line: "leads nonsense"}, // failure: not a stage
		{user: ann, line: "digest"},
		{user: wang, line: "周报"},
		{user: ann, line: "export"},
		{user: wang, line: "导出"},
		{user: ann, line: "export xlsx", lang: planner.English,
			console: bot.ReportElsewhere{Week: w47}, slack: bot.ReportSending{Week: w47}, slackCall: "conversations.open"},
		{user: wang, line: "新建", lang: planner.Chinese,
			console: bot.FormElsewhere{}, slack: bot.FormOpening{}, slackCall: "views.open"},
		{user: ann, line: "digest post", lang: planner.English,
			console: bot.Failure{Err: planner.ErrorOf(planner.Errorf(planner.Invalid, planner.ReasonChatOnly, ""))},
			slack:   bot.Posting{Week: w47}},
		{user: ann, line: "lang zh"},
		{user: ann, line: "week"},
		{user: ann, line: "lang en"},
		{user: ann, line: "lang fr"},   // failure: not a language
		{user: ann, line: "done 99"},   // failure: no such item
		{user: ann, line: "done 5 ok"}, // an admin marks someone else's item
		{user: wang, line: "1 取消"},     // failure: #1 is done, it cannot be cancelled
	}
	// Next week the team is stationed in eighteen cities, Monday to Friday:
	// each trip is written on Monday and marked on the four days after, and
	// the team's week outgrows what Slack's fallback keeps.
	for i, city := range []string{"上海", "苏州", "无锡", "常州", "南京", "杭州", "宁波", "合肥", "深圳", "东莞", "广州", "佛山",
		"绍兴", "嘉兴", "温州", "珠海", "厦门", "福州"} {
		user := []string{ann, wang}[i%2]
		steps = append(steps, neutralStep{user: user, line: fmt.Sprintf("下周一至周五 驻点%s 拜访%d家企业", city, i+2)})
	}
	return append(steps,
		neutralStep{user: ann, line: "team next", long: true},
		neutralStep{user: wang, line: "下周"},
		neutralStep{user: wang, line: "团队 下周", long: true},
	)
}

// TestConsoleAndSlackSayTheSame answers one script with planbot console and
// with planbot serve (signed slash commands against a fake Slack), each on a
// fresh database and the same calendar clock, and checks that every line is
// answered with the same content: the console's text is Slack's fallback
// text once Slack's escaping is undone. The lines the platforms answer
// differently by design are answered as documented.
func TestConsoleAndSlackSayTheSame(t *testing.T) {
	consoleEnv := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "console.db"), "PLANBOT_NOW": seedNow}
	// Console users are their team's admins (planbot console); in Slack the
	// script's members are admins too, through PLANBOT_ADMINS, so that both
	// may change anyone's item.
	s := startServeEnv(t, "", map[string]string{"PLANBOT_ADMINS": neutralAnn + "," + neutralWang})
	sent := 0
	slash := func(user, line string) answer {
		t.Helper()
		// Each command has its own trigger_id, as Slack gives it: a request
		// sent again byte for byte is a replay, answered with nothing.
		sent++
		return s.command(t, s.slash(user, slackTyped(line), "team_id", neutralTeam, "team_domain", neutralTeam,
			"user_name", user, "trigger_id", fmt.Sprintf("%d.738474920.neutral", sent)))
	}
	console := func(user, line string) string {
		t.Helper()
		return strings.TrimSuffix(mustPlanbot(t, consoleEnv, line, "console", "--team", neutralTeam, "--user", user), "\n")
	}

	for i, st := range neutralScript(t) {
		said := console(st.user, st.line)
		got := slash(st.user, st.line).Text
		where := fmt.Sprintf("line %d, %s: /plan %s", i+1, st.user, st.line)
		if st.console != nil {
			// A documented difference: each platform gives its own answer, and they differ.
			if want := bot.RenderText(bot.Reply{Lang: st.lang, Body: st.console}); said != want {
				t.Errorf("%s: the console answered\n%s\nwant\n%s", where, said, want)
			}
			if want := slackbot.Fallback(bot.Reply{Lang: st.lang, Body: st.slack}); got != want {
				t.Errorf("%s: Slack answered\n%s\nwant\n%s", where, got, want)
			}
			if plain(said) == plain(unescapeSlack(got)) {
				t.Errorf("%s: both answered %q, want the platforms' different answers", where, said)
			}
			if st.slackCall != "" {
				s.Slack.waitFor(t, st.slackCall+" after /plan "+st.line, isCall(st.slackCall))
			}
			continue
		}
		same, cut := sameContent(said, got)
		switch {
		case !same:
			t.Errorf("%s: the console and Slack differ.\nconsole:\n%s\nSlack (unescaped):\n%s\nSlack as sent:\n%s", where, said, unescapeSlack(got), got)
		case cut != st.long:
			t.Errorf("%s: Slack's text cut to its %d characters: %v, want %v (the console's is %d characters)",
				where, slackFallbackLimit, cut, st.long, utf8.RuneCountInString(said))
		}
	}

	// Console users are their team's admins (bot/console), so a member may
	// change anyone's item there; in Slack only admins may. A member who is
	// no Slack admin marking someone else's item done is refused in Slack,
	// done in the console. Last in the script: after it the databases differ.
	// #7 is 王芳's station in 苏州 next week.
	const line = "done 7"
	said := console(neutralLi, line)
	got := slash(neutralLi, line).Text
	refused := slackbot.Fallback(bot.Reply{Lang: planner.English,
		Body: bot.Failure{Err: planner.ErrorOf(planner.Errorf(planner.Forbidden, planner.ReasonNotYours, "7"))}})
	if got != refused {
		t.Errorf("%s in Slack, no admin: answered\n%s\nwant\n%s", line, got, refused)
	}
	if plain(said) == plain(unescapeSlack(refused)) {
		t.Errorf("%s in the console: refused %q, want it done (console users are admins)", line, said)
	}
	if st := neutralStatus(t, consoleEnv, "2025-W48", "7"); st != string(planner.StatusDone) {
		t.Errorf("the console's #7 is %s, want done", st)
	}
	if st := neutralStatus(t, s.env, "2025-W48", "7"); st != string(planner.StatusPlanned) {
		t.Errorf("Slack's #7 is %s after a refusal, want planned", st)
	}
}

// sameContent reports whether Slack's fallback text says what the console
// said, and whether Slack cut it: a reply longer than the fallback keeps is
// the same when the console's starts with the part Slack kept.
func sameContent(console, slackText string) (same, cut bool) {
	c, s := plain(console), plain(unescapeSlack(slackText))
	if c == s {
		return true, false
	}
	kept, cut := strings.CutSuffix(s, "…")
	cut = cut && utf8.RuneCountInString(slackText) == slackFallbackLimit
	return cut && strings.HasPrefix(c, kept), cut
}

// slackTyped is a line as Slack sends what was typed in a slash command:
// with &, < and > escaped.
func slackTyped(line string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(line)
}

// unescapeSlack undoes the HTML escaping of a Slack text (bot/slack's escape).
func unescapeSlack(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">").Replace(s)
}

// plain maps each mrkdwn marker and the look-alike the Slack adapter shows
// it as (bot/slack/mrkdwn.go) to one character, so that a text and its Slack
// rendering read the same. The adapter shows ` and ｀ both as ˋ, and a > or
// ＞ that starts a line both as ˃, so those pairs read as one character too.
func plain(s string) string {
	return lookAlikes.Replace(s)
}

var lookAlikes = strings.NewReplacer(
	"∗", "*", "﹡", "＊", "∼", "~", "ˋ", "`", "｀", "`", "˃", ">", "＞", ">", "ˍ", "_", "⸏", "＿")

// neutralStatus is item id's status in week of the neutral team, as planbot
// export tells it from env's database (serve may be running on it).
func neutralStatus(t *testing.T, env map[string]string, week, id string) string {
	t.Helper()
	out := mustPlanbot(t, env, "", "export", "--team", neutralTeam, "--week", week)
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("export: %v\n%s", err, out)
	}
	status := -1
	for i, col := range rows[0] {
		if col == "status" {
			status = i
		}
	}
	for _, r := range rows[1:] {
		if status >= 0 && r[0] == id {
			return r[status]
		}
	}
	t.Fatalf("no item %s in the export (header %q):\n%s", id, rows[0], out)
	return ""
}

// slackGo is the Slack library: only the Slack adapter may need it.
const slackGo = "github.com/slack-go/slack"

// TestCoreBuildsWithoutSlack checks that the conversation, the terminal, the
// weekly jobs and the files build without the Slack library: no package
// under bot/ but the Slack adapter (and its slackcheck) depends on slack-go,
// directly or not (go list's Deps, as go list -deps lists them).
func TestCoreBuildsWithoutSlack(t *testing.T) {
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go is not on PATH")
	}
	cmd := exec.Command(goTool, "list", "-f", "{{.ImportPath}}{{range .Deps}} {{.}}{{end}}", "./bot/...")
	cmd.Dir = filepath.Join("..", "..") // the module's root
	out, err := cmd.Output()
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		t.Fatalf("go list: %v\n%s", err, ee.Stderr)
	} else if err != nil {
		t.Fatalf("go list: %v", err)
	}
	adapter := map[string]bool{"planbot/bot/slack": true, "planbot/bot/slack/slackcheck": true}
	seen := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		pkg, deps := fields[0], fields[1:]
		seen[pkg] = true
		uses := false
		for _, d := range deps {
			uses = uses || d == slackGo || strings.HasPrefix(d, slackGo+"/")
		}
		switch {
		case pkg == "planbot/bot/slack" && !uses:
			t.Errorf("go list says %s does not depend on %s: the check cannot see it", pkg, slackGo)
		case !adapter[pkg] && uses:
			t.Errorf("%s depends on %s; only the Slack adapter may", pkg, slackGo)
		}
	}
	for _, pkg := range []string{"planbot/bot", "planbot/bot/console", "planbot/bot/schedule", "planbot/bot/report", "planbot/bot/slack"} {
		if !seen[pkg] {
			t.Errorf("go list ./bot/... does not list %s:\n%s", pkg, out)
		}
	}
}
