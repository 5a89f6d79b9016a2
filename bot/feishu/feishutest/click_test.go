package feishutest

import (
	"context"
	"io"
	"net/http"
	"testing"
	"time"

	larkevent "github.com/larksuite/oapi-sdk-go/v3/event"
	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher"
	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher/callback"
	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"
)

// A group's owner comes as an open_id, and none for a group a bot owns; a
// group the fake was not told of is one the bot is not in.
func TestChatOwner(t *testing.T) {
	s := New(t)
	s.SetChat("oc_team", "招商一组", "ou_wang")
	s.SetChat("oc_bots", "机器人群", "")
	tests := []struct {
		chat, wantOwner, wantName string
		wantCode                  int
	}{
		{"oc_team", "ou_wang", "招商一组", 0},
		{"oc_bots", "", "机器人群", 0},
		{"oc_elsewhere", "", "", 232011},
	}
	for _, tc := range tests {
		resp, err := client(s).Im.V1.Chat.Get(context.Background(), larkim.NewGetChatReqBuilder().ChatId(tc.chat).UserIdType("open_id").Build())
		if err != nil {
			t.Fatal(err)
		}
		if resp.Code != tc.wantCode {
			t.Errorf("%s: code %d, want %d", tc.chat, resp.Code, tc.wantCode)
			continue
		}
		if tc.wantCode != 0 {
			continue
		}
		var owner, name string
		if resp.Data.OwnerId != nil {
			owner = *resp.Data.OwnerId
		}
		if resp.Data.Name != nil {
			name = *resp.Data.Name
		}
		if owner != tc.wantOwner || name != tc.wantName {
			t.Errorf("%s: owner %q, name %q; want %q, %q", tc.chat, owner, name, tc.wantOwner, tc.wantName)
		}
	}
	if n := s.Count(MethodChat); n != len(tests) {
		t.Errorf("%d calls recorded, want %d", n, len(tests))
	}
}

// A click built by ClickEvent and delivered as Feishu does (signed and
// encrypted) reaches the SDK's card.action.trigger handler with the
// clicker, the button's value and the card's message and chat, and the
// handler's answer comes back as the response.
func TestClickIsWhatTheSDKReads(t *testing.T) {
	s := New(t)
	const key, token = "encrypt-key-test", "verification-token-test"
	card := `{"schema":"2.0","body":{"elements":[{"tag":"column_set","columns":[{"tag":"column","elements":[` +
		`{"tag":"button","text":{"tag":"plain_text","content":"完成"},"behaviors":[{"type":"callback","value":{"action":"done","id":"7"}}]}]}]},` +
		`{"tag":"button","behaviors":[{"type":"open_url","default_url":"https://example.com"}]}]}}`
	values, err := Buttons(card)
	if err != nil || len(values) != 1 || values[0]["id"] != "7" {
		t.Fatalf("Buttons = %v, %v; want the one callback button's value", values, err)
	}
	msg := s.Incoming("oc_team", "", card) // as if the bot had sent it
	var got *callback.CardActionTriggerEvent
	d := dispatcher.NewEventDispatcher(token, key)
	d.InitConfig(larkevent.WithLogger(nop{}))
	d.OnP2CardActionTrigger(func(_ context.Context, ev *callback.CardActionTriggerEvent) (*callback.CardActionTriggerResponse, error) {
		got = ev
		return &callback.CardActionTriggerResponse{Toast: &callback.Toast{Type: "success", Content: "ok"}}, nil
	})
	event := s.ClickEvent(Click{EventID: "click_1", Token: token, Operator: "ou_wang", Card: msg, Value: values[0]})
	req, err := Callback{EncryptKey: key}.Request("http://planbot/feishu/events", event, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(req.Body)
	resp := d.Handle(context.Background(), &larkevent.EventReq{Header: req.Header, Body: body})
	if resp.StatusCode != http.StatusOK || string(resp.Body) != `{"toast":{"type":"success","content":"ok"}}` {
		t.Errorf("answer %d %s, want the handler's toast", resp.StatusCode, resp.Body)
	}
	if got == nil {
		t.Fatal("the handler was not called")
	}
	e := got.Event
	if got.EventV2Base.Header.Token != token || got.EventV2Base.Header.EventID != "click_1" || got.EventV2Base.Header.TenantKey != TenantKey ||
		e.Operator.OpenID != "ou_wang" || e.Action.Value["action"] != "done" || e.Action.Value["id"] != "7" ||
		e.Context.OpenMessageID != msg || e.Context.OpenChatID != "oc_team" {
		t.Errorf("the SDK read header %+v, event %+v %+v %+v", got.EventV2Base.Header, e.Operator, e.Action, e.Context)
	}
}
