package feishutest

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
)

// Click is a member's click on a button of a card the bot sent, as the
// card.action.trigger callback tells of it.
type Click struct {
	EventID  string         // the callback's id: a redelivery has the same
	Token    string         // the verification token the callback carries
	Operator string         // the open_id of the member who clicked
	Card     string         // the id of the card's message
	Value    map[string]any // the button's callback value, as the card holds it
}

// ClickEvent returns the card.action.trigger callback (schema 2.0) Feishu
// sends to the app's request URL when c's member clicks: the dispatcher
// tells it from an event by its header's event_type, and the app answers
// it, within 3 s, with a toast and the card redrawn. Deliver it as an event
// (Callback.Request).
func (s *Server) ClickEvent(c Click) []byte {
	m, _ := s.Message(c.Card)
	ms := strconv.FormatInt(s.clock().UnixMilli(), 10)
	event, _ := json.Marshal(map[string]any{
		"schema": "2.0",
		"header": map[string]any{
			"event_id": c.EventID, "token": c.Token, "create_time": ms, "event_type": "card.action.trigger",
			"tenant_key": TenantKey, "app_id": AppID,
		},
		"event": map[string]any{
			"operator": map[string]any{"tenant_key": TenantKey, "open_id": c.Operator, "union_id": "on_" + c.Operator, "user_id": ""},
			// The token that would let the app update the card later (planbot answers in place).
			"token":  "c-" + c.EventID,
			"action": map[string]any{"value": c.Value, "tag": "button", "timezone": "Asia/Shanghai"},
			"host":   "im_message",
			"context": map[string]any{
				"open_message_id": c.Card, "open_chat_id": m.ChatID,
			},
		},
	})
	return event
}

// Buttons returns the callback values of the buttons of card (card JSON
// 2.0, as a message's content holds it), in the order of its elements:
// what Feishu sends back when each is clicked.
func Buttons(card string) ([]map[string]any, error) {
	var root any
	if err := json.Unmarshal([]byte(card), &root); err != nil {
		return nil, fmt.Errorf("feishutest: a card's content: %w", err)
	}
	var values []map[string]any
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["tag"] == "button" {
				behaviors, _ := v["behaviors"].([]any)
				for _, b := range behaviors {
					if b, ok := b.(map[string]any); ok && b["type"] == "callback" {
						value, _ := b["value"].(map[string]any)
						values = append(values, value)
					}
				}
				return
			}
			for _, k := range slices.Sorted(maps.Keys(v)) { // the same order every time
				walk(v[k])
			}
		case []any:
			for _, child := range v {
				walk(child)
			}
		}
	}
	walk(root)
	return values, nil
}
