package main

import (
	"context"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"planbot/bot/feishu/feishutest"
)

// The scripted week over the long connection (the default, FEISHU_EVENTS
// unset) is answered as over the HTTP callback: each message with the
// console's answer as a reply in its chat, the same items as the console;
// the connection dropped halfway is made again and the week goes on.
func TestFeishuLongConnectionWeekMatchesConsole(t *testing.T) {
	s := startFeishu(t, "", "")
	consoleEnv := map[string]string{"PLANBOT_DB": filepath.Join(t.TempDir(), "console.db"), "PLANBOT_NOW": seedNow}
	ctx, cancel := context.WithTimeout(context.Background(), waitLimit)
	defer cancel()
	for i, st := range feishuWeek {
		if i == len(feishuWeek)/2 {
			s.Feishu.Drop()
		}
		said := sameTeamName(feishuConsole(t, consoleEnv, st.m.sender, st.console))
		_, id, event := s.event(st.m)
		status, _, err := s.Feishu.Push(ctx, event)
		if err != nil || status != http.StatusOK {
			t.Fatalf("%q: status %d, %v", st.m.text, status, err)
		}
		r := s.reply(t, id)
		if r.MsgType == "text" && shownText.Replace(r.Text()) != said {
			t.Errorf("%q: Feishu was answered\n%s\nthe console\n%s", st.m.text, r.Text(), said)
		}
	}
	s.stop(t)
	if n := s.Feishu.Connections(); n != 2 {
		t.Errorf("%d connections, want 2 (one made again after the drop)", n)
	}
	got, want := feishuExport(t, s.env, "2025-W47"), feishuExport(t, consoleEnv, "2025-W47")
	if !slices.Equal(got, want) || len(got) < 4 {
		t.Errorf("Feishu's items:\n%s\nthe console's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, c := range s.Feishu.Calls(feishutest.MethodWSEndpoint) {
		if strings.Contains(s.logs.String(), feishutest.AppSecret) {
			t.Errorf("the app secret is in the log (bootstrap %s)", c.At)
		}
	}
}
