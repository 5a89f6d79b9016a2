package slack

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// slackUnescaper undoes Slack's escaping of a slash command's text, so that
// what is stored is what the user typed.
var slackUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// escape makes text safe inside mrkdwn, so that what a person typed can
// neither ping anyone nor format anything. It is applied to whole lines that
// planbot composed (its words around user text, already on one line each:
// planner.OneLine); planbot's own formatting, a heading's "*…*", is added
// around what escape returns. Planbot's words hold no mrkdwn markers, so all
// those escape finds are a person's.
//
//   - &, < and > become &amp;, &lt; and &gt;, as Slack asks: "<!channel>",
//     "<@U123>" or a link ping or link nothing.
//   - mrkdwn has no escape for its markers (a backslash shows as itself), so
//     they are replaced by characters that look alike and mean nothing to
//     Slack, as jsx-slack's <Escape> does: * ＊ ~ ` ｀ become ∗ ﹡ ∼ ˋ ˋ, and a
//     > or ＞ that starts a line (a quote) becomes ˃. The text stays readable
//     and its words copy as words; a zero-width space beside each marker
//     would read the same but copy as invisible characters, the very thing
//     that makes look-alike company names.
//   - An underscore opens italics only after a space or punctuation, never
//     inside a word, so "PLANBOT_ADMINS" and "snake_case" stay as typed;
//     any other _ or ＿ becomes ˍ or ⸏.
func escape(s string) string {
	if !strings.ContainsAny(s, "&<>*~`_＊｀＿＞") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	lineStart, prev := true, rune(-1) // prev: the last rune written
	for _, r := range s {
		out := ""
		switch {
		case (r == '>' || r == '＞') && lineStart:
			out = "˃"
		case r == '&':
			out = "&amp;"
		case r == '<':
			out = "&lt;"
		case r == '>':
			out = "&gt;"
		case r == '*':
			out = "∗"
		case r == '＊':
			out = "﹡"
		case r == '~':
			out = "∼"
		case r == '`' || r == '｀':
			out = "ˋ"
		case r == '_' && !inWord(prev):
			out = "ˍ"
		case r == '＿' && !inWord(prev):
			out = "⸏"
		}
		if out == "" {
			b.WriteRune(r)
			prev = r
		} else {
			b.WriteString(out)
			prev, _ = utf8.DecodeLastRuneInString(out)
		}
		lineStart = r == '\n' || lineStart && (r == ' ' || r == '\u3000')
	}
	return b.String()
}

// inWord reports whether r, just before an underscore, makes it part of a
// word: an ASCII letter, digit or underscore.
func inWord(r rune) bool {
	return r == '_' || r == '＿' || r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// unescape returns a slash command's text as the user typed it, with each
// mention of a member (<@U123>, <@U123|ann>) as the command language names a
// member: by their id, a word of its own ("forget U123", "忘记 U123"). A
// mention is read before the text is unescaped, so that "<@U123>" typed as
// text stays text.
func unescape(s string) string {
	var b strings.Builder
	last := 0
	for _, m := range mention.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(s[last:m[0]])
		if m[0] > 0 && s[m[0]-1] != ' ' {
			b.WriteByte(' ')
		}
		b.WriteString(s[m[2]:m[3]])
		last = m[1]
	}
	b.WriteString(s[last:])
	return slackUnescaper.Replace(b.String())
}

// mention is a mention of a member as Slack escapes it in a command's text.
var mention = regexp.MustCompile(`<@([UW][A-Z0-9]+)(?:\|[^<>]*)?>`)

// truncate cuts s to at most max characters, ending with "…" when cut.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
