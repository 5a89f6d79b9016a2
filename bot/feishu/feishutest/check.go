package feishutest

import (
	"encoding/json"
	"fmt"
	"regexp"
)

// atMarkup is Feishu's mention markup in a text message: <at user_id="…">,
// <at id=…>, <at email=…>; user_id="all" mentions everyone.
var atMarkup = regexp.MustCompile(`(?i)<at\b`)

// checkContent reports why Feishu would refuse, or show as planbot did not
// mean, a message of msgType with content: "" when it is fine. planbot
// never means to mention anyone, so any mention markup in a text is a fault.
func (s *Server) checkContent(msgType, content string) string {
	switch msgType {
	case "text":
		var c struct {
			Text *string `json:"text"`
		}
		if err := json.Unmarshal([]byte(content), &c); err != nil || c.Text == nil {
			return fmt.Sprintf("a text's content must be JSON {\"text\":…} (%v)", err)
		}
		if loc := atMarkup.FindStringIndex(*c.Text); loc != nil {
			return fmt.Sprintf("the text mentions someone: %q", (*c.Text)[loc[0]:])
		}
	case "interactive":
		if !json.Valid([]byte(content)) {
			return "a card's content must be JSON"
		}
		if len(content) > MaxCardBytes {
			return fmt.Sprintf("the card is %d bytes, over Feishu's %d", len(content), MaxCardBytes)
		}
	case "image":
		return s.checkKey(content, "image_key")
	case "file":
		return s.checkKey(content, "file_key")
	default:
		return fmt.Sprintf("planbot sends no %q message", msgType)
	}
	return ""
}

// checkKey reports what is wrong with an image or file message's content:
// it must name a key the fake handed out.
func (s *Server) checkKey(content, field string) string {
	var c map[string]string
	if err := json.Unmarshal([]byte(content), &c); err != nil {
		return fmt.Sprintf("the content must be JSON {%q:…} (%v)", field, err)
	}
	if _, ok := s.Upload(c[field]); !ok {
		return fmt.Sprintf("%s %q was never uploaded", field, c[field])
	}
	return ""
}
