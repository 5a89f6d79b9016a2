package feishu

import (
	"encoding/json"
	"strings"

	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"

	"planbot/bot"
)

// messageText is the /plan line a text message carries: its text with the
// bot's own mention (the one that starts a group message, or any of a bot)
// taken out, every other mention (@_user_2) as the member's open_id, a word
// of its own, and a leading /plan taken off. ok is false for what is no text
// message.
func messageText(m *larkim.EventMessage) (string, bool) {
	if m == nil || deref(m.MessageType) != "text" {
		return "", false
	}
	var content struct {
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(deref(m.Content)), &content); err != nil {
		return "", false
	}
	text := strings.TrimSpace(content.Text)
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
		default:
			text = strings.Replace(text, key, " "+openID+" ", 1)
		}
	}
	text = strings.ReplaceAll(text, "@_all", " ")
	return bot.StripCommandName(strings.Join(strings.Fields(text), " ")), true
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
