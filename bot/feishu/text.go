package feishu

import (
	"encoding/json"
	"strings"

	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"

	"planbot/bot"
	"planbot/planner"
)

// messageText is the /plan line a text message carries, in two readings:
// text, with every mention of a member (@_user_2) as their open_id, a word of
// its own (what a command that names a member, forget, needs), and named,
// with each such mention as the name it shows (what an item's text keeps).
// Either way the bot's own mention (the one that starts a group message, or
// any of a bot) is taken out, and a leading /plan taken off. ok is false for
// what is no text message.
func messageText(m *larkim.EventMessage) (text, named string, ok bool) {
	if m == nil || deref(m.MessageType) != "text" {
		return "", "", false
	}
	var content struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(deref(m.Content)), &content); err != nil {
		return "", "", false
	}
	text = strings.TrimSpace(content.Text)
	named = text
	for _, mention := range m.Mentions {
		key := deref(mention.Key)
		if key == "" {
			continue
		}
		openID := ""
		if mention.Id != nil {
			openID = deref(mention.Id.OpenId)
		}
		leading := strings.HasPrefix(text, key)
		switch {
		case deref(mention.MentionedType) == "bot", leading && deref(m.ChatType) == "group", openID == "":
			text = strings.Replace(text, key, " ", 1)
			named = strings.Replace(named, key, " ", 1)
		default:
			text = strings.Replace(text, key, " "+openID+" ", 1)
			named = strings.Replace(named, key, "@"+planner.OneLine(deref(mention.Name)), 1)
		}
	}
	clean := func(s string) string {
		s = strings.ReplaceAll(s, "@_all", " ")
		return bot.StripCommandName(strings.Join(strings.Fields(s), " "))
	}
	return clean(text), clean(named), true
}

// shown makes planbot's text safe to send as a Feishu text message: Feishu
// reads <at user_id="…"> in it as a mention (of everyone, with "all"), so a
// "<" or ">" that came from what people typed is sent as a look-alike that
// reads the same and mentions no one.
var shown = strings.NewReplacer("<", "‹", ">", "›")

// textContent is the content of a text message saying text.
func textContent(text string) string {
	b, _ := json.Marshal(struct {
		Text string `json:"text"`
	}{shown.Replace(text)})
	return string(b)
}
