package feishu

import (
	"context"
	"crypto/subtle"
	"errors"
	"log/slog"
	"sync"
	"time"

	larkevent "github.com/larksuite/oapi-sdk-go/v3/event"
	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher"
	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"

	"planbot/bot"
	"planbot/planner"
)

// App is planbot on Feishu: it answers the messages members write it and the
// clicks on its cards, with the same command language as Slack and the
// console. Anything that calls Feishu runs after the event is acknowledged,
// each with its own deadline, tracked so that Shutdown can wait for it.
type App struct {
	Handler *bot.Handler
	API     API
	Admins  map[string]bool // open_ids that are admins of every team
	Log     *slog.Logger
	Poster  Poster           // posts retrospectives on /plan digest post
	Now     func() time.Time // the real clock: event redeliveries, profile ages
	// VerificationToken, when set, is the token every message event must
	// carry: the SDK checks it only when there is no encrypt key.
	VerificationToken string

	seen      seen
	work      bot.Background // the work after events; cancelled by Shutdown
	once      sync.Once
	named     sync.Map      // "team/open_id" → when the member's name was last fetched
	nameSlots chan struct{} // one per contact lookup running after an answer
}

// Poster posts a week's retrospective now and stops when told: the weekly
// jobs' scheduler, which cmd connects here.
type Poster interface {
	// PostNow posts week's retrospective of team teamID to its chat now.
	PostNow(ctx context.Context, teamID string, week planner.Week, force bool) (planner.Team, error)
	// Abandon cuts what a stop lets finish (a retrospective's thread).
	Abandon()
}

// TeamPrefix starts every Feishu team's id: a tenant can never collide with a
// Slack workspace's team id (T…).
const TeamPrefix = "feishu:"

// TeamID is the team of Feishu tenant tenantKey.
func TeamID(tenantKey string) string { return TeamPrefix + tenantKey }

// How long work after an event may take: a reply is one call; setup imports a
// group's members a page at a time.
const (
	replyTimeout = 30 * time.Second
	setupTimeout = 10 * time.Minute
	nameMaxAge   = 24 * time.Hour
	maxLookups   = 4 // contact lookups at once after answers
)

// Dispatcher is the SDK's event dispatcher with planbot's handlers, for the
// long connection and the HTTP callback alike: verificationToken and
// encryptKey are the app's ("" when unset; the long connection needs neither).
func (a *App) Dispatcher(verificationToken, encryptKey string) *dispatcher.EventDispatcher {
	d := dispatcher.NewEventDispatcher(verificationToken, encryptKey)
	d.InitConfig(larkevent.WithLogger(Logger(a.Log)))
	return d.OnP2MessageReceiveV1(a.OnMessage).OnP2CardActionTrigger(a.OnCardAction)
}

func (a *App) init() {
	a.once.Do(func() {
		a.work.Log = a.Log
		a.nameSlots = make(chan struct{}, maxLookups)
	})
}

// verified reports whether an event carries the app's verification token,
// when one is set (HTTP callbacks): the SDK checks it only when no encrypt
// key is set, and an event sealed with the right key but a wrong token is
// still none of Feishu's.
func (a *App) verified(base *larkevent.EventV2Base) bool {
	if a.VerificationToken == "" {
		return true
	}
	return base != nil && base.Header != nil &&
		subtle.ConstantTimeCompare([]byte(base.Header.Token), []byte(a.VerificationToken)) == 1
}

// fresh reports whether an event is to be handled: seen for the first time
// within dedupeWindow, and not older than that (a replay, or a delivery that
// outlived the memory of its first).
func (a *App) fresh(base *larkevent.EventV2Base) bool {
	if base == nil || base.Header == nil {
		return true
	}
	if stale(base.Header.CreateTime, a.Now()) {
		a.Log.Warn("feishu: an event too old to handle", "event_id", base.Header.EventID, "type", base.Header.EventType)
		return false
	}
	return a.seen.first(base.Header.EventID, a.Now())
}

// OnMessage answers a message a member wrote the bot: in a direct chat, or
// in a group with the bot @-mentioned. A redelivered event does nothing.
func (a *App) OnMessage(ctx context.Context, ev *larkim.P2MessageReceiveV1) error {
	if ev == nil || ev.Event == nil || ev.Event.Message == nil || ev.Event.Sender == nil || ev.Event.Sender.SenderId == nil {
		return nil
	}
	if !a.verified(ev.EventV2Base) {
		return errors.New("feishu: an event without the app's verification token")
	}
	if !a.fresh(ev.EventV2Base) {
		return nil
	}
	sender, msg := ev.Event.Sender, ev.Event.Message
	if deref(sender.SenderType) != "user" {
		return nil // the bot's own messages, and other bots'
	}
	text, named, ok := messageText(msg)
	if !ok {
		return nil
	}
	actor := planner.Actor{
		TeamID: TeamID(deref(sender.TenantKey)), UserID: deref(sender.SenderId.OpenId),
		Admin: a.Admins[deref(sender.SenderId.OpenId)],
	}
	if actor.UserID == "" || deref(sender.TenantKey) == "" {
		return nil
	}
	if deref(msg.ChatType) == "group" {
		actor.ChannelID = deref(msg.ChatId)
	}
	cmd := bot.ParseCommand(named) // a mention in what people wrote reads as the name it shows
	if cmd.NamesMember() {
		cmd = bot.ParseCommand(text) // but forget and setup target name a member by their open_id
	}
	if a.firstSetup(ctx, actor, cmd) {
		actor.Admin = a.ownsGroup(ctx, actor)
	}
	r := &request{app: a, messageID: deref(msg.MessageId), chatID: deref(msg.ChatId), answered: make(chan struct{})}
	reply := a.Handler.Handle(ctx, r, actor, cmd)
	a.after("reply", replyTimeout, func(ctx context.Context) error {
		defer close(r.answered) // the work the command started may go on
		return a.answer(ctx, r.messageID, reply)
	})
	a.nameAfter(actor)
	return nil
}

// ownerCheckTimeout bounds asking Feishu, before the answer, who owns the
// group an admin-only command was typed in: the event must be acknowledged
// within 3 s.
const ownerCheckTimeout = 1500 * time.Millisecond

// firstSetup reports whether cmd is the team's first /plan setup of a group
// chat, typed in it by a member who is no admin: the one command a group's
// owner may run as an admin (so that a team whose FEISHU_ADMINS are not set
// yet can be set up). Anything else an admin does — moving the team's chat,
// forget, digest post, the team's settings — takes FEISHU_ADMINS: anyone can
// make a group and own it.
func (a *App) firstSetup(ctx context.Context, actor planner.Actor, cmd bot.Command) bool {
	if actor.Admin || actor.ChannelID == "" || cmd.Verb != bot.VerbSetup || cmd.Setting != "channel" {
		return false
	}
	team, err := a.Handler.Service.Team(ctx, actor.TeamID)
	switch {
	case planner.ErrorOf(err).Code == planner.NotFound:
		return true // the team's very first command
	case err != nil:
		return false // the command fails the same way, and says so
	}
	return team.DigestChannel == ""
}

// ownsGroup reports whether the actor owns the group they typed in. When
// Feishu cannot tell in time, they do not, and the command is refused as
// any member's would be.
func (a *App) ownsGroup(ctx context.Context, actor planner.Actor) bool {
	ctx, cancel := context.WithTimeout(ctx, ownerCheckTimeout)
	defer cancel()
	owner, err := a.API.ChatOwner(ctx, actor.ChannelID)
	if err != nil {
		a.Log.Warn("feishu: could not ask who owns the group; the member is not taken for an admin", "chat", actor.ChannelID, "err", err)
		return false
	}
	return owner != "" && owner == actor.UserID
}

// answer replies to message messageID with reply: a card for the views that
// have one, else text.
func (a *App) answer(ctx context.Context, messageID string, reply bot.Reply) error {
	msgType, content := render(reply)
	_, err := a.API.Reply(ctx, messageID, msgType, content, false, "")
	return err
}

// render is reply as a Feishu message: its type and content.
func render(reply bot.Reply) (msgType, content string) {
	if card, ok := cardOf(reply); ok {
		return "interactive", card
	}
	return "text", textContent(replyText(reply))
}

// replyText is reply as text on Feishu: as every platform writes it, but for
// the group a setup names, which Feishu shows by no id.
func replyText(reply bot.Reply) string {
	l := reply.Lang
	switch b := reply.Body.(type) {
	case bot.SetupChannel:
		return bot.Say(l, bot.MsgSetupChannel, bot.Say(l, bot.MsgFeishuThisGroup))
	case bot.SetupDone:
		return bot.SetupText(l, b.Team, func(string) string { return bot.Say(l, bot.MsgFeishuTeamGroup) })
	}
	return bot.RenderText(reply)
}

// after runs f once the event is acknowledged, with its own deadline.
func (a *App) after(name string, timeout time.Duration, f func(ctx context.Context) error) {
	a.init()
	a.work.Go(name, timeout, f)
}

// Shutdown waits for the work started after events until ctx ends, then
// cancels it and waits for it to return.
func (a *App) Shutdown(ctx context.Context) error {
	a.init()
	done := make(chan struct{})
	go func() { a.work.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
	}
	a.work.Cancel()
	if a.Poster != nil {
		a.Poster.Abandon()
	}
	<-done
	return nil
}

// nameAfter fetches the member's name from the contact API after the answer,
// unless it was fetched within nameMaxAge or maxLookups are running: never on
// the answer path.
func (a *App) nameAfter(actor planner.Actor) {
	a.init()
	key := actor.TeamID + "/" + actor.UserID
	if at, ok := a.named.Load(key); ok && a.Now().Sub(at.(time.Time)) < nameMaxAge {
		return
	}
	select {
	case a.nameSlots <- struct{}{}:
	default:
		return // a later message fetches it
	}
	a.named.Store(key, a.Now())
	a.after("name", replyTimeout, func(ctx context.Context) error {
		defer func() { <-a.nameSlots }()
		name, err := a.API.UserName(ctx, actor.UserID)
		if err != nil {
			a.named.Delete(key)
			return err
		}
		t, err := a.Handler.Begin(ctx, actor)
		if err != nil {
			return err
		}
		m := t.Member
		m.Name, m.ProfileAt = planner.OneLine(name), a.Now()
		return a.Handler.Service.SaveProfile(ctx, m)
	})
}
