package main

import (
	"strings"
	"testing"

	"planbot/bot"
	"planbot/bot/feishu/feishutest"
	"planbot/planner"
	"planbot/storage"
)

// feishuGroupChat is the team's group in the Feishu tests that set it up.
const feishuGroupChat = "oc_team"

// feishuGroup is who is in the team's group, with the names Feishu gives
// them: more people than one page of the group's member list holds. wang
// owns the group and is no admin (FEISHU_ADMINS is ann).
var feishuGroup = []feishutest.Mention{
	{OpenID: ouAnn, Name: "安娜"}, {OpenID: ouWang, Name: "王芳"}, {OpenID: ouLi, Name: "李明"},
	{OpenID: "ou_zhao", Name: "赵磊"}, {OpenID: "ou_qian", Name: "钱进"},
}

// startFeishuGroup is startFeishu over the HTTP callback, signed and
// encrypted, with the fake knowing the team's group: its name, its owner
// wang and its members.
func startFeishuGroup(t *testing.T) *feishuServe {
	t.Helper()
	s := startFeishu(t, "http", feishuEncryptKey)
	var ids []string
	for _, m := range feishuGroup {
		s.Feishu.AddUser(m.OpenID, m.Name)
		ids = append(ids, m.OpenID)
	}
	s.Feishu.SetMembers(feishuGroupChat, ids...)
	s.Feishu.SetChat(feishuGroupChat, "招商一组", ouWang)
	return s
}

// feishuTeamNow reads the Feishu team and its members from serve's
// database, once serve has stopped; a team never made has no members.
func feishuTeamNow(t *testing.T, s *feishuServe) (planner.Team, []planner.Member) {
	t.Helper()
	d, err := storage.Open(t.Context(), s.env["PLANBOT_DB"])
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	team, err := d.Team(t.Context(), feishuTeam)
	if planner.ErrorOf(err).Code == planner.NotFound {
		return planner.Team{}, nil
	}
	if err != nil {
		t.Fatal(err)
	}
	members, err := d.Members(t.Context(), feishuTeam)
	if err != nil {
		t.Fatal(err)
	}
	return team, members
}

// /plan setup typed in a group by its owner, who is no admin, makes it the
// team's chat, gives the team the group's name and imports its members with
// their names, page after page, and says so in the group. Typed there by a member who neither owns it
// nor is an admin, or typed in a direct message (where no one owns a
// group), it is refused with the reason and changes nothing.
func TestFeishuSetup(t *testing.T) {
	// The words typed are English: so are the answers (a refusal to a member
	// who chose no language says it in English and Chinese).
	const lang = planner.English
	noGroup := planner.Errorf(planner.Invalid, planner.ReasonNoChannel, "")
	tests := []struct {
		name    string
		m       message
		refusal error // the reason of the refusal; nil: set up
	}{
		{"by the group's owner", inGroup(ouWang, "/plan setup"), nil},
		{"by a member who is no admin", inGroup(ouLi, "/plan setup"), planner.CheckAdmin(planner.Actor{})},
		{"by an admin in a direct message", message{sender: ouAnn, text: "/plan setup"}, noGroup},
		{"by the group's owner in a direct message", message{sender: ouWang, text: "/plan setup"}, planner.CheckAdmin(planner.Actor{})},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := startFeishuGroup(t)
			id := s.say(t, tc.m)
			want := []string{bot.Say(lang, bot.MsgSetupChannel, bot.Say(lang, bot.MsgFeishuThisGroup)), bot.Say(lang, bot.MsgFeishuSetupReady, len(feishuGroup))}
			if tc.refusal != nil {
				want = []string{bot.Explain(lang, tc.refusal)}
			}
			got := s.replies(t, id, len(want))
			s.stop(t) // the work after the answer is done
			if n := len(s.Feishu.RepliesTo(id)); n != len(want) {
				t.Errorf("%d replies, want %d", n, len(want))
			}
			wantChat := tc.m.chat
			if wantChat == "" {
				wantChat = feishutest.DirectChat(tc.m.sender)
			}
			for i, w := range want {
				if text := shownText.Replace(got[i].Text()); got[i].ChatID != wantChat || !strings.Contains(text, w) {
					t.Errorf("reply %d in %s:\n%s\nwant in %s:\n%s", i, got[i].ChatID, text, wantChat, w)
				}
			}

			team, members := feishuTeamNow(t, s)
			if tc.refusal != nil {
				if team.DigestChannel != "" || s.Feishu.Count(feishutest.MethodChatMembers) != 0 || len(members) > 1 {
					t.Errorf("a refused setup changed the team: chat %q, %d member lists read, members %+v",
						team.DigestChannel, s.Feishu.Count(feishutest.MethodChatMembers), members)
				}
				return
			}
			if team.DigestChannel != feishuGroupChat {
				t.Errorf("the team's chat is %q, want %s", team.DigestChannel, feishuGroupChat)
			}
			if team.Name != "招商一组" { // the group's name: the reporting unit until an admin sets one
				t.Errorf("the team is named %q, want its group's name", team.Name)
			}
			if n := s.Feishu.Count(feishutest.MethodChatMembers); n < 2 {
				t.Errorf("the member list was read in %d pages, want several", n)
			}
			names := map[string]string{}
			for _, m := range members {
				names[m.UserID] = m.Name
			}
			for _, m := range feishuGroup {
				if names[m.OpenID] != m.Name {
					t.Errorf("member %s is named %q, want %q (members %v)", m.OpenID, names[m.OpenID], m.Name, names)
				}
			}
			if len(names) != len(feishuGroup) {
				t.Errorf("%d members, want the group's %d: %v", len(names), len(feishuGroup), names)
			}
		})
	}
}
