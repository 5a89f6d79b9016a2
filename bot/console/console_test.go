package console

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"planbot/bot"
	"planbot/planner"
	"planbot/planner/plannertest"
)

// consoleAdmin is who types at the console: their team's admin.
var consoleAdmin = planner.Actor{TeamID: "local", TeamName: "local", UserID: "me", UserName: "me", Admin: true}

func TestConsoleRun(t *testing.T) {
	h := newHandler(t)
	mustHandle(t, h, planner.Actor{TeamID: "local", UserID: "ann", UserName: "Ann"}, "wed visit 2 companies") // #1
	in := strings.Join([]string{
		"# a comment",
		"#",
		"",
		"/plan tue visit 4 enterprises",
		"   周二 对接4家企业   ",
		"#trip 去北京看展",
		"\t",
		"/plan done 2 two want a second visit",
		"/计划\u3000完成\u30001", // someone else's item: the console user is an admin
		"# /plan done 3",
		"/plan",
		"lang fr",
	}, "\n")
	var out bytes.Buffer
	c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader(in), Out: &out}
	if err := c.Run(t.Context()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	want := strings.Join([]string{
		"Added #2 ⬜ Tue Nov 18 · visit ×4 · visit 4 enterprises",
		"已添加 #3 ⬜ 11月18日周二 · 拜访 ×4 · 对接4家企业",
		"已添加 #4 ⬜ 11月17日周一 · 出差 → 北京 · #trip 去北京看展", // Chinese words, no verb or when
		// Having written Chinese, the member is answered in Chinese from now on.
		"已完成 #2 ✅ 11月18日周二 · 拜访 ×4 · visit 4 enterprises · “two want a second visit”",
		"已完成 #1 ✅ 11月19日周三 · 拜访 ×2 · visit 2 companies",
		"我的一周 2025-W47（11月17日–23日）",
		"11月17日周一",
		"  #4 ⬜ 出差 → 北京 · #trip 去北京看展",
		"11月18日周二",
		"  #2 ✅ 拜访 ×4 · visit 4 enterprises · “two want a second visit”",
		"  #3 ⬜ 拜访 ×4 · 对接4家企业",
		"11月19日周三",
		"  —",
		"11月20日周四",
		"  —",
		"11月21日周五",
		"  —",
		"11月22日周六",
		"  —",
		"11月23日周日",
		"  —",
		"“fr”不是支持的语言。例如：/plan lang zh 或 /plan lang en",
		"\"fr\" is not a language I speak. Try: /plan lang zh or /plan lang en",
		"",
	}, "\n")
	if got := out.String(); got != want {
		t.Errorf("console printed\n%s\nwant\n%s", got, want)
	}
	items := teamItems(t, h, "local")
	if len(items) != 4 {
		t.Fatalf("team has %d items, want 4 (comments are not items): %+v", len(items), items)
	}
	if trip := items[0]; trip.ID != 4 || trip.Kind != planner.KindTrip || trip.Title != "#trip 去北京看展" {
		t.Errorf("the #trip line stored %+v, want a trip", trip)
	}
}

// With a prompt, the console ends its output with a newline at EOF, so the
// shell's prompt starts on a line of its own.
func TestConsoleRunPrompt(t *testing.T) {
	for _, tt := range []struct {
		name   string
		in     string
		prompt bool
		want   string
	}{
		{"reply, blank, comment", "lang zh\n\n# comment\n", true, "/plan 之后我会用中文回复。\n/plan /plan /plan \n"},
		{"no final newline in", "lang zh", true, "/plan 之后我会用中文回复。\n/plan \n"},
		{"empty input", "", true, "/plan \n"},
		{"no prompt", "lang zh\n\n", false, "之后我会用中文回复。\n"},
		{"no prompt, empty input", "", false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			if out := runConsole(t, h, tt.in, tt.prompt); out != tt.want {
				t.Errorf("console printed %q, want %q", out, tt.want)
			}
		})
	}
}

func TestConsoleRunCancelled(t *testing.T) {
	h := newHandler(t)
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var out bytes.Buffer
	c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader("tue visit 4 enterprises\n"), Out: &out}
	if err := c.Run(ctx); !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if out.Len() != 0 || len(teamItems(t, h, "local")) != 0 {
		t.Errorf("a cancelled console printed %q and stored %d items", out.String(), len(teamItems(t, h, "local")))
	}
}

// failingWriter is a terminal that has gone away.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errBrokenPipe }

var errBrokenPipe = errors.New("broken pipe")

func TestConsoleRunWriteError(t *testing.T) {
	h := newHandler(t)
	c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader("tue visit 4 enterprises\nwed visit 2 companies\n"), Out: failingWriter{}}
	if err := c.Run(t.Context()); !errors.Is(err, errBrokenPipe) {
		t.Errorf("Run = %v, want the write error", err)
	}
	if n := len(teamItems(t, h, "local")); n != 1 {
		t.Errorf("the console went on after a failed write: %d items stored, want 1", n)
	}
}

// quit, exit and 退出 leave the console with a goodbye, whether it reads a
// terminal (with a prompt) or a pipe; nothing after them is read, and they
// are never filed as items.
func TestConsoleQuit(t *testing.T) {
	for _, tt := range []struct {
		name   string
		in     string
		prompt bool
		want   string
	}{
		{"quit", "tue visit 2 enterprises\nquit\nwed visit 3 enterprises\n", false,
			"Added #1 ⬜ Tue Nov 18 · visit ×2 · visit 2 enterprises\nBye.\n"},
		{"exit, capitals, after spaces", "  EXIT  \nwed visit 3 enterprises\n", false, "Bye.\n"},
		{"typed as a command", "/plan quit\n", false, "Bye.\n"},
		{"退出", "退出\n", false, "再见。\n"},
		{"a chinese member", "周二 拜访2家企业\nexit\n", false, "已添加 #1 ⬜ 11月18日周二 · 拜访 ×2 · 拜访2家企业\n再见。\n"},
		{"at a terminal", "quit\nwed visit 3 enterprises\n", true, "/plan Bye.\n"},
		{"a word of an item is no quit", "quit smoking\n", false, "Added #1 ⬜ Mon Nov 17 · other · quit smoking\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			h := newHandler(t)
			if out := runConsole(t, h, tt.in, tt.prompt); out != tt.want {
				t.Errorf("console printed %q, want %q", out, tt.want)
			}
			for _, it := range teamItems(t, h, "local") {
				if strings.Contains(it.Title, "wed") || it.Title == "quit" || it.Title == "exit" || it.Title == "退出" {
					t.Errorf("stored %q: the console did not stop at the goodbye", it.Title)
				}
			}
		})
	}
}

// runConsole runs a console for consoleAdmin on h over in and returns what it printed.
func runConsole(t *testing.T, h *bot.Handler, in string, prompt bool) string {
	t.Helper()
	var out bytes.Buffer
	c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader(in), Out: &out, Prompt: prompt}
	if err := c.Run(t.Context()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}

// What only a chat platform does — post the retrospective, make the channel a
// command is typed in the team's — the console refuses in both languages,
// with nothing stored.
func TestConsoleChatOnlyCommands(t *testing.T) {
	const (
		en = "That works in Slack or Feishu only. Here, try: /plan digest"
		zh = "这个命令只能在 Slack 或飞书里用。这里可以试试：/plan 周报"
	)
	// nothingPosted checks that nothing was claimed for the weeks: their
	// retrospectives are still to be posted.
	nothingPosted := func(t *testing.T, h *bot.Handler) {
		for _, w := range []planner.Week{plannertest.W47, {Year: 2025, Num: 46}} {
			send, created, err := dbOf(h).ClaimSend(t.Context(), planner.Send{
				TeamID: "local", Job: planner.JobRetro, Week: w, State: planner.RunPending, Attempts: 1,
				DueAt: h.Service.Clock(), UpdatedAt: h.Service.Clock(),
			})
			if err != nil || !created {
				t.Errorf("the console left a ledger row for %s: %+v, %v", w, send, err)
			}
		}
	}
	channelKept := func(t *testing.T, h *bot.Handler) {
		if team, err := h.Service.Team(t.Context(), consoleAdmin.TeamID); err != nil || team.DigestChannel != "CRETRO" {
			t.Errorf("team after the console's setup: %+v, %v; want its channel kept", team, err)
		}
	}
	tests := []struct {
		line, want string
		check      func(*testing.T, *bot.Handler)
	}{
		{"/plan digest post", en + "\n" + zh + "\n", nothingPosted},
		{"digest post 2025-W46 force", en + "\n" + zh + "\n", nothingPosted},
		{"/plan 周报 发布 强制", zh + "\n" + en + "\n", nothingPosted},
		{"/plan setup", en + "\n" + zh + "\n", channelKept},
		{"设置", zh + "\n" + en + "\n", channelKept},
	}
	for _, tt := range tests {
		t.Run(tt.line, func(t *testing.T) {
			h := newHandler(t)
			if _, _, err := h.Service.Join(t.Context(), consoleAdmin); err != nil {
				t.Fatal(err)
			}
			if _, err := h.Service.SetDigestChannel(t.Context(), consoleAdmin, "CRETRO"); err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader(tt.line + "\n"), Out: &out}
			if err := c.Run(t.Context()); err != nil {
				t.Fatalf("Run: %v", err)
			}
			if got := out.String(); got != tt.want {
				t.Errorf("console printed %q, want %q", got, tt.want)
			}
			tt.check(t, h)
		})
	}
}

// The console cannot send a file: it says how to write one.
func TestConsoleExportXLSX(t *testing.T) {
	var out strings.Builder
	c := &Console{Handler: newHandler(t), Actor: plannertest.Ann, In: strings.NewReader("/plan export xlsx\n/plan 导出 xlsx\n"), Out: &out}
	if err := c.Run(t.Context()); err != nil {
		t.Fatal(err)
	}
	want := "The Excel report is sent in Slack or Feishu. Here, write it to a file: planbot export --format xlsx --week 2025-W47 --out report.xlsx\n" +
		"Excel 周报在 Slack 或飞书里发送。这里请写入文件：planbot export --format xlsx --week 2025-W47 --out report.xlsx\n"
	if out.String() != want {
		t.Errorf("console printed\n%s\nwant\n%s", out.String(), want)
	}
}
