package bot

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"

	"planbot/planner"
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
		"  #4 ⬜ 11月17日周一 · 出差 → 北京 · #trip 去北京看展",
		"11月18日周二",
		"  #2 ✅ 11月18日周二 · 拜访 ×4 · visit 4 enterprises · “two want a second visit”",
		"  #3 ⬜ 11月18日周二 · 拜访 ×4 · 对接4家企业",
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

func TestStripCommandName(t *testing.T) {
	for _, tt := range []struct{ line, want string }{
		{"/plan tue x", "tue x"},
		{"/计划 周二 x", "周二 x"},
		{"/计划\u3000周二 x", "周二 x"},
		{"/plan\u3000\u3000week next\u3000", "week next"},
		{"/plan\tweek", "week"},
		{"/计划\u3000", ""},
		{"/plan   week next ", "week next"},
		{"/plan", ""},
		{"tue x", "tue x"},
		{"#trip 去北京看展", "#trip 去北京看展"},
		{"11/20 visit", "11/20 visit"},
	} {
		t.Run(tt.line, func(t *testing.T) {
			if got := StripCommandName(tt.line); got != tt.want {
				t.Errorf("StripCommandName(%q) = %q, want %q", tt.line, got, tt.want)
			}
		})
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
func runConsole(t *testing.T, h *Handler, in string, prompt bool) string {
	t.Helper()
	var out bytes.Buffer
	c := &Console{Handler: h, Actor: consoleAdmin, In: strings.NewReader(in), Out: &out, Prompt: prompt}
	if err := c.Run(t.Context()); err != nil {
		t.Fatalf("Run: %v", err)
	}
	return out.String()
}
