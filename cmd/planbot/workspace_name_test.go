package main

import (
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"planbot/bot/slack/slacktest"
	"planbot/storage"
)

// serve gives a Slack team the workspace's name, as auth.test says it at
// start-up, not the domain its commands carry (nor "local", the console's).
func TestServeNamesTheTeamAfterTheWorkspace(t *testing.T) {
	slack := slacktest.New(t)
	slack.Set("auth.test", slacktest.Behaviour{Body: `{"ok":true,"team":"武进区招商局","team_id":"T1","user_id":"UBOT","bot_id":"BBOT"}`})
	db := filepath.Join(t.TempDir(), "planbot.db")
	s := runServe(t, map[string]string{"SLACK_API_URL": slack.URL + "/api/", "PLANBOT_DB": db})
	var addr string
	select {
	case addr = <-s.addr:
	case err := <-s.done:
		t.Fatalf("serve returned %v", err)
	case <-time.After(waitLimit):
		t.Fatal("serve is not listening")
	}
	if o, _, what := sendCommand(http.DefaultClient, "http://"+addr, "T1", "U1", "tue visit 2 enterprises", ""); o != acked {
		t.Fatalf("the command was not stored: %s", what)
	}
	d, err := storage.Open(t.Context(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	team, err := d.Team(t.Context(), "T1")
	if err != nil || team.Name != "武进区招商局" {
		t.Errorf("team %+v (%v), want it named after the workspace, not its domain t1", team, err)
	}
}
