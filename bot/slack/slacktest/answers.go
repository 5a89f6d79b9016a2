package slacktest

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// answer is Slack's answer to the Web API call c, as JSON: what planbot
// reads of each method it calls, and {"ok":true} for any other.
func (s *Server) answer(c Call) map[string]any {
	f := c.Form
	answer := map[string]any{"ok": true}
	switch c.Method {
	case "auth.test":
		answer["team_id"], answer["user_id"], answer["bot_id"] = "T1", "UBOT", "BBOT"
	case "apps.connections.open":
		answer["url"] = "ws" + strings.TrimPrefix(s.URL, "http") + "/ws"
	case "chat.postMessage":
		m := s.post(f)
		answer["channel"], answer["ts"] = m.Channel, m.TS
	case "conversations.open":
		answer["channel"] = map[string]any{"id": s.dm(f.Get("users"))}
	case "conversations.history":
		messages, next := s.historyPage(f)
		answer["messages"], answer["has_more"] = messages, next != ""
		answer["response_metadata"] = map[string]string{"next_cursor": next}
	case "conversations.members":
		s.mu.Lock()
		ids := s.members[f.Get("channel")]
		s.mu.Unlock()
		ids, next := page(ids, f.Get("cursor"), f.Get("limit"))
		answer["members"], answer["response_metadata"] = ids, map[string]string{"next_cursor": next}
	case "users.info":
		u, ok := s.user(f.Get("user"))
		if !ok {
			return map[string]any{"ok": false, "error": "user_not_found"}
		}
		answer["user"] = u.json()
	case "users.list":
		s.mu.Lock()
		ids := slices.Clone(s.order)
		s.mu.Unlock()
		ids, next := page(ids, f.Get("cursor"), f.Get("limit"))
		var members []map[string]any
		for _, id := range ids {
			u, _ := s.user(id)
			members = append(members, u.json())
		}
		answer["members"], answer["response_metadata"] = members, map[string]string{"next_cursor": next}
	case "views.open", "views.publish":
		answer["view"] = map[string]any{"id": "V1"}
	case "files.getUploadURLExternal":
		s.mu.Lock()
		s.seq++
		id := fmt.Sprintf("F%d", s.seq)
		s.mu.Unlock()
		answer["upload_url"], answer["file_id"] = s.URL+"/upload/"+id, id
	case "files.completeUploadExternal":
		var files []map[string]any
		json.Unmarshal([]byte(f.Get("files")), &files)
		answer["files"] = files
	}
	return answer
}

// post keeps a chat.postMessage's message, with a new ts, and returns it.
func (s *Server) post(f map[string][]string) Message {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.seq++
	m := Message{Channel: get("channel"), TS: fmt.Sprintf("%d.%06d", s.now().Unix(), s.seq), ThreadTS: get("thread_ts"),
		Text: get("text"), Blocks: get("blocks"), Form: f}
	if meta := get("metadata"); meta != "" {
		m.Metadata = json.RawMessage(meta)
	}
	s.posts = append(s.posts, m)
	s.history[m.Channel] = append(s.history[m.Channel], m)
	return m
}

// historyPage is a page of conversations.history for form f: the channel's
// top-level messages since oldest, newest first, with their metadata only
// when include_all_metadata is true (as Slack's documentation writes it).
func (s *Server) historyPage(f map[string][]string) ([]map[string]any, string) {
	get := func(k string) string {
		if v := f[k]; len(v) > 0 {
			return v[0]
		}
		return ""
	}
	oldest, _ := strconv.ParseFloat(get("oldest"), 64)
	withMeta := get("include_all_metadata") == "true"
	s.mu.Lock()
	all := slices.Clone(s.history[get("channel")])
	s.mu.Unlock()
	var shown []map[string]any
	for _, m := range slices.Backward(all) {
		ts, _ := strconv.ParseFloat(m.TS, 64)
		if m.ThreadTS != "" || ts < oldest {
			continue
		}
		msg := map[string]any{"type": "message", "ts": m.TS, "text": m.Text}
		if withMeta && m.Metadata != nil {
			msg["metadata"] = m.Metadata
		}
		shown = append(shown, msg)
	}
	return page(shown, get("cursor"), get("limit"))
}

// user returns the user id as users.info tells of them.
func (s *Server) user(id string) (User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u, ok := s.users[id]; ok {
		return u, true
	}
	if s.knownOnly {
		return User{}, false
	}
	return User{ID: id, Name: strings.ToLower(id), RealName: "Member " + id, TZ: "Asia/Shanghai"}, true
}

// json is u as Slack's user object.
func (u User) json() map[string]any {
	return map[string]any{"id": u.ID, "name": u.Name, "real_name": u.RealName, "tz": u.TZ,
		"is_admin": u.IsAdmin, "is_bot": u.IsBot, "deleted": u.Deleted,
		"profile": map[string]any{"real_name": u.RealName}}
}

// page returns list[cursor:cursor+limit] and the next cursor ("" at the end);
// no limit is the whole rest.
func page[T any](list []T, cursor, limit string) ([]T, string) {
	from, _ := strconv.Atoi(cursor)
	from = min(max(from, 0), len(list))
	n, err := strconv.Atoi(limit)
	if err != nil || n <= 0 {
		n = len(list)
	}
	to := min(from+n, len(list))
	next := ""
	if to < len(list) {
		next = strconv.Itoa(to)
	}
	return list[from:to], next
}

// dm is the direct-message channel conversations.open opens with users:
// the one SetDM named, or "D" and the user's id.
func (s *Server) dm(users string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if id, ok := s.dms[users]; ok {
		return id
	}
	return "D" + users
}

// SetDM makes conversations.open with userID answer channel as the
// direct-message channel; by default it is "D" and the user's id.
func (s *Server) SetDM(userID, channel string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.dms[userID] = channel
}
