package main

import (
	"fmt"
	"math/rand/v2"
	"net/url"
	"strconv"
	"strings"

	slackbot "planbot/bot/slack"
	"planbot/cmd/planbench/internal/benchdb"
)

// kind is what a generated slash command asks for.
type kind int

const (
	kindAdd  kind = iota // add an item: must answer "Added #n" (or "已添加 #n")
	kindWeek             // read the member's week
	kindTeam             // read the team's week
	numKinds
)

var kindNames = [numKinds]string{"adds", "week", "team"}

// mix is the share of each kind, as weights (adds=80,week=15,team=5).
type mix [numKinds]int

// parseMix reads "adds=80,week=15,team=5"; kinds left out weigh 0.
func parseMix(s string) (mix, error) {
	var m mix
	total := 0
	for _, part := range strings.Split(s, ",") {
		name, val, ok := strings.Cut(strings.TrimSpace(part), "=")
		n, err := strconv.Atoi(val)
		if !ok || err != nil || n < 0 {
			return m, fmt.Errorf("--mix: %q is not name=weight", part)
		}
		found := false
		for k, kn := range kindNames {
			if kn == name {
				m[k], found = n, true
			}
		}
		if !found {
			return m, fmt.Errorf("--mix: unknown kind %q (adds, week, team)", name)
		}
		total += n
	}
	if total == 0 {
		return m, fmt.Errorf("--mix: %q weighs nothing", s)
	}
	return m, nil
}

// pick draws a kind with the mix's weights.
func (m mix) pick(r *rand.Rand) kind {
	total := 0
	for _, w := range m {
		total += w
	}
	n := r.IntN(total)
	for k, w := range m {
		if n < w {
			return kind(k)
		}
		n -= w
	}
	return kindAdd
}

// addTexts are items as members type them, in English and Chinese; %d is
// replaced with a per-request number so that texts vary.
var addTexts = []string{
	"tue visit %d enterprises",
	"wed meet investors from Shenzhen #%d",
	"thu-fri trip to Beijing, project %d",
	"mon call with %d companies",
	"fri sign agreement with client %d",
	"周四至周五 出差北京 #%d",
	"周二 对接%d家企业",
	"周三 拜访%d家企业",
	"周一 接待客商 #%d",
	"下周二 参加招商推介会 %d",
}

var readTexts = [numKinds][]string{kindWeek: {"week", "本周"}, kindTeam: {"team", "团队"}}

// generator makes signed slash-command requests, varied across teams, users,
// kinds and texts. One per goroutine: it is not safe for concurrent use.
type generator struct {
	signer slackbot.Verifier
	mix    mix
	teams  int
	users  int
	rnd    *rand.Rand
	seed   uint64 // tells this generator's requests from other goroutines'
	seq    int
	// benchIDs: the ids of planbench gendb's database (benchdb.TeamID and
	// UserID) instead of TBENCH…/UBENCH…, so that reads find its items.
	benchIDs bool
}

func newGenerator(secret string, m mix, teams, users int, seed uint64) *generator {
	return &generator{signer: slackbot.Verifier{Secret: secret}, mix: m, teams: max(teams, 1), users: max(users, 1),
		rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), seed: seed}
}

// request is one slash command, ready to send.
type request struct {
	kind      kind
	body      []byte
	signature string
	timestamp string
}

// next returns the next request, signed for the Unix time unixSecs.
func (g *generator) next(unixSecs int64) request {
	g.seq++
	k := g.mix.pick(g.rnd)
	var text string
	if k == kindAdd {
		text = fmt.Sprintf(addTexts[g.rnd.IntN(len(addTexts))], g.seq%97+1)
	} else {
		texts := readTexts[k]
		text = texts[g.rnd.IntN(len(texts))]
	}
	// Users belong to one team each: user u is in team u mod teams.
	u := g.rnd.IntN(g.users)
	team := fmt.Sprintf("TBENCH%03d", u%g.teams)
	user := fmt.Sprintf("UBENCH%05d", u)
	if g.benchIDs {
		team, user = benchdb.TeamID(u%g.teams), benchdb.UserID(u%g.teams, u/g.teams)
	}
	body := commandForm(team, user, text, fmt.Sprintf("%d.%d", g.seed, g.seq))
	ts := strconv.FormatInt(unixSecs, 10)
	return request{kind: k, body: body, timestamp: ts, signature: g.signer.Sign(ts, body)}
}

// commandForm is the form Slack posts when user of team types "/plan text";
// unique makes its trigger_id unique, as Slack's are, so that no two requests
// are byte-identical (planbot refuses a replayed signed request).
func commandForm(team, user, text, unique string) []byte {
	return []byte(url.Values{
		"token": {"bench-deprecated-token"}, "team_id": {team}, "team_domain": {strings.ToLower(team)},
		"channel_id": {"CBENCH"}, "channel_name": {"investment"}, "user_id": {user}, "user_name": {strings.ToLower(user)},
		"command": {"/plan"}, "text": {text}, "api_app_id": {"ABENCH"}, "is_enterprise_install": {"false"},
		"response_url": {"http://127.0.0.1:9/commands/" + team}, "trigger_id": {"13345224609." + unique + ".8088930838d88f008e0"},
	}.Encode())
}
