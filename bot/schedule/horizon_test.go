package schedule

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
)

// listedThrough is a Monday-to-Friday calendar that lists holidays up to and
// including its year, as a lunar-go release does.
type listedThrough int

func (listedThrough) Day(d planner.Date) (working, holiday bool) {
	return planner.WeekdayCalendar{}.Day(d)
}

func (c listedThrough) Covers(year int) bool { return year <= int(c) }

// horizonFixture is a scheduler whose calendar lists holidays through 2026,
// at clock c, with teams T1 (U1 an admin in English, U2 a member, U3 an
// admin in Chinese) and T2 (U1 an admin), none of whom takes the weekly
// reminders.
func horizonFixture(t *testing.T, c *clock) *fixture {
	t.Helper()
	x := newFixture(t, c, 3, "")
	x.addTeam(t, "T2", 1, "")
	x.s.Calendar = listedThrough(2026)
	for _, m := range []planner.Member{{TeamID: "T1", UserID: "U1"}, {TeamID: "T1", UserID: "U3"}, {TeamID: "T2", UserID: "U1"}} {
		m.IsAdmin, m.ProfileAt = true, c.now
		if err := x.s.Service.SaveProfile(t.Context(), m); err != nil {
			t.Fatal(err)
		}
	}
	if err := x.s.Service.SetLang(t.Context(), planner.Actor{TeamID: "T1", UserID: "U3"}, planner.Chinese); err != nil {
		t.Fatal(err)
	}
	for _, a := range []planner.Actor{{TeamID: "T1", UserID: "U1"}, {TeamID: "T1", UserID: "U2"}, {TeamID: "T1", UserID: "U3"}, {TeamID: "T2", UserID: "U1"}} {
		if err := x.s.Service.SetRemindOff(t.Context(), a, true); err != nil { // the notice is no weekly reminder
			t.Fatal(err)
		}
	}
	return x
}

// When the calendar lists no holidays for next year, each admin of each team
// gets one direct message from 09:00 on December's first working day, in
// their language, saying how to update; no member who is no admin does, and
// nothing is sent again on later ticks, after a restart, or in the new year
// itself.
func TestHorizonNoticeOnce(t *testing.T) {
	c := &clock{now: at("2026-11-30 09:00")}
	x := horizonFixture(t, c)
	ctx := t.Context()
	for _, step := range []struct {
		at   string
		want string
	}{
		{"2026-11-30 09:00", ""},
		{"2026-12-01 08:59", ""},
		{"2026-12-01 09:00", "remind T1/U1; remind T1/U3; remind T2/U1"},
		{"2026-12-01 09:01", ""},
		{"2026-12-15 10:00", ""},
	} {
		c.now = at(step.at)
		x.s.Tick(ctx)
		if got := strings.Join(x.m.Calls(), "; "); got != step.want {
			t.Errorf("at %s: calls %q, want %q", step.at, got, step.want)
		}
	}
	restarted := &Scheduler{Service: x.s.Service, Messenger: x.m, Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Calendar: x.s.Calendar}
	for _, day := range []string{"2026-12-16 09:00", "2027-01-04 09:00", "2027-06-01 09:00"} {
		c.now = at(day)
		restarted.Tick(ctx)
	}
	if calls := x.m.Calls(); len(calls) != 0 {
		t.Errorf("after a restart and in 2027: calls %q, want none", calls)
	}

	if len(x.m.reminders) != 3 {
		t.Fatalf("%d direct messages, want 3", len(x.m.reminders))
	}
	for i, want := range []struct {
		lang planner.Lang
		says string
	}{{planner.English, "no holidays for 2027"}, {planner.Chinese, "还没有 2027 年的安排"}, {planner.English, "no holidays for 2027"}} {
		r := x.m.reminders[i]
		text := bot.RenderText(r)
		if r.Body != (bot.CalendarHorizon{Year: 2027}) || r.Lang != want.lang ||
			!strings.Contains(text, want.says) || !strings.Contains(text, "go get github.com/6tail/lunar-go@latest") {
			t.Errorf("message %d: %T %+v in %s says %q; want 2027's notice in %s", i+1, r.Body, r.Body, r.Lang, text, want.lang)
		}
	}
	var told []string
	for _, s := range x.Sent() {
		told = append(told, s.TeamID+"/"+s.Recipient+" "+string(s.Job)+" "+s.Subject+" "+string(s.State))
	}
	if want := "T1/U1 horizon calendar 2027 sent; T1/U3 horizon calendar 2027 sent; T2/U1 horizon calendar 2027 sent"; strings.Join(told, "; ") != want {
		t.Errorf("Sent told %q, want %q", told, want)
	}
}

// A notice whose send fails is tried again after its back-off and sent once;
// a team without a holiday calendar, or whose calendar lists next year, is
// told nothing; a scheduler started days into December tells the admins at
// once and logs the missing year.
func TestHorizonNoticeRetriedAndSkipped(t *testing.T) {
	t.Run("retried after a failure", func(t *testing.T) {
		c := &clock{now: at("2026-12-01 09:00")}
		x := horizonFixture(t, c)
		failures := 1
		x.m.RemindFunc = func(_ context.Context, team planner.Team, userID string, _ bot.Reply) (string, error) {
			if team.ID == "T2" && failures > 0 {
				failures--
				return "", errors.New("platform down")
			}
			return "dm-" + userID, nil
		}
		for _, step := range []struct{ at, want string }{
			{"2026-12-01 09:00", "remind T1/U1; remind T1/U3; remind T2/U1"},
			{"2026-12-01 09:00", ""},
			{"2026-12-01 09:01", "remind T2/U1"},
			{"2026-12-01 09:10", ""},
		} {
			c.now = at(step.at)
			x.s.Tick(t.Context())
			if got := strings.Join(x.m.Calls(), "; "); got != step.want {
				t.Errorf("at %s: calls %q, want %q", step.at, got, step.want)
			}
		}
	})
	for _, tc := range []struct {
		name string
		cal  planner.Calendar
		auto bool
	}{
		{"no calendar", nil, false},
		{"next year listed", listedThrough(2027), false},
		{"Monday to Friday", planner.WeekdayCalendar{}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := &clock{now: at("2026-12-01 09:00")}
			x := horizonFixture(t, c)
			x.s.Calendar, x.s.AutoCalendar = tc.cal, tc.auto
			x.s.Tick(t.Context())
			x.s.WarnHorizon()
			if calls := x.m.Calls(); len(calls) != 0 {
				t.Errorf("calls %q, want none", calls)
			}
			if strings.Contains(x.log.String(), "lunar-go") {
				t.Errorf("logged %q, want no word of the calendar", x.log.String())
			}
		})
	}
	t.Run("started days later", func(t *testing.T) {
		c := &clock{now: at("2026-12-09 15:00")}
		x := horizonFixture(t, c)
		x.s.WarnHorizon()
		if log := x.log.String(); !strings.Contains(log, "year=2027") || !strings.Contains(log, "go get github.com/6tail/lunar-go@latest") {
			t.Errorf("start-up logged %q, want 2027 and how to update", log)
		}
		x.s.Tick(t.Context())
		if got := strings.Join(x.m.Calls(), "; "); got != "remind T1/U1; remind T1/U3; remind T2/U1" {
			t.Errorf("calls %q, want every admin told at once", got)
		}
	})
}

// An admin named in planbot's configuration (FEISHU_ADMINS, PLANBOT_ADMINS)
// is told too, though the chat platform does not report them as one: a
// Feishu team's admins are only configured.
func TestHorizonNoticeToConfiguredAdmins(t *testing.T) {
	c := &clock{now: at("2026-12-01 09:00")}
	x := horizonFixture(t, c)
	x.s.Admins = map[string]bool{"U2": true}
	x.s.Tick(t.Context())
	if got, want := strings.Join(x.m.Calls(), "; "), "remind T1/U1; remind T1/U2; remind T1/U3; remind T2/U1"; got != want {
		t.Errorf("calls %q, want %q", got, want)
	}
}
