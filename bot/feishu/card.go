package feishu

import "planbot/bot"

// cardOf renders the views that Feishu shows as interactive cards (a week, a
// team's week, an added item, a reminder) and reports whether reply is one.
func cardOf(reply bot.Reply) (string, bool) {
	return "", false
}
