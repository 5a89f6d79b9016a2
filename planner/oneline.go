package planner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// OneLine is text a person typed, or Slack supplied, as planbot shows it and
// as it keeps a name Slack gives: on one line, so that it can never pass for
// a line of planbot's own. Each run of spaces holding a line or paragraph
// break or a tab (LF, CR, VT, FF, U+0085, U+2028, U+2029) becomes one space;
// other control characters (ESC, NUL, DEL, the C1 set) and bidirectional
// controls, which could drive a terminal or reorder the text around them,
// are dropped; bytes that are not UTF-8 become U+FFFD; the ends are trimmed.
// Text already so is returned as it is.
func OneLine(s string) string {
	if isOneLine(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	var run []rune // the spaces seen since the last other character
	broken := false
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case isBreak(r):
			run, broken = append(run, r), true
		case unicode.IsSpace(r):
			run = append(run, r)
		case unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r):
		default:
			if b.Len() > 0 && broken {
				b.WriteByte(' ')
			} else if b.Len() > 0 {
				b.WriteString(string(run))
			}
			run, broken = run[:0], false
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isBreak reports whether r breaks a line or spaces to a tab stop.
func isBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\t', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return true
	}
	return false
}

// isOneLine reports whether OneLine would leave s as it is: valid UTF-8,
// untrimmable, without breaks, control or bidirectional characters.
func isOneLine(s string) bool {
	if s == "" {
		return true
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if unicode.IsSpace(first) || unicode.IsSpace(last) {
		return false
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isBreak(r) || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) {
			return false
		}
		i += size
	}
	return true
}
