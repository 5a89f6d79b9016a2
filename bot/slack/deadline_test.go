package slack

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/bot/slack/slacktest"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// answerLimit is how soon Slack wants the answer to a slash command.
const answerLimit = 3 * time.Second

// unhelpfulSlack is a Slack Web API that never helps in time: "ratelimited"
// answers 429 Retry-After 30 to every call; "stalled" answers nothing until
// the caller gives up or the test ends.
func unhelpfulSlack(t *testing.T, mode string) *slacktest.Server {
	f := slacktest.New(t)
	if mode == "ratelimited" {
		f.Set(slacktest.AnyMethod, slacktest.Behaviour{RetryAfter: "30"})
	} else {
		f.Set(slacktest.AnyMethod, slacktest.Behaviour{Stall: true})
	}
	return f
}

// messengerPoster is the Poster of these tests: it posts a team's summary
// through the Messenger, as the weekly jobs' scheduler does, so that it
// waits on Slack as the scheduler would (bot/slack does not import the
// scheduler: cmd connects the two).
type messengerPoster struct {
	svc *planner.Service
	m   Messenger
}

// PostNow posts a summary of week to team teamID's channel.
func (p messengerPoster) PostNow(ctx context.Context, teamID string, week planner.Week, force bool) (planner.Team, error) {
	team, err := p.svc.Team(ctx, teamID)
	if err != nil {
		return planner.Team{}, err
	}
	_, err = p.m.PostSummary(ctx, team, week, false, RetroMessage{Text: "retrospective " + week.String()})
	return team, err
}

// Abandon has nothing to cut: PostNow ends with its context.
func (messengerPoster) Abandon() {}

// responseHooks records what planbot posts to each response_url: a fake
// Slack of its own, apart from the Web API's, so that its response_urls
// answer even when every Web API call misbehaves.
type responseHooks struct{ *slacktest.Server }

func newResponseHooks(t *testing.T) responseHooks { return responseHooks{slacktest.New(t)} }

// posted returns the bodies posted to the response_url ResponseURL(name).
func (h responseHooks) posted(name string) []string {
	var got []string
	for _, c := range h.Calls("response/" + name) {
		got = append(got, string(c.JSON))
	}
	return got
}

// teamState is what a command can change of a team.
type teamState struct {
	Team      planner.Team
	Schedules map[planner.Job]planner.Schedule
	Members   []string // id, language, reminders off
	Items     []planner.Item
	Notes     map[string]string
	Leads     []planner.CompanyView
	Sends     []planner.Send
}

func teamStateOf(t *testing.T, h *bot.Handler, teamID string) teamState {
	t.Helper()
	ctx, store := t.Context(), dbOf(h)
	var s teamState
	var err error
	if s.Team, err = store.Team(ctx, teamID); err != nil {
		t.Fatal(err)
	}
	if s.Schedules, err = h.Service.SchedulesOf(ctx, teamID); err != nil {
		t.Fatal(err)
	}
	members, err := store.Members(ctx, teamID)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range members {
		s.Members = append(s.Members, fmt.Sprintf("%s/%s/%v", m.UserID, m.Lang, m.RemindOff))
	}
	from, to := planner.Date{Year: 2000, Month: 1, Day: 1}, planner.Date{Year: 2099, Month: 12, Day: 31}
	if s.Items, err = store.ItemsStarting(ctx, teamID, "", from, to); err != nil {
		t.Fatal(err)
	}
	if s.Notes, err = store.Notes(ctx, teamID, plannertest.W47); err != nil {
		t.Fatal(err)
	}
	if s.Leads, err = h.Service.Leads(ctx, planner.Actor{TeamID: teamID, UserID: "UMEMBER"}, ""); err != nil {
		t.Fatal(err)
	}
	pending, err := store.PendingSends(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, send := range pending {
		if send.TeamID == teamID {
			s.Sends = append(s.Sends, send)
		}
	}
	s.Team.Revision = 0 // a member joining moves it; what matters is above
	return s
}

// deadlineCase is one command of the command language, typed by one of
// UADMIN (in PLANBOT_ADMINS), USTORED (an admin by the stored profile) or
// UMEMBER (nothing known: only Slack can say), and whether it changes the team.
type deadlineCase struct {
	user, text string
	changes    bool
	after      bool // the answer says the work goes on after it; a report must come by response_url
}

// deadlineCases are every verb of the command language, each admin command
// by each kind of admin; %d is the id of an item of UMEMBER's.
var deadlineCases = []deadlineCase{
	{user: "UMEMBER", text: "tue visit 2 enterprises", changes: true},
	{user: "UMEMBER", text: "week"},
	{user: "UMEMBER", text: "team"},
	{user: "UMEMBER", text: "done %d signed", changes: true},
	{user: "UMEMBER", text: "cancel %d", changes: true},
	{user: "UMEMBER", text: "move %d wed", changes: true},
	{user: "UMEMBER", text: "edit %d visit 3 enterprises", changes: true},
	{user: "UMEMBER", text: "history %d"},
	{user: "UMEMBER", text: `lead "Changcheng Auto" contacted`, changes: true},
	{user: "UMEMBER", text: "leads"},
	{user: "UMEMBER", text: "note two companies want a second visit", changes: true},
	{user: "UMEMBER", text: "note"},
	{user: "UMEMBER", text: "new", after: true}, // the form cannot open: the member is told
	{user: "UMEMBER", text: "digest"},
	{user: "UMEMBER", text: "remind off", changes: true},
	{user: "UMEMBER", text: "export"},
	{user: "UMEMBER", text: "export xlsx", after: true},
	{user: "UMEMBER", text: "lang zh", changes: true},
	{user: "UMEMBER", text: "help"},
	{user: "UMEMBER", text: "周二 拜访 2 家企业", changes: true},
}

// adminCommands are the admin-only commands; those marked after run after the answer.
var adminCommands = []struct {
	text  string
	after bool
}{
	{"setup tz Asia/Tokyo", false},
	{"setup lang zh", false},
	{"setup digest sat 18:00", false},
	{"setup remind fri 16:00 off", false},
	{"forget <@UGONE>", false},
	{"setup", true},
	{"digest post force", true},
}

// Whatever Slack does — 429 Retry-After 30 to everything, or no answer at
// all — every command is answered within Slack's 3 s, through the signed
// HTTP endpoint; its change is applied (and reported) or not applied at all:
// admins known to planbot are served, a member only Slack could vouch for is
// refused with nothing changed; and work after the answer that cannot finish
// is reported by response_url when Shutdown cancels it, within its deadline.
func TestEveryCommandAnsweredWithinSlackDeadline(t *testing.T) {
	for _, mode := range []string{"ratelimited", "stalled"} {
		t.Run(mode, func(t *testing.T) {
			t.Parallel()
			everyCommandAnswered(t, mode)
		})
	}
}

func everyCommandAnswered(t *testing.T, mode string) {
	h := newHandler(t)
	api := unhelpfulSlack(t, mode)
	hooks := newResponseHooks(t)
	app := &SlackApp{
		Handler: h,
		API: slack.New("xoxb-test", slack.OptionAPIURL(api.APIURL()),
			slack.OptionHTTPClient(&http.Client{Timeout: 10 * time.Second}), slack.OptionRetry(3)), // as serve has it
		Admins:  map[string]bool{"UADMIN": true},
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		HTTP:    hooks.Client(),
		Now:     h.Service.Now,
	}
	app.Poster = messengerPoster{svc: h.Service, m: Messenger{API: app.API}}
	mux := http.NewServeMux()
	const secret = "deadline-secret"
	app.Routes(mux, Verifier{Secret: secret})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	client := &http.Client{Timeout: 2 * answerLimit}

	cases := append([]deadlineCase(nil), deadlineCases...)
	for _, c := range adminCommands {
		cases = append(cases,
			deadlineCase{user: "UADMIN", text: c.text, changes: !c.after, after: c.after},
			deadlineCase{user: "USTORED", text: c.text, changes: !c.after, after: c.after},
			deadlineCase{user: "UMEMBER", text: c.text}) // refused: Slack cannot say in time
	}
	type outcome struct {
		c              deadlineCase
		team, path     string
		before         teamState
		answer         string
		took           time.Duration
		refusedUnknown bool
	}
	outcomes := make([]*outcome, len(cases))
	var wg sync.WaitGroup
	for i, c := range cases {
		o := &outcome{c: c, team: fmt.Sprintf("T%d", i), path: fmt.Sprint(i)}
		outcomes[i] = o
		id := seedDeadlineTeam(t, h, o.team)
		text := c.text
		if strings.Contains(text, "%d") {
			text = fmt.Sprintf(text, id)
		}
		o.before = teamStateOf(t, h, o.team)
		wg.Go(func() {
			o.answer, o.took = postSigned(t, client, srv.URL, secret, url.Values{
				"team_id": {o.team}, "team_domain": {"acme"}, "channel_id": {"C" + o.team}, "channel_name": {"investment"},
				"user_id": {c.user}, "user_name": {strings.ToLower(c.user)}, "command": {"/plan"}, "text": {text},
				"response_url": {hooks.ResponseURL(o.path)}, "trigger_id": {fmt.Sprintf("1.%d.x", i)}, "api_app_id": {"A1"},
			})
		})
	}
	wg.Wait()

	// The work after answers cannot finish: Shutdown cancels it and each
	// member whose command it was hears so, all within its deadline.
	ctx, cancel := context.WithTimeout(t.Context(), answerLimit+time.Second)
	defer cancel()
	start := time.Now()
	if err := app.Shutdown(ctx); err != nil {
		t.Errorf("Shutdown: %v", err)
	}
	if took := time.Since(start); took > answerLimit+time.Second {
		t.Errorf("Shutdown took %v, past its deadline", took)
	}

	unchecked := bot.Say(planner.English, bot.MsgAdminUnchecked)
	for _, o := range outcomes {
		name := o.c.user + " " + o.c.text
		if o.took >= answerLimit {
			t.Errorf("%s: answered after %v, want under %v", name, o.took, answerLimit)
		}
		if o.answer == "" {
			t.Errorf("%s: no answer", name)
			continue
		}
		after := teamStateOf(t, h, o.team)
		changed := !reflect.DeepEqual(o.before, after)
		refused := strings.Contains(o.answer, jsonText(unchecked))
		switch {
		case o.c.user == "UMEMBER" && isAdminCommand(o.c.text):
			if !refused || changed {
				t.Errorf("%s: answer %s, changed %v; want refused, with nothing changed", name, o.answer, changed)
			}
		case refused:
			t.Errorf("%s: refused (%s), but planbot knows enough to answer", name, o.answer)
		case changed != o.c.changes:
			t.Errorf("%s: changed %v, want %v:\nbefore %+v\nafter  %+v", name, changed, o.c.changes, o.before, after)
		}
		if told := hooks.posted(o.path); o.c.after && (len(told) != 1 || !strings.Contains(told[0], "could not")) {
			t.Errorf("%s: the work after the answer could not finish; the member was told %q", name, told)
		}
	}
}

// seedDeadlineTeam makes team, with a digest channel, UMEMBER's item (whose
// id it returns), UGONE (someone to forget), UADMIN and USTORED, an admin by
// the stored profile.
func seedDeadlineTeam(t *testing.T, h *bot.Handler, team string) int64 {
	t.Helper()
	member := planner.Actor{TeamID: team, TeamName: "acme", UserID: "UMEMBER", UserName: "member"}
	r := mustHandle(t, h, member, "mon visit 2 enterprises")
	mustHandle(t, h, planner.Actor{TeamID: team, TeamName: "acme", UserID: "UGONE", UserName: "gone"}, "mon visit 1 enterprise")
	mustHandle(t, h, planner.Actor{TeamID: team, TeamName: "acme", UserID: "UADMIN", UserName: "admin"}, "week")
	tm, m, err := dbOf(h).EnsureMember(t.Context(), planner.Team{ID: team, Name: "acme"}, planner.Member{TeamID: team, UserID: "USTORED"})
	if err != nil {
		t.Fatal(err)
	}
	tm.DigestChannel = "CDIGEST" // digest post has somewhere to post
	if err := dbOf(h).UpdateTeam(t.Context(), tm); err != nil {
		t.Fatal(err)
	}
	m.Name, m.IsAdmin, m.ProfileAt = "Stored Admin", true, h.Service.Now()
	if err := dbOf(h).SetProfile(t.Context(), m); err != nil {
		t.Fatal(err)
	}
	return r.Body.(bot.Added).Items[0].ID
}

// postSigned posts a slash command's form, signed now with secret, and returns
// the answer's body and how long it took.
func postSigned(t *testing.T, client *http.Client, base, secret string, form url.Values) (string, time.Duration) {
	body := []byte(form.Encode())
	ts := strconv.FormatInt(time.Now().Unix(), 10)
	req, err := http.NewRequest(http.MethodPost, base+"/slack/commands", strings.NewReader(string(body)))
	if err != nil {
		t.Error(err)
		return "", 0
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", Verifier{Secret: secret}.Sign(ts, body))
	start := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return "", time.Since(start)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	took := time.Since(start)
	if resp.StatusCode != http.StatusOK {
		return fmt.Sprintf("HTTP %d: %s", resp.StatusCode, got), took
	}
	return string(got), took
}

// jsonText is s as it appears inside a JSON string.
func jsonText(s string) string {
	q := strconv.Quote(s)
	return q[1 : len(q)-1]
}

func isAdminCommand(text string) bool { return bot.ParseCommand(text).AdminOnly() }

// The admin check asks Slack only about a member planbot does not know as an
// admin, and then goes by what Slack says: an admin's command is applied, a
// member's is refused as not an admin's.
func TestAdminCheckAsksSlackOnlyWhenNeeded(t *testing.T) {
	h := newHandler(t)
	api := slacktest.New(t)
	api.AddUser(slacktest.User{ID: "UPROMOTED", Name: "x", TZ: "Asia/Shanghai", IsAdmin: true})
	app := &SlackApp{
		Handler: h,
		API:     slack.New("xoxb-test", slack.OptionAPIURL(api.APIURL())),
		Admins:  map[string]bool{"UADMIN": true},
		Log:     slog.New(slog.NewTextHandler(io.Discard, nil)),
		Metrics: NewMetrics(),
		Now:     h.Service.Now,
	}
	seedDeadlineTeam(t, h, "T1")
	// UADMIN's profile is fresh too, so that no refresh after an answer asks Slack.
	_, m, err := dbOf(h).EnsureMember(t.Context(), planner.Team{ID: "T1"}, planner.Member{TeamID: "T1", UserID: "UADMIN"})
	if err != nil {
		t.Fatal(err)
	}
	m.ProfileAt = h.Service.Now()
	if err := dbOf(h).SetProfile(t.Context(), m); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		user, zone string
		asks       int
		applied    bool
	}{
		{"UADMIN", "Asia/Tokyo", 0, true},     // PLANBOT_ADMINS
		{"USTORED", "Europe/Paris", 0, true},  // the stored profile says so
		{"UPROMOTED", "Asia/Seoul", 1, true},  // Slack says so
		{"UMEMBER", "America/Lima", 1, false}, // Slack says not
	} {
		r := app.Command(t.Context(), slack.SlashCommand{TeamID: "T1", TeamDomain: "acme", UserID: tc.user, UserName: "x", Text: "setup tz " + tc.zone})
		app.Wait()
		team, err := dbOf(h).Team(t.Context(), "T1")
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for _, c := range api.Calls("users.info") {
			if c.Form.Get("user") == tc.user {
				n++
			}
		}
		if n != tc.asks || (team.TZ == tc.zone) != tc.applied {
			t.Errorf("%s: users.info asked %d times (want %d); zone %s, applied want %v; answer %q", tc.user, n, tc.asks, team.TZ, tc.applied, r.Text)
		}
		if !tc.applied && !strings.Contains(r.Text, "Only the team's admins") {
			t.Errorf("%s: answer %q, want the not-an-admin refusal", tc.user, r.Text)
		}
	}
}
