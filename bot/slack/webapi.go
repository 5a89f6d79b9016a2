package slack

import (
	"context"

	"github.com/slack-go/slack"
)

// WebAPI is the part of Slack's Web API the adapter calls. slack-go's
// *slack.Client has it; a test may give the adapter a fake of its own.
type WebAPI interface {
	// chat.postMessage
	PostMessageContext(ctx context.Context, channelID string, options ...slack.MsgOption) (string, string, error)
	// conversations.open (a direct message), conversations.members, conversations.history
	OpenConversationContext(ctx context.Context, params *slack.OpenConversationParameters) (*slack.Channel, bool, bool, error)
	GetUsersInConversationContext(ctx context.Context, params *slack.GetUsersInConversationParameters) ([]string, string, error)
	GetConversationHistoryContext(ctx context.Context, params *slack.GetConversationHistoryParameters) (*slack.GetConversationHistoryResponse, error)
	// users.info, users.list
	GetUserInfoContext(ctx context.Context, user string, options ...slack.GetUserInfoOption) (*slack.User, error)
	GetUsersPaginated(options ...slack.GetUsersOption) slack.UserPagination
	// views.open (the form), views.publish (the Home tab)
	OpenViewContext(ctx context.Context, triggerID string, view slack.ModalViewRequest) (*slack.ViewResponse, error)
	PublishViewContext(ctx context.Context, req slack.PublishViewContextRequest) (*slack.ViewResponse, error)
	// files.getUploadURLExternal and files.completeUploadExternal
	UploadFileContext(ctx context.Context, params slack.UploadFileParameters) (*slack.FileSummary, error)
}

var _ WebAPI = (*slack.Client)(nil)
