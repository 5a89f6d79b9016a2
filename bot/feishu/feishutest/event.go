package feishutest

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Mention is a member (or the bot) @-mentioned in a message: the text holds
// Key ("@_user_1") where Feishu showed the name.
type Mention struct {
	Key, OpenID, Name string
	Bot               bool // the mention of a bot (mentioned_type "bot")
}

// Incoming is a text message a member writes, as an event tells of it.
type Incoming struct {
	EventID  string    // the event's id: a redelivery has the same
	Token    string    // the verification token the event carries
	Sender   string    // the member's open_id
	ChatID   string    // a group's chat_id; "" for the member's direct chat with the bot
	Text     string    // the text, with the mentions' keys
	Mentions []Mention // in the order of their keys
}

// MessageEvent records m's message in its chat (Incoming) and returns its
// id and the im.message.receive_v1 event (schema 2.0) Feishu sends of it.
func (s *Server) MessageEvent(m Incoming) (messageID string, event []byte) {
	chatType, chat := "group", m.ChatID
	if chat == "" {
		chatType, chat = "p2p", DirectChat(m.Sender)
	}
	content, _ := json.Marshal(map[string]string{"text": m.Text})
	messageID = s.Incoming(chat, m.Sender, string(content))
	var mentions []map[string]any
	for _, mn := range m.Mentions {
		kind := "user"
		if mn.Bot {
			kind = "bot"
		}
		mentions = append(mentions, map[string]any{
			"key": mn.Key, "name": mn.Name, "tenant_key": TenantKey, "mentioned_type": kind,
			"id": map[string]string{"open_id": mn.OpenID, "union_id": "on_" + mn.OpenID, "user_id": ""},
		})
	}
	ms := strconv.FormatInt(s.clock().UnixMilli(), 10)
	event, _ = json.Marshal(map[string]any{
		"schema": "2.0",
		"header": map[string]any{
			"event_id": m.EventID, "token": m.Token, "create_time": ms, "event_type": "im.message.receive_v1",
			"tenant_key": TenantKey, "app_id": AppID,
		},
		"event": map[string]any{
			"sender": map[string]any{
				"sender_id":   map[string]string{"open_id": m.Sender, "union_id": "on_" + m.Sender, "user_id": ""},
				"sender_type": "user", "tenant_key": TenantKey,
			},
			"message": map[string]any{
				"message_id": messageID, "create_time": ms, "update_time": ms, "chat_id": chat, "chat_type": chatType,
				"message_type": "text", "content": string(content), "mentions": mentions,
			},
		},
	})
	return messageID, event
}

// clock reads the fake's clock.
func (s *Server) clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}

// URLVerification is the request Feishu sends to check a request URL: the
// app must answer {"challenge":challenge}.
func URLVerification(token, challenge string) []byte {
	b, _ := json.Marshal(map[string]string{"challenge": challenge, "token": token, "type": "url_verification"})
	return b
}

// Callback is how Feishu delivers an event to an app's request URL: with an
// Encrypt Key, the body is {"encrypt":…} and the request is signed.
type Callback struct {
	EncryptKey string // "" for none: the event is sent as it is, unsigned
}

// Request is the POST of event to url as Feishu sends it at time at.
func (c Callback) Request(url string, event []byte, at time.Time) (*http.Request, error) {
	body := event
	if c.EncryptKey != "" {
		enc, err := Encrypt(c.EncryptKey, event)
		if err != nil {
			return nil, err
		}
		body, _ = json.Marshal(map[string]string{"encrypt": enc})
	}
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json; charset=utf-8")
	if c.EncryptKey != "" {
		ts, nonce := strconv.FormatInt(at.Unix(), 10), nonce()
		req.Header.Set("X-Lark-Request-Timestamp", ts)
		req.Header.Set("X-Lark-Request-Nonce", nonce)
		req.Header.Set("X-Lark-Signature", Sign(ts, nonce, c.EncryptKey, body))
	}
	return req, nil
}

// nonce is a request's random nonce.
func nonce() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// Sign is Feishu's signature of a request: the hex SHA-256 of timestamp,
// nonce, the Encrypt Key and the body, one after another.
func Sign(timestamp, nonce, encryptKey string, body []byte) string {
	h := sha256.New()
	h.Write([]byte(timestamp + nonce + encryptKey))
	h.Write(body)
	return hex.EncodeToString(h.Sum(nil))
}

// Encrypt is plain as Feishu encrypts an event: AES-256-CBC with the
// SHA-256 of the Encrypt Key as the key, PKCS#7 padding, a random 16-byte IV
// before the ciphertext, all in standard base64.
func Encrypt(encryptKey string, plain []byte) (string, error) {
	key := sha256.Sum256([]byte(encryptKey))
	block, err := aes.NewCipher(key[:])
	if err != nil {
		return "", fmt.Errorf("encrypt: %w", err)
	}
	pad := aes.BlockSize - len(plain)%aes.BlockSize
	padded := append(bytes.Clone(plain), bytes.Repeat([]byte{byte(pad)}, pad)...)
	out := make([]byte, aes.BlockSize+len(padded))
	if _, err := rand.Read(out[:aes.BlockSize]); err != nil {
		return "", fmt.Errorf("encrypt: %w", err)
	}
	cipher.NewCBCEncrypter(block, out[:aes.BlockSize]).CryptBlocks(out[aes.BlockSize:], padded)
	return base64.StdEncoding.EncodeToString(out), nil
}
