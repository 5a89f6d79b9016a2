package main

import (
	"context"
	"encoding/json"
	"maps"
	"path/filepath"
	"strings"
	"testing"

	"planbot/storage"
)

// retroPost matches a posted retrospective: a chat.postMessage to channel
// whose metadata marks it as planbot's retrospective of team's week.
func retroPost(channel, team, week string) func(call) bool {
	return func(c call) bool {
		if c.Path != "chat.postMessage" || c.Form.Get("channel") != channel {
			return false
		}
		var meta struct {
			EventType    string            `json:"event_type"`
			EventPayload map[string]string `json:"event_payload"`
		}
		if json.Unmarshal([]byte(c.Form.Get("metadata")), &meta) != nil {
			return false
		}
		// A preview is marked planbot_retro_preview, so it is never taken for the week's run.
		isRetro := meta.EventType == "planbot_retro" || meta.EventType == "planbot_retro_preview"
		return isRetro && meta.EventPayload["team"] == team && meta.EventPayload["week"] == week
	}
}

// consoleTeam makes team (its id and name) in db through the console, with the
// lines typed by its admin UADMIN, and makes channel its digest channel unless "".
func consoleTeam(t *testing.T, db, team, channel, lines string) {
	t.Helper()
	mustPlanbot(t, map[string]string{"PLANBOT_DB": db, "PLANBOT_NOW": seedNow}, lines, "console", "--team", team, "--user", "UADMIN")
	if channel == "" {
		return
	}
	ctx := context.Background()
	d, err := storage.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	tm, err := d.Team(ctx, team)
	if err != nil {
		t.Fatal(err)
	}
	tm.DigestChannel = channel
	if err := d.UpdateTeam(ctx, tm); err != nil {
		t.Fatal(err)
	}
}

func TestDigestPost(t *testing.T) {
	const (
		afterRetro  = "2025-11-23T18:30:00+08:00" // Sunday, after the retrospective's 18:00
		beforeRetro = "2025-11-20T10:00:00+08:00" // Thursday of the same week
	)
	db := filepath.Join(t.TempDir(), "planbot.db")
	consoleTeam(t, db, "T1", "CRETRO", "tue visit 4 enterprises\ndone 1 2 of 4 interested\n")
	consoleTeam(t, db, "T2", "", "wed meet a fund company\n")
	consoleTeam(t, db, "T3", "CNOACCESS", "thu-fri trip to Beijing\n")
	slack := newFakeSlack(t)
	base := map[string]string{"PLANBOT_DB": db, "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": slack.URL + "/api/"}
	isRetro := retroPost("CRETRO", "T1", "2025-W47")

	tests := []struct {
		name  string
		env   map[string]string // over base
		args  []string          // after digest --post --week 2025-W47
		usage string            // the usage error's words; "" for success
		fail  string            // another error's words
		posts int               // retrospectives in CRETRO so far
	}{
		{"after Sunday 18:00", map[string]string{"PLANBOT_NOW": afterRetro}, []string{"--team", "T1"}, "", "", 1},
		{"a second time", map[string]string{"PLANBOT_NOW": afterRetro}, []string{"--team", "T1"}, "force", "", 1},
		{"a second time with --force", map[string]string{"PLANBOT_NOW": afterRetro}, []string{"--team", "T1", "--force"}, "", "", 2},
		{"before its time", map[string]string{"PLANBOT_NOW": beforeRetro}, []string{"--team", "T1"}, "preview", "", 2},
		{"before its time with --force", map[string]string{"PLANBOT_NOW": beforeRetro}, []string{"--team", "T1", "--force"}, "", "", 3},
		{"no digest channel", map[string]string{"PLANBOT_NOW": afterRetro}, []string{"--team", "T2", "--force"}, "/plan setup", "", 3},
		{"no bot token", map[string]string{"PLANBOT_NOW": afterRetro, "SLACK_BOT_TOKEN": ""}, []string{"--team", "T1", "--force"}, "SLACK_BOT_TOKEN", "", 3},
		{"a user token", map[string]string{"PLANBOT_NOW": afterRetro, "SLACK_BOT_TOKEN": "xoxp-1"}, []string{"--team", "T1", "--force"}, "xoxb-", "", 3},
		{"Slack refuses the channel", map[string]string{"PLANBOT_NOW": afterRetro}, []string{"--team", "T3"}, "", "not_in_channel", 3},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			env := maps.Clone(base)
			maps.Copy(env, tc.env)
			before := len(slack.calls())
			out, err := planbot(t, env, "", append([]string{"digest", "--post", "--week", "2025-W47"}, tc.args...)...)
			switch {
			case tc.usage != "":
				if !isUsage(err) || !strings.Contains(err.Error(), tc.usage) {
					t.Errorf("got %v (%s), want a usage error about %q", err, out, tc.usage)
				}
			case tc.fail != "":
				if err == nil || isUsage(err) || !strings.Contains(err.Error(), tc.fail) {
					t.Errorf("got %v (%s), want a failure (exit 1) about %q", err, out, tc.fail)
				}
			case err != nil:
				t.Fatalf("got %v\n%s", err, out)
			case !strings.Contains(out, "posted the retrospective of 2025-W47 to channel CRETRO"):
				t.Errorf("printed %q", out)
			}
			if n := slack.count(isRetro); n != tc.posts {
				t.Errorf("%d retrospectives in CRETRO, want %d; calls %v", n, tc.posts, slack.calls())
			}
			if tc.usage != "" {
				if calls := slack.calls()[before:]; len(calls) != 0 {
					t.Errorf("a refused post called Slack: %v", calls)
				}
			}
		})
	}
	for _, c := range slack.calls() {
		if c.Path == "chat.postMessage" && c.Form.Get("channel") == "CRETRO" && !isRetro(c) {
			t.Errorf("a post to CRETRO without the retrospective's metadata: %v", c.Form)
		}
		if isRetro(c) && !strings.Contains(c.Form.Get("blocks"), "visit") {
			t.Errorf("the retrospective lacks the week's visit: %s", c.Form.Get("blocks"))
		}
	}
}

// The scheduler's first run of a serve started on db: the team's "log your
// results" reminder, due at Sunday 18:00, makes it observable.
const serveFirstTick = "setup remind sun 18:00\n"

func TestServeDigestPost(t *testing.T) {
	db := filepath.Join(t.TempDir(), "planbot.db")
	// The team exists, its admin's reminder is due, and it has no channel yet,
	// so that the scheduler's first run (at start) cannot post the retrospective.
	consoleTeam(t, db, "T1", "", serveFirstTick+"tue visit 4 enterprises\n")
	s := startServeEnv(t, db, map[string]string{"PLANBOT_NOW": "2025-11-23T18:30:00+08:00"})
	s.Slack.waitFor(t, "the scheduler's first run", isCall("conversations.open", "users", "UADMIN"))

	s.command(t, s.slash("UADMIN", "setup", "response_url", s.Slack.URL+"/response/setup"))
	if report := s.Slack.waitFor(t, "the setup report", isCall("response/setup")); !strings.Contains(decode[answer](t, report.JSON).Text, "Done: <#C1>") {
		t.Fatalf("setup report %s", report.JSON)
	}

	steps := []struct {
		name, user, text string
		reply            string // the immediate answer
		report           string // then said on the response_url; "" for none
	}{
		{"by an admin", "UADMIN", "digest post", "Posting the retrospective of 2025-W47 to the team's channel…",
			"Posted the retrospective of 2025-W47 to <#C1>."},
		{"again", "UADMIN", "digest post", "Posting the retrospective of 2025-W47",
			"The retrospective of 2025-W47 was posted already"},
		{"by a member", "U1", "digest post force", "Only the team's admins", ""},
	}
	for _, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			response := "post-" + strings.ReplaceAll(st.name, " ", "-")
			a := s.command(t, s.slash(st.user, st.text, "response_url", s.Slack.URL+"/response/"+response))
			if !strings.Contains(a.Text, st.reply) {
				t.Errorf("answer %q, want %q", a.Text, st.reply)
			}
			if st.report == "" {
				return
			}
			got := s.Slack.waitFor(t, "the post's report", isCall("response/"+response))
			if text := decode[answer](t, got.JSON).Text; !strings.Contains(text, st.report) {
				t.Errorf("report %q, want %q", text, st.report)
			}
		})
	}
	s.stop(t) // every piece of work after an answer is done
	if n := s.Slack.count(retroPost("C1", "T1", "2025-W47")); n != 1 {
		t.Errorf("%d retrospectives posted to C1, want 1; calls %v", n, s.Slack.calls())
	}
	if n := s.Slack.count(isCall("response/post-by-a-member")); n != 0 {
		t.Errorf("a member's refused post was answered later too")
	}
}
