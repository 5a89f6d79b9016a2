package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"planbot/bot/feishu/feishutest"
)

// clickAnswer is planbot's answer to a card.action.trigger callback.
type clickAnswer struct {
	Toast struct{ Type, Content string }
	Card  struct {
		Type string
		Data json.RawMessage // the card, as its message's content would hold it
	}
}

// A click on the Done button of a member's week card, sent over the HTTP
// callback signed and encrypted as Feishu does, marks the item done as its
// clicker: the answer is a success toast and the card redrawn with the item
// done. The same button clicked by another member, who is no admin, is
// refused with an error toast, and a click carrying another verification
// token is refused outright; neither changes anything.
func TestFeishuCardClick(t *testing.T) {
	s := startFeishu(t, "http", feishuEncryptKey)
	for _, line := range []string{"周二 对接4家企业", "周三 拜访园区"} {
		s.reply(t, s.say(t, message{sender: ouWang, text: line}))
	}
	card := s.reply(t, s.say(t, message{sender: ouWang, text: "/plan 本周"}))
	if card.MsgType != "interactive" {
		t.Fatalf("the week is a %s message, want a card: %s", card.MsgType, card.Content)
	}
	done := cardButton(t, card.Content, "done", "")
	if done == nil {
		t.Fatalf("no Done button on the week's card:\n%s", card.Content)
	}
	id, _ := done["id"].(string)
	week := "2025-W47"
	before := feishuExport(t, s.env, week)
	if st := itemStatus(t, before, id); st != "planned" {
		t.Fatalf("item %s is %s before the click, want planned", id, st)
	}

	steps := []struct {
		name, operator, token string
		wantOK                bool   // answered (HTTP 200), not refused
		wantToast             string // the toast's type; "" for none
		wantStatus            string // the item's status after the click
	}{
		{"another member's click", ouLi, feishuToken, true, "error", "planned"},
		{"a wrong verification token", ouWang, "forged", false, "", "planned"},
		{"the member's click", ouWang, feishuToken, true, "success", "done"},
	}
	for i, st := range steps {
		t.Run(st.name, func(t *testing.T) {
			event := s.Feishu.ClickEvent(feishutest.Click{
				EventID: fmt.Sprintf("click_%d", i), Token: st.token, Operator: st.operator, Card: card.ID, Value: done,
			})
			code, body := s.post(t, s.cb, event, nil)
			if (code == http.StatusOK) != st.wantOK {
				t.Fatalf("status %d %s, want answered=%v", code, body, st.wantOK)
			}
			if got := itemStatus(t, feishuExport(t, s.env, week), id); got != st.wantStatus {
				t.Errorf("item %s is %s after the click, want %s", id, got, st.wantStatus)
			}
			if st.wantToast == "" {
				return
			}
			var a clickAnswer
			decodeJSON(t, body, &a)
			if a.Toast.Type != st.wantToast || !strings.Contains(a.Toast.Content, "#"+id) {
				t.Errorf("toast %+v, want a %s toast about #%s", a.Toast, st.wantToast, id)
			}
			if st.wantToast == "error" {
				if a.Card.Data != nil {
					t.Errorf("a refused click redrew the card: %v", a.Card.Data)
				}
				return
			}
			redrawn := string(a.Card.Data)
			if a.Card.Type != "raw" || cardButton(t, redrawn, "done", id) != nil || !strings.Contains(redrawn, "#"+id+" ✅") {
				t.Errorf("the card redrawn (%s) still offers Done on #%s or does not show it done:\n%s", a.Card.Type, id, redrawn)
			}
			if cardButton(t, redrawn, "done", "") == nil {
				t.Errorf("the redrawn card lost the Done button of the other open item:\n%s", redrawn)
			}
		})
	}
	after := feishuExport(t, s.env, week)
	for i := range after {
		if !strings.HasPrefix(after[i], id+",") && !slices.Contains(before, after[i]) {
			t.Errorf("a click on #%s changed another row: %s", id, after[i])
		}
	}
}

// cardButton is the callback value of the first button with action on card
// (on item id, or any item when id is ""); nil when there is none.
func cardButton(t *testing.T, card, action, id string) map[string]any {
	t.Helper()
	values, err := feishutest.Buttons(card)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range values {
		if v["action"] == action && (id == "" || v["id"] == id) {
			return v
		}
	}
	return nil
}

// itemStatus is the status of item id in feishuExport's rows.
func itemStatus(t *testing.T, rows []string, id string) string {
	t.Helper()
	header := strings.Split(rows[0], ",")
	col := slices.Index(header, "status")
	if col < 0 {
		t.Fatalf("no status column in %s", rows[0])
	}
	for _, r := range rows[1:] {
		if f := strings.Split(r, ","); f[0] == id {
			return f[col]
		}
	}
	t.Fatalf("no item %s in\n%s", id, strings.Join(rows, "\n"))
	return ""
}
