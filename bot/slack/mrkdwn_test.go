package slack

import (
	"strings"
	"testing"
	"unicode/utf8"

	"planbot/planner"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"visit 4 enterprises", "visit 4 enterprises"},
		{"<!channel> & <@U123>", "&lt;!channel&gt; &amp; &lt;@U123&gt;"},
		{"*Completion 100%*", "∗Completion 100%∗"},
		{"M*allory", "M∗allory"},
		{"`code` ~struck~", "ˋcodeˋ ∼struck∼"},
		{"＊全角＊ ｀代码｀", "﹡全角﹡ ˋ代码ˋ"},
		{"_italic_ and snake_case_name", "ˍitalic_ and snake_case_name"},
		{"PLANBOT_ADMINS, __init__", "PLANBOT_ADMINS, ˍˍinit__"},
		{"常诚_车业_ ＿x＿", "常诚ˍ车业ˍ ⸏x＿"},
		{"a > b", "a &gt; b"},
		{"> quoted", "˃ quoted"},
		{"  ＞ quoted", "  ˃ quoted"},
		{"line\n> quoted\n>> twice", "line\n˃ quoted\n˃&gt; twice"},
		{":white_check_mark: done", ":white_check_mark: done"},
	} {
		if got := escape(c.in); got != c.want {
			t.Errorf("escape(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// A name cut to fit a header keeps whole entities and the text before the cut
// escaped as the whole name is.
func TestEscapeWithin(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"short", 10, "short"},
		{"_East_ & West", 13, "ˍEast_ &amp;…"},
		{"_East_ & West", 12, "ˍEast_ …"},
		{"_East_ & West", 9, "ˍEast_ …"},
		{"a&b", 1, "…"},
		{"&b", 3, "…"},
		{"&b", 6, "&amp;b"},
	} {
		got := escapeWithin(c.in, c.max)
		if got != c.want || utf8.RuneCountInString(got) > max(c.max, 1) {
			t.Errorf("escapeWithin(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
		if strings.Contains(got, "&") && !strings.Contains(got, "&amp;") {
			t.Errorf("escapeWithin(%q, %d) cut an entity: %q", c.in, c.max, got)
		}
	}
}

// Whatever a person types, shown as planbot shows it in Slack (one line,
// escaped) it holds no line break, no marker that formats and no entity cut
// open, and starts no quote.
func FuzzShownText(f *testing.F) {
	for _, seed := range []string{
		"visit 1 enterprise\n*Completion 100% (50 of 50 items done)*", "> _quoted_", "M*allory", "a\u2028b\u0085c",
		"<!channel> & <@U1>", "snake_case_name", "＊全角＊ ＞ ｀x｀", "\x1b[2J\u202e", "\xff\xfe",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := escape(planner.OneLine(s))
		if !utf8.ValidString(got) || strings.ContainsAny(got, "\n\r\u2028\u2029\u0085*~`＊｀<") {
			t.Errorf("escape(OneLine(%q)) = %q: a break, a marker or a raw <", s, got)
		}
		if strings.HasPrefix(got, ">") || strings.HasPrefix(got, "&gt;") || strings.HasPrefix(got, "＞") {
			t.Errorf("escape(OneLine(%q)) = %q starts a quote", s, got)
		}
		if strings.Contains(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(got, "&amp;", ""), "&lt;", ""), "&gt;", ""), "&") {
			t.Errorf("escape(OneLine(%q)) = %q has a bare &", s, got)
		}
		for i, r := range got {
			if (r == '_' || r == '＿') && (i == 0 || !inWord(lastRune(got[:i]))) {
				t.Errorf("escape(OneLine(%q)) = %q has an underscore that may open italics at %d", s, got, i)
			}
		}
	})
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
