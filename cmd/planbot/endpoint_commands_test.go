package main

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

// commandRequest is one request to /slack/commands in the endpoint's table:
// "/plan line" typed by user, sent signed now (or as attack makes it, or
// signed and then sent again byte for byte: replays), and what must come of
// it: the status, the answer's text (each of want), and the items of the
// week after it (-1: not counted).
type commandRequest struct {
	name, user, line string
	attack           *attack
	replays          []func(http.Header) // each a variant of the header sent again
	status           int
	want             []string
	items            int
}

// capitals writes a request's signature in capitals, as a replay might.
func capitals(h http.Header) {
	h.Set("X-Slack-Signature", "v0="+strings.ToUpper(h.Get("X-Slack-Signature")[3:]))
}

// commandRequests is the table of /slack/commands: signed, unsigned, stale
// and replayed requests, then a line per verb in English (Ann, U1) and in
// Chinese (Wang Fang, U2, in New York: at serve's clock, Monday 09:00 in
// Shanghai, her week is still 2025-W46), each answered to the one who typed
// it in their language; the admin's lines are UADMIN's.
func commandRequests() []commandRequest {
	rows := []commandRequest{
		{name: "signed", user: "U1", line: "tue visit 4 enterprises", status: 200, want: []string{"Added #1"}, items: 1},
	}
	for _, a := range attacks {
		rows = append(rows, commandRequest{name: a.name, user: "U1", line: "wed visit 9 enterprises", attack: &a, status: a.want, items: 1})
	}
	rows = append(rows,
		commandRequest{name: "replayed", user: "U1", line: "thu visit 2 enterprises", replays: []func(http.Header){func(http.Header) {}, capitals},
			status: 200, want: []string{"Added #2"}, items: 2},
		commandRequest{name: "replayed done", user: "U1", line: "done 1", replays: []func(http.Header){func(http.Header) {}},
			status: 200, want: []string{"Done #1"}, items: 2},
	)
	verbs := []struct{ name, user, line, want string }{
		{"add", "U1", "add wed meet a fund company", "Added #3"},
		{"添加", "U2", "添加 周三 拜访 2 家企业", "已添加 #4"},
		{"add without a verb", "U2", "周四至周五 出差北京", "已添加 #5"},
		{"week", "U1", "week", "Your week 2025-W47"},
		{"本周", "U2", "本周", "我的一周 2025-W46"},
		{"team", "U1", "team", "acme"},
		{"团队", "U2", "团队", "团队 acme"},
		{"done", "U1", "done 3 signed", "Done #3"},
		{"完成", "U2", "完成 4", "已完成 #4"},
		{"cancel", "U1", "cancel 2", "Cancelled #2"},
		{"取消", "U2", "取消 5", "已取消 #5"},
		{"move", "U1", "tue visit 5 enterprises", "Added #6"},
		{"move", "U1", "move 6 wed", "Moved #6"},
		{"改期", "U2", "周二 拜访 3 家企业", "已添加 #7"},
		{"改期", "U2", "改期 7 周四", "已改期 #7"},
		{"edit", "U1", "edit 6 visit 6 enterprises", "visit 6 enterprises"},
		{"修改", "U2", "修改 7 拜访 7 家企业", "已修改 #7"},
		{"history", "U1", "history 6", "#6"},
		{"历史", "U2", "历史 7", "的修改记录"},
		{"note", "U1", "note two companies want a second visit", "2025-W47"},
		{"心得", "U2", "心得 两家企业想再谈", "已保存本周（2025-W46）心得"},
		{"lead", "U1", `lead "Changcheng Auto" contacted`, "Changcheng Auto"},
		{"线索", "U2", "线索 常诚车业 签约", "已新建公司 常诚车业"},
		{"leads", "U1", "leads", "Changcheng Auto"},
		{"项目库", "U2", "项目库", "招商项目库：2 家"},
		{"digest", "U1", "digest", "acme"},
		{"周报", "U2", "周报", "周末总结复盘"},
		{"export", "U1", "export", "2025-W47"},
		{"导出", "U2", "导出", "导出 2025-W46（CSV）"},
		{"remind", "U1", "remind off", "reminders"},
		{"提醒", "U2", "提醒 开", "每周提醒已重新开启"},
		{"help", "U1", "help", "planbot — your week in one line"},
		{"帮助", "U2", "帮助", "planbot"},
		{"new", "U1", "new", "Opening the form"},
		{"新建", "U2", "新建", "表单"},
		{"setup", "UADMIN", "setup tz Asia/Tokyo", "time zone: Asia/Tokyo"},
		{"设置", "UADMIN", "设置 时区 Asia/Shanghai", "时区：Asia/Shanghai"},
		{"setup target", "UADMIN", "setup target 2025 signed 0", "No targets for 2025 yet"},
		{"设置 目标", "UADMIN", "设置 目标 2025 <@U1> 拜访 10家", "已更新2025年目标"},
		{"target", "U1", "target", "Enterprises visited"},
		{"目标", "U2", "目标", "拜访企业 完成"},
		{"forget", "UADMIN", "forget <@U404>", "is not a member of your team"},
		{"忘记", "UADMIN", "忘记 <@U404>", "不是本团队的成员"},
		{"mistyped", "U1", "dnoe 6", "Did you mean /plan done 6?"},
		{"lang", "U1", "lang zh", "之后我会用中文回复"},
		{"语言", "U2", "语言 英文", "I will reply in English"},
	}
	for _, v := range verbs {
		rows = append(rows, commandRequest{name: v.name + " " + v.line, user: v.user, line: v.line, status: 200, want: []string{v.want}, items: -1})
	}
	return rows
}

// waitZone waits until the member's profile, fetched after an answer, is
// stored with zone.
func waitZone(t *testing.T, s *planbotServer, teamID, userID, zone string) {
	t.Helper()
	s.Slack.waitFor(t, "users.info for "+userID, isCall("users.info", "user", userID))
	db := openStore(t, s)
	tick := time.NewTicker(5 * time.Millisecond)
	defer tick.Stop()
	timeout := time.After(waitLimit)
	for {
		members, err := db.Members(t.Context(), teamID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range members {
			if m.UserID == userID && m.TZ == zone {
				return
			}
		}
		select {
		case <-tick.C:
		case <-timeout:
			t.Fatalf("%s's profile was never stored with the zone %s", userID, zone)
		}
	}
}

// /slack/commands, through serve's HTTP handler: one table of requests.
// A request Slack did not sign (or not now) is refused, with nothing stored
// and no call to Slack; a replay is answered 200 with nothing done again;
// every verb is answered, in the language of the one who typed it.
func TestServeCommandsEndpoint(t *testing.T) {
	s := startServe(t, "")
	unsigned := 0
	profiled := map[string]bool{}
	for _, r := range commandRequests() {
		t.Run(r.name, func(t *testing.T) {
			body := []byte(s.slash(r.user, r.line).Encode())
			header := signedHeader(signingSecret, time.Now(), body)
			if r.attack != nil {
				body, header = r.attack.make(body)
				if r.attack.want == http.StatusUnauthorized {
					unsigned++
				}
			}
			slackCalls := len(s.Slack.calls())
			code, answerBody := s.send(t, http.MethodPost, "/slack/commands", body, header)
			if code != r.status {
				t.Fatalf("status %d (%s), want %d", code, answerBody, r.status)
			}
			if r.attack != nil {
				if n := len(s.Slack.calls()); n != slackCalls {
					t.Errorf("a refused request called Slack: %v", s.Slack.calls()[slackCalls:])
				}
			} else {
				a := decode[answer](t, answerBody)
				if a.ResponseType != "ephemeral" {
					t.Errorf("response_type %q, want ephemeral", a.ResponseType)
				}
				for _, want := range r.want {
					if !strings.Contains(a.Text+a.blocksJSON(t), want) {
						t.Errorf("answer lacks %q: %.300s", want, a.Text)
					}
				}
			}
			for _, variant := range r.replays {
				again := header.Clone()
				variant(again)
				if code, got := s.send(t, http.MethodPost, "/slack/commands", body, again); code != http.StatusOK || len(got) != 0 {
					t.Errorf("replayed: status %d: %s; want 200 and nothing", code, got)
				}
			}
			if r.name == "signed" {
				s.Slack.waitFor(t, "users.info for U1", isCall("users.info", "user", "U1")) // the refresh after the answer, before the refused rows
			}
			if r.attack == nil && r.user == "U2" && !profiled["U2"] {
				// Her zone (New York) is known from the profile fetched after
				// her first answer: the rows after it read her week in it.
				waitZone(t, s, "T1", "U2", "America/New_York")
				profiled["U2"] = true
			}
			if r.items >= 0 {
				if rows := exportRows(t, s.env, "2025-W47"); len(rows) != r.items {
					t.Errorf("%d items stored, want %d: %q", len(rows), r.items, rows)
				}
			}
		})
	}
	t.Run("done once though replayed", func(t *testing.T) {
		changes, err := openStore(t, s).History(t.Context(), "T1", 1)
		if err != nil {
			t.Fatal(err)
		}
		dones := 0
		for _, c := range changes {
			if c.Action == "done" {
				dones++
			}
		}
		if dones != 1 {
			t.Errorf("#1's history %+v: %d changes to done, want 1", changes, dones)
		}
	})
	t.Run("metrics", func(t *testing.T) {
		_, body := s.send(t, http.MethodGet, "/metrics", nil, nil)
		if want := `planbot_requests_total{endpoint="commands",outcome="unsigned"} ` + strconv.Itoa(unsigned); !strings.Contains(string(body), want) {
			t.Errorf("metrics lack %q", want)
		}
	})
}
