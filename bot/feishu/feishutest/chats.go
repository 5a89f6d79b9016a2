package feishutest

import (
	"net/http"
	"strconv"
)

// chat is a group as Feishu describes it: its name and its owner's open_id
// ("" when a bot owns it).
type chat struct{ name, owner string }

// SetChat makes group chatID known by name and owned by member owner (an
// open_id; "" for a group a bot owns, of which Feishu names no owner).
func (s *Server) SetChat(chatID, name, owner string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats[chatID] = chat{name: name, owner: owner}
}

// chatInfo serves GET im/v1/chats/:id: a group's name, and its owner as an
// open_id (user_id_type open_id, Feishu's default), left out when a bot owns
// it as Feishu leaves it out. A group the fake was not told of is one the
// bot is not in.
func (s *Server) chatInfo(w http.ResponseWriter, c Call) {
	if t := c.Query.Get("user_id_type"); t != "" && t != "open_id" {
		fail(w, http.StatusBadRequest, 99992402, "field validation failed: user_id_type")
		return
	}
	s.mu.Lock()
	g, ok := s.chats[c.ID]
	n := len(s.members[c.ID])
	s.mu.Unlock()
	if !ok {
		fail(w, http.StatusBadRequest, 232011, "the bot is not in the chat")
		return
	}
	data := map[string]any{
		"name": g.name, "chat_mode": "group", "chat_type": "private", "chat_tag": "inner",
		"tenant_key": TenantKey, "external": false, "user_count": strconv.Itoa(n), "bot_count": "1",
	}
	if g.owner != "" {
		data["owner_id"], data["owner_id_type"] = g.owner, "open_id"
	}
	answer(w, data)
}
