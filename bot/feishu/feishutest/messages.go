package feishutest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// messageBody is what planbot sends to create or reply to a message.
type messageBody struct {
	ReceiveID     string `json:"receive_id"`
	MsgType       string `json:"msg_type"`
	Content       string `json:"content"`
	UUID          string `json:"uuid"`
	ReplyInThread bool   `json:"reply_in_thread"`
}

// send serves im/v1/messages: a message to a chat (receive_id_type
// chat_id) or to a member's direct chat (open_id).
func (s *Server) send(w http.ResponseWriter, c Call) {
	var b messageBody
	if err := json.Unmarshal(c.Body, &b); err != nil || b.ReceiveID == "" {
		fail(w, http.StatusBadRequest, 230001, "invalid request body")
		return
	}
	chat := b.ReceiveID
	switch c.Query.Get("receive_id_type") {
	case "chat_id":
	case "open_id":
		chat = DirectChat(b.ReceiveID)
	default:
		fail(w, http.StatusBadRequest, 99992402, "field validation failed: receive_id_type")
		return
	}
	s.deliver(w, Message{ChatID: chat, MsgType: b.MsgType, Content: b.Content, UUID: b.UUID})
}

// reply serves im/v1/messages/:id/reply: a reply in the chat of message id,
// in its thread with reply_in_thread.
func (s *Server) reply(w http.ResponseWriter, c Call) {
	var b messageBody
	if err := json.Unmarshal(c.Body, &b); err != nil {
		fail(w, http.StatusBadRequest, 230001, "invalid request body")
		return
	}
	parent, ok := s.Message(c.ID)
	if !ok {
		fail(w, http.StatusBadRequest, 230011, "the message is not found or withdrawn")
		return
	}
	s.deliver(w, Message{ChatID: parent.ChatID, MsgType: b.MsgType, Content: b.Content, UUID: b.UUID, ReplyTo: c.ID, Thread: b.ReplyInThread})
}

// deliver checks m and adds it to its chat, unless its uuid sent one within
// the hour: then it answers that one and sends nothing.
func (s *Server) deliver(w http.ResponseWriter, m Message) {
	if problem := s.checkContent(m.MsgType, m.Content); problem != "" {
		s.t.Errorf("feishutest: Feishu would refuse or misshow this %s message to %s: %s\n%s", m.MsgType, m.ChatID, problem, m.Content)
		fail(w, http.StatusBadRequest, 230001, problem)
		return
	}
	s.mu.Lock()
	if i, ok := s.uuids[m.UUID]; ok && m.UUID != "" && s.now().Sub(s.messages[i].At) < uuidWindow {
		first := s.messages[i]
		s.mu.Unlock()
		answer(w, messageJSON(first))
		return
	}
	s.add(m)
	i := len(s.messages) - 1
	if m.UUID != "" {
		s.uuids[m.UUID] = i
	}
	sent := s.messages[i]
	s.mu.Unlock()
	answer(w, messageJSON(sent))
}

// patch serves PATCH im/v1/messages/:id: a card the bot sent, updated.
func (s *Server) patch(w http.ResponseWriter, c Call) {
	var b struct{ Content string }
	if err := json.Unmarshal(c.Body, &b); err != nil {
		fail(w, http.StatusBadRequest, 230001, "invalid request body")
		return
	}
	if problem := s.checkContent("interactive", b.Content); problem != "" {
		s.t.Errorf("feishutest: Feishu would refuse this card update of %s: %s\n%s", c.ID, problem, b.Content)
		fail(w, http.StatusBadRequest, 230001, problem)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, m := range s.messages {
		if m.ID != c.ID {
			continue
		}
		if m.Sender != "" || m.MsgType != "interactive" {
			fail(w, http.StatusBadRequest, 230031, "only the bot's own cards can be updated")
			return
		}
		s.messages[i].Content, s.messages[i].Patches = b.Content, m.Patches+1
		s.change()
		answer(w, map[string]any{})
		return
	}
	fail(w, http.StatusBadRequest, 230011, "the message is not found or withdrawn")
}

// messageJSON is a message as Feishu's answers describe it.
func messageJSON(m Message) map[string]any {
	out := map[string]any{
		"message_id": m.ID, "msg_type": m.MsgType, "chat_id": m.ChatID,
		"create_time": strconv.FormatInt(m.At.UnixMilli(), 10), "update_time": strconv.FormatInt(m.At.UnixMilli(), 10),
		"deleted": false, "updated": false,
		"sender": map[string]any{"id": AppID, "id_type": "app_id", "sender_type": "app", "tenant_key": TenantKey},
		"body":   map[string]any{"content": m.Content},
	}
	if m.ReplyTo != "" {
		out["parent_id"], out["root_id"] = m.ReplyTo, m.ReplyTo
	}
	return out
}

// upload serves an image or a file upload: the multipart field field holds
// it; the answer gives its key under keyName.
func (s *Server) upload(field, keyName string) func(http.ResponseWriter, Call) {
	return func(w http.ResponseWriter, c Call) {
		if len(c.File) == 0 {
			fail(w, http.StatusBadRequest, 234001, "no "+field+" in the request")
			return
		}
		if field == "file" && (c.Form.Get("file_type") == "" || c.Form.Get("file_name") == "") {
			fail(w, http.StatusBadRequest, 234001, "file_type and file_name are required")
			return
		}
		if field == "image" && c.Form.Get("image_type") != "message" {
			fail(w, http.StatusBadRequest, 234001, "image_type must be message")
			return
		}
		s.mu.Lock()
		s.seq++
		key := fmt.Sprintf("%s_v3_%04d", field, s.seq)
		s.uploads[key] = c.File
		s.mu.Unlock()
		answer(w, map[string]any{keyName: key})
	}
}

// user serves contact/v3/users/:id with user_id_type=open_id.
func (s *Server) user(w http.ResponseWriter, c Call) {
	if c.Query.Get("user_id_type") != "open_id" {
		fail(w, http.StatusBadRequest, 99992402, "field validation failed: user_id_type")
		return
	}
	s.mu.Lock()
	name, ok := s.users[c.ID]
	s.mu.Unlock()
	if !ok {
		name = c.ID
	}
	answer(w, map[string]any{"user": map[string]any{"open_id": c.ID, "name": name}})
}

// chatMembersPage is how many members a page of a group's member list holds
// at most, whatever page_size asks: small, so that paging is exercised.
const chatMembersPage = 2

// chatMembers serves im/v1/chats/:id/members, a page at a time.
func (s *Server) chatMembers(w http.ResponseWriter, c Call) {
	s.mu.Lock()
	ids, ok := s.members[c.ID]
	names := map[string]string{}
	for _, id := range ids {
		names[id] = s.users[id]
	}
	s.mu.Unlock()
	if !ok {
		fail(w, http.StatusBadRequest, 232011, "the bot is not in the chat")
		return
	}
	start := 0
	if tok := c.Query.Get("page_token"); tok != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(tok, "p"))
		if err != nil || n < 0 || n > len(ids) {
			fail(w, http.StatusBadRequest, 232001, "invalid page_token")
			return
		}
		start = n
	}
	end := min(start+chatMembersPage, len(ids))
	var items []map[string]any
	for _, id := range ids[start:end] {
		items = append(items, map[string]any{"member_id_type": "open_id", "member_id": id, "name": names[id], "tenant_key": TenantKey})
	}
	next := ""
	if end < len(ids) {
		next = fmt.Sprintf("p%d", end)
	}
	answer(w, map[string]any{"items": items, "page_token": next, "has_more": next != "", "member_total": len(ids)})
}
