package feishu

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
)

// The holiday calendar's notice tried again is the same message to Feishu
// (its uuid); another year's is another. It is sent as text in the admin's
// language, with the command that updates the calendar.
func TestHorizonNoticeSendsOnce(t *testing.T) {
	api := &sendLog{}
	m := Messenger{API: api}
	team := planner.Team{ID: TeamID("tk")}
	for _, year := range []int{2027, 2027, 2028} {
		if _, err := m.Remind(t.Context(), team, "ou_1", bot.Reply{Lang: planner.Chinese, Body: bot.CalendarHorizon{Year: year}}); err != nil {
			t.Fatal(err)
		}
	}
	u := api.uuids
	if u[0] == "" || u[0] != u[1] || u[2] == u[0] || len(u[0]) > 50 {
		t.Errorf("uuids %q: a retry is the same, each year its own", u)
	}
	msgType, content := render(bot.Reply{Lang: planner.Chinese, Body: bot.CalendarHorizon{Year: 2027}})
	if msgType != "text" || !strings.Contains(content, "2027 年") || !strings.Contains(content, "go get github.com/6tail/lunar-go@latest") {
		t.Errorf("rendered %s %s, want the Chinese notice as text", msgType, content)
	}
}
