package slack

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"planbot/bot"
	"planbot/planner"
)

// SlackApp is planbot's Slack transport. It answers slash commands, button
// clicks, the new-item form and the Home tab with the same command language as
// the console; the same methods serve HTTP and Socket Mode. Anything that must
// call Slack runs after the answer, tracked so that shutdown can wait for it.
type SlackApp struct {
	Handler *bot.Handler
	API     WebAPI
	Admins  map[string]bool // user ids that are admins of every team
	Log     *slog.Logger
	Metrics *Metrics
	HTTP    *http.Client     // posts to response_url
	Now     func() time.Time // the real clock, for profile ages
	Poster  Poster           // posts retrospectives on /plan digest post

	work       bot.Background // the work after answers; cancelled by Shutdown
	profiled   sync.Map       // "team/user" → when their profile was last known fresh
	refreshing sync.Map       // "team/user" → struct{}: a refresh is on its way
	workspaces sync.Map       // team id → the workspace's name (NameWorkspace)
	slots      chan struct{}  // one per users.info refresh running after an answer
	once       sync.Once
	reports    context.Context // the context of telling members how their work ended; cancelled last
	silence    context.CancelFunc
	importPace time.Duration // the pause between two users.list pages of /plan setup; 0: listPace
}

// ProfileMaxAge is how long a member's Slack name, zone and admin flag are trusted.
const ProfileMaxAge = 24 * time.Hour

// maxRefreshes is how many profile refreshes may run at once after answers.
// When a whole team types at once (the Monday reminder), the rest are skipped
// and happen on a later command, instead of thousands of users.info calls piling
// up against Slack's rate limit and this process's memory.
const maxRefreshes = 4

// How long work after an answer may take: most of it is one or two calls;
// /plan setup imports a whole channel, a users.list page at a time.
const (
	// formTimeout: a trigger_id opens a form only within 3 s of the command,
	// so trying longer (slack-go waiting out a 429) only delays the word.
	formTimeout     = 2500 * time.Millisecond
	afterAckTimeout = 30 * time.Second
	setupTimeout    = 10 * time.Minute
)

// adminCheckTimeout bounds asking Slack, before the answer, whether a member
// not known as an admin is one: Slack gives up on an answer after 3 s, and a
// rate-limited users.info would otherwise wait out its Retry-After.
const adminCheckTimeout = 1500 * time.Millisecond

// How Shutdown spends its time once its deadline nears: the work still
// running is cancelled reportReserve before it, so that each member whose
// request it was still hears how it ended; the reports are cancelled
// lastReserve before it.
const (
	reportReserve = 2500 * time.Millisecond
	lastReserve   = 250 * time.Millisecond
)

// SlackResponse is a reply as Slack takes it from a command, a response_url
// or an acknowledgement: blocks plus a plain-text fallback.
type SlackResponse struct {
	ResponseType    string       `json:"response_type,omitempty"`
	ReplaceOriginal bool         `json:"replace_original,omitempty"`
	Text            string       `json:"text"`
	Blocks          slack.Blocks `json:"blocks"`

	textJSON *encodedText // Text already encoded (a WeekCache's), or nil; used while Text is still that text
}

// NewSlackResponse renders a reply for Slack, visible only to the one who asked.
func NewSlackResponse(r bot.Reply) SlackResponse {
	if v, ok := r.Body.(bot.WeekView); ok {
		return weekResponse(r.Lang, v)
	}
	return SlackResponse{ResponseType: slack.ResponseTypeEphemeral, Text: Fallback(r), Blocks: slack.Blocks{BlockSet: renderBlocks(r)}}
}

// Wait blocks until all work started after answers has finished.
func (a *SlackApp) Wait() { a.work.Wait() }

// Shutdown waits for the work started after answers until reportReserve
// before ctx's deadline (or until ctx ends, when it has none), then cancels
// it: each piece tells its member, by response_url, that it did not finish,
// or logs why. With a deadline it returns by then, whatever Slack does. Call
// it once nothing can start new work (the servers and Socket Mode have stopped).
func (a *SlackApp) Shutdown(ctx context.Context) error {
	a.init()
	done := make(chan struct{})
	go func() { a.work.Wait(); close(done) }()
	deadline, ok := ctx.Deadline()
	// after waits for the work until ctx ends or its deadline is less than reserve away.
	after := func(reserve time.Duration) bool {
		c := ctx
		if ok {
			var cancel context.CancelFunc
			c, cancel = context.WithDeadline(ctx, deadline.Add(-reserve))
			defer cancel()
		}
		select {
		case <-done:
			return true
		case <-c.Done():
			return false
		}
	}
	if after(reportReserve) {
		return nil
	}
	a.Log.Warn("shutdown: cancelling the work still running after answers; its members are told")
	a.work.Cancel()
	if a.Poster != nil {
		a.Poster.Abandon() // a retrospective's thread that /plan digest post began
	}
	if !ok { // no deadline: let the reports take their reportTimeout
		<-done
		return nil
	}
	if after(lastReserve) {
		return nil
	}
	a.silence()
	if after(0) {
		return nil
	}
	return errors.New("shutdown: work after answers did not return once cancelled")
}

func (a *SlackApp) init() {
	a.once.Do(func() {
		a.work.Log = a.Log
		a.reports, a.silence = context.WithCancel(context.Background())
		a.slots = make(chan struct{}, maxRefreshes)
	})
}

// reportTimeout bounds telling a member how work after their answer ended.
const reportTimeout = 10 * time.Second

// tell posts body, in lang, to a command's response_url: how the work after
// its answer ended. It has its own deadline (reportTimeout), so the member
// hears it even when the work ran out of time or Shutdown cancelled it.
func (a *SlackApp) tell(responseURL string, lang planner.Lang, body bot.Body) error {
	a.init()
	ctx, cancel := context.WithTimeout(a.reports, reportTimeout)
	defer cancel()
	return a.respond(ctx, responseURL, NewSlackResponse(bot.Reply{Lang: lang, Body: body}), false)
}

// after runs f once the answer is on its way, with its own deadline.
func (a *SlackApp) after(name string, timeout time.Duration, f func(ctx context.Context) error) {
	a.init()
	a.work.Go(name, timeout, f)
}

// Command answers a slash command.
func (a *SlackApp) Command(ctx context.Context, sc slack.SlashCommand) SlackResponse {
	start := time.Now()
	text := unescape(sc.Text)
	actor := planner.Actor{
		TeamID: sc.TeamID, TeamName: a.teamName(sc), UserID: sc.UserID, UserName: sc.UserName,
		Admin: a.Admins[sc.UserID], ChannelID: sc.ChannelID,
	}
	cmd := bot.ParseCommand(text)
	a.Metrics.commands.WithLabelValues(string(cmd.Verb)).Inc()
	if cmd.AdminOnly() && !actor.Admin {
		if lang, err := a.checkAdmin(ctx, actor, cmd); err != nil {
			a.Log.Warn("could not check that a member is an admin; the command was refused", "verb", cmd.Verb, "err", err)
			a.refreshAfter(actor)
			a.Metrics.commandSeconds.Observe(time.Since(start).Seconds())
			return NewSlackResponse(bot.Reply{Lang: lang, Body: bot.Notice{Text: bot.Say(lang, bot.MsgAdminUnchecked)}})
		}
	}
	reply := a.Handler.Handle(ctx, &request{app: a, responseURL: sc.ResponseURL, triggerID: sc.TriggerID}, actor, cmd)
	a.refreshAfter(actor)
	a.Metrics.commandSeconds.Observe(time.Since(start).Seconds())
	return NewSlackResponse(reply)
}

// postDigest posts a retrospective for /plan digest post and reports how it went.
func (a *SlackApp) postDigest(ctx context.Context, actor planner.Actor, week planner.Week, force bool, responseURL string, lang planner.Lang) error {
	var body bot.Body
	team, err := a.Poster.PostNow(ctx, actor.TeamID, week, force)
	var failed error // Slack's or planbot's failure, not the admin's mistake
	switch {
	case err == nil:
		body = bot.Notice{Text: bot.Say(lang, bot.MsgPosted, week, team.DigestChannel)}
	case planner.ErrorOf(err).Code == planner.Internal:
		failed = err
		body = bot.Notice{Text: bot.Say(lang, bot.MsgPostFailed, week, uploadErrorCode(err))}
	default:
		body = bot.Failure{Err: planner.ErrorOf(err)}
	}
	return errors.Join(failed, a.tell(responseURL, lang, body))
}

// refreshAfter refreshes the member's profile after the answer, unless it is
// known fresh, a refresh of it is on its way, or maxRefreshes are running.
func (a *SlackApp) refreshAfter(actor planner.Actor) {
	key := actor.TeamID + "/" + actor.UserID
	if at, ok := a.profiled.Load(key); ok && a.Now().Sub(at.(time.Time)) < ProfileMaxAge {
		return
	}
	if _, busy := a.refreshing.LoadOrStore(key, struct{}{}); busy {
		return
	}
	a.init()
	select {
	case a.slots <- struct{}{}:
	default:
		a.refreshing.Delete(key)
		return
	}
	a.after("profile", afterAckTimeout, func(ctx context.Context) error {
		defer func() { <-a.slots; a.refreshing.Delete(key) }()
		return a.refreshProfile(ctx, actor, false)
	})
}

// checkAdmin makes sure, before an admin-only command of a member not in
// PLANBOT_ADMINS runs, that their stored profile says whether they are an
// admin: it is trusted when it says so (refreshProfile keeps it current after
// answers); otherwise Slack is asked, within adminCheckTimeout. An error means
// Slack could not tell in time, and the command must be refused, in the
// language returned. When the store fails, it leaves the failure to Handle.
func (a *SlackApp) checkAdmin(ctx context.Context, actor planner.Actor, cmd bot.Command) (planner.Lang, error) {
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return "", nil // not Slack's doing: Handle fails the same way, and says so
	}
	lang := cmp.Or(t.Member.Lang, cmd.Lang, t.Service.Lang)
	if t.Member.IsAdmin {
		return lang, nil
	}
	ctx, cancel := context.WithTimeout(ctx, adminCheckTimeout)
	defer cancel()
	return lang, a.fetchProfile(ctx, t)
}

// refreshProfile fetches the member's name, zone and admin flag with
// users.info when they are older than ProfileMaxAge (or always, when forced).
// The answer to most commands looks no further than the in-memory note of
// when the member's profile was fetched, so the hot path stays free of it.
func (a *SlackApp) refreshProfile(ctx context.Context, actor planner.Actor, force bool) error {
	key := actor.TeamID + "/" + actor.UserID
	now := a.Now()
	if at, ok := a.profiled.Load(key); ok && !force && now.Sub(at.(time.Time)) < ProfileMaxAge {
		return nil
	}
	t, err := a.Handler.Begin(ctx, actor)
	if err != nil {
		return err
	}
	if !force && now.Sub(t.Member.ProfileAt) < ProfileMaxAge {
		a.profiled.Store(key, t.Member.ProfileAt)
		return nil
	}
	return a.fetchProfile(ctx, t)
}

// fetchProfile asks Slack for the member's profile with users.info and stores it.
func (a *SlackApp) fetchProfile(ctx context.Context, t *bot.Turn) error {
	now := a.Now()
	u, err := a.API.GetUserInfoContext(ctx, t.Actor.UserID)
	if err != nil {
		return fmt.Errorf("users.info %s: %w", t.Actor.UserID, err)
	}
	if err := a.Handler.Service.SaveProfile(ctx, profileOf(t.Member, u, now)); err != nil {
		return err
	}
	a.profiled.Store(t.Actor.TeamID+"/"+t.Actor.UserID, now)
	return nil
}

// profileOf is what Slack says of a member: their shown name (on one line,
// without control characters: planner.OneLine), zone and admin flag.
func profileOf(m planner.Member, u *slack.User, at time.Time) planner.Member {
	m.Name = planner.OneLine(u.Name)
	for _, name := range []string{u.RealName, u.Profile.RealName, u.Profile.DisplayName} {
		if name = planner.OneLine(name); name != "" {
			m.Name = name
		}
	}
	m.TZ, m.IsAdmin, m.ProfileAt = u.TZ, u.IsAdmin || u.IsOwner, at
	return m
}

// respond posts a message to a response_url, replacing the original message when replace is set.
func (a *SlackApp) respond(ctx context.Context, url string, msg SlackResponse, replace bool) error {
	if url == "" {
		return nil
	}
	msg.ReplaceOriginal = replace
	body, err := json.Marshal(msg)
	if err != nil {
		return err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := a.HTTP.Do(req)
	if err != nil {
		return fmt.Errorf("response_url: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("response_url: %s", resp.Status)
	}
	return nil
}
