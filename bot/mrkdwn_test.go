package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
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
