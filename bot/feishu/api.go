package feishu

import (
	"bytes"
	"context"
	"errors"
	"fmt"

	lark "github.com/larksuite/oapi-sdk-go/v3"
	larkcore "github.com/larksuite/oapi-sdk-go/v3/core"
	larkcontact "github.com/larksuite/oapi-sdk-go/v3/service/contact/v3"
	larkim "github.com/larksuite/oapi-sdk-go/v3/service/im/v1"
)

// API is the part of Feishu's open platform planbot calls. SDK is it over the
// official SDK's client; a test may give the adapter a fake of its own.
type API interface {
	// Send sends a message (msgType text, interactive, image or file) to a
	// chat (idType "chat_id") or a member (idType "open_id"). A uuid makes
	// Feishu send it at most once within an hour, however often it is tried.
	Send(ctx context.Context, idType, id, msgType, content, uuid string) (messageID string, err error)
	// Reply answers the message messageID, in its thread when inThread is set.
	Reply(ctx context.Context, messageID, msgType, content string, inThread bool, uuid string) (string, error)
	// UploadImage uploads a PNG for an image message and returns its key.
	UploadImage(ctx context.Context, png []byte) (string, error)
	// UploadFile uploads a file for a file message and returns its key.
	UploadFile(ctx context.Context, name string, data []byte) (string, error)
	// UserName is a member's name from the contact API.
	UserName(ctx context.Context, openID string) (string, error)
	// ChatMembers lists a page of a group's members (open_id, name) and the
	// token of the next page ("" after the last).
	ChatMembers(ctx context.Context, chatID, pageToken string) ([]Member, string, error)
	// ChatOwner is the open_id of a group's owner ("" when a bot owns it).
	ChatOwner(ctx context.Context, chatID string) (string, error)
	// ChatName is a group's name.
	ChatName(ctx context.Context, chatID string) (string, error)
}

// Member is a member of a group chat as Feishu lists it.
type Member struct {
	OpenID, Name string
}

// SDK is API over the official SDK's services for messages (im) and names
// (contact), which fetch and cache the tenant's token themselves. It builds
// the two services it calls as lark.NewClient builds all of them, so that
// the other services (some hundred) are not linked into planbot: they cost
// 20 MB of binary and 10 MiB of memory.
type SDK struct {
	im      *larkim.V1
	contact *larkcontact.V3
}

var _ API = SDK{}

// NewSDK returns the SDK client of app appID at baseURL (Feishu's open
// platform, Lark's, or a test server), with the options of lark.NewClient.
func NewSDK(appID, appSecret, baseURL string, opts ...lark.ClientOptionFunc) SDK {
	config := &larkcore.Config{
		BaseUrl: baseURL, AppId: appID, AppSecret: appSecret,
		EnableTokenCache: true, AppType: larkcore.AppTypeSelfBuilt,
	}
	for _, opt := range opts {
		opt(config)
	}
	larkcore.NewLogger(config)
	larkcore.NewCache(config)
	larkcore.NewSerialization(config)
	larkcore.NewHttpClient(config)
	return SDK{im: larkim.New(config), contact: larkcontact.New(config)}
}

// apiError turns a Feishu answer that is no success into an error.
func apiError(call string, err error, resp interface {
	Success() bool
	ErrorResp() string
}) error {
	switch {
	case err != nil:
		return fmt.Errorf("%s: %w", call, err)
	case !resp.Success():
		return fmt.Errorf("%s: %s", call, resp.ErrorResp())
	}
	return nil
}

// Send sends a message to a chat or a member.
func (s SDK) Send(ctx context.Context, idType, id, msgType, content, uuid string) (string, error) {
	body := larkim.NewCreateMessageReqBodyBuilder().ReceiveId(id).MsgType(msgType).Content(content)
	if uuid != "" {
		body.Uuid(uuid)
	}
	resp, err := s.im.Message.Create(ctx, larkim.NewCreateMessageReqBuilder().ReceiveIdType(idType).Body(body.Build()).Build())
	if err := apiError("im.message.create", err, resp); err != nil {
		return "", err
	}
	return deref(resp.Data.MessageId), nil
}

// Reply answers a message.
func (s SDK) Reply(ctx context.Context, messageID, msgType, content string, inThread bool, uuid string) (string, error) {
	body := larkim.NewReplyMessageReqBodyBuilder().MsgType(msgType).Content(content).ReplyInThread(inThread)
	if uuid != "" {
		body.Uuid(uuid)
	}
	resp, err := s.im.Message.Reply(ctx, larkim.NewReplyMessageReqBuilder().MessageId(messageID).Body(body.Build()).Build())
	if err := apiError("im.message.reply", err, resp); err != nil {
		return "", err
	}
	return deref(resp.Data.MessageId), nil
}

// UploadImage uploads an image.
func (s SDK) UploadImage(ctx context.Context, png []byte) (string, error) {
	resp, err := s.im.Image.Create(ctx, larkim.NewCreateImageReqBuilder().
		Body(larkim.NewCreateImageReqBodyBuilder().ImageType("message").Image(bytes.NewReader(png)).Build()).Build())
	if err := apiError("im.image.create", err, resp); err != nil {
		return "", err
	}
	return deref(resp.Data.ImageKey), nil
}

// UploadFile uploads a file (an Excel report goes as "xls").
func (s SDK) UploadFile(ctx context.Context, name string, data []byte) (string, error) {
	resp, err := s.im.File.Create(ctx, larkim.NewCreateFileReqBuilder().
		Body(larkim.NewCreateFileReqBodyBuilder().FileType("xls").FileName(name).File(bytes.NewReader(data)).Build()).Build())
	if err := apiError("im.file.create", err, resp); err != nil {
		return "", err
	}
	return deref(resp.Data.FileKey), nil
}

// UserName reads a member's name.
func (s SDK) UserName(ctx context.Context, openID string) (string, error) {
	resp, err := s.contact.User.Get(ctx, larkcontact.NewGetUserReqBuilder().UserId(openID).UserIdType("open_id").Build())
	if err := apiError("contact.user.get", err, resp); err != nil {
		return "", err
	}
	if resp.Data.User == nil {
		return "", errors.New("contact.user.get: no user in Feishu's answer")
	}
	return deref(resp.Data.User.Name), nil
}

// ChatMembers lists a page of a group's members.
func (s SDK) ChatMembers(ctx context.Context, chatID, pageToken string) ([]Member, string, error) {
	req := larkim.NewGetChatMembersReqBuilder().ChatId(chatID).MemberIdType("open_id").PageSize(100)
	if pageToken != "" {
		req.PageToken(pageToken)
	}
	resp, err := s.im.ChatMembers.Get(ctx, req.Build())
	if err := apiError("im.chat.members.get", err, resp); err != nil {
		return nil, "", err
	}
	var members []Member
	for _, m := range resp.Data.Items {
		members = append(members, Member{OpenID: deref(m.MemberId), Name: deref(m.Name)})
	}
	next := ""
	if resp.Data.HasMore != nil && *resp.Data.HasMore {
		next = deref(resp.Data.PageToken)
	}
	return members, next, nil
}

// ChatOwner reads a group's owner.
func (s SDK) ChatOwner(ctx context.Context, chatID string) (string, error) {
	resp, err := s.im.Chat.Get(ctx, larkim.NewGetChatReqBuilder().ChatId(chatID).UserIdType("open_id").Build())
	if err := apiError("im.chat.get", err, resp); err != nil {
		return "", err
	}
	return deref(resp.Data.OwnerId), nil
}

// ChatName reads a group's name.
func (s SDK) ChatName(ctx context.Context, chatID string) (string, error) {
	resp, err := s.im.Chat.Get(ctx, larkim.NewGetChatReqBuilder().ChatId(chatID).Build())
	if err := apiError("im.chat.get", err, resp); err != nil {
		return "", err
	}
	return deref(resp.Data.Name), nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
