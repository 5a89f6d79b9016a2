package feishutest

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	lark "github.com/larksuite/oapi-sdk-go/v3"
	larkevent "github.com/larksuite/oapi-sdk-go/v3/event"
	"github.com/larksuite/oapi-sdk-go/v3/event/dispatcher"
	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"
	larkws "github.com/larksuite/oapi-sdk-go/v3/ws"
)

// client is the SDK's client of the fake's app.
func client(s *Server) *lark.Client {
	return lark.NewClient(AppID, AppSecret, lark.WithOpenBaseUrl(s.URL), lark.WithLogger(nop{}))
}

// nop is an SDK logger that says nothing.
type nop struct{}

func (nop) Debug(context.Context, ...any) {}
func (nop) Info(context.Context, ...any)  {}
func (nop) Warn(context.Context, ...any)  {}
func (nop) Error(context.Context, ...any) {}

// send sends a text to a member through the SDK and returns the answer.
func send(t *testing.T, c *lark.Client, openID, text, uuid string) *larkim.CreateMessageResp {
	t.Helper()
	content, _ := json.Marshal(map[string]string{"text": text})
	body := larkim.NewCreateMessageReqBodyBuilder().ReceiveId(openID).MsgType("text").Content(string(content))
	if uuid != "" {
		body.Uuid(uuid)
	}
	resp, err := c.Im.V1.Message.Create(context.Background(), larkim.NewCreateMessageReqBuilder().ReceiveIdType("open_id").Body(body.Build()).Build())
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

// The same uuid within an hour sends one message and answers it again; an
// hour later it sends a new one.
func TestUUIDSendsOnceAnHour(t *testing.T) {
	s := New(t)
	now := time.Date(2025, 11, 23, 18, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	s.SetClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	c := client(s)
	first := send(t, c, "ou_ann", "周日复盘", "retro-W47")
	again := send(t, c, "ou_ann", "周日复盘", "retro-W47")
	if !first.Success() || !again.Success() || *first.Data.MessageId != *again.Data.MessageId {
		t.Fatalf("two sends with one uuid: %v then %v, want the same message", first.Data, again.Data)
	}
	if n := len(s.MessagesIn(DirectChat("ou_ann"))); n != 1 {
		t.Fatalf("%d messages in the chat, want 1", n)
	}
	mu.Lock()
	now = now.Add(uuidWindow)
	mu.Unlock()
	if later := send(t, c, "ou_ann", "周日复盘", "retro-W47"); *later.Data.MessageId == *first.Data.MessageId {
		t.Errorf("an hour later the uuid still answered %s", *first.Data.MessageId)
	}
}

// A Behaviour fails a method's calls with Feishu's code or an HTTP status
// after After calls, for Times calls; other methods answer as Feishu would.
func TestBehaviour(t *testing.T) {
	tests := []struct {
		name     string
		b        Behaviour
		wantCode int
	}{
		{"rate limit code", Behaviour{Code: RateLimited, After: 1, Times: 1}, RateLimited},
		{"HTTP 429", Behaviour{Status: http.StatusTooManyRequests, After: 1, Times: 1}, RateLimited},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := New(t)
			s.Set(MethodSend, tc.b)
			c := client(s)
			var codes []int
			for i := range 3 {
				codes = append(codes, send(t, c, "ou_ann", fmt.Sprint(i), "").Code)
			}
			if want := []int{0, tc.wantCode, 0}; fmt.Sprint(codes) != fmt.Sprint(want) {
				t.Errorf("codes %v, want %v", codes, want)
			}
			if n := len(s.Messages()); n != 2 {
				t.Errorf("%d messages sent, want 2", n)
			}
		})
	}
}

// A stalled call answers when the caller gives up.
func TestStall(t *testing.T) {
	s := New(t)
	s.Set(MethodSend, Behaviour{Stall: true})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	content := `{"text":"x"}`
	_, err := client(s).Im.V1.Message.Create(ctx, larkim.NewCreateMessageReqBuilder().ReceiveIdType("chat_id").
		Body(larkim.NewCreateMessageReqBodyBuilder().ReceiveId("oc_1").MsgType("text").Content(content).Build()).Build())
	if err == nil || len(s.Messages()) != 0 {
		t.Errorf("a stalled send: err %v, %d messages; want an error and none", err, len(s.Messages()))
	}
}

// A reply goes to the chat of the message it answers, in its thread when
// asked; a group's members come a page at a time.
func TestReplyAndMembers(t *testing.T) {
	s := New(t)
	c := client(s)
	parent := s.Incoming("oc_group", "ou_ann", `{"text":"@_user_1 本周"}`)
	resp, err := c.Im.V1.Message.Reply(context.Background(), larkim.NewReplyMessageReqBuilder().MessageId(parent).
		Body(larkim.NewReplyMessageReqBodyBuilder().MsgType("text").Content(`{"text":"本周"}`).ReplyInThread(true).Build()).Build())
	if err != nil || !resp.Success() {
		t.Fatalf("reply: %v %v", err, resp)
	}
	got := s.RepliesTo(parent)
	if len(got) != 1 || got[0].ChatID != "oc_group" || !got[0].Thread || got[0].Text() != "本周" {
		t.Errorf("replies %+v, want one in oc_group's thread saying 本周", got)
	}
	s.SetMembers("oc_group", "ou_1", "ou_2", "ou_3")
	s.AddUser("ou_2", "王芳")
	var ids, names []string
	token := ""
	for page := 0; page < 5; page++ {
		req := larkim.NewGetChatMembersReqBuilder().ChatId("oc_group").MemberIdType("open_id").PageSize(100)
		if token != "" {
			req.PageToken(token)
		}
		resp, err := c.Im.V1.ChatMembers.Get(context.Background(), req.Build())
		if err != nil || !resp.Success() {
			t.Fatalf("members: %v %v", err, resp)
		}
		for _, m := range resp.Data.Items {
			ids, names = append(ids, *m.MemberId), append(names, *m.Name)
		}
		if !*resp.Data.HasMore {
			break
		}
		token = *resp.Data.PageToken
	}
	if strings.Join(ids, " ") != "ou_1 ou_2 ou_3" || names[1] != "王芳" || s.Count(MethodChatMembers) != 2 {
		t.Errorf("members %v %v in %d pages, want ou_1 ou_2 ou_3 (王芳 second) in 2", ids, names, s.Count(MethodChatMembers))
	}
}

// recorder is a testing.TB that keeps the errors the fake reports.
type recorder struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// What Feishu would refuse, or show as planbot did not mean, fails the test
// and is not sent.
func TestChecksMessages(t *testing.T) {
	big := `{"elements":[{"tag":"markdown","content":"` + strings.Repeat("很", MaxCardBytes/3+1) + `"}]}`
	tests := []struct {
		name, msgType, content string
		bad                    bool
	}{
		{"plain text", "text", `{"text":"周二 对接4家企业 ‹at›"}`, false},
		{"a mention of all", "text", `{"text":"标题 <at user_id=\"all\"></at>"}`, true},
		{"a mention of one", "text", `{"text":"<at user_id=\"ou_1\">Tom</at>"}`, true},
		{"text not JSON", "text", `周二`, true},
		{"a card", "interactive", `{"schema":"2.0","body":{"elements":[]}}`, false},
		{"a card not JSON", "interactive", `{"schema":`, true},
		{"a card over 30 KB", "interactive", big, true},
		{"an image never uploaded", "image", `{"image_key":"img_x"}`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{TB: t}
			s := New(r)
			resp, err := client(s).Im.V1.Message.Create(context.Background(), larkim.NewCreateMessageReqBuilder().ReceiveIdType("chat_id").
				Body(larkim.NewCreateMessageReqBodyBuilder().ReceiveId("oc_1").MsgType(tc.msgType).Content(tc.content).Build()).Build())
			if err != nil {
				t.Fatal(err)
			}
			if bad := len(r.errs) > 0; bad != tc.bad || resp.Success() == tc.bad || len(s.Messages()) != map[bool]int{false: 1, true: 0}[tc.bad] {
				t.Errorf("reported %q, answered code %d, %d sent; want bad=%v", r.errs, resp.Code, len(s.Messages()), tc.bad)
			}
		})
	}
}

// An event built and encrypted here is what the SDK's dispatcher reads:
// Feishu's scheme, not the SDK's code, on this side.
func TestCallbackIsWhatTheSDKReads(t *testing.T) {
	s := New(t)
	const key, token = "encrypt-key-test", "verification-token-test"
	var got []string
	d := dispatcher.NewEventDispatcher(token, key)
	d.InitConfig(larkevent.WithLogger(nop{}))
	d.OnP2MessageReceiveV1(func(_ context.Context, ev *larkim.P2MessageReceiveV1) error {
		got = append(got, *ev.Event.Message.Content)
		return nil
	})
	_, event := s.MessageEvent(Incoming{EventID: "ev1", Token: token, Sender: "ou_ann", Text: "周二 对接4家企业"})
	for _, tc := range []struct {
		name   string
		forge  func(*http.Request)
		wantOK bool
	}{
		{"signed", func(*http.Request) {}, true},
		{"bad signature", func(r *http.Request) { r.Header.Set("X-Lark-Signature", strings.Repeat("0", 64)) }, false},
	} {
		req, err := Callback{EncryptKey: key}.Request("http://planbot/feishu/events", event, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		tc.forge(req)
		body, _ := io.ReadAll(req.Body)
		resp := d.Handle(context.Background(), &larkevent.EventReq{Header: req.Header, Body: body})
		if (resp.StatusCode == http.StatusOK) != tc.wantOK {
			t.Errorf("%s: status %d %s", tc.name, resp.StatusCode, resp.Body)
		}
	}
	if len(got) != 1 || !strings.Contains(got[0], "对接4家企业") {
		t.Errorf("the dispatcher read %q, want the one signed message", got)
	}
}

// An event pushed down the long connection reaches the SDK's ws client's
// handler, and its answer comes back; after a drop the client reconnects.
func TestLongConnection(t *testing.T) {
	s := New(t)
	handled := make(chan string, 2)
	d := dispatcher.NewEventDispatcher("", "")
	d.InitConfig(larkevent.WithLogger(nop{}))
	d.OnP2MessageReceiveV1(func(_ context.Context, ev *larkim.P2MessageReceiveV1) error {
		handled <- *ev.Event.Message.Content
		return nil
	})
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		done <- larkws.NewClient(AppID, AppSecret, larkws.WithEventHandler(d), larkws.WithDomain(s.URL), larkws.WithLogger(nop{})).Start(ctx)
	}()
	t.Cleanup(func() { cancel(); <-done })
	wait, stop := context.WithTimeout(ctx, 10*time.Second)
	defer stop()
	for i, text := range []string{"本周", "团队"} {
		if i > 0 {
			s.Drop()
		}
		_, event := s.MessageEvent(Incoming{EventID: fmt.Sprint("ev", i), Sender: "ou_ann", Text: text})
		status, _, err := s.Push(wait, event)
		if err != nil || status != http.StatusOK {
			t.Fatalf("push %d: status %d, %v", i, status, err)
		}
		if got := <-handled; !strings.Contains(got, text) {
			t.Errorf("handled %q, want %q", got, text)
		}
	}
	if n := s.Connections(); n != 2 {
		t.Errorf("%d connections, want 2 (one reconnect)", n)
	}
}
