package bot

import (
	"strings"
	"unicode/utf8"
)

// mrkdwnEscaper escapes the three characters Slack's mrkdwn treats as markup
// openers, so that user text such as "<!channel>" or "<@U123>" pings no one.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// slackUnescaper undoes Slack's escaping of a slash command's text, so that
// what is stored is what the user typed.
var slackUnescaper = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// escape makes user text safe inside mrkdwn.
func escape(s string) string { return mrkdwnEscaper.Replace(s) }

// Unescape returns a slash command's text as the user typed it.
func Unescape(s string) string { return slackUnescaper.Replace(s) }

// truncate cuts s to at most max characters, ending with "…" when cut.
func truncate(s string, max int) string {
	if utf8.RuneCountInString(s) <= max {
		return s
	}
	r := []rune(s)
	return string(r[:max-1]) + "…"
}
