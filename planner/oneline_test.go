package planner

import "testing"

func TestOneLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"visit 4 enterprises", "visit 4 enterprises"},
		{"拜访 常诚车业", "拜访 常诚车业"},
		{"two  spaces\u3000kept", "two  spaces\u3000kept"},
		{"visit 1 enterprise\n*Completion 100%*", "visit 1 enterprise *Completion 100%*"},
		{"a \r\n\t b", "a b"},
		{"a\n\n\nb", "a b"},
		{"a\u2028b\u2029c\u0085d\ve\ff", "a b c d e f"},
		{"  \n padded \t ", "padded"},
		{"Eve\x1b[31m", "Eve[31m"},
		{"Eve\x1b]0;pwned\x07", "Eve]0;pwned"},
		{"NUL\x00 DEL\x7f C1\u009b2J", "NUL DEL C12J"},
		{"abc\u202edcba\u2066x\u2069", "abcdcbax"},
		{"bad \xff byte", "bad \uFFFD byte"},
		{"\x1b", ""},
	} {
		if got := OneLine(c.in); got != c.want {
			t.Errorf("OneLine(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := OneLine(OneLine(c.in)); got != c.want {
			t.Errorf("OneLine is not idempotent on %q: %q", c.in, got)
		}
	}
}
